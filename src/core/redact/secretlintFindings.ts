/**
 * secretlint's recommended rules as a second detector, for the services Tome's own rule table
 * has no entry for (Databricks, Figma, Linear, Notion). It is about twenty times slower than the
 * own rules, so it runs only on text holding one of those rules' prefixes (see secretlintHints.ts),
 * and this module, with secretlint, is loaded only then.
 */
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';
import type { Finding } from './findings';

/**
 * The secretlint rules kept. The others cover services the own rules cover more precisely (its
 * Shopify rule takes any 32 letters where Shopify issues hex), flag whole connection strings,
 * placeholders included, or (the comment filter) would let a file switch off checks.
 */
const KEPT_RULES = new Set([
  '@secretlint/secretlint-rule-databricks',
  '@secretlint/secretlint-rule-figma',
  '@secretlint/secretlint-rule-linear',
  '@secretlint/secretlint-rule-notion',
]);

const CONFIG: SecretLintCoreConfig = {
  rules: recommended.rules.filter((rule) => KEPT_RULES.has(rule.meta.id)).map((rule) => ({ id: rule.meta.id, rule })),
};

function kindOf(ruleId: string): string {
  return `${ruleId.replace('@secretlint/secretlint-rule-', '')}-token`;
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
  return result.messages.map((m) => ({ start: m.range[0], end: m.range[1], kind: kindOf(m.ruleId), priority: 1000 }));
}
