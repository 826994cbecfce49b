import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackEngine } from '../../src/core/pack/index';
import { withDefaults } from '../../src/core/pack/request';
import type { TokenCounter } from '../../src/core/tokenize/counter';
import { copyFixture, countingCounter } from './packTestSupport';

/** A counter that keeps every text it was asked to count. */
function recordingCounter(): TokenCounter & { seen: string[] } {
  const inner = countingCounter();
  const counter = {
    encoding: inner.encoding,
    seen: [] as string[],
    countMany(texts: readonly string[], signal?: AbortSignal): Promise<number[]> {
      counter.seen.push(...texts);
      return inner.countMany(texts, signal);
    },
    dispose: (): Promise<void> => inner.dispose(),
  };
  return counter;
}

/** The paths of the xml file blocks among counted texts. */
const blockPaths = (texts: readonly string[]): string[] =>
  texts.flatMap((t) => [...t.matchAll(/^<file path="([^"]+)"/gm)].map((m) => m[1] ?? ''));

async function editFile(root: string, path: string, text: string): Promise<void> {
  await writeFile(join(root, path), text);
  await utimes(join(root, path), new Date(), new Date(Date.now() + 5000));
}

describe('PackEngine follow-up packs', () => {
  it('counts no file block again when nothing changed, and only the edited one after an edit', async () => {
    const root = await copyFixture('pack-basic');
    const counter = recordingCounter();
    let orders = 0;
    const { orderFiles } = await import('../../src/core/order');
    const engine = new PackEngine({
      tokenCounter: counter,
      stages: { orderFiles: (...args) => (orders++, orderFiles(...args)) },
    });
    const request = withDefaults({ roots: [root] });
    const first = await engine.pack(request);
    expect(blockPaths(counter.seen).length).toBeGreaterThanOrEqual(first.report.files.length);

    counter.seen.length = 0;
    const again = await engine.pack(request);
    expect(again.text).toBe(first.text);
    expect(blockPaths(counter.seen)).toEqual([]);
    expect(orders).toBe(1);

    await editFile(root, 'src/lib/strings.ts', 'export const shout = (s: string): string => s + "!";\n');
    counter.seen.length = 0;
    const edited = await engine.pack(request);
    expect(blockPaths(counter.seen)).toEqual(['src/lib/strings.ts']);
    // The edit keeps every import, so the order is kept too.
    expect(orders).toBe(1);
    const fresh = await new PackEngine({ tokenCounter: countingCounter() }).pack(request);
    expect(edited.text).toBe(fresh.text);
    expect(edited.report.files).toEqual(fresh.report.files);
    expect(edited.report.totalTokens).toBe(fresh.report.totalTokens);
  });

  it('gives what a fresh engine gives after a format change, a budget and a deleted file', async () => {
    const root = await copyFixture('pack-basic');
    const engine = new PackEngine({ tokenCounter: countingCounter() });
    const fresh = (request: ReturnType<typeof withDefaults>) => new PackEngine({ tokenCounter: countingCounter() }).pack(request);
    const xml = withDefaults({ roots: [root] });
    await engine.pack(xml);
    const markdown = withDefaults({ roots: [root], format: 'markdown' });
    expect((await engine.pack(markdown)).text).toBe((await fresh(markdown)).text);
    const full = await engine.pack(xml);
    const budgeted = withDefaults({ roots: [root], budget: Math.floor(full.report.totalTokens * 0.7) });
    const warm = await engine.pack(budgeted);
    const cold = await fresh(budgeted);
    expect(warm.text).toBe(cold.text);
    expect(warm.report.files).toEqual(cold.report.files);
    await rm(join(root, 'src/lib/math.ts'));
    const afterDelete = await engine.pack(xml);
    expect(afterDelete.text).not.toContain('src/lib/math.ts"');
    expect(afterDelete.text).toBe((await fresh(xml)).text);
  });

  it('re-parses only the edited file for the graph, and links its new imports like a full build', async () => {
    const root = await copyFixture('pack-basic');
    const parsed: string[][] = [];
    const { buildImportGraph } = await import('../../src/core/graph');
    const engine = new PackEngine({
      tokenCounter: countingCounter(),
      stages: {
        buildImportGraph: (files, options) => {
          parsed.push(files.filter((f) => f.text !== '' && /\.tsx?$/.test(f.path)).map((f) => f.path));
          return buildImportGraph(files, options);
        },
      },
    });
    const request = withDefaults({ roots: [root] });
    await engine.pack(request);
    await editFile(root, 'src/main.ts', "import { shout } from './lib/strings';\nimport chalk from 'chalk';\nconsole.log(shout('hi'), chalk);\n");
    const warm = await engine.pack(request);
    expect(parsed[1]).toEqual(['src/main.ts']);
    const main = warm.report.files.find((f) => f.path === 'src/main.ts');
    expect(main?.imports).toEqual(['src/lib/strings.ts']);
    expect(main?.external).toEqual(['chalk']);
    const cold = await new PackEngine({ tokenCounter: countingCounter() }).pack(request);
    expect(warm.text).toBe(cold.text);
    expect({ ...warm.report, timings: {} }).toEqual({ ...cold.report, timings: {} });
  });

  it.each(['graph-c', 'graph-go', 'graph-python', 'graph-rust', 'graph-ts-monorepo', 'graph-mixed'])(
    'keeps the report a full build gives after editing each source file of %s',
    async (name) => {
      const root = await copyFixture(name);
      const engine = new PackEngine({ tokenCounter: countingCounter() });
      const request = withDefaults({ roots: [root] });
      const first = await engine.pack(request);
      const sources = first.report.files.map((f) => f.path).filter((p) => /\.(c|h|go|py|rs|ts|tsx|js)$/.test(p));
      expect(sources.length).toBeGreaterThan(1);
      for (const path of sources) {
        const text = await readFile(join(root, path), 'utf8');
        await editFile(root, path, `${text}\n`);
        const warm = await engine.pack(request);
        const cold = await new PackEngine({ tokenCounter: countingCounter() }).pack(request);
        expect({ ...warm.report, timings: {} }).toEqual({ ...cold.report, timings: {} });
        expect(warm.text).toBe(cold.text);
      }
    },
  );
});

describe('PackEngine follow-up packs under a budget', () => {
  it('keeps the text before an edited file byte-identical even when the edit grows the file', async () => {
    const root = await copyFixture('select-app');
    const engine = new PackEngine({ tokenCounter: countingCounter() });
    const whole = await new PackEngine({ tokenCounter: countingCounter() }).pack(withDefaults({ roots: [root] }));
    const request = withDefaults({ roots: [root], budget: Math.floor(whole.report.totalTokens * 0.6), focus: ['src/app.ts'], query: 'shadow' });
    const first = await engine.pack(request);

    const target = 'src/app.ts';
    const grown = (await readFile(join(root, target), 'utf8')) + 'export const filler = 1;\n'.repeat(400);
    await editFile(root, target, grown);
    const marker = `<file path="${target}"`;
    expect(first.text.indexOf(marker)).toBeGreaterThan(0);
    // Everything the first pack wrote before the edited file's block.
    const before = first.text.slice(0, first.text.indexOf(marker));

    // A fresh selection re-balances the budget around the grown file and moves earlier blocks.
    const fresh = await new PackEngine({ tokenCounter: countingCounter() }).pack(request);
    expect(fresh.text.startsWith(before)).toBe(false);

    const followUp = await engine.pack(request);
    expect(followUp.text.startsWith(before)).toBe(true);
    expect(followUp.report.totalTokens).toBeLessThanOrEqual(request.budget ?? 0);
  });
});
