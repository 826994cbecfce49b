/** Observability: Datadog, New Relic, Sentry, Grafana, Honeycomb. */
import type { SecretRule } from '../rule';
import { assignedTo, hasDigitAndLetter } from './checks';

export const OBSERVABILITY_RULES: readonly SecretRule[] = [
  {
    // Datadog API keys (32 hex digits) and application keys (40) carry no prefix; the name tells.
    kind: 'datadog-api-key',
    keywords: ['datadog', 'dd_api', 'dd_app', 'dd-api', 'dd-app', 'ddapi', 'ddapp'],
    pattern: new RegExp(String.raw`${assignedTo('datadog|dd[_-]?(?:api|app(?:lication)?)[_-]?key')}(?<secret>[a-f0-9]{40}|[a-f0-9]{32})\b`, 'gi'),
    accept: hasDigitAndLetter,
  },
  {
    kind: 'new-relic-key',
    keywords: ['nrak-', 'nrii-', 'nrjs-', 'nral'],
    pattern: /\b(?<secret>NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19}|[a-f0-9]{36}NRAL)\b/g,
  },
  {
    kind: 'sentry-token',
    keywords: ['sntrys_', 'sntryu_'],
    pattern: /\b(?<secret>sntrys_eyJ[A-Za-z0-9+/=_-]{80,}|sntryu_[a-f0-9]{64})(?![A-Za-z0-9+/=_-])/g,
  },
  {
    kind: 'grafana-token',
    keywords: ['glc_', 'glsa_', 'eyjrijoi'],
    pattern: /\b(?<secret>glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9+/]{70,400}={0,2})(?![A-Za-z0-9+/=_])/g,
  },
  {
    // Ingest and management keys: `hc`, one letter, `ik_` or `mk_`, a 26-character id and a 32-character secret.
    kind: 'honeycomb-api-key',
    keywords: ['ik_', 'mk_'],
    pattern: /\b(?<secret>hc[a-z][im]k_[a-z0-9]{58})\b/g,
  },
  {
    kind: 'honeycomb-api-key',
    keywords: ['honeycomb'],
    pattern: new RegExp(String.raw`${assignedTo('honeycomb')}(?<secret>[a-f0-9]{32}|[A-Za-z0-9]{22})(?![A-Za-z0-9])`, 'gi'),
    accept: hasDigitAndLetter,
  },
];
