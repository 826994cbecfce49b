// `npm run bench`: tome pack vs repomix on real and generated corpora, plus in-process figures.
// Usage: node test/bench/run.mjs [--quick] [--runs N] [--only three,effect-src,rxjs-src,sqlalchemy,python-gen]
//                                [--no-scale] [--scale-only] [--no-inprocess] [--dist DIR]
// Prints markdown tables; writes JSON to test/bench/results/. Needs dist/ (npm run build).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { ensureGenerated, ensurePackage, ensurePythonCorpus, GENERATED, PACKAGES, PYTHON_CORPORA } from './corpora.mjs';
import { measure, median } from './measure.mjs';
import { printTables } from './report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const cache = join(here, '.cache');

function parseArgs(argv) {
  const has = (flag) => argv.includes(flag);
  const value = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const quick = has('--quick');
  return {
    quick,
    runs: Number(value('--runs') ?? (quick ? 3 : 5)),
    only: value('--only')?.split(',') ?? (quick ? ['three'] : [...PACKAGES, ...PYTHON_CORPORA].map((p) => p.name)),
    scale: !has('--no-scale') && !quick,
    compare: !has('--scale-only'),
    inprocess: !has('--no-inprocess') && !has('--scale-only'),
    scaleBudget: value('--scale-budget') ?? '2m',
    // Another build of tome (a copy of main's dist/, say) to measure instead of this one.
    dist: value('--dist'),
  };
}

const args = parseArgs(process.argv.slice(2));
const dist = args.dist ?? join(repo, 'dist');
const work = join(cache, 'run');
const tomeCache = join(cache, 'tome-cache');
const repomixCache = join(cache, 'repomix-cache', 'token-counts.json');
mkdirSync(work, { recursive: true });

function tome(dir, warm, extra = []) {
  const report = join(work, 'tome-report.json');
  const argv = [process.execPath, join(dist, 'cli.js'), 'pack', dir, '-o', join(work, 'tome.xml'), '--format', 'xml', '--quiet', '--report', report, ...extra];
  if (!warm) argv.push('--no-cache');
  const m = measure(argv, { cwd: work, env: { TOME_CACHE_DIR: tomeCache } });
  const r = JSON.parse(readFileSync(report, 'utf8'));
  return { ...m, files: r.files.length, tokens: r.totalTokens, timings: r.timings };
}

function repomix(dir, warm) {
  const argv = [join(repo, 'node_modules', '.bin', 'repomix'), dir, '--style', 'xml', '-o', join(work, 'repomix.xml'), '--quiet'];
  const env = warm ? { REPOMIX_TOKEN_CACHE_PATH: repomixCache } : { REPOMIX_TOKEN_CACHE: '0' };
  return measure(argv, { cwd: work, env });
}

/** Alternating runs of both tools; medians and the per-run ratio tome/repomix. */
function compare(name, dir, warm) {
  if (warm) {
    tome(dir, true);
    repomix(dir, true);
  }
  const runs = [];
  for (let i = 0; i < args.runs; i++) {
    const t = tome(dir, warm);
    const r = repomix(dir, warm);
    runs.push({ tome: t, repomix: r, ratio: { wall: t.wallMs / r.wallMs, cpu: t.cpuMs / r.cpuMs, rss: t.peakRssMb / r.peakRssMb } });
    process.stderr.write(`  ${name} ${warm ? 'warm' : 'cold'} run ${i + 1}: tome ${t.wallMs.toFixed(0)} ms, repomix ${r.wallMs.toFixed(0)} ms\n`);
  }
  const med = (pick) => median(runs.map(pick));
  return {
    corpus: name,
    cache: warm ? 'warm' : 'cold',
    runs: runs.length,
    files: runs[0].tome.files,
    tokens: runs[0].tome.tokens,
    tome: { wallMs: med((r) => r.tome.wallMs), cpuMs: med((r) => r.tome.cpuMs), peakRssMb: med((r) => r.tome.peakRssMb) },
    repomix: { wallMs: med((r) => r.repomix.wallMs), cpuMs: med((r) => r.repomix.cpuMs), peakRssMb: med((r) => r.repomix.peakRssMb) },
    ratio: { wall: med((r) => r.ratio.wall), cpu: med((r) => r.ratio.cpu), rss: med((r) => r.ratio.rss) },
    stageMs: Object.fromEntries(Object.keys(runs[0].tome.timings).map((s) => [s, med((r) => r.tome.timings[s] ?? 0)])),
    perRun: runs.map((r) => ({ tomeMs: r.tome.wallMs, repomixMs: r.repomix.wallMs, ratio: r.ratio.wall })),
  };
}

