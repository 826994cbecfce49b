import type { Encoding } from '../types';
import { countBytePairTokens } from './bpe';
import { createRankTable, type RankTable } from './ranks';

/** Pieces longer than this are counted but not remembered (long literals rarely repeat). */
const MEMO_MAX_PIECE_LENGTH = 64;
/** The memo is dropped and restarted past this many entries, to bound memory on huge trees. */
const MEMO_MAX_ENTRIES = 400_000;

/**
 * Counts tokens exactly as js-tiktoken's `encode(text, [], []).length` does: the same
 * pre-tokenizer regex, then byte-pair encoding of each piece. Source code repeats the same
 * pieces (keywords, identifiers, indentation) endlessly, so each piece's count is memoized and
 * most pieces cost one Map lookup instead of a UTF-8 encode and a BPE run.
 *
 * Special-token strings such as `<|endoftext|>` are counted as ordinary text (js-tiktoken's
 * plain `encode(text)` would throw on them; a codebase may well contain them).
 */
export class PieceCounter {
  private readonly table: RankTable;
  private readonly pattern: RegExp;
  private memo = new Map<string, number>();

  constructor(readonly encoding: Encoding) {
    this.table = createRankTable(encoding);
    this.pattern = new RegExp(this.table.pattern, 'gu');
  }

  /** Exact token count of `text`. */
  count(text: string): number {
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    let total = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const piece = match[0];
      const known = this.memo.get(piece);
      if (known !== undefined) {
        total += known;
        continue;
      }
      const tokens = countBytePairTokens(Buffer.from(piece, 'utf8').toString('latin1'), this.table.ranks());
      total += tokens;
      if (piece.length <= MEMO_MAX_PIECE_LENGTH) this.remember(piece, tokens);
    }
    return total;
  }

  private remember(piece: string, tokens: number): void {
    if (this.memo.size >= MEMO_MAX_ENTRIES) this.memo = new Map();
    this.memo.set(piece, tokens);
  }
}
