/** Identity and secret stores: Okta, Auth0, HashiCorp Vault, Doppler, 1Password, Pulumi, Terraform Cloud. */
import type { SecretRule } from '../rule';
import { assignedTo, randomValue } from './checks';

export const IDENTITY_RULES: readonly SecretRule[] = [
  { kind: 'okta-api-token', keywords: ['ssws'], pattern: /\bSSWS\s+(?<secret>00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/g },
  {
    kind: 'okta-api-token',
    keywords: ['okta'],
    pattern: new RegExp(String.raw`${assignedTo('okta')}(?<secret>00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])`, 'gi'),
  },
  {
    kind: 'auth0-client-secret',
    keywords: ['auth0'],
    pattern: new RegExp(String.raw`${assignedTo('auth0[A-Za-z0-9_.-]{0,20}secret')}(?<secret>[A-Za-z0-9_-]{64,})(?![A-Za-z0-9_-])`, 'gi'),
    accept: randomValue(64),
  },
  {
    // Vault 1.10+ tokens: `hvs.` (service), `hvb.` (batch), `hvr.` (recovery), then base64url.
    kind: 'vault-token',
    keywords: ['hvs.', 'hvb.', 'hvr.'],
    pattern: /\b(?<secret>hv[sbr]\.[A-Za-z0-9_-]{90,300})(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'vault-token',
    keywords: ['vault'],
    pattern: new RegExp(String.raw`${assignedTo('vault[A-Za-z0-9_.-]{0,20}token')}(?<secret>[sbr]\.[A-Za-z0-9]{24})(?![A-Za-z0-9])`, 'gi'),
  },
  {
    kind: 'doppler-token',
    keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    pattern: /\b(?<secret>dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})\b/g,
  },
  { kind: '1password-token', keywords: ['ops_ey'], pattern: /\b(?<secret>ops_eyJ[A-Za-z0-9+/]{250,}={0,3})(?![A-Za-z0-9+/=])/g },
  {
    kind: '1password-secret-key',
    keywords: ['a3-'],
    pattern: /\b(?<secret>A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b/g,
  },
  { kind: 'pulumi-token', keywords: ['pul-'], pattern: /\b(?<secret>pul-[a-f0-9]{40})\b/g },
  {
    kind: 'terraform-cloud-token',
    keywords: ['atlasv1'],
    pattern: /\b(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])/g,
  },
];
