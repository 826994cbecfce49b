import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheScopeOf, FACTS_FILE, scopedFileName } from '../../src/core/facts';
import { decodeFactsFile } from '../../src/core/facts/diskStore';
import { STAT_INDEX_FILE } from '../../src/core/read/statIndex';
import { buildDist, REPO } from './cliBuild';
import { writeMcpTree, type McpTree } from './mcpTree';

const CACHE_DIR = mkdtempSync(join(tmpdir(), 'tome-mcp-cache-'));

/** The built CLI's MCP server on stdio, with the SDK's own client. */
async function connect(args: string[], options: { roots?: string[]; cwd?: string; cacheDir?: string } = {}): Promise<Client> {
  const client = new Client({ name: 'tome-test', version: '1.0.0' }, { capabilities: options.roots ? { roots: { listChanged: true } } : {} });
  if (options.roots) {
    const roots = options.roots;
    client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: roots.map((r) => ({ uri: pathToFileURL(r).href, name: 'shop' })) }));
  }
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(REPO, 'dist', 'cli.js'), 'mcp', ...args],
    env: { ...process.env, TOME_CACHE_DIR: options.cacheDir ?? CACHE_DIR, TOME_DEBUG: '' } as Record<string, string>,
    cwd: options.cwd ?? REPO,
    stderr: 'pipe',
  });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult & { text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  return { ...result, text };
}

