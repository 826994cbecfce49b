import { execFileSync } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenCounter, defaultTokenCacheDir } from '../../src/core/tokenize';
import { findTokenWorkerScript } from '../../src/core/tokenize/workerScript';

const REPO = resolve(__dirname, '..', '..');
const reference = { o200k_base: new Tiktoken(o200k), cl100k_base: new Tiktoken(cl100k) };
const known = new Map<Tiktoken, Map<string, number>>();
/** js-tiktoken's counts, remembered across tests (its BPE is slow on long pieces). */
function expected(texts: string[], enc: Tiktoken = reference.o200k_base): number[] {
  let memo = known.get(enc);
  if (!memo) known.set(enc, (memo = new Map()));
  const counts = memo;
  return texts.map((t) => counts.get(t) ?? counts.set(t, enc.encode(t, [], []).length).get(t) as number);
}

const TEXTS = [
  'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
  '<file path="src/x.ts">\nconst greeting = "héllo, 世界 🎉";\n</file>\n',
  '',
  '# Title\r\n\r\nSome prose, it\'s fine.\n',
  'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
  ' '.repeat(700) + 'x'.repeat(300),
];

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tome-tokens-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createTokenCounter', () => {
  it('counts exactly on worker threads, found in the repository dist/ when running from sources', async () => {
    expect(findTokenWorkerScript()).toBe(join(REPO, 'dist', 'tokenWorker.js'));
    const counter = createTokenCounter({ encoding: 'o200k_base', workers: 2 });
    expect(counter.threads).toBe('workers');
    const many = Array.from({ length: 300 }, (_, i) => `const value${i} = ${i * 7};\n`.repeat(1 + (i % 50)));
    expect(await counter.countMany([...TEXTS, ...many])).toEqual(expected([...TEXTS, ...many]));
    await counter.dispose();
  });

  it('counts exactly on the calling thread when told to use no workers (cl100k_base)', async () => {
    const counter = createTokenCounter({ encoding: 'cl100k_base', workers: 0 });
    expect(counter.threads).toBe('inline');
    expect(await counter.countMany(TEXTS)).toEqual(expected(TEXTS, reference.cl100k_base));
    await counter.dispose();
  });

  it('finds tokenWorker.js beside a CommonJS bundle, and counts inline when it is missing', async () => {
    const dir = tempDir();
    const entry = [
      `import { createTokenCounter } from ${JSON.stringify(join(REPO, 'src/core/tokenize'))};`,
      `import { findTokenWorkerScript } from ${JSON.stringify(join(REPO, 'src/core/tokenize/workerScript'))};`,
      'const counter = createTokenCounter({ encoding: "o200k_base", workers: 2 });',
      `counter.countMany(${JSON.stringify(TEXTS)}).then(async (counts) => {`,
      '  console.log(JSON.stringify({ script: findTokenWorkerScript(), threads: counter.threads, counts }));',
      '  await counter.dispose();',
      '});',
    ].join('\n');
    await build({ stdin: { contents: entry, resolveDir: REPO, loader: 'ts' }, outfile: join(dir, 'app.js'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
    const run = (): { script: string | null; threads: string; counts: number[] } =>
      JSON.parse(execFileSync(process.execPath, [join(dir, 'app.js')], { encoding: 'utf8' }));

    const alone = run();
    expect(alone).toEqual({ script: null, threads: 'inline', counts: expected(TEXTS) });

    copyFileSync(join(REPO, 'dist', 'tokenWorker.js'), join(dir, 'tokenWorker.js'));
    const beside = run();
    expect(beside).toEqual({ script: join(dir, 'tokenWorker.js'), threads: 'workers', counts: expected(TEXTS) });
  });

  it('answers from the disk cache in a later session without counting again', async () => {
    const cacheDir = tempDir();
    const first = createTokenCounter({ encoding: 'o200k_base', cacheDir, workers: 0 });
    await first.countMany(TEXTS);
    await first.dispose();
    // A worker script that does not exist: any text not in the cache would fail to count.
    const second = createTokenCounter({ encoding: 'o200k_base', cacheDir, workers: 1, workerScript: join(cacheDir, 'missing.js') });
    expect(await second.countMany(TEXTS)).toEqual(expected(TEXTS));
    await expect(second.countMany(['a text never seen before'])).rejects.toThrow();
    await second.dispose();
  });

  it('keeps separate disk caches per encoding', async () => {
    const cacheDir = tempDir();
    const o = createTokenCounter({ encoding: 'o200k_base', cacheDir, workers: 0 });
    await o.countMany(TEXTS);
    await o.dispose();
    const cl = createTokenCounter({ encoding: 'cl100k_base', cacheDir, workers: 0 });
    expect(await cl.countMany(TEXTS)).toEqual(expected(TEXTS, reference.cl100k_base));
    await cl.dispose();
  });

  it('treats damaged cache files as misses and replaces them', async () => {
    const cacheDir = tempDir();
    const first = createTokenCounter({ encoding: 'o200k_base', cacheDir, workers: 0 });
    await first.countMany(TEXTS);
    await first.dispose();
    const shardDir = join(cacheDir, 'o200k_base-v1');
    const shards = readdirSync(shardDir);
    expect(shards.length).toBeGreaterThan(0);
    shards.forEach((name, i) => {
      const path = join(shardDir, name);
      const bytes = readFileSync(path);
      if (i % 3 === 0) writeFileSync(path, 'not a cache file');
      else if (i % 3 === 1) writeFileSync(path, bytes.subarray(0, bytes.length - 5));
      else writeFileSync(path, Buffer.concat([bytes.subarray(0, 10), Buffer.from([(bytes[10] ?? 0) ^ 0xff]), bytes.subarray(11)]));
    });
    const second = createTokenCounter({ encoding: 'o200k_base', cacheDir, workers: 0 });
    expect(await second.countMany(TEXTS)).toEqual(expected(TEXTS));
    await second.dispose();
    const third = createTokenCounter({ encoding: 'o200k_base', cacheDir, workers: 1, workerScript: join(cacheDir, 'missing.js') });
    expect(await third.countMany(TEXTS)).toEqual(expected(TEXTS));
    await third.dispose();
  });

  it('survives concurrent writers: every shard stays whole and every stored count is right', async () => {
    const cacheDir = tempDir();
    const writers = Array.from({ length: 6 }, () => createTokenCounter({ encoding: 'o200k_base', cacheDir, workers: 0 }));
    const texts = (w: number): string[] => Array.from({ length: 40 }, (_, i) => `writer ${w} text ${i}\n`.repeat(i + 1));
    await Promise.all(writers.map(async (counter, w) => {
      await counter.countMany(texts(w));
      await counter.dispose();
    }));
    const shardDir = join(cacheDir, 'o200k_base-v1');
    expect(readdirSync(shardDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const all = Array.from({ length: 6 }, (_, w) => texts(w)).flat();
    const reader = createTokenCounter({ encoding: 'o200k_base', cacheDir, workers: 0 });
    expect(await reader.countMany(all)).toEqual(expected(all));
    await reader.dispose();
  });

  it('rejects with the abort reason when the signal is already aborted', async () => {
    const counter = createTokenCounter({ encoding: 'o200k_base', workers: 0 });
    const controller = new AbortController();
    controller.abort(new Error('stopped by the user'));
    await expect(counter.countMany(TEXTS, controller.signal)).rejects.toThrow('stopped by the user');
    await counter.dispose();
  });

  it('rejects with the abort reason when aborted while workers count', async () => {
    const counter = createTokenCounter({ encoding: 'o200k_base', workers: 1 });
    const controller = new AbortController();
    const pending = counter.countMany(['word '.repeat(200_000)], controller.signal);
    // By the next turn the batch is on its way to a worker still starting up.
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
    await counter.dispose();
  });

  it('keeps one abort listener however many counts wait on a signal, and rejects them all on abort', async () => {
    const counter = createTokenCounter({ encoding: 'o200k_base', workers: 1 });
    const controller = new AbortController();
    const texts = Array.from({ length: 30 }, (_, i) => [`const v${i} = ${i};\n`.repeat(20_000 + i)]);
    const pending = texts.map((t) => counter.countMany(t, controller.signal).catch((e: unknown) => e));
    await new Promise((resolve) => setImmediate(resolve));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort(new Error('cancelled'));
    const outcomes = await Promise.all(pending);
    expect(outcomes.every((o) => o instanceof Error && o.message === 'cancelled')).toBe(true);
    await counter.dispose();
  });

  it('counts exactly when many calls share a signal that never aborts', async () => {
    const counter = createTokenCounter({ encoding: 'o200k_base', workers: 1 });
    const controller = new AbortController();
    const texts = TEXTS.map((t, i) => [t, `${t}\n// ${i}`]);
    const counted = await Promise.all(texts.map((t) => counter.countMany(t, controller.signal)));
    expect(counted).toEqual(texts.map((t) => expected(t)));
    await counter.dispose();
  });
});

describe('defaultTokenCacheDir', () => {
  it('honours TOME_CACHE_DIR, then LOCALAPPDATA on Windows, then XDG_CACHE_HOME', () => {
    expect(defaultTokenCacheDir({ TOME_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' }, 'linux')).toBe(join('/c', 'tokens'));
    expect(defaultTokenCacheDir({ LOCALAPPDATA: 'L', XDG_CACHE_HOME: '/x' }, 'win32')).toBe(join('L', 'tome', 'tokens'));
    expect(defaultTokenCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux')).toBe(join('/x', 'tome', 'tokens'));
    expect(defaultTokenCacheDir({}, 'linux')).toMatch(/[/\\]\.cache[/\\]tome[/\\]tokens$/);
  });
});
