import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactFile, redactText } from '../../src/core/redact';
import type { ReadFile } from '../../src/core/types';
import { fixturePath } from '../support/fixtureTree';
import { corpusRedacted, corpusText, secretCorpus } from '../support/fixtureSecrets';

const secretsDir = fixturePath('redact-secrets');
const cleanDir = fixturePath('redact-clean');

describe('redactText on the fake-secret corpus', () => {
  const corpus = secretCorpus();

  it('has the committed corpus equal to its generator output', () => {
    expect(readdirSync(secretsDir).sort()).toEqual(corpus.map((f) => f.name).sort());
    for (const file of corpus) expect(readFileSync(join(secretsDir, file.name), 'utf8')).toBe(corpusText(file));
  });

  for (const file of corpus) {
    it(`replaces every secret in ${file.name} and leaves every other byte as it was`, async () => {
      const text = readFileSync(join(secretsDir, file.name), 'utf8');
      const result = await redactText(text, file.name);
      expect(result.text).toBe(corpusRedacted(file));
      const expectedKinds: Record<string, number> = {};
      for (const piece of file.pieces) if (typeof piece !== 'string') expectedKinds[piece.kind] = (expectedKinds[piece.kind] ?? 0) + 1;
      expect(result.kinds).toEqual(expectedKinds);
      expect(result.redactions).toBe(Object.values(expectedKinds).reduce((a, b) => a + b, 0));
    });
  }

  it('covers every kind the stage promises', () => {
    const kinds = new Set(corpus.flatMap((f) => f.pieces.flatMap((p) => (typeof p === 'string' ? [] : [p.kind]))));
    for (const kind of [
      'aws-access-key-id', 'aws-secret-access-key', 'github-token', 'gitlab-token', 'slack-token', 'slack-webhook-url',
      'stripe-key', 'openai-api-key', 'anthropic-api-key', 'google-api-key', 'azure-storage-key', 'twilio-api-key',
      'twilio-auth-token', 'sendgrid-api-key', 'npm-token', 'pypi-token', 'private-key', 'jwt', 'url-password', 'password',
    ]) {
      expect(kinds).toContain(kind);
    }
  });
});

describe('redactText on ordinary code', () => {
  for (const name of readdirSync(cleanDir).sort()) {
    it(`leaves ${name} byte-identical`, async () => {
      const text = readFileSync(join(cleanDir, name), 'utf8');
      const result = await redactText(text, name);
      expect(result).toEqual({ text, redactions: 0, kinds: {} });
    });
  }

  it('redacts a random value assigned to a secret name but not a word or a reference', async () => {
    const random = 'q7ZrX2mN9vLk4TpB';
    expect((await redactText(`db_password = "${random}"\n`)).text).toBe('db_password = "[REDACTED:password]"\n');
    expect((await redactText('db_password = "correcthorse"\n')).redactions).toBe(0);
    expect((await redactText('db_password = settings.database.password\n')).redactions).toBe(0);
  });

  it('still redacts a random key that happens to contain a filler word', async () => {
    const key = 'sk-proj-Qw7RtYnoneUi9OpAsDfGh3JkLzXcVbNm5';
    expect((await redactText(`OPENAI_KEY=${key}\n`)).text).toBe('OPENAI_KEY=[REDACTED:openai-api-key]\n');
  });

  it('finds a secret that a placeholder-looking neighbour does not hide', async () => {
    const text = 'a = "changeme"\nb = "ghp_' + 'Ab1'.repeat(12) + '"\n';
    expect((await redactText(text)).text).toBe('a = "changeme"\nb = "[REDACTED:github-token]"\n');
  });
});

describe('redactText with secretlint', () => {
  it('redacts kinds only secretlint knows, such as Hugging Face tokens', async () => {
    const token = `hf_${'kQzvXbNmRtLpWcYd'.repeat(2)}Ab`;
    const result = await redactText(`HF_TOKEN=${token}\nMODEL=gpt2\n`, '.env.txt');
    expect(result.text).toBe('HF_TOKEN=[REDACTED:huggingface-token]\nMODEL=gpt2\n');
  });
});

describe('redactFile', () => {
  it('returns the file with redacted text and counts per kind, other fields untouched', async () => {
    const file: ReadFile = {
      path: 'web.go', absPath: join(secretsDir, 'web.go'), root: secretsDir, size: 1, mtimeMs: 2,
      text: readFileSync(join(secretsDir, 'web.go'), 'utf8'), hash: 'abc', invalidUtf8: false,
    };
    const redacted = await redactFile(file);
    expect(redacted).toMatchObject({ path: 'web.go', hash: 'abc', size: 1, redactions: 4, redactionKinds: { jwt: 1, 'url-password': 3 } });
    expect(redacted.text).not.toContain('app_user:P');
  });
});