describe('tome mcp over stdio', () => {
  let tree: McpTree;
  let client: Client;

  beforeAll(async () => {
    buildDist();
    tree = writeMcpTree();
    client = await connect(['--root', tree.root]);
  });
  afterAll(async () => {
    await client?.close();
  });

  it('lists the six tools, each with a description and an object schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['dependencies', 'outline', 'pack', 'read', 'search', 'token_report']);
    for (const tool of tools) {
      expect(tool.description?.length ?? 0).toBeGreaterThan(80);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    const read = tools.find((t) => t.name === 'read');
    expect(read?.inputSchema.required).toEqual(['path']);
  });

  it('packs in dependency order with the secret redacted and ignored files left out', async () => {
    const result = await call(client, 'pack', {});
    expect(result.isError).toBeFalsy();
    const at = (path: string): number => result.text.indexOf(`<file path="${path}"`);
    expect(at('src/lib/money.ts')).toBeGreaterThan(-1);
    expect(at('src/lib/money.ts')).toBeLessThan(at('src/cart/total.ts'));
    expect(at('src/cart/total.ts')).toBeLessThan(at('src/index.ts'));
    expect(result.text).toContain('[REDACTED:aws-access-key-id]');
    expect(result.text).not.toContain(tree.secret);
    expect(result.text).not.toContain('ignored by git');
    expect(result.text).not.toContain('OUTSIDE_MARKER');
  });

  it('reports modes and tokens under a budget with reportOnly, focus and format', async () => {
    const result = await call(client, 'pack', { budget: 600, focus: ['src/cart/total.ts'], format: 'markdown', reportOnly: true });
    expect(result.isError).toBeFalsy();
    const report = JSON.parse(result.text) as { totalTokens: number; budget: number; files: { path: string; mode: string; tokens: number; reason?: string }[]; skipped: Record<string, number> };
    expect(report.budget).toBe(600);
    expect(report.totalTokens).toBeLessThanOrEqual(600);
    const total = report.files.find((f) => f.path === 'src/cart/total.ts');
    expect(total).toMatchObject({ mode: 'full', reason: 'focus' });
    expect(report.files.find((f) => f.path === 'src/lib/money.ts')?.reason).toBe('dependency-of-focus');
    expect(report.skipped).toMatchObject({ gitignored: 1, 'secret-file': 1 });
    const text = await call(client, 'pack', { roots: ['src/lib'] });
    expect(text.text).toContain('<file path="money.ts"');
    expect(text.text).not.toContain('total.ts');
  });

  it('walks dependencies both ways to a depth', async () => {
    const deep = JSON.parse((await call(client, 'dependencies', { path: 'src/index.ts' })).text) as { imports: { path: string; depth: number }[]; importedBy: unknown[] };
    expect(deep.imports).toEqual([
      { path: 'src/cart/total.ts', depth: 1 },
      { path: 'src/config.ts', depth: 1 },
      { path: 'src/lib/money.ts', depth: 2 },
    ]);
    expect(deep.importedBy).toEqual([]);
    const shallow = JSON.parse((await call(client, 'dependencies', { path: 'src/lib/money.ts', depth: 1 })).text) as { importedBy: { path: string; depth: number }[] };
    expect(shallow.importedBy).toEqual([{ path: 'src/cart/total.ts', depth: 1 }]);
  });

  it('outlines files without their bodies', async () => {
    const result = await call(client, 'outline', { paths: ['src/cart/total.ts', 'README.md'] });
    expect(result.isError).toBeFalsy();
    expect(result.text).toContain('# src/cart/total.ts');
    expect(result.text).toContain('export function total(prices: number[], taxRate: number): number');
    expect(result.text).not.toContain('prices.reduce');
    expect(result.text).toContain('# README.md\n(no outline');
  });

  it('reads exact text, a range of lines, and redacts secrets', async () => {
    expect((await call(client, 'read', { path: 'src/lib/money.ts' })).text).toBe(tree.files['src/lib/money.ts']);
    expect((await call(client, 'read', { path: './src/index.ts', startLine: 4, endLine: 5 })).text).toBe('export function main(): number {\n  return total([1, 2], settings.taxRate);\n');
    const config = await call(client, 'read', { path: 'src/config.ts' });
    expect(config.text).not.toContain(tree.secret);
    expect(config.text).toContain("awsAccessKeyId: '[REDACTED:aws-access-key-id]'");
    expect(config.content).toHaveLength(2);
  });

  it('ranks files for a question as selection does', async () => {
    const result = JSON.parse((await call(client, 'search', { query: 'how is the cart total rounded to cents?' })).text) as { matches: { rank: number; path: string; tokens: number; lines: { line: number }[] }[] };
    const paths = result.matches.map((m) => m.path);
    expect(paths.slice(0, 2).sort()).toEqual(['src/cart/total.ts', 'src/lib/money.ts']);
    expect(paths).not.toContain('README.md');
    expect(result.matches[0]?.tokens).toBeGreaterThan(0);
    expect(result.matches[0]?.lines.length).toBeGreaterThan(0);
    const none = JSON.parse((await call(client, 'search', { query: 'kubernetes helm chart' })).text) as { matches: unknown[]; hint: string };
    expect(none.matches).toEqual([]);
    expect(none.hint).toMatch(/No file matches/);
  });

  it('reports the largest folders and files', async () => {
    const report = JSON.parse((await call(client, 'token_report', { limit: 2 })).text) as { totalTokens: number; files: number; folders: { folder: string }[]; largestFiles: { path: string }[]; skipped: Record<string, number> };
    expect(report.files).toBe(6);
    expect(report.folders[0]?.folder).toBe('src');
    expect(report.largestFiles).toHaveLength(2);
    expect(report.skipped.symlink).toBe(2);
  });

  it.each([
    ['../outside/passwords.ts', /".." may not climb out of the workspace/],
    ['src/../../outside/passwords.ts', /".." may not climb out/],
    ['/etc/passwd', /absolute paths are not accepted/],
    ['C:\\Windows\\win.ini', /absolute paths are not accepted/],
    ['src/escape.ts', /symbolic link to a place outside the workspace/],
    ['linked/passwords.ts', /symbolic link to a place outside the workspace/],
    ['.env', /secrets file/],
    ['private/notes.ts', /ignored by \.gitignore/],
    ['src/missing.ts', /There is no file at "src\/missing.ts"/],
  ])('refuses to read %s with a clear tool error', async (path, message) => {
    const result = await call(client, 'read', { path });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(message);
    expect(result.text).not.toContain('OUTSIDE_MARKER');
    expect(result.text).not.toContain(tree.secret);
  });

  it('refuses escapes in every tool that takes a path', async () => {
    for (const [name, args] of [
      ['outline', { paths: ['src/escape.ts'] }],
      ['dependencies', { path: '../outside' }],
      ['pack', { roots: ['linked'] }],
      ['pack', { focus: ['/etc'] }],
    ] as const) {
      const result = await call(client, name, args);
      expect(result.isError, name).toBe(true);
      expect(result.text).toMatch(/^Refused /);
    }
  });

  it('answers a bad argument with an error result and keeps serving', async () => {
    const wrongType = await call(client, 'read', { path: 42 });
    expect(wrongType.isError).toBe(true);
    expect(wrongType.text).toMatch(/Invalid arguments for tool read/);
    const outOfRange = await call(client, 'pack', { budget: -5 });
    expect(outOfRange.isError).toBe(true);
    const missing = await call(client, 'outline', {});
    expect(missing.isError).toBe(true);
    expect((await call(client, 'read', { path: 'README.md' })).text).toBe(tree.files['README.md']);
  });

  it('serves a second call warm: nothing is read again until a file changes', async () => {
    const fresh = await connect(['--root', tree.root]);
    try {
      const first = await call(fresh, 'token_report', {});
      expect(first._meta).toMatchObject({ 'tome/warm': false, 'tome/filesRead': 6 });
      const second = await call(fresh, 'token_report', {});
      expect(second._meta).toMatchObject({ 'tome/warm': true, 'tome/filesRead': 0 });
      expect(second.text).toBe(first.text);
      const read = await call(fresh, 'read', { path: 'src/index.ts' });
      expect(read._meta).toMatchObject({ 'tome/warm': true, 'tome/filesRead': 0 });
      writeFileSync(join(tree.root, 'README.md'), '# Shop\n\nA tiny shop, now with a longer description.\n');
      const afterEdit = await call(fresh, 'read', { path: 'README.md' });
      expect(afterEdit._meta).toMatchObject({ 'tome/filesRead': 1 });
      expect(afterEdit.text).toContain('longer description');
      writeFileSync(join(tree.root, 'README.md'), tree.files['README.md'] ?? '');
    } finally {
      await fresh.close();
    }
  });

  it('keeps the tree\'s stat index and import facts on disk, where the next server finds them', async () => {
    const own = writeMcpTree();
    // An hour old, so the racy-git rule lets the stat index remember every file.
    const hourAgo = (Date.now() - 3_600_000) / 1000;
    for (const entry of readdirSync(own.root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), hourAgo, hourAgo);
    }
    const cacheDir = mkdtempSync(join(tmpdir(), 'tome-mcp-disk-'));
    const tokens = join(cacheDir, 'tokens');
    const scope = cacheScopeOf([own.root]);
    const factsPath = join(tokens, scopedFileName(FACTS_FILE, scope));
    const statPath = join(tokens, scopedFileName(STAT_INDEX_FILE, scope));

    const first = await connect(['--root', own.root], { cacheDir });
    const report = await call(first, 'token_report', {});
    expect(report.isError).toBeFalsy();
    // Saved after the call, before the server is closed.
    expect(existsSync(statPath)).toBe(true);
    await first.close();
    for (let waited = 0; !existsSync(factsPath) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const saved = decodeFactsFile(readFileSync(factsPath));
    const kinds = (saved?.rows ?? []).map(([kind]) => kind);
    // Per file read: its redaction findings and its block's tokens; per TypeScript file: its imports.
    expect(kinds.filter((k) => k === 'findings')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'blockTokens')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'imports')).toHaveLength(4);

    const second = await connect(['--root', own.root], { cacheDir });
    try {
      const again = await call(second, 'token_report', {});
      expect(again._meta).toMatchObject({ 'tome/warm': false });
      expect(again.text).toBe(report.text);
    } finally {
      await second.close();
    }
  });

  it("takes its roots from the client's roots capability when no --root is given", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'tome-mcp-cwd-'));
    const viaRoots = await connect([], { roots: [tree.root], cwd: elsewhere });
    try {
      expect((await call(viaRoots, 'read', { path: 'src/lib/money.ts' })).text).toBe(tree.files['src/lib/money.ts']);
    } finally {
      await viaRoots.close();
    }
  });
});
