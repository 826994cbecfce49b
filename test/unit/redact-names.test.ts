import { describe, expect, it } from 'vitest';
import { isSecretFileName } from '../../src/core/redact';

describe('isSecretFileName', () => {
  it.each([
    '.env', '.env.local', '.env.production', 'config/.env.development.local', 'prod.env',
    'server.pem', 'tls/private.key', 'id_rsa', '.ssh/id_ed25519', 'id_ecdsa', 'release.jks', 'cert.p12', 'cert.pfx',
    'android.keystore', 'credentials.json', 'gcp-service-account.json', 'my_service_account_prod.json',
    'client_secret_1234.apps.googleusercontent.com.json', '.npmrc', '.netrc', '.git-credentials', 'prod.tfvars',
    '.pypirc', '.pgpass', 'prod.auto.tfvars', 'prod.tfvars.json', 'home/.docker/config.json', '.kube/config',
  ])('treats %s as a secret by nature', (path) => {
    expect(isSecretFileName(path)).toBe(true);
  });

  it.each([
    '.env.example', '.env.sample', '.env.template', 'config/.env.local.example', 'id_rsa.pub', 'id_ed25519.pub',
    'src/env.ts', 'environment.ts', 'config.json', 'docker/config.json', 'kube/config', 'variables.tf', 'keys.ts', 'src/key.tsx', 'README.md', 'package.json', 'tokenizer.json', 'account.json',
  ])('keeps %s', (path) => {
    expect(isSecretFileName(path)).toBe(false);
  });
});
