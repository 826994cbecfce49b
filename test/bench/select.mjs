// `npm run bench:select`: how long the select stage takes for a 100K budget on a 2,000-file
// tree (seeded, generated as for the scale benchmark), as `tome pack --report` times it: one
// process per run, so every figure includes loading the outline parsers. Prints the median and
// the slowest run per question. Needs dist/ (npm run build).
// Usage: node test/bench/select.mjs [--runs N] [--files N] [--budget TOKENS]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureGenerated } from './corpora.mjs';
import { median } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'dist', 'cli.js');
const cache = join(here, '.cache');
const argv = process.argv.slice(2);
const option = (flag, fallback) => (argv.includes(flag) ? Number(argv[argv.indexOf(flag) + 1]) : fallback);
const runs = option('--runs', 5);
const files = option('--files', 2000);
const budget = option('--budget', 100_000);

const tree = ensureGenerated(cache, { name: `select-${files}`, files, seed: 11 });
const work = join(cache, 'run');
mkdirSync(work, { recursive: true });
const report = join(work, 'select-report.json');
const questions = ['', 'how is the total computed when nothing matches', 'limit result keys'];

console.log(`| question | select median (ms) | slowest (ms) | files full | runs |\n|---|---|---|---|---|`);
for (const query of questions) {
  const times = [];
  let full = 0;
  for (let i = 0; i < runs; i++) {
    const args = [cli, 'pack', tree, '--budget', String(budget), '--output', join(work, 'select.xml'), '--report', report, '--quiet'];
    if (query !== '') args.push('--query', query);
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) throw new Error(`tome pack failed (exit ${run.status})`);
    const parsed = JSON.parse(readFileSync(report, 'utf8'));
    times.push(parsed.timings.select);
    full = parsed.files.filter((f) => f.mode === 'full').length;
  }
  console.log(`| ${query === '' ? '(none)' : query} | ${Math.round(median(times))} | ${Math.round(Math.max(...times))} | ${full} | ${runs} |`);
}
