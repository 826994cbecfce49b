import { cp, mkdir, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packedFilesOf, packScope, type PackSettings } from '../../src/chat/packScope';
import { buildImportGraph } from '../../src/core/graph';
import { PackEngine } from '../../src/core/pack/index';
import { withDefaults } from '../../src/core/pack/request';
import { scopeClosure } from '../../src/core/pack/scope';
import { scanFiles } from '../../src/core/scan';
import type { ImportGraph } from '../../src/core/types';
import { copyFixture, countingCounter, fixture } from './packTestSupport';

const SETTINGS: PackSettings = { encoding: 'o200k_base', format: 'xml', exclude: [], maxFileSize: 1024 * 1024, includeTests: true };

/** An engine whose scan and graph stages count their calls. */
function countingEngine(): { engine: PackEngine; calls: { scans: number; graphs: number } } {
  const calls = { scans: 0, graphs: 0 };
  const engine = new PackEngine({
    tokenCounter: countingCounter(),
    stages: {
      scanFiles: (options) => (calls.scans++, scanFiles(options)),
      buildImportGraph: (files, options) => (calls.graphs++, buildImportGraph(files, options)),
    },
  });
  return { engine, calls };
}

async function touch(path: string, text: string): Promise<void> {
  await writeFile(path, text);
  await utimes(path, new Date(), new Date(Date.now() + 5000));
}

describe('scopeClosure', () => {
  const graph: ImportGraph = {
    imports: new Map([
      ['src/model/book.ts', ['src/util/ids.ts']],
      ['src/model/shelf.ts', ['src/model/book.ts']],
      ['src/util/ids.ts', ['src/util/random.ts']],
      ['src/util/random.ts', []],
      ['src/billing/invoice.ts', ['src/model/book.ts']],
      ['src/modelling.ts', []],
    ]),
    external: new Map(),
    warnings: [],
  };
  const paths = [...graph.imports.keys()];

  it('takes the folder\'s files and everything they import, transitively, and nothing that imports them', () => {
    expect([...(scopeClosure(['src/model'], paths, graph) ?? [])].sort()).toEqual(['src/model/book.ts', 'src/model/shelf.ts', 'src/util/ids.ts', 'src/util/random.ts']);
  });

  it('takes a single file and its imports', () => {
    expect([...(scopeClosure(['src/util/ids.ts'], paths, graph) ?? [])].sort()).toEqual(['src/util/ids.ts', 'src/util/random.ts']);
  });

  it('gives null when no file is in the scope, so the pack is not narrowed', () => {
    expect(scopeClosure(['docs'], paths, graph)).toBeNull();
  });
});

describe('scoped packs', () => {
  it('runs a folder-scoped question as exactly one pack with one scan and one graph build', async () => {
    const root = await copyFixture('e2e-workspace');
    const { engine, calls } = countingEngine();
    let packs = 0;
    const { report, text } = await packScope(
      (request, options) => (packs++, engine.pack(request, options)),
      { scope: { kind: 'folder', absPath: join(root, 'src', 'model'), label: 'src/model' }, workspaceFolders: [root], settings: SETTINGS, budget: null, reserve: 0, query: '' },
    );
    expect({ packs, scans: calls.scans, graphs: calls.graphs }).toEqual({ packs: 1, scans: 1, graphs: 1 });
    expect(report.files.map((f) => f.path).sort()).toEqual(['src/model/book.ts', 'src/model/shelf.ts', 'src/util/ids.ts']);
    expect(report.skipped).toContainEqual(expect.objectContaining({ path: 'src/billing/invoice.ts', reason: 'not-included' }));
    expect(text).not.toContain('src/billing/invoice.ts');
  });

  it('shares one graph between the workspace packs and the scoped packs interleaved on one engine', async () => {
    const root = await copyFixture('e2e-workspace');
    const { engine, calls } = countingEngine();
    const workspace = withDefaults({ roots: [root] });
    const scoped = withDefaults({ roots: [root], focus: [join(root, 'src', 'model')], scope: { paths: [join(root, 'src', 'model')] }, budget: 2000 });
    const first = await engine.pack(workspace, { reportOnly: true });
    const firstScoped = await engine.pack(scoped);
    const again = await engine.pack(workspace, { reportOnly: true });
    const againScoped = await engine.pack(scoped);
    expect(calls.graphs).toBe(1);
    expect({ ...again.report, timings: {} }).toEqual({ ...first.report, timings: {} });
    expect(againScoped.text).toBe(firstScoped.text);
  });

  it('fails before any work when the scope lies outside the roots', async () => {
    const { engine, calls } = countingEngine();
    const run = engine.pack(withDefaults({ roots: [fixture('pack-basic')], scope: { paths: [fixture('golden-basic')] } }));
    await expect(run).rejects.toMatchObject({ name: 'PackError', code: 'scope-outside-roots' });
    expect(calls.scans).toBe(0);
  });
});

