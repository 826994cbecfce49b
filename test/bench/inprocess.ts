/**
 * In-process benchmark figures, run by run.mjs as a child process (bundled with esbuild):
 *   tokenizer <dir>  js-tiktoken vs Tome's counter: encoder build time, MB/s cold and warm
 *   repack <dir>     PackEngine warm re-pack after editing one file (on a copy of <dir>)
 *   stall <dir>      worst main-thread event-loop delay during a pack run through WorkerPackEngine
 *   tree <dir>       the Context view's first complete count (one worker count: two packs in the
 *                    worker, the folder index back), every folder opened, and a warm recount after
 *                    one edit, with the worst main-thread stall meanwhile
 * Prints one JSON object on stdout.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { PackEngine } from '../../src/core/pack/index';
import { WorkerPackEngine } from '../../src/core/pack/worker/workerEngine';
import { withDefaults } from '../../src/core/pack/request';
import { createTokenCounter } from '../../src/core/tokenize';
import { EMPTY_STEERING } from '../../src/chat/contextSteering';
import { childItems, rootItem } from '../../src/chat/contextTree';
import { PieceCounter } from '../../src/core/tokenize/pieceCounter';

const [mode, dir, distDir] = process.argv.slice(2);
if (!mode || !dir || !distDir) throw new Error('usage: inprocess <tokenizer|repack|stall|tree> <dir> <dist>');
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

/** What {@link watchLoop} saw, in milliseconds. */
interface LoopFigures {
  /** The latest a 1 ms timer fired: any cause, the machine's other load included. */
  worstDelayMs: number;
  p99DelayMs: number;
  /** The longest the loop was busy between two 2 ms probes (`eventLoopUtilization().active`); preemption while busy counts. */
  worstBusyMs: number;
  /** The most CPU this thread used between two probes (Linux schedstat): its own work alone; null elsewhere. */
  worstOnCpuMs: number | null;
}

/** This thread's time on a CPU in nanoseconds, from Linux's schedstat; null where there is none. */
function onCpuNs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

/**
 * Watches this thread's event loop until `stop`. On a loaded machine a late timer alone cannot
 * tell a thread that was busy from one that was not scheduled; the loop's busy time and the
 * thread's CPU time between two probes can, so all three are given.
 */
function watchLoop(): { stop: () => LoopFigures } {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let worstBusy = 0;
  let worstCpu: number | null = null;
  let last = performance.eventLoopUtilization();
  let lastCpu = onCpuNs();
  const probe = setInterval(() => {
    const now = performance.eventLoopUtilization();
    worstBusy = Math.max(worstBusy, performance.eventLoopUtilization(now, last).active);
    last = now;
    const cpu = onCpuNs();
    if (cpu !== null && lastCpu !== null) worstCpu = Math.max(worstCpu ?? 0, (cpu - lastCpu) / 1e6);
    lastCpu = cpu;
  }, 2);
  return {
    stop: () => {
      clearInterval(probe);
      histogram.disable();
      return { worstDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6, worstBusyMs: worstBusy, worstOnCpuMs: worstCpu };
    },
  };
}

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
  const loop = watchLoop();
  const t = performance.now();
  const { report } = await engine.pack(withDefaults({ roots: [dir as string] }));
  const packMs = ms(t);
  const figures = loop.stop();
  await engine.dispose();
  return { packMs, files: report.files.length, ...figures };
}

/**
 * The Context view's count as the extension runs it: one worker count (two packs in the worker,
 * the folder index back), then every folder opened one at a time as a user would, each its own
 * turn of the event loop.
 */
async function tree(): Promise<object> {
  const copy = mkdtempSync(join(tmpdir(), 'tome-bench-tree-'));
  cpSync(dir as string, copy, { recursive: true });
  const engine = new WorkerPackEngine({ workerScript: packWorker, cacheDir: null });
  const request = withDefaults({ roots: [copy], budget: 1_000_000 });
  const count = async (): Promise<{ ms: number; openAllMs: number; slowestOpenMs: number; folders: number; files: number }> => {
    const t = performance.now();
    const counts = await engine.count(request);
    const countMs = ms(t);
    const view = { counts, steering: EMPTY_STEERING };
    let slowestOpenMs = 0;
    const opened = performance.now();
    for (const path of counts.folders.keys()) {
      await new Promise((resolve) => setImmediate(resolve));
      const o = performance.now();
      childItems(view, path);
      slowestOpenMs = Math.max(slowestOpenMs, ms(o));
    }
    return { ms: countMs, openAllMs: ms(opened), slowestOpenMs, folders: counts.folders.size, files: rootItem(view).fileCount };
  };
  try {
    const edited = firstFile(copy);
    const loop = watchLoop();
    const first = await count();
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n// edit\n`);
    const afterEdit = await count();
    const figures = loop.stop();
    // For comparison at the same moment on the same warm engine: one plain pack, whose whole
    // result (text and report) crosses to this thread, as each of the view's two packs once did.
    const plain = watchLoop();
    const p = performance.now();
    await engine.pack({ ...request, budget: null });
    const plainPack = { packMs: ms(p), ...plain.stop() };
    return {
      firstTreeMs: first.ms,
      files: first.files,
      folders: first.folders,
      openEveryFolderMs: first.openAllMs,
      slowestFolderOpenMs: first.slowestOpenMs,
      afterEditMs: afterEdit.ms,
      ...figures,
      warmPlainPack: plainPack,
    };
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
