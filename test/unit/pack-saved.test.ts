import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackEngine, SavedPacks } from '../../src/core/pack/index';
import { withDefaults, type PackRequest } from '../../src/core/pack/request';
import { decodeSavedPack, encodeSavedPack, MAX_SAVED_PACKS, SAVED_PACKS_FOLDER } from '../../src/core/pack/savedPacks';
import type { PackResult } from '../../src/core/pack/types';
import { StatIndex } from '../../src/core/read/statIndex';
import type { PackReport } from '../../src/core/types';
import { copyFixture, countingCounter } from './packTestSupport';

const HOUR = 3600_000;

let cache: string;
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'tome-saved-cache-'));
});
afterEach(() => {
  rmSync(cache, { recursive: true, force: true });
});

/** Sets every file under `root` an hour in the past, so a stat index may trust it. */
function backdate(root: string, ageMs = HOUR): void {
  const when = (Date.now() - ageMs) / 1000;
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) utimesSync(join(e.parentPath, e.name), when, when);
  }
}

/** Writes `path` under `root`, an hour old unless `ageMs` says otherwise. */
async function put(root: string, path: string, text: string, ageMs = HOUR): Promise<void> {
  const abs = join(root, path);
  await mkdir(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  const when = (Date.now() - ageMs) / 1000;
  utimesSync(abs, when, when);
}

/** One pack the way the CLI makes it: a fresh engine over the cache folder, the index saved after. */
async function packOnce(request: PackRequest, options: { reportOnly?: boolean } = {}): Promise<PackResult & { counted: number }> {
  const statIndex = await StatIndex.open(cache);
  const counter = countingCounter();
  const engine = new PackEngine({ tokenCounter: counter, statIndex, savedPacks: new SavedPacks(cache) });
  const result = await engine.pack(request, options);
  await statIndex.save();
  return Object.assign(result, { counted: counter.texts });
}

/** The same pack made with no caches at all. */
const fresh = (request: PackRequest): Promise<PackResult> => new PackEngine({ tokenCounter: countingCounter() }).pack(request);

const savedNames = (): string[] => {
  try {
    return readdirSync(join(cache, SAVED_PACKS_FOLDER)).filter((n) => n.endsWith('.pack'));
  } catch {
    return [];
  }
};

const withoutTimings = (report: PackReport): Omit<PackReport, 'timings'> => {
  const { timings: _timings, ...rest } = report;
  return rest;
};

/** A hit is the saved bytes; a pack made in full has no `bytes`. */
const isHit = (result: PackResult): boolean => result.bytes !== undefined;

async function expectSameAsFresh(result: PackResult, request: PackRequest): Promise<void> {
  const cold = await fresh(request);
  expect(result.text).toBe(cold.text);
  expect(withoutTimings(result.report)).toEqual(withoutTimings(cold.report));
}

describe('saved packs', () => {
  it('give an unchanged tree the saved bytes and report, counting, reading and rendering nothing', async () => {
    const root = await copyFixture('pack-basic');
    backdate(root);
    const request = withDefaults({ roots: [root] });
    const first = await packOnce(request);
    expect(isHit(first)).toBe(false);
    expect(savedNames()).toHaveLength(1);

    const second = await packOnce(request);
    expect(isHit(second)).toBe(true);
    expect(second.counted).toBe(0);
    expect(second.bytes?.equals(Buffer.from(first.text, 'utf8'))).toBe(true);
    expect(second.text).toBe(first.text);
    expect(second.chunks.join('')).toBe(first.text);
    expect(withoutTimings(second.report)).toEqual(withoutTimings(first.report));
    // Only the scan and the lookup ran.
    expect(Object.keys(second.report.timings).sort()).toEqual(['reuse', 'scan']);
    expect(Object.keys(first.report.timings)).toContain('tokenize');
  });

  it.each([
    ['an edit of another size', async (root: string) => put(root, 'src/lib/math.ts', 'export const add = (a: number, b: number): number => a + b + 0;\n')],
    [
      'an edit of the same size with the old mtime restored',
      async (root: string) => {
        const abs = join(root, 'src/lib/math.ts');
        const before = statSync(abs);
        const text = readFileSync(abs, 'utf8');
        writeFileSync(abs, text.replace(/[a-z]/, (c) => (c === 'x' ? 'y' : 'x')));
        utimesSync(abs, before.atime, before.mtime);
      },
    ],
    ['a new file', async (root: string) => put(root, 'src/lib/extra.ts', 'export const extra = 1;\n')],
    ['a deleted file', async (root: string) => rmSync(join(root, 'src/lib/strings.ts'))],
    ['a .gitignore that now ignores a folder', async (root: string) => put(root, '.gitignore', 'out/\nconfig/\n')],
  ])('are not used after %s: the pack is made again and is what a fresh engine makes', async (_what, change) => {
    const root = await copyFixture('pack-basic');
    backdate(root);
    const request = withDefaults({ roots: [root] });
    await packOnce(request);
    expect(isHit(await packOnce(request))).toBe(true);

    await change(root);
    const after = await packOnce(request);
    expect(isHit(after)).toBe(false);
    await expectSameAsFresh(after, request);
    // The new pack is saved in turn, and found next time.
    const again = await packOnce(request);
    expect(isHit(again)).toBe(true);
    expect(again.text).toBe(after.text);
  });

  it('are not used after a left-out tsconfig that shapes resolution changes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tome-saved-tree-'));
    await put(root, 'tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/lib/*'] } } }));
    await put(root, 'src/main.ts', "import { b } from '@lib/b';\nexport const main = b;\n");
    await put(root, 'src/lib/b.ts', 'export const b = 1;\n');
    await put(root, 'src/other/b.ts', 'export const b = 2;\n');
    const request = withDefaults({ roots: [root], include: ['src/**'] });
    const first = await packOnce(request);
    expect(first.report.files.map((f) => f.path)).not.toContain('tsconfig.json');
    expect(isHit(await packOnce(request))).toBe(true);

    await put(root, 'tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/other/*'] } } }));
    const after = await packOnce(request);
    expect(isHit(after)).toBe(false);
    await expectSameAsFresh(after, request);
  });

  it('are kept per request: another query, budget or format is another pack', async () => {
    const root = await copyFixture('pack-basic');
    backdate(root);
    const plain = withDefaults({ roots: [root] });
    const full = await packOnce(plain);
    const requests = [
      withDefaults({ roots: [root], query: 'strings' }),
      withDefaults({ roots: [root], budget: Math.floor(full.report.totalTokens * 0.7) }),
      withDefaults({ roots: [root], format: 'markdown' }),
    ];
    for (const request of requests) {
      const made = await packOnce(request);
      expect(isHit(made)).toBe(false);
      await expectSameAsFresh(made, request);
    }
    expect(savedNames()).toHaveLength(4);
    for (const request of [plain, ...requests]) {
      const found = await packOnce(request);
      expect(isHit(found)).toBe(true);
      expect(found.text).toBe((await fresh(request)).text);
    }
  });

  it('treat a damaged pack file as a miss and save a good one in its place', async () => {
    const root = await copyFixture('pack-basic');
    backdate(root);
    const request = withDefaults({ roots: [root] });
    const first = await packOnce(request);
    const [name] = savedNames();
    const path = join(cache, SAVED_PACKS_FOLDER, name ?? '');
    const bytes = readFileSync(path);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8((bytes.readUInt8(middle) ^ 0xff) & 0xff, middle);
    writeFileSync(path, bytes);

    const second = await packOnce(request);
    expect(isHit(second)).toBe(false);
    expect(second.text).toBe(first.text);
    expect(isHit(await packOnce(request))).toBe(true);
  });

  it('do not vouch for a file changed within the racy window: it is read again', async () => {
    const root = await copyFixture('pack-basic');
    backdate(root);
    await put(root, 'src/lib/math.ts', 'export const one = 1;\n', 0);
    const request = withDefaults({ roots: [root] });
    await packOnce(request);
    // Same size, same mtime, new content, all within the same moment.
    const abs = join(root, 'src/lib/math.ts');
    const before = statSync(abs);
    writeFileSync(abs, 'export const two = 2;\n');
    utimesSync(abs, before.atime, before.mtime);
    const second = await packOnce(request);
    expect(isHit(second)).toBe(false);
    expect(second.text).toContain('export const two = 2;');
    await expectSameAsFresh(second, request);
  });

  it('are not saved for packs that read the repository or vary by the moment', async () => {
    const root = await copyFixture('pack-basic');
    backdate(root);
    await packOnce(withDefaults({ roots: [root], volatileLast: true }));
    expect(savedNames()).toEqual([]);
    const second = await packOnce(withDefaults({ roots: [root], volatileLast: true }));
    expect(isHit(second)).toBe(false);
  });

  it('are not saved when a file could not be read', async () => {
    if (process.getuid?.() === 0) return; // root reads every file whatever its mode
    const { chmodSync } = await import('node:fs');
    const root = await copyFixture('pack-basic');
    backdate(root);
    chmodSync(join(root, 'src/lib/math.ts'), 0);
    const request = withDefaults({ roots: [root] });
    const first = await packOnce(request);
    expect(first.report.skipped.some((s) => s.reason === 'unreadable')).toBe(true);
    expect(savedNames()).toEqual([]);
  });

  it('answer a report-only pack with the saved report and no text, and are not filled by one', async () => {
    const root = await copyFixture('pack-basic');
    backdate(root);
    const request = withDefaults({ roots: [root] });
    const reportOnly = await packOnce(request, { reportOnly: true });
    expect(savedNames()).toEqual([]);
    const full = await packOnce(request);
    const found = await packOnce(request, { reportOnly: true });
    expect(found.chunks).toEqual([]);
    expect(found.counted).toBe(0);
    expect(withoutTimings(found.report)).toEqual(withoutTimings(full.report));
    expect(withoutTimings(reportOnly.report)).toEqual(withoutTimings(full.report));
  });

  it('are not used by an engine that already selected for the request (follow-ups keep their modes)', async () => {
    const root = await copyFixture('pack-basic');
    backdate(root);
    const request = withDefaults({ roots: [root], query: 'strings' });
    const statIndex = await StatIndex.open(cache);
    const engine = new PackEngine({ tokenCounter: countingCounter(), statIndex, savedPacks: new SavedPacks(cache) });
    const first = await engine.pack(request);
    await statIndex.save();
    expect(savedNames()).toHaveLength(1);
    const followUp = await engine.pack(request);
    expect(isHit(followUp)).toBe(false);
    expect(followUp.text).toBe(first.text);
    // A new engine, with no selection of its own, takes the saved pack.
    expect(isHit(await packOnce(request))).toBe(true);
  });
});

