import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pack, PackEngine, PackError } from '../../src/core/pack/index';
import { parseRendered } from '../../src/core/render';
import { createTokenCounter } from '../../src/core/tokenize';
import { withDefaults } from '../../src/core/pack/request';
import type { OutputFormat, ProgressEvent } from '../../src/core/types';
import { copyFixture, countingCounter, fixture, referenceCount } from './packTestSupport';

const FORMATS: OutputFormat[] = ['xml', 'markdown', 'plain'];
const FIXTURES = ['pack-basic', join('golden-basic', 'input')];

describe('pack', () => {
  it.each(FORMATS.flatMap((format) => FIXTURES.map((name) => [format, name] as const)))(
    'reports the exact token count of the whole %s text for %s',
    async (format, name) => {
      const { text, report } = await pack(withDefaults({ roots: [fixture(name)], format }), { tokenCounter: countingCounter() });
      expect(report.totalTokens).toBe(referenceCount(text));
      expect(text).toContain(String(report.totalTokens));
      expect(report.files.reduce((n, f) => n + f.tokens, 0)).toBeLessThan(report.totalTokens);
    },
  );

  it.each(FORMATS)('agrees with js-tiktoken on the %s total when counting with the real caching counter', async (format) => {
    const counter = createTokenCounter({ encoding: 'cl100k_base', cacheDir: null, workers: 0 });
    const request = withDefaults({ roots: [fixture('pack-basic')], format, encoding: 'cl100k_base', budget: 900 });
    const { text, report } = await pack(request, { tokenCounter: counter });
    await counter.dispose();
    expect(report.totalTokens).toBe(referenceCount(text, 'cl100k_base'));
    expect(report.totalTokens).toBeLessThanOrEqual(900);
  });

  it('puts files with uncommitted changes last when asked', async () => {
    const root = await copyFixture('pack-basic');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'fixture');
    await writeFile(join(root, 'README.md'), '# changed\n');
    const request = withDefaults({ roots: [root], order: 'path' });
    const usual = await pack(request, { tokenCounter: countingCounter() });
    const volatile = await pack({ ...request, volatileLast: true }, { tokenCounter: countingCounter() });
    expect(usual.report.files.at(-1)?.path).not.toBe('README.md');
    expect(volatile.report.files.at(-1)?.path).toBe('README.md');
  });

  it('gives byte-identical text when packing the same tree twice', async () => {
    const request = withDefaults({ roots: [fixture('pack-basic')], format: 'markdown' });
    const a = await pack(request, { tokenCounter: countingCounter() });
    const b = await pack(request, { tokenCounter: countingCounter() });
    expect(b.text).toBe(a.text);
  });

  it('keeps everything before a changed file’s block byte-identical', async () => {
    const root = await copyFixture('pack-basic');
    const request = withDefaults({ roots: [root] });
    const before = await pack(request, { tokenCounter: countingCounter() });
    await writeFile(join(root, 'src/lib/math.ts'), (await readFile(join(root, 'src/lib/math.ts'), 'utf8')).replace('Adds', 'Sums up'));
    const after = await pack(request, { tokenCounter: countingCounter() });
    const opener = '<file path="src/lib/math.ts"';
    const cut = before.text.indexOf(opener);
    expect(cut).toBeGreaterThan(0);
    expect(after.text.indexOf(opener)).toBe(cut);
    expect(after.text.slice(0, cut)).toBe(before.text.slice(0, cut));
    expect(after.text).not.toBe(before.text);
  });

  it('keeps every file’s text recoverable from the output and redacts the fake key', async () => {
    const root = fixture('pack-basic');
    const { text, report } = await pack(withDefaults({ roots: [root] }), { tokenCounter: countingCounter() });
    const parsed = parseRendered('xml', text);
    expect(parsed.map((f) => f.path)).toEqual(report.files.filter((f) => f.mode !== 'path-only').map((f) => f.path));
    const math = parsed.find((f) => f.path === 'src/lib/math.ts');
    expect(math?.body).toBe(await readFile(join(root, 'src/lib/math.ts'), 'utf8'));
    expect(text).not.toContain('AKIAQWERTYUIOPASDFGH');
    expect(report.redactionCount).toBeGreaterThan(0);
  });

  it('leaves out gitignored files and says why', async () => {
    const root = await copyFixture('pack-basic');
    await mkdir(join(root, 'out'));
    await writeFile(join(root, 'out', 'bundle.js'), 'built();\n');
    const { report } = await pack(withDefaults({ roots: [root] }), { tokenCounter: countingCounter() });
    expect(report.files.map((f) => f.path)).not.toContain('out/bundle.js');
    expect(report.skipped.some((s) => s.path.startsWith('out') && s.reason === 'gitignored')).toBe(true);
  });

  it('prefixes each path with its root’s folder name when packing several roots', async () => {
    const { report } = await pack(withDefaults({ roots: [fixture('pack-basic'), fixture('golden-basic', 'input')] }), {
      tokenCounter: countingCounter(),
    });
    const paths = report.files.map((f) => f.path);
    expect(paths).toContain('pack-basic/src/main.ts');
    expect(paths).toContain('input/src/util.ts');
  });

  it('reports structured progress for every stage, never more done than total', async () => {
    const events: ProgressEvent[] = [];
    const { report } = await pack(withDefaults({ roots: [fixture('pack-basic')], budget: 100_000 }), { tokenCounter: countingCounter() }, {
      onProgress: (e) => events.push(e),
    });
    const stages = [...new Set(events.map((e) => e.stage))];
    // Under a budget, selection counts files as it considers them: there is no tokenize stage.
    expect(stages).toEqual(['scan', 'read', 'redact', 'graph', 'order', 'select', 'render']);
    for (const e of events) expect(e.done).toBeLessThanOrEqual(e.total);
    // ...but the time those counts take is still the tokenize stage's, not selection's.
    expect(Object.keys(report.timings ?? {})).toContain('tokenize');
  });

  it('reports a tokenize stage without a budget, where every file is counted up front', async () => {
    const events: ProgressEvent[] = [];
    await pack(withDefaults({ roots: [fixture('pack-basic')] }), { tokenCounter: countingCounter() }, { onProgress: (e) => events.push(e) });
    const stages = [...new Set(events.map((e) => e.stage))];
    expect(stages).toEqual(['scan', 'read', 'redact', 'tokenize', 'graph', 'order', 'select', 'render']);
  });

  it('rejects with the AbortError when cancelled mid-pack', async () => {
    const controller = new AbortController();
    const run = pack(withDefaults({ roots: [fixture('pack-basic')] }), { tokenCounter: countingCounter() }, {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.stage === 'tokenize') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await expect(run).rejects.toBe(controller.signal.reason);
  });

  it('leaves out a file the secret scan fails on, with a reason', async () => {
    const { redactFile } = await import('../../src/core/redact');
    const { report, text } = await pack(withDefaults({ roots: [fixture('pack-basic')] }), {
      tokenCounter: countingCounter(),
      stages: {
        redactFile: (file) => (file.path === 'src/config.ts' ? Promise.reject(new Error('scanner crashed')) : redactFile(file)),
      },
    });
    expect(report.files.map((f) => f.path)).not.toContain('src/config.ts');
    expect(report.skipped).toContainEqual(expect.objectContaining({ path: 'src/config.ts', reason: 'redaction-failed', detail: 'Error: scanner crashed' }));
    expect(text).not.toContain('loadConfig(): Config');
  });

  it('maps an absolute focus path to the numbered prefix of a second root with the same name', async () => {
    const roots = await Promise.all(['one', 'two'].map(async (n) => join(await mkdtemp(join(tmpdir(), `tome-${n}-`)), 'app')));
    for (const root of roots) await cp(fixture('pack-basic'), root, { recursive: true });
    const focus = join(roots[1] ?? '', 'src', 'lib', 'strings.ts');
    const { report } = await pack(withDefaults({ roots, focus: [focus], budget: 100_000 }), { tokenCounter: countingCounter() });
    expect(report.files.find((f) => f.path === 'app-2/src/lib/strings.ts')?.reason).toBe('focus');
    expect(report.files.find((f) => f.path === 'app/src/lib/strings.ts')?.reason).not.toBe('focus');
  });

  it('fails when a focus path lies outside the roots', async () => {
    const run = pack(withDefaults({ roots: [fixture('pack-basic')], focus: [fixture('golden-basic')] }), { tokenCounter: countingCounter() });
    await expect(run).rejects.toBeInstanceOf(PackError);
    await expect(run).rejects.toMatchObject({ code: 'focus-outside-roots' });
  });
});

