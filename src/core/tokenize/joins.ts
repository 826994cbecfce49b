/** Whitespace as the pre-tokenizers' `\s` sees it. */
const WHITESPACE = /^\s/u;

/**
 * True when `count(left) + count(right) === count(left + right)` is guaranteed for both
 * o200k_base and cl100k_base, so the renderer may count blocks separately and sum.
 *
 * Why: BPE never merges across pre-tokenizer pieces, so counts add up exactly when the
 * pre-tokenizer cuts the joined text at the join. When `left` ends with `\n`, its last piece
 * comes from `\s*[\r\n]+` or from ` ?[^\s\p{L}\p{N}]+[\r\n/]*` (o200k; cl100k: `[\r\n]*`);
 * the only characters that can extend those pieces are whitespace (`\s`, which includes `\r`,
 * `\n`, tabs, spaces, U+00A0, U+2028…) and, in o200k, `/` (so `;\n/` is one piece — a block
 * starting with `//` or `/*` after a line ending in punctuation changes the count). Any other
 * first character of `right` (`<`, `#`, `-`, `=`, a letter, a digit, a quote, CJK, emoji…) starts
 * a new piece, and `\n` cannot be the optional leading character of a word piece, so both
 * halves pre-tokenize exactly as they do alone. Joins after a `left` that does not end in `\n`
 * are reported unsafe even where some would be fine (e.g. after `>`).
 * The property is checked against js-tiktoken in test/unit/tokenize-joins.test.ts.
 */
export function isSafeJoin(left: string, right: string): boolean {
  if (left.length === 0 || right.length === 0) return true;
  if (!left.endsWith('\n')) return false;
  return right[0] !== '/' && !WHITESPACE.test(right);
}
