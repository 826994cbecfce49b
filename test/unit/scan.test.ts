import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanFiles, type ScanOptions } from '../../src/core/scan';
import { copyFixture } from '../support/fixtureTree';

const defaults: Omit<ScanOptions, 'roots'> = {
  include: [],
  exclude: [],
  useGitignore: true,
  followSymlinks: false,
  includeTests: true,
};

let root: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ root, remove } = await copyFixture('scan-ignore'));
  // A folder named .git cannot be committed, so the repository part is made here.
  await mkdir(join(root, '.git', 'info'), { recursive: true });
  await writeFile(join(root, '.git', 'info', 'exclude'), '# local only\nprivate.txt\n');
});
afterEach(() => remove());

const reasons = (skipped: { path: string; reason: string }[]): Record<string, string> =>
  Object.fromEntries(skipped.map((s) => [s.path, s.reason]));

describe('scanFiles on a tree with nested ignore files', () => {
  it('keeps exactly the files no rule leaves out, sorted by path', async () => {
    const { files } = await scanFiles({ ...defaults, roots: [root] });
    expect(files.map((f) => f.path)).toEqual([
      '.env.example', '.gitignore', '.tomeignore', 'docs/guide/intro.md', 'docs/target/readers.md', 'gomod/go.mod',
      'gomod/main.go', 'id_rsa.pub', 'important.log', 'lib/vendor/v.js', 'plan.md', 'rust/Cargo.toml', 'rust/src/main.rs', 'src/.gitignore', 'src/a/.tomeignore',
      'src/a/a.ts', 'src/a/local.ts', 'src/build', 'src/index.ts', 'src/keep.gen.ts', 'src/src-keep.log',
      'src/util.spec.ts', 'src/ünï cödé/fïlé name.ts', 'test/app.test.ts',
    ]);
    const index = files.find((f) => f.path === 'src/index.ts');
    expect(index?.absPath).toBe(join(root, 'src', 'index.ts'));
    expect(index?.root).toBe(root);
    expect(index?.size).toBe('export const main = 1;\n'.length);
  });

  it('records every file or folder left out with its reason, folders once with a trailing slash', async () => {
    const { skipped } = await scanFiles({ ...defaults, roots: [root] });
    expect(reasons(skipped)).toEqual({
      '.env': 'secret-file',
      '.git/': 'default-excluded',
      'app.min.js': 'default-excluded',
      'build/': 'gitignored',
      'debug.log': 'gitignored',
      'docs/guide/intro.draft.md': 'gitignored',
      'gomod/vendor/': 'default-excluded',
      'id_rsa': 'secret-file',
      'logo.png': 'default-excluded',
      'node_modules/': 'default-excluded',
      'notes/': 'tomeignored',
      'package-lock.json': 'default-excluded',
      'private.txt': 'gitignored',
      'rust/target/': 'default-excluded',
      'src/a/plan.md': 'tomeignored',
      'src/a/tmp/': 'gitignored',
      'src/local.ts': 'gitignored',
      'src/try.scratch.ts': 'tomeignored',
      'src/x.gen.ts': 'gitignored',
    });
  });

  it('ignores what git itself ignores in the same tree', async () => {
    execFileSync('git', ['init', '-q'], { cwd: root });
    const gitIgnored = execFileSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', '--directory'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((line) => line !== '')
      .sort();
    const { skipped } = await scanFiles({ ...defaults, roots: [root] });
    expect(skipped.filter((s) => s.reason === 'gitignored').map((s) => s.path)).toEqual(gitIgnored);
  });

  it('packs gitignored files when told not to use .gitignore, still honouring .tomeignore', async () => {
    const { files, skipped } = await scanFiles({ ...defaults, roots: [root], useGitignore: false });
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['debug.log', 'private.txt', 'src/x.gen.ts', 'build/out.js', 'src/a/tmp/x.ts']));
    expect(skipped.some((s) => s.reason === 'gitignored')).toBe(false);
    expect(reasons(skipped)['notes/']).toBe('tomeignored');
  });

  it('leaves out test files and folders when tests are not wanted', async () => {
    const { files, skipped } = await scanFiles({ ...defaults, roots: [root], includeTests: false });
    expect(files.map((f) => f.path)).not.toContain('src/util.spec.ts');
    expect(skipped).toContainEqual({ path: 'test/', reason: 'excluded', detail: 'test folder' });
    expect(skipped).toContainEqual({ path: 'src/util.spec.ts', reason: 'excluded', detail: 'test file' });
  });

  it('applies user exclude globs to files and folders and include globs to files', async () => {
    const { files, skipped } = await scanFiles({ ...defaults, roots: [root], include: ['src/**/*.ts'], exclude: ['src/a/'] });
    expect(files.map((f) => f.path)).toEqual(['src/index.ts', 'src/keep.gen.ts', 'src/util.spec.ts', 'src/ünï cödé/fïlé name.ts']);
    expect(reasons(skipped)['src/a/']).toBe('excluded');
    expect(reasons(skipped)['plan.md']).toBe('not-included');
  });

  it('honours the .gitignore files above a root inside a repository', async () => {
    await writeFile(join(root, 'src', 'other.log'), 'x\n');
    const { files, skipped } = await scanFiles({ ...defaults, roots: [join(root, 'src')] });
    // The parent's `*.log` still applies; the folder's own `!src-keep.log` re-includes one log.
    expect(reasons(skipped)['other.log']).toBe('gitignored');
    expect(files.map((f) => f.path)).toContain('src-keep.log');
    expect(reasons(skipped)['a/tmp/']).toBe('gitignored');
  });

  it('prefixes paths with the root folder name when packing several roots', async () => {
    const { files } = await scanFiles({ ...defaults, roots: [join(root, 'src'), join(root, 'gomod')] });
    expect(files.map((f) => f.path)).toContain('src/index.ts');
    expect(files.map((f) => f.path)).toContain('gomod/main.go');
    expect(files.find((f) => f.path === 'gomod/main.go')?.root).toBe(join(root, 'gomod'));
  });

  it('reports progress and stops when cancelled', async () => {
    const seen: number[] = [];
    await scanFiles({ ...defaults, roots: [root], onProgress: (done) => seen.push(done) });
    expect(seen.length).toBeGreaterThan(0);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(scanFiles({ ...defaults, roots: [root], signal: controller.signal })).rejects.toThrow('stop');
  });

  it('says plainly when a root does not exist', async () => {
    await expect(scanFiles({ ...defaults, roots: [join(root, 'nope')] })).rejects.toThrow(/does not exist/);
  });
});
