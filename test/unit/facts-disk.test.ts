import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packScope, type PackSettings } from '../../src/chat/packScope';
import { cacheScopeOf, DiskFactStore, FACTS_FILE, RETAINED_FACT_RUNS, scopedFileName } from '../../src/core/facts';
import { decodeFactsFile, encodeFactsFile, type FactsFileContent } from '../../src/core/facts/diskStore';
import { buildImportGraph, type FileFacts } from '../../src/core/graph';
import { IMPORT_FACTS_VERSION } from '../../src/core/graph/facts';
import { OUTLINE_FACTS_VERSION } from '../../src/core/outline';
import { REDACTION_VERSION } from '../../src/core/redact/version';
import { PackEngine } from '../../src/core/pack/index';
import { withDefaults, type PackRequest } from '../../src/core/pack/request';
import { nodeWriteFs, type WriteFs } from '../../src/core/write/atomicWrite';
import { GOLDEN_SHAPES, goldenHash, placeTrees, type GoldenApi } from '../support/goldenShapes';
import { buildDist, REPO } from './cliBuild';
import { copyFixture, countingCounter, fixture } from './packTestSupport';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'tome-facts-'));

/** An engine over the store whose import-graph stage records the paths it parsed (its learnt facts). */
function parsingEngine(facts?: DiskFactStore): { engine: PackEngine; parsed: string[] } {
  const parsed: string[] = [];
  const engine = new PackEngine({
    tokenCounter: countingCounter(),
    ...(facts ? { facts } : {}),
    stages: {
      buildImportGraph: async (files, options) => {
        const graph = await buildImportGraph(files, options);
        parsed.push(...(options?.learnedFacts?.keys() ?? []));
        return graph;
      },
    },
  });
  return { engine, parsed };
}

/** One CLI-style run: open the store in `cacheDir`, pack once in a fresh engine, close. */
async function runOnce(cacheDir: string, request: PackRequest): Promise<{ text: string; parsed: string[]; store: DiskFactStore }> {
  const store = await DiskFactStore.open(cacheDir);
  const { engine, parsed } = parsingEngine(store);
  const { text } = await engine.pack(request);
  await store.close();
  return { text, parsed: parsed.sort(), store };
}

async function editFile(path: string, text: string): Promise<void> {
  await writeFile(path, text);
  await utimes(path, new Date(), new Date(Date.now() + 5000));
}

const SOME_FACTS: FileFacts = { specifiers: ['./a'] };

