import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectChanges, GitError, parseLog, parseNameStatusZ, recentCommits } from '../../src/core/git';
import { commitAll, git, repoWith, writeFiles } from '../support/gitRepo';

const START = {
  'src/a.ts': "import { b } from './b';\nexport const a = b + 1;\n",
  'src/b.ts': 'export const b = 1;\n',
  'src/old.ts': 'export const old = "a file long enough for git to see the rename";\n',
  'src/gone.ts': 'export const gone = 1;\n',
  'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0, 0]),
  'README.md': '# demo\n',
};

function problemOf(error: unknown): string {
  return error instanceof GitError ? error.problem.kind : String(error);
}

describe('collectChanges', () => {
  it('lists unstaged and staged edits of the working tree against HEAD, with their patches', async () => {
    const root = repoWith(START);
    writeFiles(root, { 'src/b.ts': 'export const b = 2;\n', 'README.md': '# demo, staged\n' });
    git(root, 'add', 'README.md');
    const changes = await collectChanges(root, { kind: 'worktree' });
    expect(changes.against).toBe('HEAD');
    expect(changes.files).toEqual([
      { path: 'README.md', status: 'modified' },
      { path: 'src/b.ts', status: 'modified' },
    ]);
    expect(changes.patches.get('src/b.ts')).toContain('-export const b = 1;\n+export const b = 2;\n');
    expect(changes.patches.get('README.md')).toMatch(/^diff --git a\/README.md b\/README.md\n/);
  });

  it('lists only what is staged with --staged', async () => {
    const root = repoWith(START);
    writeFiles(root, { 'src/b.ts': 'export const b = 2;\n', 'README.md': '# staged\n' });
    git(root, 'add', 'README.md');
    const changes = await collectChanges(root, { kind: 'staged' });
    expect(changes.files.map((f) => f.path)).toEqual(['README.md']);
    expect(changes.patches.get('README.md')).toContain('+# staged');
  });

  it('reports a rename with both paths, a deletion, a binary change and an untracked file', async () => {
    const root = repoWith(START);
    renameSync(join(root, 'src/old.ts'), join(root, 'src/new.ts'));
    rmSync(join(root, 'src/gone.ts'));
    writeFileSync(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 9, 9, 9, 0, 0, 0]));
    git(root, 'add', '-A', 'src', 'logo.png');
    writeFiles(root, { 'src/fresh.ts': 'export const fresh = true;\n' });
    const { files, patches } = await collectChanges(root, { kind: 'worktree' });
    expect(files).toEqual([
      { path: 'logo.png', status: 'modified', binary: true },
      { path: 'src/gone.ts', status: 'deleted' },
      { path: 'src/new.ts', status: 'renamed', oldPath: 'src/old.ts' },
      { path: 'src/fresh.ts', status: 'untracked' },
    ]);
    expect(patches.get('src/gone.ts')).toContain('-export const gone = 1;');
    expect(patches.get('src/new.ts')).toContain('rename from src/old.ts');
    expect(patches.has('src/fresh.ts')).toBe(false);
  });

  it('compares a branch with its merge base, leaving out what the base did since', async () => {
    const root = repoWith(START);
    git(root, 'checkout', '-q', '-b', 'feature');
    writeFiles(root, { 'src/a.ts': "import { b } from './b';\nexport const a = b + 2;\n" });
    commitAll(root, 'feature work');
    git(root, 'checkout', '-q', 'main');
    writeFiles(root, { 'README.md': '# moved on\n' });
    commitAll(root, 'main moves on');
    git(root, 'checkout', '-q', 'feature');
    writeFiles(root, { 'src/b.ts': 'export const b = 3;\n' });
    const changes = await collectChanges(root, { kind: 'base', base: 'main' });
    expect(changes.against).toMatch(/^main \(merge base [0-9a-f]{10}\)$/);
    expect(changes.files.map((f) => f.path)).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('sees only the changes under a root inside the repository, relative to it', async () => {
    const root = repoWith(START);
    writeFiles(root, { 'src/b.ts': 'export const b = 2;\n', 'README.md': '# top\n' });
    const { files, patches } = await collectChanges(join(root, 'src'), { kind: 'worktree' });
    expect(files).toEqual([{ path: 'b.ts', status: 'modified' }]);
    expect(patches.get('b.ts')).toMatch(/^diff --git a\/b.ts b\/b.ts\n/);
  });

  it('names the problem outside a repository, with an unknown base and before the first commit', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'tome-nogit-'));
    await expect(collectChanges(plain, { kind: 'worktree' }).catch(problemOf)).resolves.toBe('not-a-repository');
    const root = repoWith(START);
    await expect(collectChanges(root, { kind: 'base', base: 'no-such-branch' }).catch(problemOf)).resolves.toBe('unknown-revision');
    await expect(collectChanges(root, { kind: 'base', base: '--output=/tmp/x' }).catch(problemOf)).resolves.toBe('unknown-revision');
    const empty = await mkdtemp(join(tmpdir(), 'tome-unborn-'));
    git(empty, 'init', '-q');
    writeFiles(empty, { 'a.ts': 'x\n' });
    await expect(collectChanges(empty, { kind: 'worktree' }).catch(problemOf)).resolves.toBe('no-commits');
    git(empty, 'add', 'a.ts');
    expect((await collectChanges(empty, { kind: 'staged' })).files).toEqual([{ path: 'a.ts', status: 'added' }]);
  });

  describe('without git on the PATH', () => {
    const saved = process.env.PATH;
    afterEach(() => {
      process.env.PATH = saved;
    });
    it('says git is missing', async () => {
      const root = repoWith(START);
      process.env.PATH = await mkdtemp(join(tmpdir(), 'tome-empty-path-'));
      const error = await collectChanges(root, { kind: 'worktree' }).catch((e: unknown) => e);
      expect(problemOf(error)).toBe('git-missing');
      expect((error as Error).message).toMatch(/git is not installed/);
    });
  });
});

