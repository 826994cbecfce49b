/**
 * Every secret rule, in priority order: where two findings overlap, the earlier rule wins, so
 * exact provider formats come before the header, URL and config-file rules, and the generic
 * name-and-value rule comes last.
 */
import type { SecretRule } from '../rule';
import { AI_RULES } from './ai';
import { CLOUD_RULES } from './cloud';
import { COMMUNICATION_RULES } from './communications';
import { CONFIG_FILE_RULES } from './configFiles';
import { DATABASE_RULES } from './databases';
import { GENERIC_RULES } from './generic';
import { HTTP_RULES } from './http';
import { IDENTITY_RULES } from './identity';
import { OBSERVABILITY_RULES } from './observability';
import { PAYMENT_RULES } from './payments';
import { PRIVATE_KEY_RULES } from './privateKeys';
import { REGISTRY_RULES } from './registries';
import { SOURCE_HOSTING_RULES } from './sourceHosting';

export const SECRET_RULES: readonly SecretRule[] = [
  ...PRIVATE_KEY_RULES,
  ...CLOUD_RULES,
  ...SOURCE_HOSTING_RULES,
  ...REGISTRY_RULES,
  ...AI_RULES,
  ...COMMUNICATION_RULES,
  ...PAYMENT_RULES,
  ...OBSERVABILITY_RULES,
  ...IDENTITY_RULES,
  ...DATABASE_RULES,
  {
    kind: 'jwt',
    keywords: ['eyj'],
    pattern: /\b(?<secret>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})/g,
    // The example token of jwt.io's debugger, printed in docs and tests everywhere.
    accept: (v) => !v.endsWith('SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'),
  },
  ...HTTP_RULES,
  ...CONFIG_FILE_RULES,
  ...GENERIC_RULES,
];
