import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackReport } from '../../src/core/types';
import { buildDist, REPO } from './cliBuild';
import { writeFiles } from '../support/gitRepo';

const CACHE_DIR = mkdtempSync(join(tmpdir(), 'tome-cli-cache-'));

function tomeIn(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, TOME_DEBUG: '', TOME_CACHE_DIR: CACHE_DIR } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tome-cli-config-'));
  writeFiles(dir, { 'tome.config.json': config, 'src/a.ts': 'export const a = 1;\n', 'docs/guide.md': '# Guide\n', 'tmp/x.ts': 'x\n', 'alt.json': '{ "format": "plain" }' });
  return dir;
}

function reportOf(dir: string, ...args: string[]): { run: ReturnType<typeof tomeIn>; report: PackReport } {
  const path = join(mkdtempSync(join(tmpdir(), 'tome-cli-report-')), 'r.json');
  const run = tomeIn(dir, 'pack', '--report', path, '--quiet', ...args);
  return { run, report: run.code === 0 ? (JSON.parse(readFileSync(path, 'utf8')) as PackReport) : ({} as PackReport) };
}

describe('tome pack with tome.config.json', () => {
  beforeAll(() => buildDist());

  it('applies the folder\'s config; command-line options win over it', () => {
    const dir = project('{ "format": "markdown", "exclude": ["tmp/**"], "modes": { "docs/**": "path-only" } }');
    const { run, report } = reportOf(dir);
    expect(run.code).toBe(0);
    expect(report.format).toBe('markdown');
    expect(report.files.map((f) => [f.path, f.mode])).toEqual(expect.arrayContaining([['docs/guide.md', 'path-only'], ['src/a.ts', 'full']]));
    expect(report.files.map((f) => f.path)).not.toContain('tmp/x.ts');
    expect(reportOf(dir, '--format', 'xml').report.format).toBe('xml');
    expect(reportOf(dir, '-c', 'alt.json').report.format).toBe('plain');
    expect(reportOf(dir, '--no-config').report.files.map((f) => [f.path, f.mode])).toContainEqual(['docs/guide.md', 'full']);
  });

  it('packs nothing from a broken config and names the key and line (exit 2)', () => {
    const dir = project('{\n  "format": "xml",\n  "baseUrl": "https://example.invalid/v1"\n}');
    const run = tomeIn(dir, 'pack');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${join(dir, 'tome.config.json')}:3:3: "baseUrl" cannot be set in a project file`);
    const typo = tomeIn(project('{ "modes": { "docs/**": "skip" } }'), 'pack');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/tome\.config\.json:1:25: "modes\["docs\/\*\*"\]" must be one of "full", "outline", "path-only", "exclude"/);
    const missing = tomeIn(dir, 'pack', '-c', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: there is no such file');
  });
});

describe('tome pack --preset', () => {
  beforeAll(() => buildDist());

  const config = `{
  // the team's review preset
  "presets": {
    "review": { "pins": { "docs": "path-only", "src/a.ts": "outline" }, "excluded": ["tmp"] },
    "all": {}
  },
  "modes": { "src/**": "path-only" }
}`;

  it('applies the preset\'s pins and exclusions from tome.config.json, ahead of its modes', () => {
    const dir = project(config);
    const plain = reportOf(dir);
    expect(plain.run.code).toBe(0);
    expect(plain.report.files.map((f) => [f.path, f.mode])).toEqual(expect.arrayContaining([['src/a.ts', 'path-only'], ['tmp/x.ts', 'full'], ['docs/guide.md', 'full']]));
    const { run, report } = reportOf(dir, '--preset', 'review');
    expect(run.code).toBe(0);
    const modes = Object.fromEntries(report.files.map((f) => [f.path, f.mode]));
    expect(modes['src/a.ts']).toBe('outline');
    expect(modes['docs/guide.md']).toBe('path-only');
    expect(modes['tmp/x.ts']).toBeUndefined();
    expect(report.skipped).toContainEqual(expect.objectContaining({ path: 'tmp/x.ts', reason: 'excluded' }));
  });

  it('names the presets there are when the one asked for is not in the file, and packs nothing (exit 2)', () => {
    const dir = project(config);
    const run = tomeIn(dir, 'pack', '--preset', 'reveiw');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('tome.config.json has no preset "reveiw"; it has "all", "review".');
    const none = tomeIn(dir, 'pack', '--no-config', '--preset', 'review');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--preset reads the "presets" of tome.config.json');
  });
});

describe('tome init', () => {
  beforeAll(() => buildDist());

  it('writes a starter config that tome pack then reads, and never replaces one without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tome-init-'));
    writeFiles(dir, { 'src/a.ts': 'export const a = 1;\n' });
    const first = tomeIn(dir, 'init');
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, 'tome.config.json'), 'utf8')).toMatch(/^\/\/ Tome's packing rules/);
    expect(reportOf(dir).run.code).toBe(0);
    const again = tomeIn(dir, 'init');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    writeFiles(dir, { 'tome.config.json': '{}' });
    expect(tomeIn(dir, 'init', '--force').code).toBe(0);
    expect(readFileSync(join(dir, 'tome.config.json'), 'utf8')).toContain('"modes"');
  });
});
