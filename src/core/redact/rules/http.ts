/**
 * HTTP credentials: `Authorization: Basic …` and `Bearer …` headers, in code, shell scripts and configs.
 * The patterns open with the literal word (any case): a pattern that opens with a literal is
 * found by a fast string search, one that opens with a character class is tried at every place.
 */
import type { SecretRule } from '../rule';
import { looksRandom } from '../entropy';
import { decodesToUserAndPassword } from './checks';

export const HTTP_RULES: readonly SecretRule[] = [
  {
    kind: 'basic-auth',
    keywords: ['basic'],
    pattern: /\bbasic\s+(?<secret>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/gi,
    accept: decodesToUserAndPassword,
  },
  {
    kind: 'bearer-token',
    keywords: ['bearer'],
    pattern: /\bbearer\s+(?<secret>[A-Za-z0-9._~+/-]{20,}={0,2})(?![A-Za-z0-9._~+/=-])/gi,
    accept: (v) => looksRandom(v, 20),
  },
];
