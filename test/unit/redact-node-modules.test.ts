/**
 * Precision on real code nobody wrote to test Tome: the redact stage over this repository's own
 * node_modules (about 29,000 text files). Every value it replaces there is a false positive,
 * unless the package ships a value in a real token's exact format; each one left is explained.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/core/redact';
import { textFilesUnder } from '../support/textFiles';

const NODE_MODULES = join(__dirname, '..', '..', 'node_modules');

/** What is still flagged, and why it cannot be told from a real secret. */
const EXPLAINED: Record<string, string> = {
  // The README's example, 52 characters of base32 after API_TOKEN=: exactly an Azure DevOps personal access token.
  'azure-devops-node-api/README.md token': 'a real-format token in a README example',
  // secretlint's 1Password rule ships a sample secret key, `A3-` and six groups, in its own code
  // (three copies: secretlint itself, and those bundled by @vscode/vsce and repomix).
  '@secretlint/secretlint-rule-preset-recommend/module/index.js 1password-secret-key': "a scanner's own sample key",
  '@vscode/vsce/node_modules/@secretlint/secretlint-rule-preset-recommend/module/index-BtYFilXh.js 1password-secret-key': "a scanner's own sample key",
  'repomix/node_modules/@secretlint/secretlint-rule-preset-recommend/module/index.js 1password-secret-key': "a scanner's own sample key",
};

describe.skipIf(!existsSync(NODE_MODULES))("redaction on this repository's node_modules", () => {
  it('flags at most five values, each one explained', { timeout: 120_000 }, async () => {
    const flagged: string[] = [];
    for (const file of textFilesUnder(NODE_MODULES)) {
      const { kinds } = await redactText(file.text, file.path);
      for (const [kind, count] of Object.entries(kinds)) for (let i = 0; i < count; i++) flagged.push(`${file.path} ${kind}`);
    }
    expect(flagged.length).toBeLessThanOrEqual(5);
    for (const finding of flagged) expect(EXPLAINED, finding).toHaveProperty([finding]);
  });
});
