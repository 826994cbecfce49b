import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackReport } from '../../src/core/types';
import { buildDist, REPO } from './cliBuild';
import { copyFixture, fixture, referenceCount } from './packTestSupport';

/** The CLI's token cache goes here, never into the user's cache folder. */
const CACHE_DIR = mkdtempSync(join(tmpdir(), 'tome-cli-cache-'));

function tome(...args: string[]) {
  return tomeIn(fixture('pack-basic'), CACHE_DIR, ...args);
}

function tomeIn(cwd: string, cacheDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TOME_DEBUG: '', TOME_CACHE_DIR: cacheDir },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the built tome CLI', () => {
  beforeAll(() => buildDist());

  it('packs the current folder to stdout and writes the summary to stderr', () => {
    const run = tome('pack', '--no-cache');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<tome_pack>')).toBe(true);
    expect(run.stdout).toContain('<file path="src/lib/math.ts" mode="full">');
    expect(run.stderr).toMatch(/Packed \d+ files/);
    expect(run.stderr).not.toContain('<tome_pack>');
  });

  it('writes --output and a --report whose stable fields match the text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tome-cli-'));
    const out = join(dir, 'packed.md');
    const reportPath = join(dir, 'report.json');
    const run = tome('pack', '.', '--format', 'markdown', '--output', out, '--report', reportPath, '--budget', '1.5k', '--quiet', '--no-cache');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    const text = readFileSync(out, 'utf8');
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as PackReport;
    expect(report).toMatchObject({ root: fixture('pack-basic'), encoding: 'o200k_base', budget: 1500, format: 'markdown' });
    expect(report.totalTokens).toBe(referenceCount(text));
    expect(report.totalTokens).toBeLessThanOrEqual(1500);
    for (const f of report.files) expect(Object.keys(f)).toEqual(expect.arrayContaining(['path', 'tokens', 'mode', 'redactions']));
    expect(Array.isArray(report.skipped)).toBe(true);
  });

  it('streams the same bytes to --output as to stdout', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tome-cli-')), 'packed.xml');
    const toFile = tome('pack', '--output', out, '--quiet', '--no-cache');
    const toStdout = tome('pack', '--quiet', '--no-cache');
    expect(toFile.code).toBe(0);
    expect(toStdout.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(toStdout.stdout);
    expect(toStdout.stdout.endsWith('</tome_pack>\n')).toBe(true);
  });

  it('applies repeated --include and --exclude globs', () => {
    const reportPath = join(mkdtempSync(join(tmpdir(), 'tome-cli-')), 'report.json');
    const run = tome('pack', '--include', 'src/**', '--include', 'README.md', '--exclude', '**/strings.ts', '--report', reportPath, '--quiet');
    expect(run.code).toBe(0);
    const paths = (JSON.parse(readFileSync(reportPath, 'utf8')) as PackReport).files.map((f) => f.path);
    expect(paths).toContain('README.md');
    expect(paths).toContain('src/lib/math.ts');
    expect(paths).not.toContain('src/lib/strings.ts');
    expect(paths).not.toContain('package.json');
  });

  it('fills the token cache folder unless --no-cache is given', () => {
    const cacheBytes = (): number =>
      readdirSync(CACHE_DIR, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
    const before = cacheBytes();
    expect(tome('pack', '--no-cache', '--quiet', '--format', 'plain').code).toBe(0);
    expect(cacheBytes()).toBe(before);
    expect(tome('pack', '--quiet', '--format', 'plain').code).toBe(0);
    expect(cacheBytes()).toBeGreaterThan(before);
  });

  it('writes the saved pack of an unchanged tree as it is, byte for byte, and packs again after an edit', async () => {
    const tree = await copyFixture('pack-basic');
    const hourAgo = (Date.now() - 3600_000) / 1000;
    for (const e of readdirSync(tree, { recursive: true, withFileTypes: true })) {
      if (e.isFile()) utimesSync(join(e.parentPath, e.name), hourAgo, hourAgo);
    }
    const cacheDir = mkdtempSync(join(tmpdir(), 'tome-cli-saved-'));
    const reportPath = join(cacheDir, 'report.json');
    const run = () => {
      const result = tomeIn(tree, cacheDir, 'pack', '--quiet', '--report', reportPath);
      expect(result.code).toBe(0);
      return { stdout: result.stdout, stages: Object.keys((JSON.parse(readFileSync(reportPath, 'utf8')) as PackReport).timings) };
    };
    const first = run();
    expect(first.stages).toContain('read');
    expect(readdirSync(join(cacheDir, 'tokens', 'packs'))).toHaveLength(1);
    const second = run();
    expect(second.stdout).toBe(first.stdout);
    expect(second.stages.sort()).toEqual(['reuse', 'scan']);

    writeFileSync(join(tree, 'src', 'lib', 'math.ts'), 'export const answer = 42;\n');
    const edited = run();
    expect(edited.stages).toContain('read');
    expect(edited.stdout).toContain('export const answer = 42;');
    expect(edited.stdout).toBe(tomeIn(tree, cacheDir, 'pack', '--quiet', '--no-cache').stdout);
  });

  it('prints an --explain table of modes and reasons', () => {
    const run = tome('pack', '--explain', '--budget', '100k', '--no-cache');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/MODE\s+TOKENS\s+REASON\s+PATH/);
    expect(run.stderr).toMatch(/full\s+\d+\s+\S+\s+src\/main\.ts/);
  });

  it.each([
    [['pack', '--format', 'yaml'], /yaml.*xml, markdown, plain/s],
    [['pack', '--budget', 'lots'], /"lots" is not a token count.*128k/s],
    [['pack', '--max-file-size', '-3'], /"-3" is not a size in bytes/],
    [['pack', '--encoding', 'p50k'], /p50k.*o200k_base, cl100k_base/s],
    [['pack', 'no-such-folder'], /no folder at .*no-such-folder/],
    [['pack', '--budget', '10'], /too small.*at least \d+/s],
    [['pack', '--focus', '/definitely/elsewhere'], /outside the folders being packed/],
    [['pack', '--bogus'], /unknown option '--bogus'/],
    // `tome mcp` runs from its own bundle, whose error classes are not the CLI's.
    [['mcp', '--root', 'no-such-folder'], /no folder at .*no-such-folder/],
  ])('exits 2 with a helpful message for bad usage: %s', (args, message) => {
    const run = tome(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with a plain message when the output cannot be written', () => {
    const run = tome('pack', '--quiet', '--output', join(tmpdir(), 'no-such-dir-for-tome', 'out.xml'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Could not write ".*out\.xml": its folder does not exist \(ENOENT\)\. Create it or choose another place\./);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help and the version with exit code 0', () => {
    const help = tome('pack', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--volatile-last');
    const version = tome('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('prints the import graph as JSON and as DOT', () => {
    const json = tome('graph');
    expect(json.code).toBe(0);
    const graph = JSON.parse(json.stdout) as { files: { path: string }[]; cycles: string[][] };
    expect(graph.files.map((f) => f.path)).toContain('src/main.ts');
    expect(Array.isArray(graph.cycles)).toBe(true);
    const dot = tome('graph', '--dot');
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph imports \{/);
  });
});
