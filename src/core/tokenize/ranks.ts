import type { Encoding } from '../types';

/** One rank table: the pre-tokenizer pattern and the BPE ranks keyed by byte string. */
export interface RankTable {
  /** js-tiktoken's pre-tokenizer pattern, used with the `gu` flags exactly as js-tiktoken does. */
  readonly pattern: string;
  /** Rank of the token whose bytes are `bytes` (a latin1 string, one char per byte). */
  rank(bytes: string): number | undefined;
}

interface TiktokenRanksJson {
  pat_str: string;
  bpe_ranks: string;
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
const loaded = new Map<Encoding, TiktokenRanksJson>();

function ranksOf(encoding: Encoding): TiktokenRanksJson {
  let source = loaded.get(encoding);
  if (source === undefined) loaded.set(encoding, (source = loaders[encoding]()));
  return source;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) SEXTET[BASE64.charCodeAt(i)] = i;

/** Decodes base64 text[start, end) into a latin1 string. */
function decodeBase64(text: string, start: number, end: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = start; i < end; i++) {
    const value = SEXTET[text.charCodeAt(i)] ?? -1;
    if (value < 0) break; // `=` padding
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

/**
 * A rank table whose lookup maps are built lazily, one per first byte. js-tiktoken's compressed
 * format is `<tag> <first rank> <token64> <token64> …`, ranks counting up from the first. Building
 * one Map of all 200k tokens took ~0.3 s per worker thread; here one pass only records where each
 * token is and its first byte, and a byte's Map is built the first time a piece starting with that
 * byte needs BPE — source code in one script touches only a fraction of the table.
 */
export function createRankTable(encoding: Encoding): RankTable {
  const source = ranksOf(encoding);
  const text = source.bpe_ranks;
  let index: { starts: Int32Array; ends: Int32Array; ranks: Int32Array; groupStart: Int32Array } | undefined;
  const groups: (Map<string, number> | undefined)[] = new Array<Map<string, number> | undefined>(256).fill(undefined);

  const buildIndex = (): NonNullable<typeof index> => {
    const starts: number[] = [];
    const ends: number[] = [];
    const ranks: number[] = [];
    const firstBytes: number[] = [];
    let lineStart = 0;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const tagEnd = text.indexOf(' ', lineStart);
      const offsetEnd = tagEnd < 0 || tagEnd >= lineEnd ? -1 : text.indexOf(' ', tagEnd + 1);
      if (offsetEnd > 0 && offsetEnd < lineEnd) {
        let rank = Number.parseInt(text.slice(tagEnd + 1, offsetEnd), 10);
        let at = offsetEnd + 1;
        while (at < lineEnd) {
          let end = text.indexOf(' ', at);
          if (end < 0 || end > lineEnd) end = lineEnd;
          starts.push(at);
          ends.push(end);
          ranks.push(rank++);
          firstBytes.push((((SEXTET[text.charCodeAt(at)] ?? 0) << 2) | ((SEXTET[text.charCodeAt(at + 1)] ?? 0) >> 4)) & 0xff);
          at = end + 1;
        }
      }
      lineStart = lineEnd + 1;
    }
    // Counting sort of the tokens by first byte.
    const groupStart = new Int32Array(257);
    for (const b of firstBytes) (groupStart[b + 1] as number)++;
    for (let b = 0; b < 256; b++) groupStart[b + 1] = (groupStart[b + 1] as number) + (groupStart[b] as number);
    const fill = groupStart.slice(0, 256);
    const order = { starts: new Int32Array(starts.length), ends: new Int32Array(starts.length), ranks: new Int32Array(starts.length) };
    firstBytes.forEach((b, i) => {
      const slot = (fill[b] as number)++;
      order.starts[slot] = starts[i] as number;
      order.ends[slot] = ends[i] as number;
      order.ranks[slot] = ranks[i] as number;
    });
    return { ...order, groupStart };
  };

  const groupFor = (firstByte: number): Map<string, number> => {
    let group = groups[firstByte];
    if (group) return group;
    const idx = (index ??= buildIndex());
    group = new Map();
    for (let k = idx.groupStart[firstByte] as number; k < (idx.groupStart[firstByte + 1] as number); k++) {
      group.set(decodeBase64(text, idx.starts[k] as number, idx.ends[k] as number), idx.ranks[k] as number);
    }
    groups[firstByte] = group;
    return group;
  };

  return {
    pattern: source.pat_str,
    rank: (bytes) => (bytes.length === 0 ? undefined : groupFor(bytes.charCodeAt(0) & 0xff).get(bytes)),
  };
}
