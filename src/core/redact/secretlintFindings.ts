/**
 * secretlint's recommended rules as a second detector, for the services Tome has no pattern of
 * its own for (Hugging Face, Groq, Shopify, Vault, Docker Hub, …). It is about twenty times
 * slower than the own patterns, so it runs only on text holding one of its rules' prefixes.
 */
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';
import type { Finding } from './findings';

/**
 * Rules left out: connection-string rules flag whole URLs, placeholders included, where Tome's
 * `url-password` redacts just the password; the comment filter would let a file switch off checks.
 */
const SKIPPED_RULES = new Set([
  '@secretlint/secretlint-rule-basicauth',
  '@secretlint/secretlint-rule-database-connection-string',
  '@secretlint/secretlint-rule-filter-comments',
]);

const CONFIG: SecretLintCoreConfig = {
  rules: recommended.rules.filter((rule) => !SKIPPED_RULES.has(rule.meta.id)).map((rule) => ({ id: rule.meta.id, rule })),
};

/** Substrings at least one secretlint rule needs to see before it can report anything. */
const HINTS =
  /\bhf_|\bgsk_|\blin_(?:api|oauth)_|\bsecret_[A-Za-z0-9]{20}|\bntn_|\bshp(?:at|ss|ca|pa)_|\bglc_|\bglsa_|\bops_ey|\bhv[sbr]\.|vercel|\bdapi[0-9a-f]{16}|dckr_pat_|figd_|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox|sk-|SG\.|npm_|PRIVATE KEY|private_key/;

const KIND_OF_RULE: Record<string, string> = {
  aws: 'aws-access-key-id',
  gcp: 'gcp-service-account-key',
  npm: 'npm-token',
  slack: 'slack-token',
  openai: 'openai-api-key',
  anthropic: 'anthropic-api-key',
  privatekey: 'private-key',
  sendgrid: 'sendgrid-api-key',
  github: 'github-token',
  gitlab: 'gitlab-token',
};

function kindOf(ruleId: string, messageId: string): string {
  const name = ruleId.replace('@secretlint/secretlint-rule-', '');
  if (name === 'aws' && /secret/i.test(messageId)) return 'aws-secret-access-key';
  return KIND_OF_RULE[name] ?? `${name}-token`;
}

/** True when secretlint could report something in `text`. */
export function secretlintMightFind(text: string): boolean {
  return HINTS.test(text);
}

/**
 * secretlint profiles every run into a process-wide list and the global performance timeline and
 * never lets go: over thousands of files that is a memory leak in a long-lived editor, and its
 * list search makes each run slower than the last. Tome does not read the profile, so the shared
 * profiler records nothing.
 */
secretLintProfiler.mark = (): void => undefined;

/** secretlint's findings in `text` as character ranges. */
export async function secretlintFindings(text: string, path = 'file.txt'): Promise<Finding[]> {
  const dot = path.lastIndexOf('.');
  const result = await lintSource({
    source: { content: text, filePath: path, ext: dot >= 0 ? path.slice(dot) : '', contentType: 'text' },
    options: { config: CONFIG, noPhysicFilePath: true },
  });
  return result.messages.map((m) => ({ start: m.range[0], end: m.range[1], kind: kindOf(m.ruleId, m.messageId), priority: 1000 }));
}
