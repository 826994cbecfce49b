/**
 * Files that are secrets by nature: dotenv files, private keys, keystores and credential JSON.
 * Redacting values inside them is not enough (the whole file is the secret), so the scan drops
 * them with the reason `secret-file`.
 */

/** `.env` templates hold placeholders, not secrets, and document the configuration. */
const ENV_TEMPLATE = /\.(example|sample|template|dist|defaults?|schema|tmpl|tpl)$/i;
const ENV_FILE = /^\.env(\..+)?$|^.+\.env$/i;
const KEY_FILE = /\.(pem|key|p8|ppk|keystore|jks|p12|pfx|kdbx|gpg|age|ovpn)$/i;
const SSH_PRIVATE_KEY = /^id_(rsa|dsa|ecdsa|ed25519|ecdsa_sk|ed25519_sk)(?!.*\.pub$)/;
const CREDENTIAL_FILE = new Set([
  'credentials.json', 'client_secret.json', 'client_secrets.json', 'secrets.json', 'secrets.yml', 'secrets.yaml',
  '.npmrc', '.pypirc', '.netrc', '_netrc', '.git-credentials', '.htpasswd', '.pgpass',
  'credentials', 'master.key', 'credentials.yml.enc', 'terraform.tfstate', 'terraform.tfstate.backup',
]);
const CREDENTIAL_PATTERN = /service[-_]?account.*\.json$|^client_secret.*\.json$|\.tfvars(?:\.json)?$/i;
/** Files whose name is ordinary but whose folder makes them credentials: Docker's and kubectl's own configs. */
const CREDENTIAL_PATH = /(?:^|\/)\.docker\/config\.json$|(?:^|\/)\.kube\/config$/;

/** True when the file at `path` (any `/`-separated path; the name counts, and the folder for a few) is a secret by nature. */
export function isSecretFileName(path: string): boolean {
  if (CREDENTIAL_PATH.test(path)) return true;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (ENV_FILE.test(name)) return !ENV_TEMPLATE.test(name);
  if (name.endsWith('.pub')) return false;
  return KEY_FILE.test(name) || SSH_PRIVATE_KEY.test(name) || CREDENTIAL_FILE.has(name) || CREDENTIAL_PATTERN.test(name);
}
