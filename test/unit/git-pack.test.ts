import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitError } from '../../src/core/git';
import { pack } from '../../src/core/pack/index';
import { parseRendered } from '../../src/core/render';
import { withDefaults, type PackRequest } from '../../src/core/pack/request';
import type { OutputFormat } from '../../src/core/types';
import { commitAll, repoWith, writeFiles } from '../support/gitRepo';
import { countingCounter, referenceCount } from './packTestSupport';

/** A token that has the shape of a GitHub token; made up, redacted by its shape. */
const FAKE_TOKEN = `ghp_${'Ab1'.repeat(12)}`;

/** An app whose entry imports a chain of modules, with filler modules nobody imports. */
function appRepo(): string {
  const files: Record<string, string> = {
    'src/main.ts': "import { route } from './route';\nexport const main = () => route('/');\n",
    'src/route.ts': "import { db } from './db';\nexport const route = (p: string) => db.get(p);\n",
    'src/db.ts': 'export const db = { get: (k: string) => k };\n',
    '.env': 'API_KEY=first\n',
    'package-lock.json': '{}\n',
  };
  for (let i = 0; i < 12; i++) files[`src/filler${i}.ts`] = `export const filler${i} = ${JSON.stringify('words '.repeat(60))};\n`;
  return repoWith(files);
}

function packRepo(root: string, request: Partial<PackRequest>) {
  return pack(withDefaults({ roots: [root], ...request }), { tokenCounter: countingCounter() });
}

describe('pack with git context', () => {
  it.each<OutputFormat>(['xml', 'markdown', 'plain'])('renders the diff and log in %s with an exact total, files still parse', async (format) => {
    const root = appRepo();
    writeFiles(root, { 'src/db.ts': 'export const db = { get: (k: string) => k.trim() };\n' });
    commitAll(root, 'Trim keys');
    writeFiles(root, { 'src/route.ts': "import { db } from './db';\nexport const route = (p: string) => db.get(p.toLowerCase());\n" });
    const { text, report } = await packRepo(root, { format, git: { diff: { kind: 'worktree' }, log: 2 } });
    expect(report.totalTokens).toBe(referenceCount(text));
    expect(text).toContain('Changes: working tree vs HEAD (1 file)');
    expect(text).toContain('+export const route = (p: string) => db.get(p.toLowerCase());');
    expect(text).toContain('Last 2 commits');
    expect(text).toMatch(/[0-9a-f]{7,} 2026-03-04 Trim keys\n {2}M src\/db.ts\n/);
    expect(text.indexOf('Changes: working tree')).toBeLessThan(text.indexOf('src/main.ts'));
    expect(parseRendered(format, text).map((f) => f.path)).toEqual(report.files.map((f) => f.path));
    expect(report.git?.diff?.files).toEqual([{ path: 'src/route.ts', status: 'modified' }]);
    expect(report.git?.log?.map((c) => c.subject)).toEqual(['Trim keys', 'start']);
  });

  it('ranks the changed files and what they import first under a budget', async () => {
    const root = appRepo();
    writeFiles(root, { 'src/route.ts': "import { db } from './db';\nexport const route = (p: string) => db.get(p + '!');\n" });
    const unlimited = await packRepo(root, { git: { diff: { kind: 'worktree' } } });
    const tight = Math.round(unlimited.report.totalTokens * 0.45);
    const { report, text } = await packRepo(root, { budget: tight, git: { diff: { kind: 'worktree' } } });
    expect(referenceCount(text)).toBeLessThanOrEqual(tight);
    const modeOf = (path: string) => report.files.find((f) => f.path === path);
    expect(modeOf('src/route.ts')).toMatchObject({ mode: 'full', reason: 'focus' });
    expect(modeOf('src/db.ts')).toMatchObject({ mode: 'full', reason: 'dependency-of-focus' });
    expect(report.files.some((f) => f.path.startsWith('src/filler') && f.mode !== 'full')).toBe(true);
  });

  it('leaves out the patches of secret and default-excluded files, redacts secrets in the rest, and lists a deletion', async () => {
    const root = appRepo();
    writeFiles(root, {
      '.env': 'API_KEY=second-value-that-must-not-leak\n',
      'package-lock.json': '{ "lockfileVersion": 3 }\n',
      'src/db.ts': `export const token = "${FAKE_TOKEN}";\n`,
    });
    rmSync(join(root, 'src/main.ts'));
    const { text, report } = await packRepo(root, { git: { diff: { kind: 'worktree' } } });
    expect(text).not.toContain('second-value-that-must-not-leak');
    expect(text).not.toContain('API_KEY=first');
    expect(text).toContain('(patch of .env left out: secret file)');
    expect(text).toContain('(patch of package-lock.json left out: default-excluded)');
    expect(text).not.toContain(FAKE_TOKEN);
    expect(text).toContain('[REDACTED:github-token]');
    expect(text).toContain('D src/main.ts');
    expect(text).toContain('-export const main = () => route');
    expect(report.redactionCount).toBeGreaterThanOrEqual(2);
    expect(report.totalTokens).toBe(referenceCount(text));
  });

  it('lists untracked files, saying which are in the pack, and leaves out an untracked secret file', async () => {
    const root = appRepo();
    writeFiles(root, { 'src/fresh.ts': 'export const fresh = 1;\n', 'config/.env.local': 'TOKEN=never-sent\n' });
    const { text } = await packRepo(root, { git: { diff: { kind: 'worktree' } } });
    expect(text).toContain('? src/fresh.ts (untracked, its text is in the files below)\n');
    expect(text).toContain('? config/.env.local (untracked)\n');
    expect(text).toContain('(patch of config/.env.local left out: secret file)');
    expect(text).not.toContain('never-sent');
  });

  it('says so when nothing changed', async () => {
    const { text, report } = await packRepo(appRepo(), { git: { diff: { kind: 'staged' } } });
    expect(text).toContain('Changes: staged changes vs HEAD (0 files)');
    expect(text).toContain('(no changes)');
    expect(report.git?.diff?.files).toEqual([]);
  });

  it('fails with a git problem outside a repository and warns for one root of several', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'tome-plain-'));
    writeFiles(plain, { 'a.ts': 'export const a = 1;\n' });
    const error = await packRepo(plain, { git: { log: 3 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).problem).toEqual({ kind: 'not-a-repository', root: plain });
    const repo = appRepo();
    writeFiles(repo, { 'src/db.ts': 'export const db = {};\n' });
    const both = await pack(withDefaults({ roots: [repo, plain], git: { diff: { kind: 'worktree' } } }), { tokenCounter: countingCounter() });
    expect(both.report.warnings.map((w) => w.stage)).toContain('git');
    expect(both.text).toMatch(/Changes in [^:]+\/: working tree vs HEAD \(1 file\)/);
  });
});
