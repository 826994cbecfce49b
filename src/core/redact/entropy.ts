/**
 * Shannon entropy and placeholder checks for values found next to secret-sounding names. Real
 * secrets are random; the values that fill examples and templates are not.
 */

/** Bits of entropy per character of `value`. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Words of templates and examples, as whole words (between non-letters) so that a long random key
 * that happens to hold `none` or `todo` is still a key. Runs of x and the usual filler stay substrings.
 */
const PLACEHOLDER_WORDS =
  /(?:^|[^a-z])(?:change_?me|example|placeholder|your|dummy|sample|redacted|insert|replace|todo|here|null|undefined|none|not_?set|fake|test)(?:$|[^a-z])|xxxx|secret_here|password123/i;
const TEMPLATE_SYNTAX = /^\$|\$\{|\{\{|\}\}|<[^>]*>|%\(|%[sd]|^@|process\.env|os\.environ|getenv|\bENV\[/i;
/** Lower-case words joined by dashes, dots or underscores: a slug or a name, not a random value. */
const SLUG = /^[a-z]+(?:[-_.][a-z]+)+$/;
const REPEATED = /^(.)\1*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GIT_SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
/** An identifier or member path such as `config.apiKey`: code, not a value. */
const CODE_REFERENCE = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$|^[A-Za-z_$][A-Za-z_$]*$/;

/** True when `value` is an obvious placeholder, a reference to somewhere else, or an id. */
export function isPlaceholder(value: string): boolean {
  return (
    value.length === 0 ||
    REPEATED.test(value) ||
    SLUG.test(value) ||
    PLACEHOLDER_WORDS.test(value) ||
    TEMPLATE_SYNTAX.test(value) ||
    UUID.test(value) ||
    GIT_SHA.test(value) ||
    CODE_REFERENCE.test(value) ||
    /^\d+$/.test(value)
  );
}

/**
 * Made of words: capitalised or lower-case runs of two letters or more, upper-case acronyms,
 * short numbers and separators (`FlowPasswordRequiredV2`, `msal:acquireToken`, `bin/cli.js`).
 * Names and paths are built this way; random strings almost never split so cleanly.
 */
const WORDS = /^(?:[A-Z]?[a-z]{2,}|[A-Z]{2,}(?![a-z])|[A-Z](?=\d)|\d{1,4}|[-_.:/@ ])+$/;

/**
 * The looser split, which also takes short capitalised words and single capitals (`SignUp`,
 * `token_A_constructor`). Random strings split this way too, but into pieces of one or two
 * letters, so it counts only when the letter pieces are long on average (see {@link isWordLike}).
 */
const LOOSE_WORDS = /^(?:[A-Z][a-z]+|[a-z]{2,}|[A-Z]+(?![a-z])|\d{1,4}|[-_.:/@ ])+$/;
const LETTER_PIECES = /[A-Z][a-z]+|[a-z]{2,}|[A-Z]+(?![a-z])/g;

/** Letters per piece that words reach and random strings do not (`JOtMF9I3qluMM…` splits into pieces of about two). */
const MIN_LETTERS_PER_WORD = 3;

function splitsIntoWords(value: string): boolean {
  if (!LOOSE_WORDS.test(value)) return false;
  const pieces = value.match(LETTER_PIECES) ?? [];
  const letters = pieces.reduce((sum, p) => sum + p.length, 0);
  return pieces.length > 0 && letters / pieces.length >= MIN_LETTERS_PER_WORD;
}

/** True when `value` reads as words, a name or a path rather than random characters. */
export function isWordLike(value: string): boolean {
  return WORDS.test(value) || splitsIntoWords(value) || value.startsWith('/') || value.startsWith('./') || value.startsWith('../');
}

/** Entropy a value must reach to count as a secret; short values cannot reach high figures. */
export const MIN_SECRET_ENTROPY = 3.0;

/** True when `value` looks like a random secret (letters and digits, no words) rather than a name, id or placeholder. */
export function looksRandom(value: string, minLength = 8): boolean {
  return (
    value.length >= minLength &&
    /\d/.test(value) &&
    /[A-Za-z]/.test(value) &&
    !isPlaceholder(value) &&
    !isWordLike(value) &&
    shannonEntropy(value) >= MIN_SECRET_ENTROPY
  );
}
