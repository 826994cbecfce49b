import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlayConfig, withProjectConfig } from '../../src/core/config';
import { defaultBaseBranch } from '../../src/core/git';
import { PackEngine } from '../../src/core/pack/index';
import { withDefaults } from '../../src/core/pack/request';
import { packScope, requestForScope, type PackSettings } from '../../src/chat/packScope';
import { commitAll, git, repoWith, writeFiles } from '../support/gitRepo';
import { countingCounter } from './packTestSupport';

const SETTINGS: PackSettings = { encoding: 'o200k_base', format: 'xml', exclude: [], maxFileSize: 1024 * 1024, includeTests: true };

describe('the changes scope', () => {
  it('packs the folder with the diff against the merge base of its base branch', async () => {
    const root = repoWith({ 'src/a.ts': "import { b } from './b';\nexport const a = b;\n", 'src/b.ts': 'export const b = 1;\n', 'src/c.ts': 'export const c = 1;\n' });
    git(root, 'checkout', '-q', '-b', 'topic');
    writeFiles(root, { 'src/a.ts': "import { b } from './b';\nexport const a = b + 1;\n" });
    commitAll(root, 'topic');
    const scope = { kind: 'changes' as const, absPath: root, base: 'main', label: 'changes vs main' };
    const request = requestForScope({ scope, workspaceFolders: [root], settings: SETTINGS, budget: null, reserve: 0, query: '' });
    expect(request).toMatchObject({ roots: [root], git: { diff: { kind: 'base', base: 'main' } }, focus: [] });
    const engine = new PackEngine({ tokenCounter: countingCounter() });
    const { text, report } = await packScope((r, o) => engine.pack(r, o), { scope, workspaceFolders: [root], settings: SETTINGS, budget: null, reserve: 0, query: '' });
    expect(text).toContain('+export const a = b + 1;');
    expect(report.git?.diff?.files).toEqual([{ path: 'src/a.ts', status: 'modified' }]);
    expect(report.files.map((f) => f.path).sort()).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
    const worktree = requestForScope({ scope: { ...scope, base: null }, workspaceFolders: [root], settings: SETTINGS, budget: null, reserve: 0, query: '' });
    expect(worktree.git).toEqual({ diff: { kind: 'worktree' } });
  });

  it('measures changes against origin/HEAD, then main, then master, else HEAD', async () => {
    const upstream = repoWith({ 'a.ts': 'x\n' });
    git(upstream, 'branch', '-m', 'trunk');
    const local = repoWith({ 'seed.ts': 'x\n' });
    const cloned = `${local}-clone`;
    git(local, 'clone', '-q', upstream, cloned);
    expect(await defaultBaseBranch(cloned)).toBe('trunk');
    expect(await defaultBaseBranch(local)).toBe('main');
    git(local, 'branch', '-m', 'master');
    expect(await defaultBaseBranch(local)).toBe('master');
    git(local, 'branch', '-m', 'work');
    expect(await defaultBaseBranch(local)).toBeNull();
  });
});

describe('the project config in the editor', () => {
  it('lays tome.config.json over the settings: its values decide, excludes add up, its budget caps', async () => {
    const root = repoWith({ 'tome.config.json': '{ "format": "markdown", "exclude": ["gen/**"], "budget": 5000, "modes": { "docs/**": "path-only" } }', 'a.ts': 'x\n' });
    const base = withDefaults({ roots: [root], exclude: ['tmp/**'], budget: 9000 });
    expect(await withProjectConfig(base)).toMatchObject({ format: 'markdown', exclude: ['tmp/**', 'gen/**'], budget: 5000, modes: [{ pattern: 'docs/**', mode: 'path-only' }] });
    expect(overlayConfig(withDefaults({ roots: [root], budget: 100 }), { file: 'x', budget: 5000 }).budget).toBe(100);
    expect(overlayConfig(withDefaults({ roots: [root], include: ['/a.ts'] }), { file: 'x', include: ['src/**'] }).include).toEqual(['/a.ts']);
    const plain = withDefaults({ roots: [repoWith({ 'a.ts': 'x\n' })] });
    expect(await withProjectConfig(plain)).toBe(plain);
  });

  it('keeps the modes already on the request (the Context view\'s pins) before the project\'s, so they win', () => {
    const pinned = withDefaults({ roots: ['/r'], modes: [{ pattern: '/docs/a.md', mode: 'full' }] });
    expect(overlayConfig(pinned, { file: 'x', modes: [{ pattern: 'docs/**', mode: 'path-only' }] }).modes).toEqual([
      { pattern: '/docs/a.md', mode: 'full' },
      { pattern: 'docs/**', mode: 'path-only' },
    ]);
  });

  it('refuses a broken project config instead of packing on a guess', async () => {
    const root = repoWith({ 'tome.config.json': '{ "baseUrl": "https://example.invalid" }' });
    await expect(withProjectConfig(withDefaults({ roots: [root] }))).rejects.toMatchObject({ name: 'ConfigError', problems: [{ kind: 'not-allowed', key: 'baseUrl', line: 1 }] });
  });
});

describe('the Ask About My Changes command', () => {
  it('is contributed to the palette and the Source Control title bar, titled in English and Korean', () => {
    const read = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', name), 'utf8')) as Record<string, unknown>;
    const pkg = read('package.json') as { contributes: { commands: Array<{ command: string; title: string }>; menus: Record<string, Array<{ command: string; when?: string }>> } };
    const command = pkg.contributes.commands.find((c) => c.command === 'tome.askAboutChanges');
    expect(command?.title).toBe('%tome.askAboutChanges.title%');
    expect(pkg.contributes.menus['scm/title']).toContainEqual(expect.objectContaining({ command: 'tome.askAboutChanges', when: 'scmProvider == git' }));
    expect(read('package.nls.json')['tome.askAboutChanges.title']).toBe('Ask About My Changes');
    expect(read('package.nls.ko.json')['tome.askAboutChanges.title']).toBeTruthy();
  });
});
