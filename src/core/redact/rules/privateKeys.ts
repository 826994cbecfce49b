/**
 * Private key blocks: PKCS#8 (`PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`), PKCS#1 and SEC1
 * (`RSA PRIVATE KEY`, `EC PRIVATE KEY`, `DSA PRIVATE KEY`), OpenSSH (`OPENSSH PRIVATE KEY`) and
 * PGP (`PGP PRIVATE KEY BLOCK`). Only the body between the armour lines is replaced.
 */
import type { SecretRule } from '../rule';

/** A body of key material holds long base64 runs; `-----BEGIN PRIVATE KEY----- ... -----END` in a doc comment does not. */
const HOLDS_KEY_MATERIAL = /[A-Za-z0-9+/]{32}/;

export const PRIVATE_KEY_RULES: readonly SecretRule[] = [
  {
    kind: 'private-key',
    keywords: ['private key'],
    pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----(?<secret>[\s\S]*?)-----END \1PRIVATE KEY\2-----/g,
    accept: (v) => HOLDS_KEY_MATERIAL.test(v),
  },
];