describe('PackEngine', () => {
  it('re-reads only the files whose size or mtime changed, and rebuilds the graph only then', async () => {
    const root = await copyFixture('pack-basic');
    const readBatches: string[][] = [];
    let graphBuilds = 0;
    const { readFiles } = await import('../../src/core/read');
    const { buildImportGraph } = await import('../../src/core/graph');
    const engine = new PackEngine({
      tokenCounter: countingCounter(),
      stages: {
        readFiles: (files, options) => {
          readBatches.push(files.map((f) => f.path));
          return readFiles(files, options);
        },
        buildImportGraph: (files, options) => {
          graphBuilds++;
          return buildImportGraph(files, options);
        },
      },
    });
    const request = withDefaults({ roots: [root] });
    const first = await engine.pack(request);
    const again = await engine.pack(request);
    expect(again.text).toBe(first.text);
    expect(graphBuilds).toBe(1);
    await writeFile(join(root, 'src/lib/strings.ts'), 'export const shout = (s: string): string => s + "!";\n');
    await utimes(join(root, 'src/lib/strings.ts'), new Date(), new Date(Date.now() + 5000));
    const second = await engine.pack(request);
    const third = await engine.pack(request);
    expect(readBatches[0]?.length).toBe(first.report.files.length);
    expect(readBatches.slice(1)).toEqual([['src/lib/strings.ts']]);
    expect(second.text).toContain('s + "!"');
    expect(third.text).toBe(second.text);
    expect(graphBuilds).toBe(2);
  });
});