describe('recentCommits', () => {
  it('lists the last commits newest first with date, subject and files', async () => {
    const root = repoWith(START);
    writeFiles(root, { 'src/b.ts': 'export const b = 2;\n' });
    commitAll(root, 'Bump b');
    git(root, 'mv', 'src/old.ts', 'src/renamed.ts');
    commitAll(root, 'Rename old');
    const commits = await recentCommits(root, 2);
    expect(commits.map((c) => [c.date, c.subject, c.files])).toEqual([
      ['2026-03-04', 'Rename old', [{ path: 'src/renamed.ts', status: 'renamed', oldPath: 'src/old.ts' }]],
      ['2026-03-04', 'Bump b', [{ path: 'src/b.ts', status: 'modified' }]],
    ]);
    expect(commits[0]?.hash).toMatch(/^[0-9a-f]{7,}$/);
  });

  it('is empty for a repository without commits and lists only commits touching a sub-folder root', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'tome-unborn-'));
    git(empty, 'init', '-q');
    expect(await recentCommits(empty, 5)).toEqual([]);
    const root = repoWith(START);
    writeFiles(root, { 'README.md': '# only the top\n' });
    commitAll(root, 'Docs');
    expect((await recentCommits(join(root, 'src'), 5)).map((c) => c.subject)).toEqual(['start']);
  });
});

describe('git output parsers', () => {
  it('read -z name-status lists and log records with paths holding spaces', () => {
    expect(parseNameStatusZ('M\0a b.ts\0R087\0old\0new name\0D\0x\0')).toEqual([
      { path: 'a b.ts', status: 'modified' },
      { path: 'new name', status: 'renamed', oldPath: 'old' },
      { path: 'x', status: 'deleted' },
    ]);
    expect(parseLog('\x1eabc\x1f2026-01-02\x1fFix it\0\nM\0a b\0\x1edef\x1f2026-01-01\x1fStart\0\nA\0c\0')).toEqual([
      { hash: 'abc', date: '2026-01-02', subject: 'Fix it', files: [{ path: 'a b', status: 'modified' }] },
      { hash: 'def', date: '2026-01-01', subject: 'Start', files: [{ path: 'c', status: 'added' }] },
    ]);
  });
});
