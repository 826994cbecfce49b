/** A small workspace on disk for the MCP server tests, with a secret, ignored files and links out. */
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A key-shaped value made fresh each run, so no credential-like string is committed. */
export function fakeAwsKeyId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `AKIA${Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

export interface McpTree {
  /** The workspace root. */
  root: string;
  /** A folder beside the root, reachable only through the links inside it. */
  outside: string;
  secret: string;
  files: Record<string, string>;
}

/** Writes the workspace: an import chain, a secret in config, an ignored folder, .env, links out. */
export function writeMcpTree(): McpTree {
  const parent = mkdtempSync(join(tmpdir(), 'tome-mcp-'));
  const root = join(parent, 'shop');
  const outside = join(parent, 'outside');
  const secret = fakeAwsKeyId();
  const files: Record<string, string> = {
    'src/index.ts': "import { total } from './cart/total';\nimport { settings } from './config';\n\nexport function main(): number {\n  return total([1, 2], settings.taxRate);\n}\n",
    'src/cart/total.ts': "import { roundCents } from '../lib/money';\n\n/** Sums the prices of a shopping cart with tax. */\nexport function total(prices: number[], taxRate: number): number {\n  const sum = prices.reduce((a, b) => a + b, 0);\n  return roundCents(sum * (1 + taxRate));\n}\n",
    'src/lib/money.ts': 'export function roundCents(amount: number): number {\n  return Math.round(amount * 100) / 100;\n}\n',
    'src/config.ts': `export const settings = {\n  taxRate: 0.2,\n  awsAccessKeyId: '${secret}',\n};\n`,
    'README.md': '# Shop\n\nA tiny shop.\n',
    '.gitignore': 'private/\n',
    'private/notes.ts': 'export const plan = "ignored by git";\n',
    '.env': `AWS_ACCESS_KEY_ID=${secret}\n`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  mkdirSync(outside);
  writeFileSync(join(outside, 'passwords.ts'), 'export const OUTSIDE_MARKER = "must never be read";\n');
  symlinkSync(join(outside, 'passwords.ts'), join(root, 'src', 'escape.ts'));
  symlinkSync(outside, join(root, 'linked'));
  return { root, outside, secret, files };
}
