/** Cloud platforms: AWS, Google Cloud, Azure, Alibaba Cloud, DigitalOcean, Heroku, Cloudflare, Fly.io, Vercel, Netlify. */
import type { SecretRule } from '../rule';
import { assignedTo } from './checks';

export const CLOUD_RULES: readonly SecretRule[] = [
  {
    kind: 'aws-access-key-id',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    pattern: /\b(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})\b/g,
    // AWS's documentation key, AKIAIOSFODNN7EXAMPLE, appears in countless READMEs and tests.
    accept: (v) => !v.endsWith('EXAMPLE'),
  },
  {
    kind: 'aws-secret-access-key',
    keywords: ['aws_secret', 'awssecret', 'aws-secret'],
    pattern: /aws[_-]?secret[_-]?(?:access[_-]?)?key["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
  },
  { kind: 'google-api-key', keywords: ['aiza'], pattern: /\b(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g },
  {
    kind: 'azure-storage-key',
    keywords: ['accountkey=', 'sharedaccesskey='],
    pattern: /\b(?:AccountKey|SharedAccessKey)=(?<secret>[A-Za-z0-9+/]{20,}={0,2})/g,
  },
  { kind: 'azure-sas-signature', keywords: ['sig='], pattern: /[?&]sig=(?<secret>[A-Za-z0-9%+/=]{20,})/g },
  {
    // Entra ID (Azure AD) client secrets: three characters, a digit, `Q~`, then 31 to 34 more.
    kind: 'azure-client-secret',
    keywords: ['q~'],
    pattern: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g,
  },
  { kind: 'alibaba-access-key-id', keywords: ['ltai'], pattern: /\b(?<secret>LTAI[A-Za-z0-9]{20})\b/g },
  {
    kind: 'alibaba-secret-key',
    keywords: ['alibaba', 'aliyun'],
    pattern: new RegExp(String.raw`${assignedTo('alibaba|aliyun')}(?<secret>[A-Za-z0-9]{30})(?![A-Za-z0-9])`, 'gi'),
  },
  { kind: 'digitalocean-token', keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'], pattern: /\b(?<secret>do[por]_v1_[a-f0-9]{64})\b/g },
  { kind: 'heroku-api-key', keywords: ['hrku-'], pattern: /\b(?<secret>HRKU-AA[0-9A-Za-z_-]{58})(?![0-9A-Za-z_-])/g },
  {
    // Heroku's older API keys are UUIDs, told from any other UUID only by the name next to them.
    kind: 'heroku-api-key',
    keywords: ['heroku'],
    pattern: new RegExp(String.raw`${assignedTo('heroku[_-]?(?:api[_-]?)?(?:key|token)')}(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`, 'gi'),
  },
  {
    kind: 'cloudflare-api-token',
    keywords: ['cloudflare', 'cf_api'],
    pattern: new RegExp(String.raw`${assignedTo('cloudflare|cf_api')}(?<secret>[A-Za-z0-9_-]{40}|[a-f0-9]{37})(?![A-Za-z0-9_-])`, 'gi'),
  },
  { kind: 'cloudflare-origin-ca-key', keywords: ['v1.0-'], pattern: /\b(?<secret>v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b/g },
  {
    kind: 'fly-token',
    keywords: ['fo1_', 'fm1a_', 'fm1r_', 'fm2_'],
    pattern: /\b(?<secret>fo1_[A-Za-z0-9_-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,}={0,3}|fm2_[A-Za-z0-9+/]{100,}={0,3})(?![A-Za-z0-9_+/=-])/g,
  },
  {
    kind: 'vercel-token',
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    pattern: /\b(?<secret>vc[pikar]_[A-Za-z0-9]{20,60})(?![A-Za-z0-9])/g,
  },
  {
    kind: 'netlify-token',
    keywords: ['nfp_', 'nfc_', 'nfo_', 'nfu_', 'nfb_'],
    pattern: /\b(?<secret>nf[pcoub]_[A-Za-z0-9]{36})(?![A-Za-z0-9])/g,
  },
];
