import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
import type { Encoding } from '../types';

/** One rank table: the pre-tokenizer pattern and the BPE ranks keyed by byte string. */
export interface RankTable {
  /** js-tiktoken's pre-tokenizer pattern, used with the `gu` flags exactly as js-tiktoken does. */
  readonly pattern: string;
  /**
   * Rank of every token, keyed by its bytes as a latin1 string (one char per byte). Building
   * this map is the expensive part of loading a table (~0.25 s for o200k), so it is built on
   * first use; most texts are answered from the piece memo before it is needed.
   */
  ranks(): ReadonlyMap<string, number>;
}

interface TiktokenRanksJson {
  pat_str: string;
  bpe_ranks: string;
}

const sources: Record<Encoding, TiktokenRanksJson> = { o200k_base: o200kBase, cl100k_base: cl100kBase };

/**
 * Parses js-tiktoken's compressed rank format: lines of `<first-char> <offset> <token64> …`,
 * token i of a line having rank offset + i.
 */
function buildRankMap(bpeRanks: string): Map<string, number> {
  const map = new Map<string, number>();
  let lineStart = 0;
  while (lineStart < bpeRanks.length) {
    let lineEnd = bpeRanks.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = bpeRanks.length;
    const fields = bpeRanks.slice(lineStart, lineEnd).split(' ');
    lineStart = lineEnd + 1;
    if (fields.length < 2) continue;
    const offset = Number.parseInt(fields[1] ?? '', 10);
    for (let i = 2; i < fields.length; i++) {
      map.set(Buffer.from(fields[i] ?? '', 'base64').toString('latin1'), offset + i - 2);
    }
  }
  return map;
}

/** A rank table whose map is built lazily, once per table object. */
export function createRankTable(encoding: Encoding): RankTable {
  const source = sources[encoding];
  let map: Map<string, number> | undefined;
  return {
    pattern: source.pat_str,
    ranks: () => (map ??= buildRankMap(source.bpe_ranks)),
  };
}
