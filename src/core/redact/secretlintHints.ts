/**
 * The prefilter of the secretlint detector (see secretlintFindings.ts), in a module of its own so
 * that testing a text does not load secretlint: most runs never see one of these prefixes.
 */

/** Substrings at least one secretlint rule needs to see before it can report anything. */
const HINTS = /\blin_(?:api|oauth)_|\bsecret_[A-Za-z0-9]{20}|\bntn_|\bdapi[0-9a-f]{16}|figd_/;

/** True when secretlint could report something in `text`. */
export function secretlintMightFind(text: string): boolean {
  return HINTS.test(text);
}
