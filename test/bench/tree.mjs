// The Context view's figures alone: `node test/bench/tree.mjs [--runs N]` (needs dist/, npm run build).
// On three@0.170.0 and the generated 10k tree: the first complete tree, a recount after one edit,
// the worst and p99 event-loop delay on the calling thread meanwhile, and, run right after for
// comparison on the same loaded machine, a plain worker pack's worst delay.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureGenerated, ensurePackage, GENERATED, PACKAGES } from './corpora.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '.cache');
const dist = join(here, '..', '..', 'dist');
const runs = Number(process.argv.includes('--runs') ? process.argv[process.argv.indexOf('--runs') + 1] : 1);
const bundle = join(cache, 'inprocess.cjs');
await build({ entryPoints: [join(here, 'inprocess.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });
const run = (mode, dir) => JSON.parse(execFileSync(process.execPath, [bundle, mode, dir, dist], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }).trim().split('\n').pop());

const corpora = { three: ensurePackage(cache, PACKAGES[0]), gen10k: ensureGenerated(cache, GENERATED[0]) };
const results = {};
for (const [name, dir] of Object.entries(corpora)) {
  results[name] = [];
  for (let i = 0; i < runs; i++) results[name].push({ tree: run('tree', dir), plainPack: run('stall', dir) });
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
