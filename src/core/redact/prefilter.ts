/**
 * The cheap first look of the redact stage: can any detector find something in this text? Most
 * files hold no secret-shaped token and no secret-sounding name with a value assigned to it; those
 * skip the detectors and, above all, secretlint, which costs about twice all own detectors
 * together. On ordinary code this check costs about as much as the own detectors it saves, so its
 * worth is in keeping secretlint (and its hint pattern) off nine files in ten.
 */

/**
 * Exact-case starts of token-shaped secrets, for Tome's own detectors and secretlint's rules.
 * Case matters: case-blind, `eyJ` hides in identifiers like `keyJob`.
 */
const TOKEN_HINT =
  /PRIVATE KEY|private_key|AKIA|ASIA|ABIA|ACCA|A3T|gh[pousr]_|github_pat_|gl(?:pat|dt|rt|ptt|cbt|oas|c|sa)[-_]|xox[abposre]-|xapp-|hooks\.slack\.com|[sr]k_(?:live|test)_|sk-|AIza|AccountKey=|SharedAccessKey=|sig=|\b(?:SK|AC)[0-9a-fA-F]{32}\b|SG\.|npm_|pypi-|eyJ[A-Za-z0-9_-]{8,}\.eyJ|:\/\/[^\s/@:]*:[^\s/@]+@|\bhf_|\bgsk_|\blin_(?:api|oauth)_|\bsecret_[A-Za-z0-9]{20}|\bntn_|\bshp(?:at|ss|ca|pa)_|\bops_ey|\bhv[sbr]\.|vercel|\bdapi[0-9a-f]{16}|dckr_pat_|figd_/;

/**
 * A secret-sounding name with a value of secret length assigned to it. The name alone is not
 * enough: `token` is in most code.
 */
const ASSIGNED_NAME =
  /(?:passw|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|credential)[A-Za-z0-9_.-]*["']?\s*(?:[:=]|=>)\s*["'`]?[^\s"'`,;()[\]{}]{8}/i;

/** True when one of the detectors could find a secret in `text`; false means surely none. */
export function mayHoldSecrets(text: string): boolean {
  return TOKEN_HINT.test(text) || ASSIGNED_NAME.test(text);
}
