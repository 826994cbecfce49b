import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pack } from '../../src/core/pack/index';
import { parseRendered } from '../../src/core/render';
import { withDefaults, type PackRequest } from '../../src/core/pack/request';
import { writeFiles } from '../support/gitRepo';
import { countingCounter, referenceCount } from './packTestSupport';

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tome-modes-'));
  const body = (name: string) => `/** ${name} docs. */\nexport function ${name}(x: number): number {\n${'  x = x * 2 + 1;\n'.repeat(30)}  return x;\n}\n`;
  writeFiles(dir, {
    'src/main.ts': "import { gen } from './gen/api';\nexport const main = () => gen(1);\n",
    'src/gen/api.ts': body('gen'),
    'src/gen/keep.ts': body('keep'),
    'docs/guide.md': '# Guide\n\nLong prose.\n',
    'tmp/scratch.ts': 'export const scratch = 1;\n',
  });
  return dir;
}

const MODES: PackRequest['modes'] = [
  { pattern: 'src/gen/keep.ts', mode: 'full' },
  { pattern: 'src/gen/**', mode: 'outline' },
  { pattern: 'docs/**', mode: 'path-only' },
  { pattern: 'tmp/', mode: 'exclude' },
];

describe('modes from tome.config.json', () => {
  it('applies the first matching rule to each file, with or without a budget', async () => {
    const root = await project();
    for (const budget of [null, 4000]) {
      const { report, text } = await pack(withDefaults({ roots: [root], modes: MODES, budget }), { tokenCounter: countingCounter() });
      const mode = Object.fromEntries(report.files.map((f) => [f.path, f.mode]));
      expect(mode).toEqual({ 'src/gen/api.ts': 'outline', 'src/gen/keep.ts': 'full', 'src/main.ts': 'full', 'docs/guide.md': 'path-only' });
      expect(report.skipped).toContainEqual({ path: 'tmp/scratch.ts', reason: 'excluded', detail: 'tome.config.json modes' });
      const bodies = Object.fromEntries(parseRendered('xml', text).map((f) => [f.path, f.body]));
      expect(bodies['src/gen/api.ts']).toContain('export function gen(x: number): number');
      expect(bodies['src/gen/api.ts']).not.toContain('x = x * 2 + 1;');
      expect(bodies['src/gen/keep.ts']).toContain('x = x * 2 + 1;');
      expect(report.totalTokens).toBe(referenceCount(text));
      if (budget !== null) expect(report.files.find((f) => f.path === 'src/gen/api.ts')?.reason).toBe('config-mode');
    }
  });

  it('fits the budget around capped files: selection shares out only the room they leave', async () => {
    const root = await project();
    const free = await pack(withDefaults({ roots: [root], modes: MODES }), { tokenCounter: countingCounter() });
    const tight = free.report.totalTokens - 60;
    const { report, text } = await pack(withDefaults({ roots: [root], modes: MODES, budget: tight }), { tokenCounter: countingCounter() });
    expect(referenceCount(text)).toBeLessThanOrEqual(tight);
    expect(report.files.find((f) => f.path === 'src/gen/api.ts')?.mode).toBe('outline');
    expect(report.files.find((f) => f.path === 'src/gen/keep.ts')?.mode).not.toBe('full');
  });

  it('puts the instructions first, before the tree, in every format', async () => {
    const root = await project();
    for (const format of ['xml', 'markdown', 'plain'] as const) {
      const { text, report } = await pack(withDefaults({ roots: [root], format, instructions: 'Review for security bugs.\n' }), { tokenCounter: countingCounter() });
      expect(text.indexOf('Review for security bugs.')).toBeGreaterThan(0);
      expect(text.indexOf('Review for security bugs.')).toBeLessThan(text.indexOf('main.ts'));
      expect(report.totalTokens).toBe(referenceCount(text));
    }
  });
});
