import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackReport } from '../../src/core/types';
import { buildDist, REPO } from './cliBuild';
import { fixture, referenceCount } from './packTestSupport';

const CACHE_DIR = mkdtempSync(join(tmpdir(), 'tome-cli-cache-'));

function tome(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const run = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), ...args], {
    cwd: options.cwd ?? fixture('pack-basic'),
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, TOME_DEBUG: '', TOME_CACHE_DIR: CACHE_DIR, ...options.env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('tome pack options', () => {
  beforeAll(() => buildDist());

  it('--max-tokens fails with exit 3 and the total, writing nothing, and passes under the limit', () => {
    const over = tome(['pack', '--max-tokens', '100']);
    expect(over.code).toBe(3);
    expect(over.stdout).toBe('');
    expect(over.stderr).toMatch(/^tome: The pack holds \d+ tokens, over --max-tokens 100\. Nothing was written\.\n$/);
    const fits = tome(['pack', '--max-tokens', '1m', '--quiet']);
    expect(fits.code).toBe(0);
    expect(fits.stdout.startsWith('<tome_pack>')).toBe(true);
  });

  it('--line-numbers numbers the lines of full files and the count stays exact', () => {
    const run = tome(['pack', '--line-numbers', '--quiet', '--include', 'src/lib/math.ts']);
    expect(run.code).toBe(0);
    const source = readFileSync(fixture('pack-basic', 'src/lib/math.ts'), 'utf8').split('\n');
    expect(run.stdout).toContain(`1: ${source[0]}\n`);
    expect(run.stdout).toMatch(/<summary [^>]*total_tokens="(\d+)"/);
    expect(run.stdout).toContain(`total_tokens="${referenceCount(run.stdout)}"`);
  });

  it('--stdin packs the listed files only and says which listed paths do not exist', () => {
    const report = join(mkdtempSync(join(tmpdir(), 'tome-stdin-')), 'r.json');
    const run = tome(['pack', '--stdin', '--report', report], { input: 'src/lib/math.ts\nREADME.md\nno/such.ts\n' });
    expect(run.code).toBe(0);
    expect((JSON.parse(readFileSync(report, 'utf8')) as PackReport).files.map((f) => f.path).sort()).toEqual(['README.md', 'src/lib/math.ts']);
    expect(run.stderr).toContain('1 listed path(s) do not exist and were left out: no/such.ts');
    const outside = tome(['pack', '--stdin'], { input: '/etc/passwd\n' });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('outside the folders being packed');
    expect(tome(['pack', '--stdin'], { input: '\n' }).code).toBe(2);
  });

  it('--copy hands the text to a clipboard program, and falls back to stdout without one', () => {
    const bin = mkdtempSync(join(tmpdir(), 'tome-clip-bin-'));
    const clip = join(bin, 'clipboard.txt');
    writeFileSync(join(bin, 'xclip'), '#!/bin/sh\nexec /bin/cat > "$CLIP_OUT"\n');
    chmodSync(join(bin, 'xclip'), 0o755);
    const copied = tome(['pack', '--copy'], { env: { PATH: bin, CLIP_OUT: clip } });
    expect(copied.code).toBe(0);
    expect(copied.stdout).toBe('');
    expect(readFileSync(clip, 'utf8').startsWith('<tome_pack>')).toBe(true);
    expect(copied.stderr).toContain('→ the clipboard');
    const none = tome(['pack', '--copy'], { env: { PATH: mkdtempSync(join(tmpdir(), 'tome-no-bin-')) } });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('no clipboard program found');
    expect(none.stdout.startsWith('<tome_pack>')).toBe(true);
  });

  it('--split writes numbered parts next to -o, each within its size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tome-split-cli-'));
    const run = tome(['pack', '--split', '700', '-o', join(dir, 'pack.xml'), '--no-cache'], { cwd: fixture('select-app') });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Packed \d+ files in \d+ parts:/);
    expect(existsSync(join(dir, 'pack-1.xml'))).toBe(true);
    expect(existsSync(join(dir, 'pack.xml'))).toBe(false);
    for (let i = 1; existsSync(join(dir, `pack-${i}.xml`)); i++) expect(referenceCount(readFileSync(join(dir, `pack-${i}.xml`), 'utf8'))).toBeLessThanOrEqual(700);
    const noOutput = tome(['pack', '--split', '10k']);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('give -o');
  });
});