describe('the saved pack file', () => {
  const report = { files: [{ path: 'a.ts' }], skipped: [], totalTokens: 3, timings: {} } as unknown as PackReport;

  it('round-trips text and report, and is null when damaged, truncated or foreign', () => {
    const text = Buffer.from('<file path="a.ts">\nconst é = 1;\n</file>\n', 'utf8');
    const bytes = encodeSavedPack(text, report);
    const decoded = decodeSavedPack(bytes);
    expect(decoded?.text.equals(text)).toBe(true);
    expect(decoded?.report).toEqual(report);

    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(12) ^ 1, 12);
    expect(decodeSavedPack(flipped)).toBeNull();
    expect(decodeSavedPack(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(decodeSavedPack(Buffer.from('TOMESTA1 not a pack at all'))).toBeNull();
    expect(decodeSavedPack(Buffer.alloc(0))).toBeNull();
  });

  it('keeps the most recently used packs only', async () => {
    const packs = new SavedPacks(cache);
    const result = (n: number): PackResult => ({ text: `pack ${n}`, chunks: [`pack ${n}`], report });
    const key = (n: number): string => n.toString(16).padStart(40, '0');
    for (let n = 0; n <= MAX_SAVED_PACKS; n++) {
      await packs.put(key(n), result(n));
      // Distinct use times: the folder orders packs by them.
      const when = (Date.now() - HOUR + n * 1000) / 1000;
      utimesSync(join(cache, SAVED_PACKS_FOLDER, `${key(n)}.pack`), when, when);
      if (n === 1) expect((await packs.get(key(0)))?.text).toBe('pack 0'); // used: now the most recent
    }
    await packs.put(key(99), result(99));
    expect(savedNames()).toHaveLength(MAX_SAVED_PACKS);
    expect(await packs.get(key(0))).toBeDefined();
    expect(await packs.get(key(1))).toBeUndefined();
    expect(await packs.get(key(2))).toBeUndefined();
    expect((await packs.get(key(99)))?.text).toBe('pack 99');
  });
});
