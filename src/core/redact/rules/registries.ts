/** Package registries: npm, PyPI, RubyGems, NuGet, Docker Hub, crates.io. */
import type { SecretRule } from '../rule';

export const REGISTRY_RULES: readonly SecretRule[] = [
  { kind: 'npm-token', keywords: ['npm_'], pattern: /\b(?<secret>npm_[A-Za-z0-9]{36})\b/g },
  // PyPI tokens are macaroons: `pypi-` then base64 that always opens with the same bytes.
  { kind: 'pypi-token', keywords: ['pypi-'], pattern: /\b(?<secret>pypi-AgE[A-Za-z0-9_-]{50,})/g },
  { kind: 'rubygems-api-key', keywords: ['rubygems_'], pattern: /\b(?<secret>rubygems_[a-f0-9]{48})\b/g },
  { kind: 'nuget-api-key', keywords: ['oy2'], pattern: /\b(?<secret>oy2[a-z0-9]{43})\b/g },
  { kind: 'docker-hub-token', keywords: ['dckr_pat_', 'dckr_oat_'], pattern: /\b(?<secret>dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,})(?![A-Za-z0-9_-])/g },
  {
    // `cio` opens many words, so the rule waits for a file that speaks of Cargo or crates.
    kind: 'crates-io-token',
    keywords: ['cargo', 'crates'],
    pattern: /\b(?<secret>cio[A-Za-z0-9]{32})\b/g,
  },
];
