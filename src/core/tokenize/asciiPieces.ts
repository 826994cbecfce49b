/**
 * A hand-written pre-tokenizer for ASCII text that cuts exactly where js-tiktoken's regexes
 * (o200k_base and cl100k_base `pat_str`) cut, several times faster than running the regex.
 * Non-ASCII text goes through the regex instead (see PieceCounter); equality with the regex is
 * checked on real corpora and random strings in test/unit/tokenize-exact.test.ts.
 *
 * In ASCII, `\p{Lu}` is A–Z, `\p{Ll}` is a–z, `\p{N}` is 0–9, `\s` is \t \n \v \f \r and space;
 * `\p{Lt}`, `\p{Lm}`, `\p{Lo}` and `\p{M}` are empty.
 */

const LOWER = 1;
const UPPER = 2;
const DIGIT = 4;
const SPACE = 8;
const NEWLINE = 16;
const LETTER = LOWER | UPPER;

const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 97 && c <= 122) CLASSES[c] = LOWER;
  else if (c >= 65 && c <= 90) CLASSES[c] = UPPER;
  else if (c >= 48 && c <= 57) CLASSES[c] = DIGIT;
  else if (c === 10 || c === 13) CLASSES[c] = SPACE | NEWLINE;
  else if (c === 9 || c === 11 || c === 12 || c === 32) CLASSES[c] = SPACE;
}

/** Which pattern to follow. */
export type PieceFlavor = 'o200k' | 'cl100k';

function classAt(text: string, i: number, end: number): number {
  return i < end ? (CLASSES[text.charCodeAt(i)] as number) : -1;
}

/** End of the optional contraction (`'s`, `'re`, `'ll`…, any case) at `i`, or `i` when none. */
function contractionEnd(text: string, i: number, end: number): number {
  if (i + 1 >= end || text.charCodeAt(i) !== 39) return i;
  const a = text.charCodeAt(i + 1) | 32;
  if (a === 115 || a === 116 || a === 109 || a === 100) return i + 2; // s t m d
  if (i + 2 >= end) return i;
  const b = text.charCodeAt(i + 2) | 32;
  if ((a === 114 || a === 118) && b === 101) return i + 3; // re ve
  if (a === 108 && b === 108) return i + 3; // ll
  return i;
}

function runEnd(text: string, i: number, end: number, mask: number): number {
  while (i < end && ((CLASSES[text.charCodeAt(i)] as number) & mask) !== 0) i++;
  return i;
}

/** `\s*[\r\n]+ | \s+(?!\S) | \s+` at a whitespace char `i`. */
function whitespaceEnd(text: string, i: number, end: number): number {
  const k = runEnd(text, i, end, SPACE);
  for (let j = k - 1; j >= i; j--) if (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13) return j + 1;
  if (k === end) return k;
  return k - 1 > i ? k - 1 : k;
}

/** Punctuation run, then trailing \r \n (and `/` for o200k). */
function punctuationEnd(text: string, i: number, end: number, o200k: boolean): number {
  let j = i;
  while (j < end && (CLASSES[text.charCodeAt(j)] as number) === 0) j++;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13 || (o200k && c === 47)) j++;
    else break;
  }
  return j;
}

/** o200k word pieces: `P?[Lu]*[Ll]+C?` then `P?[Lu]+[Ll]*C?`, starting after the prefix at `j`. */
function o200kWordEnd(text: string, j: number, end: number): number {
  const upperEnd = runEnd(text, j, end, UPPER);
  const lowerEnd = runEnd(text, upperEnd, end, LOWER);
  if (lowerEnd > upperEnd || upperEnd > j) return contractionEnd(text, lowerEnd, end);
  return -1;
}

/**
 * End of the piece starting at `i` (< `end`), for text[i, end) treated as a whole string.
 * Every char in the range must be ASCII.
 */
export function asciiPieceEnd(text: string, i: number, end: number, flavor: PieceFlavor): number {
  const o200k = flavor === 'o200k';
  const cls = CLASSES[text.charCodeAt(i)] as number;
  if (!o200k && text.charCodeAt(i) === 39) {
    const c = contractionEnd(text, i, end);
    if (c > i) return c;
  }
  if (cls & LETTER) return o200k ? o200kWordEnd(text, i, end) : runEnd(text, i, end, LETTER);
  if (cls & DIGIT) return Math.min(runEnd(text, i, end, DIGIT), i + 3);
  if ((cls & NEWLINE) === 0 && (classAt(text, i + 1, end) & LETTER) > 0) {
    // A one-char prefix (anything but \r, \n, letters, digits) glued to the word after it.
    if (!o200k) return runEnd(text, i + 1, end, LETTER);
    const word = o200kWordEnd(text, i + 1, end);
    if (word > 0) return word;
  }
  if (cls === 0) return punctuationEnd(text, i, end, o200k);
  if (text.charCodeAt(i) === 32 && classAt(text, i + 1, end) === 0) return punctuationEnd(text, i + 1, end, o200k);
  return whitespaceEnd(text, i, end);
}
