/**
 * Databases and backends: passwords in connection URLs (Postgres, MySQL, MongoDB, Redis, AMQP…),
 * Supabase, PlanetScale, Firebase Cloud Messaging, Algolia.
 */
import type { SecretRule } from '../rule';
import { assignedTo, hasDigitAndLetter } from './checks';

/** How documentation writes a password it does not mean: variables, stars, fillers, templates. */
const PLACEHOLDER_PASSWORD = /^(?:\$\{?[A-Za-z_]\w*\}?|\*+|x+|<.*>|\{\{.*\}\}|%\(.*\)s|password|pass|passwd|secret|changeme|pw)$/i;

export const DATABASE_RULES: readonly SecretRule[] = [
  {
    kind: 'url-password',
    keywords: ['://'],
    // Four characters at least: `abc:xyz@`, `foo:bar@` and `a:b@` are how documentation writes
    // URLs. No backslash: RFC 3986 allows none in the user part, so `\uD7FF` is a string escape.
    // The `anonymous` user is anonymous FTP's convention (RFC 1635): its password is public;
    // scott/tiger is Oracle's sample account, in database documentation everywhere.
    pattern: /:\/\/(?<name>[^\s:@/'"`<>\\]{0,128}):(?<secret>[^\s@/'"`<>\\]{4,256})@[A-Za-z0-9[\]._-]/gi,
    accept: (v, { name }) => !PLACEHOLDER_PASSWORD.test(v) && name !== 'anonymous' && !(name === 'scott' && v.startsWith('tiger')),
  },
  {
    kind: 'supabase-key',
    keywords: ['sbp_', 'sb_secret_'],
    pattern: /\b(?<secret>sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{31,})(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'planetscale-token',
    keywords: ['pscale_'],
    pattern: /\b(?<secret>pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.-]{32,64})(?![A-Za-z0-9_.-])/g,
  },
  { kind: 'firebase-server-key', keywords: ['aaaa'], pattern: /\b(?<secret>AAAA[A-Za-z0-9_-]{7}:[A-Za-z0-9_-]{140})(?![A-Za-z0-9_-])/g },
  {
    // Algolia admin and write keys; search-only keys are public by design and named so.
    kind: 'algolia-api-key',
    keywords: ['algolia'],
    pattern: new RegExp(String.raw`(?<name>${assignedTo('algolia')})(?<secret>[a-f0-9]{32})\b`, 'gi'),
    accept: (v, { name }) => hasDigitAndLetter(v) && !/search/i.test(name ?? ''),
  },
];
