// `node test/bench/diff.mjs [--runs N] [--changed N]`: the cost of `tome pack --diff` on three@0.170.0
// with N changed files (default 50), against the same pack without --diff. Needs dist/.
// A copy of the corpus becomes a git repository with one commit; N files then get a line
// appended. Everything stays in test/bench/.cache/.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePackage, PACKAGES } from './corpora.mjs';
import { measure, median } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '.cache');
const cli = join(here, '..', '..', 'dist', 'cli.js');
const arg = (flag, fallback) => (process.argv.includes(flag) ? Number(process.argv[process.argv.indexOf(flag) + 1]) : fallback);
const runs = arg('--runs', 5);
const changed = arg('--changed', 50);

const three = ensurePackage(cache, PACKAGES.find((p) => p.name === 'three'));
const repo = join(cache, 'diff-bench', 'three');
const gitIn = (...args) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
rmSync(repo, { recursive: true, force: true });
mkdirSync(dirname(repo), { recursive: true });
cpSync(three, repo, { recursive: true, filter: (src) => !src.endsWith('/.git') });
gitIn('init', '-q');
gitIn('add', '-A');
gitIn('commit', '-q', '-m', 'three@0.170.0');
const sources = gitIn('ls-files', 'src').split('\n').filter((p) => p.endsWith('.js'));
const step = Math.max(1, Math.floor(sources.length / changed));
const picked = sources.filter((_, i) => i % step === 0).slice(0, changed);
for (const path of picked) appendFileSync(join(repo, path), '\n// changed for the diff benchmark\n');

const out = join(cache, 'diff-bench', 'out');
mkdirSync(out, { recursive: true });
function pack(extra) {
  const report = join(out, 'report.json');
  const m = measure([process.execPath, cli, 'pack', repo, '-o', join(out, 'pack.xml'), '--quiet', '--report', report, ...extra], {
    env: { TOME_CACHE_DIR: join(cache, 'tome-cache') },
  });
  const r = JSON.parse(readFileSync(report, 'utf8'));
  return { ...m, git: r.timings.git ?? 0, tokens: r.totalTokens, changed: r.git?.diff?.files.length ?? 0 };
}
if (!existsSync(cli)) throw new Error('Build first: node scripts/build.mjs');
pack([]);
const rows = [];
for (let i = 0; i < runs; i++) rows.push({ plain: pack([]), diff: pack(['--diff']), budget: pack(['--diff', '--budget', '200k']) });
const med = (pick) => median(rows.map(pick)).toFixed(0);
const first = rows[0];
console.log(`three@0.170.0, ${first.diff.changed} changed files, warm token cache, median of ${runs} runs`);
console.log('| pack | wall ms | git stage ms | tokens |');
console.log('|---|---:|---:|---:|');
console.log(`| no --diff | ${med((r) => r.plain.wallMs)} | – | ${first.plain.tokens} |`);
console.log(`| --diff | ${med((r) => r.diff.wallMs)} | ${med((r) => r.diff.git)} | ${first.diff.tokens} |`);
console.log(`| --diff --budget 200k | ${med((r) => r.budget.wallMs)} | ${med((r) => r.budget.git)} | ${first.budget.tokens} |`);
