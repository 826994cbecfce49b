import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitError, parseRemoteSpec, withRemoteClone } from '../../src/core/git';
import { startGitDaemon } from '../support/gitDaemon';
import { buildDist, REPO } from './cliBuild';
import { commitAll, git, repoWith, writeFiles } from '../support/gitRepo';

// A temporary folder of this test file's own, so clones made by other test files running at the
// same time do not count as left behind.
const ownTmp = mkdtempSync(join(tmpdir(), 'tome-remote-test-'));
process.env.TMPDIR = ownTmp;

/** Temporary clone folders Tome left behind. */
const leftovers = (): string[] => readdirSync(ownTmp).filter((n) => n.startsWith('tome-remote-'));

let base: string;
let daemon: Awaited<ReturnType<typeof startGitDaemon>>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tome-served-'));
  const work = repoWith({ 'src/a.ts': 'export const a = 1;\n' });
  git(work, 'tag', 'v1');
  writeFiles(work, { 'src/a.ts': 'export const a = 2;\n' });
  commitAll(work, 'second');
  git(base, 'clone', '-q', '--bare', work, 'demo.git');
  daemon = await startGitDaemon(base);
});

afterAll(async () => {
  await daemon.stop();
});

describe('parseRemoteSpec', () => {
  it('splits the ref and accepts https, ssh, git and file URLs', () => {
    expect(parseRemoteSpec('https://example.com/o/r.git#v1.2')).toEqual({ url: 'https://example.com/o/r.git', ref: 'v1.2' });
    expect(parseRemoteSpec('ssh://git@example.com/o/r')).toEqual({ url: 'ssh://git@example.com/o/r' });
    expect(parseRemoteSpec('git://127.0.0.1:9418/r#main')).toEqual({ url: 'git://127.0.0.1:9418/r', ref: 'main' });
    expect(parseRemoteSpec('file:///srv/r.git')).toEqual({ url: 'file:///srv/r.git' });
  });

  it.each([
    ['http://example.com/r.git', 'scheme'],
    ['ext::sh -c touch% /tmp/pwned', 'scheme'],
    ['git@github.com:o/r.git', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['/local/path', 'malformed'],
    ['https://example.com/r.git#--upload-pack=evil', 'ref'],
    ['https://example.com/r.git#a..b', 'ref'],
  ])('refuses %s (%s)', (spec, reason) => {
    let problem: unknown;
    try {
      parseRemoteSpec(spec);
    } catch (error) {
      problem = error instanceof GitError ? error.problem : error;
    }
    expect(problem).toMatchObject({ kind: 'refused-remote', reason });
  });
});

describe('withRemoteClone', () => {
  it('clones HEAD or a tag from git daemon on 127.0.0.1 and removes the clone afterwards', async () => {
    const before = leftovers();
    const head = await withRemoteClone({ url: daemon.url('demo.git') }, async (dir) => {
      expect(leftovers()).toHaveLength(before.length + 1);
      return readdirSync(join(dir, 'src')).join(',');
    });
    expect(head).toBe('a.ts');
    expect(await withRemoteClone({ url: daemon.url('demo.git'), ref: 'v1' }, (dir) => readFile(join(dir, 'src/a.ts'), 'utf8'))).toBe('export const a = 1;\n');
    expect(leftovers()).toEqual(before);
  });

  it('clones a file:// URL shallowly', async () => {
    const depth = await withRemoteClone({ url: `file://${join(base, 'demo.git')}` }, async (dir) => git(dir, 'rev-list', '--count', 'HEAD').trim());
    expect(depth).toBe('1');
  });

  it('removes the clone when the work fails, and when the fetch fails', async () => {
    const before = leftovers();
    await expect(withRemoteClone({ url: daemon.url('demo.git') }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const error = await withRemoteClone({ url: daemon.url('missing.git') }, async () => 'never').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).problem).toMatchObject({ kind: 'clone-failed', url: daemon.url('missing.git') });
    const badRef = await withRemoteClone({ url: daemon.url('demo.git'), ref: 'no-such-tag' }, async () => 'never').catch((e: unknown) => e);
    expect((badRef as GitError).problem).toMatchObject({ kind: 'clone-failed', ref: 'no-such-tag' });
    expect(leftovers()).toEqual(before);
  });

  it('removes the clone when cancelled during the work', async () => {
    const before = leftovers();
    const controller = new AbortController();
    const run = withRemoteClone(
      { url: daemon.url('demo.git') },
      async () => {
        controller.abort();
        controller.signal.throwIfAborted();
        return 'unreachable';
      },
      controller.signal,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(leftovers()).toEqual(before);
  });

  it('removes the clone when cancelled before the fetch ends', async () => {
    const before = leftovers();
    const controller = new AbortController();
    const run = withRemoteClone({ url: daemon.url('demo.git') }, async () => 'done', controller.signal);
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(leftovers()).toEqual(before);
  });
});

describe('tome pack --remote', () => {
  beforeAll(() => buildDist());

  function tome(...args: string[]) {
    const run = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), ...args], { cwd: ownTmp, encoding: 'utf8', env: { ...process.env, TOME_DEBUG: '', TMPDIR: ownTmp } });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it('packs a ref of a served repository, leaves its tome.config.json unapplied unless trusted, and removes the clone', async () => {
    const served = repoWith({ 'src/a.ts': 'export const a = 1;\n', 'tome.config.json': '{ "format": "plain" }' });
    git(base, 'clone', '-q', '--bare', served, 'configured.git');
    const before = leftovers();
    const plain = tome('pack', '--remote', `${daemon.url('configured.git')}#main`);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('<file path="src/a.ts" mode="full">');
    expect(plain.stderr).toContain("the repository's tome.config.json was not applied");
    const trusted = tome('pack', '--remote', daemon.url('configured.git'), '--trust-remote-config', '--quiet');
    expect(trusted.stdout).toContain('FILE full src/a.ts');
    expect(leftovers()).toEqual(before);
  });

  it('writes the whole pack on every run, the token worker stopped before it', () => {
    // A token worker that finished early (its table loads in milliseconds) is idle when the CLI
    // stops it; the CLI must still resume and write the pack, every time.
    const served = repoWith({ 'src/b.ts': 'export const b = 2;\n' });
    git(base, 'clone', '-q', '--bare', served, 'again.git');
    for (let run = 0; run < 6; run++) {
      const packed = tome('pack', '--remote', daemon.url('again.git'));
      expect(packed.code).toBe(0);
      expect(packed.stdout).toContain('<file path="src/b.ts" mode="full">');
      expect(packed.stderr).toContain('Packed 1 file');
    }
  });

  it('refuses other schemes before any network, and a missing repository with exit 2', () => {
    const refused = tome('pack', '--remote', 'http://127.0.0.1:1/x.git');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('only https:, ssh:, git: and file: URLs');
    const missing = tome('pack', '--remote', daemon.url('nope.git'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`Could not fetch ${daemon.url('nope.git')}`);
    expect(tome('pack', '.', '--remote', daemon.url('demo.git')).code).toBe(2);
  });
});
