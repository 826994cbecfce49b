import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Encoding } from '../types';
import { buildRankIndex, lookupRank, parseRankIndex, rankIndexFileName, type RankIndex, type TiktokenRanksJson } from './rankIndex';

/** One rank table: the pre-tokenizer pattern and the BPE ranks keyed by byte string. */
export interface RankTable {
  /** js-tiktoken's pre-tokenizer pattern, used with the `gu` flags exactly as js-tiktoken does. */
  readonly pattern: string;
  /** Rank of the token whose bytes are `bytes` (a latin1 string, one char per byte). */
  rank(bytes: string): number | undefined;
}

/**
 * The ranks of one encoding, loaded on first use: each table is megabytes of source, and most
 * runs need one encoding (or none, when every count comes from the cache). Plain `require` calls
 * keep the load synchronous; the build maps each to its own file beside the bundle
 * (dist/ranks-<encoding>.js, see scripts/build.mjs), so loading a bundle does not parse them.
 */
const loaders: Record<Encoding, () => TiktokenRanksJson> = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  o200k_base: () => require('js-tiktoken/ranks/o200k_base') as TiktokenRanksJson,
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  cl100k_base: () => require('js-tiktoken/ranks/cl100k_base') as TiktokenRanksJson,
};

/** Tables in this thread, by encoding: immutable, so every counter here shares one. */
const indexes = new Map<Encoding, RankIndex>();

/**
 * The packed table of `encoding`: read from the file the build wrote beside this bundle (one
 * read, no decoding), else built from js-tiktoken's source (~0.1-0.2 s, when running from the
 * TypeScript sources or when the file is missing or unreadable).
 */
function rankIndexOf(encoding: Encoding): RankIndex {
  let index = indexes.get(encoding);
  if (index === undefined) {
    index = readPacked(encoding) ?? buildRankIndex(loaders[encoding]());
    indexes.set(encoding, index);
  }
  return index;
}

function readPacked(encoding: Encoding): RankIndex | undefined {
  if (typeof __dirname !== 'string') return undefined;
  try {
    return parseRankIndex(readFileSync(join(__dirname, rankIndexFileName(encoding))));
  } catch {
    return undefined;
  }
}

/** The rank table of `encoding`. */
export function createRankTable(encoding: Encoding): RankTable {
  const index = rankIndexOf(encoding);
  return { pattern: index.pattern, rank: (bytes) => lookupRank(index, bytes) };
}
