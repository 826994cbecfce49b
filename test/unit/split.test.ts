import { describe, expect, it } from 'vitest';
import { PackEngine } from '../../src/core/pack/index';
import { parseRendered } from '../../src/core/render';
import { withDefaults } from '../../src/core/pack/request';
import { packInParts } from '../../src/core/split';
import type { OutputFormat } from '../../src/core/types';
import { countingCounter, fixture, referenceCount } from './packTestSupport';

const ROOT = fixture('select-app');

describe('packInParts', () => {
  it.each<[OutputFormat, number]>([
    ['xml', 3000],
    ['markdown', 3300],
    ['plain', 4000],
  ])('cuts a %s pack into parts of at most %i tokens, every file once, dependency order inside each', async (format, size) => {
    const engine = new PackEngine({ tokenCounter: countingCounter() });
    const whole = await engine.pack(withDefaults({ roots: [ROOT], format }));
    const { parts, warnings } = await packInParts(engine, withDefaults({ roots: [ROOT], format }), size);
    expect(parts.length).toBeGreaterThan(1);
    expect(warnings).toEqual([]);
    const seen: string[] = [];
    let edges = 0;
    for (const part of parts) {
      expect(referenceCount(part.text)).toBe(part.report.totalTokens);
      expect(part.report.totalTokens).toBeLessThanOrEqual(size);
      const paths = part.report.files.map((f) => f.path);
      expect(parseRendered(format, part.text).map((f) => f.path)).toEqual(paths.filter((p) => part.report.files.find((f) => f.path === p)?.mode !== 'path-only'));
      for (const [i, f] of part.report.files.entries()) {
        for (const dep of f.imports ?? []) {
          // What a file imports is in this part before it, or in an earlier part.
          edges++;
          if (paths.includes(dep)) expect(paths.indexOf(dep)).toBeLessThan(i);
          else expect(seen).toContain(dep);
        }
      }
      seen.push(...paths);
    }
    expect([...seen].sort()).toEqual(whole.report.files.map((f) => f.path).sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(edges).toBeGreaterThan(3);
  });

  it('outlines a file too large for a part on its own, with a warning', async () => {
    const engine = new PackEngine({ tokenCounter: countingCounter() });
    const { parts, warnings } = await packInParts(engine, withDefaults({ roots: [ROOT] }), 1500);
    const holder = parts.find((p) => p.report.files.some((f) => f.path === 'src/unrelated/legacyParser.ts'));
    expect(holder?.report.files.map((f) => [f.path, f.mode])).toEqual([['src/unrelated/legacyParser.ts', 'outline']]);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^src\/unrelated\/legacyParser\.ts \(\d+ tokens\) does not fit a part of 1500 tokens; it is shown as an outline\.$/)]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'file-larger-than-part', path: 'src/unrelated/legacyParser.ts', partTokens: 1500, shownAs: 'outline' })]);
    for (const p of parts) expect(referenceCount(p.text)).toBeLessThanOrEqual(1500);
  });

  it('puts the instructions in the first part only', async () => {
    const engine = new PackEngine({ tokenCounter: countingCounter() });
    const { parts } = await packInParts(engine, withDefaults({ roots: [ROOT], instructions: 'Answer in French.\n' }), 2000);
    expect(parts[0]?.text).toContain('Answer in French.');
    for (const p of parts.slice(1)) expect(p.text).not.toContain('Answer in French.');
  });
});
