/** Small checks shared by the rule tables. */
import { looksRandom } from '../entropy';

/** True when `value` holds both a digit and a letter: random tokens do, words and numbers do not. */
export const hasDigitAndLetter = (value: string): boolean => /\d/.test(value) && /[A-Za-z]/.test(value);

/** True when `value` is random enough to be a secret of at least `minLength` characters. */
export const randomValue =
  (minLength = 16) =>
  (value: string): boolean =>
    looksRandom(value, minLength);

/**
 * True when base64 `value` decodes to `user:password` text, the way HTTP Basic credentials and
 * Docker `auths` entries are built; random base64 and words rarely decode to printable text with a colon.
 */
export function decodesToUserAndPassword(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  return colon > 0 && colon < decoded.length - 1 && /^[\x20-\x7e]+$/.test(decoded) && !/^(?:user(?:name)?|login):(?:pass(?:word)?)$/i.test(decoded);
}

/**
 * The start of an assignment to a name holding one of `words`, in the syntaxes config files and
 * code use (`NAME=`, `name: `, `"name": "`, `name := `, `name => `), as a regular expression
 * source ending just before the value (and its optional quote). For keyword-led rules such as
 * `cohere` or `datadog`: the word alone is common, the word next to an assignment is not.
 */
export function assignedTo(words: string): string {
  return String.raw`(?:${words})[A-Za-z0-9_.-]{0,40}["']?\s*(?:=|:=|:|=>|,)\s*["'\`]?`;
}
