import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDist, REPO } from './cliBuild';
import { git, repoWith, writeFiles } from '../support/gitRepo';

const CACHE_DIR = mkdtempSync(join(tmpdir(), 'tome-cli-cache-'));

function tomeIn(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TOME_DEBUG: '', TOME_CACHE_DIR: CACHE_DIR },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('tome pack with git options', () => {
  beforeAll(() => buildDist());

  it('packs the uncommitted changes with --diff and says so in the summary', () => {
    const root = repoWith({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 1;\n' });
    writeFiles(root, { 'a.ts': 'export const a = 2;\n' });
    const run = tomeIn(root, 'pack', '--diff', '--log', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<git_diff title="Changes: working tree vs HEAD (1 file)">\nM a.ts\n');
    expect(run.stdout).toContain('+export const a = 2;');
    expect(run.stdout).toContain('<git_log title="Last 1 commit">');
    expect(run.stderr).toContain('Changes: 1 file vs HEAD, ranked first.');
  });

  it('takes a base branch after --diff', () => {
    const root = repoWith({ 'a.ts': 'export const a = 1;\n' });
    git(root, 'checkout', '-q', '-b', 'topic');
    writeFiles(root, { 'a.ts': 'export const a = 3;\n' });
    git(root, 'commit', '-qam', 'topic work');
    const run = tomeIn(tmpdir(), 'pack', root, '--diff', 'main', '--quiet');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Changes: working tree vs main \(merge base [0-9a-f]+\) \(1 file\)/);
  });

  it('refuses --staged with a base, an unknown base and a folder outside a repository, with exit code 2', () => {
    const root = repoWith({ 'a.ts': 'x\n' });
    const both = tomeIn(root, 'pack', '--diff', 'main', '--staged');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--staged compares the index with HEAD');
    const unknown = tomeIn(root, 'pack', '--diff', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"nope" is not a branch, tag or commit');
    const plain = mkdtempSync(join(tmpdir(), 'tome-plain-'));
    writeFileSync(join(plain, 'a.ts'), 'x\n');
    const outside = tomeIn(plain, 'pack', '--log', '3');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not inside a git repository');
    expect(outside.stdout).toBe('');
  });
});
