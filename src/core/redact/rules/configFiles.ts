/**
 * Credentials in the formats of tools' own config files, wherever they appear (a Dockerfile that
 * writes an `.npmrc`, a CI script that fills `.netrc`): `.npmrc` auth entries, `.netrc`
 * passwords, `.pgpass` lines, Docker `config.json` auths and kubeconfig client keys. Files with
 * these names are dropped whole by the scan (see secretFileName.ts); `.pypirc` and `*.tfvars`
 * values are `key = value` pairs the generic rule reads.
 */
import type { SecretRule } from '../rule';
import { isPlaceholder } from '../entropy';
import { decodesToUserAndPassword } from './checks';

const notPlaceholder = (v: string): boolean => !isPlaceholder(v) && !/^\$|\$\{/.test(v);

/** npm's older tokens are UUIDs, which {@link isPlaceholder} takes for ids: here only templates and fillers are placeholders. */
const notTemplate = (v: string): boolean => !/^\$|\$\{|^<.*>$|^(?:x+|\*+)$|^your|changeme|placeholder/i.test(v);

export const CONFIG_FILE_RULES: readonly SecretRule[] = [
  {
    kind: 'npmrc-auth',
    keywords: ['_authtoken', '_auth', '_password'],
    pattern: /(?:^|[\s"':])_(?:authToken|auth|password)\s*=\s*["']?(?<secret>[^\s"']{8,})/gm,
    accept: notTemplate,
  },
  {
    kind: 'netrc-password',
    keywords: ['machine'],
    pattern: /\bmachine\s+\S+(?:\s+(?:login|account|port)\s+\S+)*\s+password\s+(?<secret>[^\s"'`]{4,})/g,
    accept: notPlaceholder,
  },
  {
    // host:port:database:user:password, as written into ~/.pgpass.
    kind: 'pgpass-password',
    keywords: ['pgpass'],
    pattern: /(?<![\w.:-])[A-Za-z0-9.*-]+:(?:\d{2,5}|\*):[\w*.-]+:[\w*.@-]+:(?<secret>[^\s"'`:]{4,})/g,
    accept: notPlaceholder,
  },
  {
    kind: 'docker-config-auth',
    keywords: ['"auth"'],
    pattern: /"auth"\s*:\s*"(?<secret>[A-Za-z0-9+/]{8,}={0,2})"/g,
    accept: decodesToUserAndPassword,
  },
  {
    kind: 'docker-config-auth',
    keywords: ['"identitytoken"', '"registrytoken"'],
    pattern: /"(?:identitytoken|registrytoken)"\s*:\s*"(?<secret>[^"\s]{16,})"/g,
    accept: notPlaceholder,
  },
  {
    kind: 'kubeconfig-client-key',
    keywords: ['client-key-data'],
    pattern: /client-key-data["']?\s*:\s*["']?(?<secret>[A-Za-z0-9+/]{20,}={0,2})/g,
  },
];
