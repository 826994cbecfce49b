/**
 * An encoding's BPE ranks packed into typed arrays: every token's bytes in one buffer and an
 * open-addressing hash table over them. Looking a byte string up costs about what a Map lookup
 * does, but the whole table is a few flat arrays (~5 MB for o200k_base, against ~30 MB of Map
 * entries), and it is written once at build time (dist/ranks-<encoding>.bin) so a token worker
 * loads it with one file read instead of decoding 200k base64 tokens on every start.
 */

/** js-tiktoken's rank source: the pre-tokenizer pattern and the compressed ranks. */
export interface TiktokenRanksJson {
  pat_str: string;
  bpe_ranks: string;
}

/** The packed table. */
export interface RankIndex {
  /** js-tiktoken's pre-tokenizer pattern. */
  readonly pattern: string;
  /** Every token's bytes, one after another. */
  readonly bytes: Uint8Array;
  /** Token k's bytes are bytes[offsets[k], offsets[k + 1]). */
  readonly offsets: Int32Array;
  /** Token k's rank. */
  readonly ranks: Int32Array;
  /** Hash slots (a power of two): 0 is empty, else a token's index plus one. */
  readonly slots: Int32Array;
}

const MAGIC = 'tome-ranks 1\n';

/** File name of the packed table of `encoding`, which the build writes beside the bundles. */
export function rankIndexFileName(encoding: string): string {
  return `ranks-${encoding}.bin`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) SEXTET[BASE64.charCodeAt(i)] = i;

/** FNV-1a over the chars of a latin1 string, seeded with its length. */
function hashLatin1(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** The same hash over bytes[start, end). */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h;
}

/**
 * Packs js-tiktoken's compressed ranks, `<tag> <first rank> <token64> <token64> …` per line with
 * ranks counting up from the first.
 */
export function buildRankIndex(source: TiktokenRanksJson): RankIndex {
  const text = source.bpe_ranks;
  const out: number[] = [];
  const offsets: number[] = [0];
  const ranks: number[] = [];
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
        decodeBase64Into(text, at, end, out);
        offsets.push(out.length);
        ranks.push(rank++);
        at = end + 1;
      }
    }
    lineStart = lineEnd + 1;
  }
  const bytes = Uint8Array.from(out);
  const offsetArray = Int32Array.from(offsets);
  let size = 1;
  while (size < ranks.length * 2) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let k = 0; k < ranks.length; k++) {
    let slot = hashBytes(bytes, offsetArray[k] as number, offsetArray[k + 1] as number) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = k + 1;
  }
  return { pattern: source.pat_str, bytes, offsets: offsetArray, ranks: Int32Array.from(ranks), slots };
}

function decodeBase64Into(text: string, start: number, end: number, out: number[]): void {
  let buffer = 0;
  let bits = 0;
  for (let i = start; i < end; i++) {
    const value = SEXTET[text.charCodeAt(i)] ?? -1;
    if (value < 0) break; // `=` padding
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
}

/** Rank of the token whose bytes are `bytes` (a latin1 string, one char per byte), if any. */
export function lookupRank(index: RankIndex, bytes: string): number | undefined {
  const n = bytes.length;
  if (n === 0) return undefined;
  const { slots, offsets } = index;
  const buffer = index.bytes;
  const mask = slots.length - 1;
  let slot = hashLatin1(bytes) & mask;
  for (;;) {
    const entry = slots[slot] as number;
    if (entry === 0) return undefined;
    const start = offsets[entry - 1] as number;
    if ((offsets[entry] as number) - start === n) {
      let k = 0;
      while (k < n && buffer[start + k] === bytes.charCodeAt(k)) k++;
      if (k === n) return index.ranks[entry - 1];
    }
    slot = (slot + 1) & mask;
  }
}

interface Header {
  pattern: string;
  tokens: number;
  slots: number;
  bytes: number;
  littleEndian: boolean;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The file form: a magic line, a JSON header line, padding to a multiple of 4 bytes, then the
 * offsets, ranks and slots (Int32, this machine's byte order) and the token bytes.
 */
export function serializeRankIndex(index: RankIndex): Uint8Array {
  const header: Header = {
    pattern: index.pattern,
    tokens: index.ranks.length,
    slots: index.slots.length,
    bytes: index.bytes.length,
    littleEndian: LITTLE_ENDIAN,
  };
  let head = `${MAGIC}${JSON.stringify(header)}\n`;
  while (Buffer.byteLength(head) % 4 !== 0) head += ' ';
  const headBytes = Buffer.from(head, 'utf8');
  const ints = [index.offsets, index.ranks, index.slots];
  const intBytes = ints.reduce((sum, a) => sum + a.byteLength, 0);
  const out = new Uint8Array(headBytes.length + intBytes + index.bytes.length);
  out.set(headBytes, 0);
  let at = headBytes.length;
  for (const a of ints) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
  }
  out.set(index.bytes, at);
  return out;
}

/**
 * The table in a file written by serializeRankIndex, or undefined when the file is not one
 * (another version, another byte order, cut short): the caller then builds it from the source.
 */
export function parseRankIndex(file: Uint8Array): RankIndex | undefined {
  const magic = Buffer.from(MAGIC, 'utf8');
  if (file.length < magic.length || !Buffer.from(file.buffer, file.byteOffset, magic.length).equals(magic)) return undefined;
  const headerEnd = file.indexOf(10, magic.length);
  if (headerEnd < 0) return undefined;
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(file.buffer, file.byteOffset + magic.length, headerEnd - magic.length).toString('utf8')) as Header;
  } catch {
    return undefined;
  }
  if (header.littleEndian !== LITTLE_ENDIAN || typeof header.pattern !== 'string') return undefined;
  let at = headerEnd + 1;
  while (at % 4 !== 0) at++;
  const { tokens, slots, bytes } = header;
  if (![tokens, slots, bytes].every((n) => Number.isInteger(n) && n > 0) || (slots & (slots - 1)) !== 0) return undefined;
  if (file.length !== at + 4 * (tokens + 1 + tokens + slots) + bytes) return undefined;
  // Typed-array views need 4-byte alignment in the underlying buffer.
  const data = file.byteOffset % 4 === 0 ? file : new Uint8Array(file);
  const base = data.byteOffset;
  const offsets = new Int32Array(data.buffer, base + at, tokens + 1);
  at += 4 * (tokens + 1);
  const ranks = new Int32Array(data.buffer, base + at, tokens);
  at += 4 * tokens;
  const slotArray = new Int32Array(data.buffer, base + at, slots);
  at += 4 * slots;
  const byteArray = new Uint8Array(data.buffer, base + at, bytes);
  if (offsets[0] !== 0 || offsets[tokens] !== bytes) return undefined;
  return { pattern: header.pattern, bytes: byteArray, offsets, ranks, slots: slotArray };
}
