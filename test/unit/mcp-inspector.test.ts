/**
 * The MCP Inspector's CLI mode, a client nobody here wrote, lists and calls the built server's
 * tools. (Inspector 0.15 is the newest release that runs on Node 20; later ones need Node 22.)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, REPO } from './cliBuild';
import { writeMcpTree, type McpTree } from './mcpTree';

const run = promisify(execFile);
const INSPECTOR = join(REPO, 'node_modules', '@modelcontextprotocol', 'inspector', 'cli', 'build', 'cli.js');
const CACHE_DIR = mkdtempSync(join(tmpdir(), 'tome-inspector-cache-'));

async function inspector(tree: McpTree, ...args: string[]): Promise<unknown> {
  const { stdout } = await run(
    process.execPath,
    [INSPECTOR, '--cli', process.execPath, join(REPO, 'dist', 'cli.js'), 'mcp', '--root', tree.root, ...args],
    { cwd: REPO, env: { ...process.env, TOME_CACHE_DIR: CACHE_DIR }, timeout: 60_000 },
  );
  return JSON.parse(stdout);
}

describe('the MCP Inspector against tome mcp', () => {
  let tree: McpTree;
  beforeAll(() => {
    buildDist();
    tree = writeMcpTree();
  });

  it('lists the tools with their schemas', async () => {
    const listed = (await inspector(tree, '--method', 'tools/list')) as { tools: { name: string; inputSchema: { properties: Record<string, unknown> } }[] };
    expect(listed.tools.map((t) => t.name).sort()).toEqual(['dependencies', 'outline', 'pack', 'read', 'search', 'token_report']);
    expect(Object.keys(listed.tools.find((t) => t.name === 'pack')?.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['roots', 'budget', 'query', 'focus', 'format', 'reportOnly']),
    );
  });

  it('calls read and gets the redacted text; a path escape is a tool error', async () => {
    const read = (await inspector(tree, '--method', 'tools/call', '--tool-name', 'read', '--tool-arg', 'path=src/config.ts')) as { content: { text: string }[]; isError?: boolean };
    expect(read.isError).toBeFalsy();
    expect(read.content[0]?.text).toContain('[REDACTED:aws-access-key-id]');
    expect(JSON.stringify(read)).not.toContain(tree.secret);
    const refused = (await inspector(tree, '--method', 'tools/call', '--tool-name', 'read', '--tool-arg', 'path=../outside/passwords.ts')) as { content: { text: string }[]; isError?: boolean };
    expect(refused.isError).toBe(true);
    expect(refused.content[0]?.text).toMatch(/^Refused /);
  });

  it('calls dependencies with a numeric argument', async () => {
    const result = (await inspector(tree, '--method', 'tools/call', '--tool-name', 'dependencies', '--tool-arg', 'path=src/index.ts', '--tool-arg', 'depth=1')) as { content: { text: string }[] };
    const body = JSON.parse(result.content[0]?.text ?? '{}') as { imports: { path: string }[] };
    expect(body.imports.map((i) => i.path)).toEqual(['src/cart/total.ts', 'src/config.ts']);
  });
});
