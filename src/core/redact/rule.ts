/**
 * The shape of a secret rule. Rules are data: a kind, the keywords that must occur in a file
 * before the rule is worth running, and a pattern whose `secret` group (or whole match) is the
 * value replaced by `[REDACTED:<kind>]`, so the text around it (variable names, URL hosts, PEM
 * armour lines) stays as it was.
 */

/** What a rule's extra check may look at besides the value. */
export interface MatchContext {
  /** The `name` group: the variable the value is assigned to. */
  name?: string;
  /** The `quote` group: the quote around the value, '' when bare. */
  quote?: string;
  /** The `sep` group: what stands between the name and the value (`=`, `: `, `", `, `>`). */
  separator?: string;
  /** The file's path, when known. */
  path?: string;
  /** Up to 64 characters of text just before the match. */
  before: string;
}

/** One kind of secret and how to find it. */
export interface SecretRule {
  /** Kind written into `[REDACTED:<kind>]`. */
  kind: string;
  /**
   * Lower-case literals, one of which must occur (in any case) in a file for the rule to run.
   * They are the cheap first look: a file holding none of any rule's keywords is never matched.
   */
  keywords: readonly string[];
  /** Global regular expression; the `secret` group (or the whole match) is replaced. */
  pattern: RegExp;
  /**
   * The part of the secret just before the match, found in {@link MatchContext.before} (the
   * pattern should end with `$`); a finding needs it, and it is replaced with the match. A pattern
   * can then open with a rare literal (Mailchimp's `-us`) instead of a character class, which the
   * engine would try at every place in the text.
   */
  lead?: RegExp;
  /** Extra check on the captured value; findings that fail it are kept as they are. */
  accept?: (value: string, context: MatchContext) => boolean;
  /** Kind from the match's `name` group, for rules whose kind depends on the variable name. */
  kindOfName?: (name: string) => string;
}