describe('DiskFactStore across runs', () => {
  it('reads its file on the first lookup, not when it is opened', async () => {
    const cacheDir = tempDir();
    const first = await DiskFactStore.open(cacheDir);
    first.set('imports', 'h1', 'ts', SOME_FACTS);
    await first.close();
    const path = join(cacheDir, FACTS_FILE);
    const saved = await readFile(path);

    // Opened, then the file is gone before any lookup: the store never saw it.
    const opened = await DiskFactStore.open(cacheDir);
    await writeFile(path, '');
    expect(opened.get('imports', 'h1', 'ts')).toBeUndefined();
    expect(opened.lookups.loaded).toBe(0);

    // Opened, then the file comes back before the first lookup: that lookup reads it.
    await writeFile(path, saved);
    const reopened = await DiskFactStore.open(cacheDir);
    expect(reopened.get('imports', 'h1', 'ts')).toEqual(SOME_FACTS);
    expect(reopened.lookups).toEqual({ loaded: 1, hits: 1, misses: 0 });
  });

  it('answers every import fact of a warm run in a fresh engine, and re-parses only an edited file', async () => {
    const root = await copyFixture('pack-basic');
    const cacheDir = tempDir();
    const request = withDefaults({ roots: [root] });

    const cold = await runOnce(cacheDir, request);
    expect(cold.parsed.length).toBeGreaterThan(2);
    expect(cold.parsed).toContain('src/lib/strings.ts');

    const warm = await runOnce(cacheDir, request);
    expect(warm.parsed).toEqual([]);
    expect(warm.text).toBe(cold.text);
    expect(warm.store.lookups.misses).toBe(0);
    expect(warm.store.lookups.hits).toBeGreaterThanOrEqual(cold.parsed.length);

    await editFile(join(root, 'src/lib/strings.ts'), 'export const shout = (s: string): string => s + "!";\n');
    const edited = await runOnce(cacheDir, request);
    expect(edited.parsed).toEqual(['src/lib/strings.ts']);
    const fresh = await parsingEngine().engine.pack(request);
    expect(edited.text).toBe(fresh.text);
  });

  it('answers outlines of a warm budgeted run from disk', async () => {
    const root = await copyFixture('e2e-workspace');
    const cacheDir = tempDir();
    const request = withDefaults({ roots: [root], budget: 400 });
    const cold = await runOnce(cacheDir, request);
    const saved = decodeFactsFile(await readFile(join(cacheDir, FACTS_FILE)));
    expect(saved?.rows.some(([kind, , , , value]) => kind === 'outline' && typeof value === 'string')).toBe(true);

    const warm = await runOnce(cacheDir, request);
    expect(warm.store.lookups.misses).toBe(0);
    expect(warm.text).toBe(cold.text);
  });

  it('answers the declaration facts of a warm question from disk, and reads only an edited file again', async () => {
    const root = await copyFixture('pack-basic');
    const cacheDir = tempDir();
    const request = withDefaults({ roots: [root], budget: 600, query: 'shout the strings' });
    const cold = await runOnce(cacheDir, request);
    const saved = decodeFactsFile(await readFile(join(cacheDir, FACTS_FILE)));
    const declarations = (saved?.rows ?? []).filter(([kind]) => kind === 'declarations');
    expect(declarations.length).toBeGreaterThan(2);
    expect(declarations.some(([, , , , value]) => (value as { names: string[] }).names.includes('shout'))).toBe(true);

    const warm = await runOnce(cacheDir, request);
    expect(warm.store.lookups.misses).toBe(0);
    expect(warm.text).toBe(cold.text);

    await editFile(join(root, 'src/lib/strings.ts'), 'export function whisper(s: string): string {\n  return s;\n}\n');
    const edited = await runOnce(cacheDir, request);
    const after = decodeFactsFile(await readFile(join(cacheDir, FACTS_FILE)));
    expect(after?.rows.some(([kind, , , , value]) => kind === 'declarations' && (value as { names: string[] }).names.includes('whisper'))).toBe(true);
    expect(edited.text).toBe((await parsingEngine().engine.pack(request)).text);
  });

  it('ignores a damaged file: same output, everything parsed again, no throw', async () => {
    const root = await copyFixture('pack-basic');
    const cacheDir = tempDir();
    const request = withDefaults({ roots: [root] });
    const cold = await runOnce(cacheDir, request);
    const path = join(cacheDir, FACTS_FILE);
    const bytes = await readFile(path);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8((bytes.readUInt8(middle) ^ 0xff), middle);
    await writeFile(path, bytes);

    const after = await runOnce(cacheDir, request);
    expect(after.text).toBe(cold.text);
    expect(after.parsed).toEqual(cold.parsed);
    expect(after.store.lookups.loaded).toBe(0);
    // The damaged file was replaced by a whole one.
    expect((await runOnce(cacheDir, request)).parsed).toEqual([]);
  });

  it('keeps the previous file when a write dies halfway, and uses it next run', async () => {
    const root = await copyFixture('pack-basic');
    const cacheDir = tempDir();
    const request = withDefaults({ roots: [root] });
    const cold = await runOnce(cacheDir, request);
    const before = await readFile(join(cacheDir, FACTS_FILE));

    // A crash mid-write: half the bytes reach the temporary file, and the rename never happens.
    const dying: WriteFs = {
      ...nodeWriteFs,
      writeFile: async (path, data) => {
        await nodeWriteFs.writeFile(path, data.slice(0, Math.floor(data.length / 2)));
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
      rm: async () => undefined,
    };
    await editFile(join(root, 'src/lib/strings.ts'), 'export const whisper = (s: string): string => s.toLowerCase();\n');
    const store = await DiskFactStore.open(cacheDir, { fs: dying });
    const { engine, parsed } = parsingEngine(store);
    await engine.pack(request);
    await store.close();
    expect(parsed).toEqual(['src/lib/strings.ts']);
    expect(store.lastWriteFailure?.kind).toBe('disk-full');
    expect(await readFile(join(cacheDir, FACTS_FILE))).toEqual(before);
    expect((await readdir(cacheDir)).some((name) => name.endsWith('.tmp'))).toBe(true);

    const next = await runOnce(cacheDir, request);
    // Only the edit is new; the old file's facts answered the rest.
    expect(next.parsed).toEqual(['src/lib/strings.ts']);
    expect(next.parsed.length).toBeLessThan(cold.parsed.length);
  });

  it('drops facts written by another version of their extractor', async () => {
    const cacheDir = tempDir();
    await writeFile(
      join(cacheDir, FACTS_FILE),
      encodeFactsFile({
        run: 3,
        versions: { imports: `${IMPORT_FACTS_VERSION - 1}.${REDACTION_VERSION}`, outline: `${OUTLINE_FACTS_VERSION}.${REDACTION_VERSION}` },
        rows: [
          ['imports', 'h1', 'js\0ts', 3, SOME_FACTS],
          ['outline', 'h1', 'a.ts', 3, 'outline of a'],
        ],
      }),
    );
    const store = await DiskFactStore.open(cacheDir);
    expect(store.get('imports', 'h1', 'js\0ts')).toBeUndefined();
    expect(store.get('outline', 'h1', 'a.ts')).toBe('outline of a');
  });

  it('drops every persisted fact when the redaction version changes', async () => {
    const cacheDir = tempDir();
    const rows: FactsFileContent['rows'] = [
      ['imports', 'h1', 'js\0ts', 3, SOME_FACTS],
      ['outline', 'h1', 'a.ts', 3, 'outline of a'],
    ];
    const stale = { imports: `${IMPORT_FACTS_VERSION}.${REDACTION_VERSION + 1}`, outline: `${OUTLINE_FACTS_VERSION}.${REDACTION_VERSION + 1}` };
    await writeFile(join(cacheDir, FACTS_FILE), encodeFactsFile({ run: 3, versions: stale, rows }));
    const store = await DiskFactStore.open(cacheDir);
    expect(store.lookups.loaded).toBe(0);
    expect(store.get('outline', 'h1', 'a.ts')).toBeUndefined();
  });

  it(`forgets a fact no run used in ${RETAINED_FACT_RUNS} saved runs, and keeps one still used`, async () => {
    const cacheDir = tempDir();
    const first = await DiskFactStore.open(cacheDir);
    first.set('imports', 'old', 'p', SOME_FACTS);
    first.set('imports', 'used', 'p', SOME_FACTS);
    await first.close();
    for (let run = 0; run < RETAINED_FACT_RUNS; run++) {
      const store = await DiskFactStore.open(cacheDir);
      expect(store.get('imports', 'used', 'p')).toEqual(SOME_FACTS);
      store.set('imports', `new-${run}`, 'p', SOME_FACTS);
      await store.close();
    }
    const last = await DiskFactStore.open(cacheDir);
    expect(last.get('imports', 'old', 'p')).toBeUndefined();
    expect(last.get('imports', 'used', 'p')).toEqual(SOME_FACTS);
    expect(last.get('imports', `new-${RETAINED_FACT_RUNS - 1}`, 'p')).toEqual(SOME_FACTS);
  });

  it('keeps what a concurrent writer saved in between', async () => {
    const cacheDir = tempDir();
    const a = await DiskFactStore.open(cacheDir);
    const b = await DiskFactStore.open(cacheDir);
    a.set('outline', 'ha', 'a.ts', 'from a');
    b.set('outline', 'hb', 'b.ts', 'from b');
    await a.close();
    await b.close();
    const reopened = await DiskFactStore.open(cacheDir);
    expect(reopened.get('outline', 'ha', 'a.ts')).toBe('from a');
    expect(reopened.get('outline', 'hb', 'b.ts')).toBe('from b');
  });
});

const SETTINGS: PackSettings = { encoding: 'o200k_base', format: 'xml', exclude: [], maxFileSize: 1024 * 1024, includeTests: true };

function apiOf(engine: PackEngine): GoldenApi {
  return {
    pack: (request) => engine.pack(withDefaults(request as Partial<PackRequest> & { roots: string[] })),
    packScope: (input) => packScope((r, o) => engine.pack(r, o), { ...input, settings: SETTINGS, reserve: 0 }),
  };
}

describe('packed output with the disk facts store', () => {
  it.each(GOLDEN_SHAPES.map((s) => [s.name, s] as const))('%s is byte-identical cold and warm', async (_name, shape) => {
    const roots = placeTrees(shape, fixture(), tempDir());
    const inMemory = await goldenHash(apiOf(new PackEngine({ tokenCounter: countingCounter() })), shape, roots);
    const cacheDir = tempDir();
    const hashes: string[] = [];
    for (const _run of ['cold', 'warm']) {
      const store = await DiskFactStore.open(cacheDir);
      hashes.push(await goldenHash(apiOf(new PackEngine({ tokenCounter: countingCounter(), facts: store })), shape, roots));
      await store.close();
    }
    expect(hashes).toEqual([inMemory, inMemory]);
  }, 60_000);
});

describe('tome pack with the disk facts store', () => {
  beforeAll(() => buildDist());

  function tome(args: string[], cacheDir: string): { code: number | null; stdout: string } {
    const run = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'pack', '--quiet', ...args], {
      cwd: fixture('graph-python'),
      encoding: 'utf8',
      env: { ...process.env, TOME_DEBUG: '', TOME_CACHE_DIR: cacheDir },
    });
    return { code: run.status, stdout: run.stdout };
  }

  it('keeps facts beside the token cache, reuses them, and writes nothing with --no-cache', async () => {
    const cacheDir = tempDir();
    const cold = tome([], cacheDir);
    expect(cold.code).toBe(0);
    const saved = decodeFactsFile(await readFile(join(cacheDir, 'tokens', scopedFileName(FACTS_FILE, cacheScopeOf([fixture('graph-python')])))));
    expect(saved?.rows.filter(([kind]) => kind === 'imports').length).toBeGreaterThan(1);
    const warm = tome([], cacheDir);
    expect(warm).toEqual(cold);

    const uncached = tempDir();
    expect(tome(['--no-cache'], uncached)).toEqual(cold);
    expect(existsSync(join(uncached, 'tokens', scopedFileName(FACTS_FILE, cacheScopeOf([fixture('graph-python')]))))).toBe(false);
  }, 120_000);
});