describe('report-only packs', () => {
  it('give the full pack\'s report, token counts included, without the text', async () => {
    const root = await copyFixture('select-app');
    const request = withDefaults({ roots: [root], budget: 1500, query: 'shadow' });
    const full = await new PackEngine({ tokenCounter: countingCounter() }).pack(request);
    const reportOnly = await new PackEngine({ tokenCounter: countingCounter() }).pack(request, { reportOnly: true });
    expect(full.text.length).toBeGreaterThan(0);
    expect(reportOnly.text).toBe('');
    expect({ ...reportOnly.report, timings: {} }).toEqual({ ...full.report, timings: {} });
  });
});

describe('config files the scan leaves out', () => {
  it('sees an edit to an excluded tsconfig.json (a paths alias) in the next pack on a warm engine', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tome-alias-'));
    await mkdir(join(root, 'src', 'old'), { recursive: true });
    await mkdir(join(root, 'src', 'new'), { recursive: true });
    await writeFile(join(root, 'src', 'main.ts'), "import { name } from '@lib/name';\nconsole.log(name);\n");
    await writeFile(join(root, 'src', 'old', 'name.ts'), "export const name = 'old';\n");
    await writeFile(join(root, 'src', 'new', 'name.ts'), "export const name = 'new';\n");
    const tsconfig = join(root, 'tsconfig.json');
    await touch(tsconfig, JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/old/*'] } } }));
    const engine = new PackEngine({ tokenCounter: countingCounter() });
    const request = withDefaults({ roots: [root], exclude: ['tsconfig.json'] });
    const importsOfMain = async (): Promise<string[] | undefined> => {
      const { report } = await engine.pack(request);
      expect(report.files.map((f) => f.path)).not.toContain('tsconfig.json');
      expect(report.skipped).toContainEqual(expect.objectContaining({ path: 'tsconfig.json', reason: 'excluded' }));
      return report.files.find((f) => f.path === 'src/main.ts')?.imports;
    };
    expect(await importsOfMain()).toEqual(['src/old/name.ts']);
    await touch(tsconfig, JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/new/*'] } } }));
    expect(await importsOfMain()).toEqual(['src/new/name.ts']);
  });
});

describe('several roots with the same folder name', () => {
  it('opens each file of the chat\'s file list at its own root\'s path', async () => {
    const base = await mkdtemp(join(tmpdir(), 'tome-same-name-'));
    const roots = [join(base, 'a', 'api'), join(base, 'b', 'api')];
    for (const root of roots) await cp(fixture('pack-basic'), root, { recursive: true });
    await writeFile(join(roots[1] ?? '', 'src', 'main.ts'), "console.log('the second api');\n");
    const { report } = await new PackEngine({ tokenCounter: countingCounter() }).pack(withDefaults({ roots }));
    const list = packedFilesOf(report);
    const main = list.find((f) => f.path === 'api-2/src/main.ts');
    expect(main?.absPath).toBe(join(base, 'b', 'api', 'src', 'main.ts'));
    expect(list.find((f) => f.path === 'api/src/main.ts')?.absPath).toBe(join(base, 'a', 'api', 'src', 'main.ts'));
    for (const file of list) {
      const root = file.path.startsWith('api-2/') ? roots[1] : roots[0];
      expect(file.absPath.startsWith(`${root ?? ''}/`)).toBe(true);
      await expect(readFile(file.absPath, 'utf8')).resolves.toBeTypeOf('string');
    }
    expect(await readFile(main?.absPath ?? '', 'utf8')).toContain('the second api');
  });
});
