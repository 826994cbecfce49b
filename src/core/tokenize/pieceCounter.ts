import type { Encoding } from '../types';
import { asciiPieceEnd, type PieceFlavor } from './asciiPieces';
import { countBytePairTokens } from './bpe';
import { PieceMemo } from './pieceMemo';
import { createRankTable, type RankTable } from './ranks';

/** Pieces longer than this are counted but not remembered (long literals rarely repeat). */
const MEMO_MAX_PIECE_LENGTH = 64;

// Any UTF-16 unit outside ASCII (no `u` flag: a plain scan of units is faster, and finds the same index).
const NON_ASCII = /[^\0-\x7f]/g;

/**
 * True when text may be cut before index `p` without changing counts, judged from ASCII chars
 * only: no piece can span the cut, and the pre-tokenizers have no lookbehind, so the text after
 * the cut is cut into the same pieces either way. Safe cuts:
 * - after a letter, before an ASCII char that is not a letter or `'` (a word piece only grows
 *   by letters, marks and a contraction);
 * - after a digit, before an ASCII char that is not a digit (digit pieces are `\p{N}{1,3}`);
 * - after `\n`, before a char that is neither whitespace nor `/` (see isSafeJoin).
 */
export function isSafeCut(text: string, p: number): boolean {
  const before = text.charCodeAt(p - 1);
  const c = text.charCodeAt(p);
  if (c >= 128) return false;
  if (isAsciiLetter(before)) return !isAsciiLetter(c) && c !== 39;
  if (before >= 48 && before <= 57) return c < 48 || c > 57;
  return before === 10 && c > 32 && c < 127 && c !== 47;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Counts tokens exactly as js-tiktoken's `encode(text, [], []).length` does: the same
 * pre-tokenization, then byte-pair encoding of each piece. Source code repeats the same pieces
 * (keywords, identifiers, indentation) endlessly, so each piece's count is memoized and most
 * pieces cost one Map lookup instead of a UTF-8 encode and a BPE run.
 *
 * ASCII stretches are cut by a hand-written scanner; stretches holding other chars go through
 * js-tiktoken's own regex. The text is split between the two only at cuts where counts add up.
 *
 * Special-token strings such as `<|endoftext|>` are counted as ordinary text (js-tiktoken's
 * plain `encode(text)` would throw on them; a codebase may well contain them).
 */
export class PieceCounter {
  private readonly table: RankTable;
  private readonly pattern: RegExp;
  private readonly flavor: PieceFlavor;
  private readonly memo = new PieceMemo();
  // Counts of two-char ASCII pieces by their two char codes (0: not known yet). A third of all
  // pieces in source code are two chars long; an array index is cheaper than hashing them.
  private readonly pairs = new Uint8Array(128 * 128);

  constructor(readonly encoding: Encoding) {
    this.table = createRankTable(encoding);
    this.pattern = new RegExp(this.table.pattern, 'gu');
    this.flavor = encoding === 'o200k_base' ? 'o200k' : 'cl100k';
  }

  /** Exact token count of `text`. */
  count(text: string): number {
    let total = 0;
    let pos = 0;
    while (pos < text.length) {
      NON_ASCII.lastIndex = pos;
      const found = NON_ASCII.exec(text);
      if (!found) return total + this.countAscii(text, pos, text.length);
      let start = found.index;
      while (start > pos && !isSafeCut(text, start)) start--;
      let end = found.index + 1;
      while (end < text.length && !isSafeCut(text, end)) end++;
      total += this.countAscii(text, pos, start);
      total += this.countWithRegex(text.slice(start, end));
      pos = end;
    }
    return total;
  }

  /** Token count of the pure-ASCII text[start, end), cut by the ASCII scanner. */
  countAscii(text: string, start: number, end: number): number {
    let total = 0;
    let i = start;
    while (i < end) {
      const next = asciiPieceEnd(text, i, end, this.flavor);
      const length = next - i;
      if (length === 1) {
        total += 1;
      } else if (length === 2) {
        const key = (text.charCodeAt(i) << 7) | text.charCodeAt(i + 1);
        let known = this.pairs[key] as number;
        if (known === 0) known = this.pairs[key] = countBytePairTokens(text.slice(i, next), this.table.rank);
        total += known;
      } else {
        const known = this.memo.get(text, i, next);
        total += known >= 0 ? known : this.countPiece(text, i, next, text.slice(i, next));
      }
      i = next;
    }
    return total;
  }

  /** Token count of `text` cut by js-tiktoken's regex. */
  countWithRegex(text: string): number {
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    let total = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const piece = match[0];
      const known = this.memo.get(piece, 0, piece.length);
      total += known >= 0 ? known : this.countPiece(piece, 0, piece.length, Buffer.from(piece, 'utf8').toString('latin1'));
    }
    return total;
  }

  /** BPE-counts text[start, end) (given as UTF-8 `bytes`) and remembers short pieces. */
  private countPiece(text: string, start: number, end: number, bytes: string): number {
    const tokens = countBytePairTokens(bytes, this.table.rank);
    if (end - start <= MEMO_MAX_PIECE_LENGTH) this.memo.set(text, start, end, tokens);
    return tokens;
  }
}