async function inprocess(mode, dir) {
  const bundle = join(cache, 'inprocess.cjs');
  await build({ entryPoints: [join(here, 'inprocess.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });
  const out = execFileSync(process.execPath, [bundle, mode, dir, dist], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop());
}

function scale(entry) {
  const dir = ensureGenerated(cache, entry);
  const budget = ['--budget', args.scaleBudget];
  const runs = entry.files >= 100_000 ? 1 : Math.min(args.runs, 3);
  const cold = [];
  const warm = [];
  rmSync(tomeCache, { recursive: true, force: true });
  for (let i = 0; i < runs; i++) cold.push(tome(dir, false, budget));
  tome(dir, true, budget);
  for (let i = 0; i < runs; i++) warm.push(tome(dir, true, budget));
  process.stderr.write(`  ${entry.name}: cold ${median(cold.map((r) => r.wallMs)).toFixed(0)} ms\n`);
  const stats = JSON.parse(readFileSync(join(dirname(dir), '.complete'), 'utf8'));
  const pick = (list) => ({ wallMs: median(list.map((r) => r.wallMs)), cpuMs: median(list.map((r) => r.cpuMs)), peakRssMb: median(list.map((r) => r.peakRssMb)) });
  return { corpus: entry.name, files: stats.files, bytes: stats.bytes, packedFiles: cold[0].files, budget: args.scaleBudget, runs, cold: pick(cold), warm: pick(warm), stageMs: cold[0].timings };
}

const results = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).availableParallelism(), args, compare: [], inprocess: {}, scale: [] };
if (args.compare) {
  for (const spec of PACKAGES.filter((p) => args.only.includes(p.name))) {
    process.stderr.write(`corpus ${spec.name}\n`);
    const dir = ensurePackage(cache, spec);
    rmSync(tomeCache, { recursive: true, force: true });
    rmSync(dirname(repomixCache), { recursive: true, force: true });
    results.compare.push(compare(spec.name, dir, false), compare(spec.name, dir, true));
  }
  for (const spec of PYTHON_CORPORA.filter((p) => args.only.includes(p.name))) {
    process.stderr.write(`corpus ${spec.name}${spec.tarball === undefined ? ' (generating on first use)' : ''}\n`);
    const { dir, reason } = ensurePythonCorpus(cache, repo, spec);
    if (dir === null) {
      process.stderr.write(`  skipped: ${reason}\n`);
      results.skipped = [...(results.skipped ?? []), { corpus: spec.name, reason }];
      continue;
    }
    rmSync(tomeCache, { recursive: true, force: true });
    rmSync(dirname(repomixCache), { recursive: true, force: true });
    results.compare.push(compare(spec.name, dir, false), compare(spec.name, dir, true));
  }
}
if (args.inprocess) {
  const three = ensurePackage(cache, PACKAGES[0]);
  process.stderr.write('in-process figures on three\n');
  results.inprocess = { tokenizer: await inprocess('tokenizer', three), repack: await inprocess('repack', three), stall: await inprocess('stall', three) };
  process.stderr.write('Context view tree on three and gen-10k\n');
  results.inprocess.contextTree = { three: await inprocess('tree', three), gen10k: await inprocess('tree', ensureGenerated(cache, GENERATED[0])) };
}
if (args.scale) {
  for (const entry of GENERATED) {
    process.stderr.write(`scale ${entry.name} (generating on first use)\n`);
    results.scale.push(scale(entry));
  }
  const [small, big] = results.scale;
  if (small && big) results.scaleRatio = big.cold.wallMs / small.cold.wallMs;
}

const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `bench-${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
printTables(results);
process.stdout.write(`\nJSON: ${file}\n`);
