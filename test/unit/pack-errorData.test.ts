/**
 * Pack failures and skips as data: a code and its fields, worded in English by one formatter for
 * the CLI, and left to the extension's l10n otherwise.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pack, PackError, withDefaults, type PackProblem } from '../../src/core';
import { redactFile } from '../../src/core/redact';
import { describePackProblem } from '../../src/core/pack/problemText';
import { formatSummary } from '../../src/cli/summary';
import { tokenReportMarkdown, type TokenReportLabels } from '../../src/chat/tokenReport';
import { countingCounter, fixture } from './packTestSupport';

const LABELS: TokenReportLabels = { title: 'T', summary: 'S', folders: 'F', files: 'Fi', folder: 'Fo', file: 'f', tokens: 't', share: 's', mode: 'm', count: 'c', skipped: 'Left out' };

async function failureOf(run: Promise<unknown>): Promise<PackError> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof PackError)) throw new Error(`expected a PackError, got ${String(error)}`);
  return error;
}

describe('a file the secret scan fails on', () => {
  const packWithFailingScan = () =>
    pack(withDefaults({ roots: [fixture('pack-basic')] }), {
      tokenCounter: countingCounter(),
      stages: { redactFile: (file) => (file.path === 'src/config.ts' ? Promise.reject(new Error('scanner crashed')) : redactFile(file)) },
    });

  it('is skipped as redaction-failed, not as unreadable, with the scanner error as its detail', async () => {
    const { report, text } = await packWithFailingScan();
    expect(report.skipped.filter((s) => s.path === 'src/config.ts')).toEqual([{ path: 'src/config.ts', reason: 'redaction-failed', detail: 'Error: scanner crashed' }]);
    expect(report.skipped.some((s) => s.reason === 'unreadable')).toBe(false);
    expect(text).not.toContain('<file path="src/config.ts"');
    expect(report.files.map((f) => f.path)).not.toContain('src/config.ts');
  });

  it('is counted under its reason in the CLI summary and the token report', async () => {
    const { report } = await packWithFailingScan();
    expect(formatSummary(report, 'out.xml')).toContain('Skipped 1 file: 1 redaction-failed\n');
    expect(tokenReportMarkdown(report, LABELS)).toContain('## Left out\n\n- redaction-failed: 1\n');
    const worded = tokenReportMarkdown(report, { ...LABELS, skipReason: (r) => (r === 'redaction-failed' ? 'secret scan failed' : r) });
    expect(worded).toContain('- secret scan failed: 1\n');
  });
});

describe('pack requests that cannot be met', () => {
  it('gives a too-small budget as numbers, and the English message says the same minimum', async () => {
    const error = await failureOf(pack(withDefaults({ roots: [fixture('pack-basic')], budget: 20, reserve: 5 }), { tokenCounter: countingCounter() }));
    const problem = error.problem;
    expect(problem.code).toBe('budget-too-small');
    if (problem.code !== 'budget-too-small') return;
    expect(problem).toMatchObject({ budget: 20, reserve: 5, withSections: false });
    expect(problem.minimum).toBe(problem.fixedTokens + problem.reserve);
    expect(problem.minimum).toBeGreaterThan(20);
    expect(error.message).toBe(describePackProblem(problem));
    expect(error.message).toContain(`at least ${problem.minimum},`);
    expect(error.message).toContain('and the reserve 5 more');
  });

  it('names the focus path and the roots of a focus outside them', async () => {
    const root = fixture('pack-basic');
    const outside = fixture('golden-basic');
    const error = await failureOf(pack(withDefaults({ roots: [root], focus: [outside] }), { tokenCounter: countingCounter() }));
    expect(error.problem).toEqual({ code: 'focus-outside-roots', path: outside, roots: [root] } satisfies PackProblem);
    expect(error.code).toBe('focus-outside-roots');
  });

  it('refuses a request without roots', async () => {
    const error = await failureOf(pack(withDefaults({ roots: [] }), { tokenCounter: countingCounter() }));
    expect(error.problem).toEqual({ code: 'no-roots' });
    expect(error.message).toBe('Nothing to pack: give at least one folder.');
  });
});

describe('pack warnings', () => {
  it('are a code with fields plus the English the CLI has always printed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tome-warn-'));
    await writeFile(join(root, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await writeFile(join(root, 'ok.ts'), 'export const ok = 1;\n');
    const { report } = await pack(withDefaults({ roots: [root] }), { tokenCounter: countingCounter() });
    expect(report.warnings).toEqual([{ stage: 'read', path: 'latin1.txt', code: 'invalid-utf8', message: 'Not valid UTF-8; undecodable bytes were replaced by U+FFFD.' }]);
    expect(formatSummary(report, 'out.xml')).toContain('Warning (read, latin1.txt): Not valid UTF-8; undecodable bytes were replaced by U+FFFD.\n');
    const worded = tokenReportMarkdown(report, { ...LABELS, warnings: 'Warnings', warningText: (w) => `[${w.code}]` });
    expect(worded).toContain('## Warnings\n\n- latin1.txt: [invalid-utf8]\n');
    expect(tokenReportMarkdown(report, LABELS)).not.toContain('invalid-utf8');
  });
});
