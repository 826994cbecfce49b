/**
 * In-process benchmark figures, run by run.mjs as a child process (bundled with esbuild):
 *   tokenizer <dir>  js-tiktoken vs Tome's counter: encoder build time, MB/s cold and warm
 *   repack <dir>     PackEngine warm re-pack after editing one file (on a copy of <dir>)
 *   stall <dir>      worst main-thread event-loop delay during a pack run through WorkerPackEngine
 *   tree <dir>       the Context view's first complete tree (two worker packs and the tree) and a
 *                    warm recount after one edit, with the worst main-thread stall meanwhile
 * Prints one JSON object on stdout.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { PackEngine } from '../../src/core/pack/index';
import { WorkerPackEngine } from '../../src/core/pack/worker/workerEngine';
import { withDefaults } from '../../src/core/pack/request';
import { createTokenCounter } from '../../src/core/tokenize';
import { EMPTY_STEERING } from '../../src/chat/contextSteering';
import { buildContextTree } from '../../src/chat/contextTree';
import { PieceCounter } from '../../src/core/tokenize/pieceCounter';

const [mode, dir, distDir] = process.argv.slice(2);
if (!mode || !dir || !distDir) throw new Error('usage: inprocess <tokenizer|repack|stall> <dir> <dist>');
const tokenWorker = join(distDir, 'tokenWorker.js');
const packWorker = join(distDir, 'packWorker.js');

function sourceFiles(root: string, limitBytes: number): string[] {
  const out: string[] = [];
  let bytes = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (bytes >= limitBytes) return;
      const p = join(d, e.name);
      if (e.isDirectory() && e.name !== '.git' && e.name !== 'node_modules') walk(p);
      else if (e.isFile() && /\.(ts|js|mjs|cjs|json|md|glsl)$/.test(e.name) && !e.name.includes('.min.') && statSync(p).size < 1_000_000) {
        const text = readFileSync(p, 'utf8');
        out.push(text);
        bytes += Buffer.byteLength(text);
      }
    }
  };
  walk(root);
  return out;
}

const ms = (start: number): number => performance.now() - start;
const mb = (texts: string[]): number => texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6;

async function tokenizer(): Promise<object> {
  const sample = sourceFiles(dir as string, 3_000_000);
  const all = sourceFiles(dir as string, Infinity);
  let t = performance.now();
  const reference = new Tiktoken(o200k);
  const referenceBuildMs = ms(t);
  t = performance.now();
  const expected = sample.map((s) => reference.encode(s, [], []).length);
  const referenceMBps = mb(sample) / (ms(t) / 1000);

  const ours = new PieceCounter('o200k_base');
  t = performance.now();
  ours.count('warm up the rank map: zxqv');
  const oursBuildMs = ms(t);
  t = performance.now();
  const got = sample.map((s) => ours.count(s));
  const oursColdMBps = mb(sample) / (ms(t) / 1000);
  t = performance.now();
  sample.forEach((s) => ours.count(s));
  const oursWarmMBps = mb(sample) / (ms(t) / 1000);
  const identical = got.every((c, i) => c === expected[i]);

  const pool = createTokenCounter({ encoding: 'o200k_base', workers: 'auto', workerScript: tokenWorker, cacheDir: null });
  t = performance.now();
  await pool.countMany(all);
  const poolColdMs = ms(t);
  await pool.dispose();
  return { sampleMB: mb(sample), referenceBuildMs, referenceMBps, oursBuildMs, oursColdMBps, oursWarmMBps, identical, poolMB: mb(all), poolColdMs, poolMBps: mb(all) / (poolColdMs / 1000) };
}

function firstFile(root: string): string {
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.(ts|js)$/.test(e.name) && !e.name.includes('.min.')) return join(e.parentPath, e.name);
  }
  throw new Error(`no .ts/.js file under ${root}`);
}

async function repack(): Promise<object> {
  const copy = mkdtempSync(join(tmpdir(), 'tome-bench-repack-'));
  try {
    cpSync(dir as string, copy, { recursive: true });
    const counter = createTokenCounter({ encoding: 'o200k_base', workers: 'auto', workerScript: tokenWorker, cacheDir: null });
    const engine = new PackEngine({ tokenCounter: counter });
    const request = withDefaults({ roots: [copy] });
    let t = performance.now();
    await engine.pack(request);
    const firstMs = ms(t);
    t = performance.now();
    await engine.pack(request);
    const unchangedMs = ms(t);
    const edited = firstFile(copy);
    const edits: number[] = [];
    for (let i = 0; i < 5; i++) {
      writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n// edit ${i}\n`);
      t = performance.now();
      await engine.pack(request);
      edits.push(ms(t));
    }
    await counter.dispose();
    edits.sort((a, b) => a - b);
    return { firstMs, unchangedMs, afterEditMs: edits[2], afterEditAllMs: edits };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function stall(): Promise<object> {
  const engine = new WorkerPackEngine({ workerScript: packWorker, cacheDir: null });
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let worstGap = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last - 2);
    last = now;
  }, 2);
  histogram.enable();
  const t = performance.now();
  const { report } = await engine.pack(withDefaults({ roots: [dir as string] }));
  const packMs = ms(t);
  histogram.disable();
  clearInterval(probe);
  await engine.dispose();
  return { packMs, files: report.files.length, worstDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6, worstProbeGapMs: worstGap };
}

/** The Context view's count as the extension runs it: an unbudgeted and a budgeted worker pack, then the tree. */
async function tree(): Promise<object> {
  const copy = mkdtempSync(join(tmpdir(), 'tome-bench-tree-'));
  cpSync(dir as string, copy, { recursive: true });
  const engine = new WorkerPackEngine({ workerScript: packWorker, cacheDir: null });
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const request = withDefaults({ roots: [copy] });
  const count = async (): Promise<{ ms: number; treeMs: number; files: number }> => {
    const t = performance.now();
    const full = await engine.pack(request);
    const next = await engine.pack({ ...request, budget: 1_000_000 });
    const b = performance.now();
    const root = buildContextTree(next.report, EMPTY_STEERING, full.report);
    return { ms: ms(t), treeMs: ms(b), files: root.fileCount };
  };
  try {
    histogram.enable();
    const first = await count();
    const edited = firstFile(copy);
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n// edit\n`);
    const afterEdit = await count();
    histogram.disable();
    return { firstTreeMs: first.ms, buildTreeMs: first.treeMs, files: first.files, afterEditMs: afterEdit.ms, worstDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6 };
  } finally {
    await engine.dispose();
    rmSync(copy, { recursive: true, force: true });
  }
}

const modes: Record<string, () => Promise<object>> = { tokenizer, repack, stall, tree };
const run = modes[mode];
if (!run) throw new Error(`unknown mode ${mode}`);
run().then((result) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
});
