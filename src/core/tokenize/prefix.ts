import { isSafeCut } from './pieceCounter';

/**
 * The shortest prefix of `text` at least `atLeast` UTF-16 units long that ends at a cut where
 * counts add up (see isSafeCut), or `text` itself when no such cut comes before its end. Its
 * count is then never above the count of `text`: a prefix that already counts more than a limit
 * proves `text` does too, without counting the rest.
 */
export function countablePrefix(text: string, atLeast: number): string {
  for (let p = Math.max(1, Math.ceil(atLeast)); p < text.length; p++) {
    if (isSafeCut(text, p)) return text.slice(0, p);
  }
  return text;
}
