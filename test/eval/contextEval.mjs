// `npm run eval:context`: how well `tome pack --query --budget` picks the files a change needed.
// Each case is a real change from a repository's history: its title is the question, the source
// files it modified are the files an answer needs. Every case is packed on one snapshot of the
// repository (a .tar.gz beside its cases). Prints, per repository and budget, how often Tome packs
// *all* needed files in full, next to a whole-file BM25 baseline filling the same budget, and the
// ceiling (cases whose needed files fit in 80% of the budget at all).
//
// Usage: node test/eval/contextEval.mjs [--data DIR] [--repo NAME ...] [--budget TOKENS ...] [--verbose]
//   DIR defaults to ../shared/context-eval beside the project; it holds NAME.cases.json and
//   NAME.tar.gz pairs. Needs dist/ (npm run build). Never part of `npm test`: it is slow.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bm25Pack } from './bm25.mjs';

const project = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function parseArgs(argv) {
  const out = { data: join(project, '..', 'shared', 'context-eval'), repos: [], budgets: [], verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') out.data = argv[++i];
    else if (arg === '--repo') out.repos.push(argv[++i]);
    else if (arg === '--budget') out.budgets.push(Number(argv[++i]));
    else if (arg === '--verbose') out.verbose = true;
    else throw new Error(`unknown argument ${arg}; usage: contextEval.mjs [--data DIR] [--repo NAME] [--budget TOKENS] [--verbose]`);
  }
  if (out.budgets.length === 0) out.budgets = [27_000, 100_000];
  if (out.budgets.some((b) => !Number.isInteger(b) || b <= 0)) throw new Error('--budget takes a whole number of tokens');
  return out;
}

/** Unpacks a snapshot into a fresh git repository (so ignore rules and paths match a real checkout). */
function unpack(archive, into) {
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['xzf', archive, '-C', into, '--strip-components=1']);
  const git = (...args) => spawnSync('git', ['-C', into, '-c', 'user.email=eval@localhost', '-c', 'user.name=eval', ...args], { stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'snapshot');
}

function pack(tree, budget, query, report) {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, [join(project, 'dist', 'cli.js'), 'pack', tree, '--budget', String(budget), '--query', query, '--output', process.platform === 'win32' ? 'NUL' : '/dev/null', '--report', report, '--quiet'], { stdio: 'ignore' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const parsed = JSON.parse(readFileSync(report, 'utf8'));
    return { seconds, modes: new Map(parsed.files.map((f) => [f.path, f.mode])), selectMs: parsed.timings?.select ?? 0 };
  } catch {
    return { seconds, modes: new Map(), selectMs: 0 };
  }
}

const percent = (part, whole) => `${Math.round((100 * part) / Math.max(1, whole))}%`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function evaluate(name, archive, cases, budgets, verbose, work) {
  const tree = join(work, name);
  unpack(archive, tree);
  const rows = [];
  const seconds = [];
  const selectMs = [];
  for (const budget of budgets) {
    let tome = 0;
    let bm25 = 0;
    let ceiling = 0;
    let tomeShare = 0;
    cases.forEach((c, i) => {
      const result = pack(tree, budget, c.q, join(work, `${name}-${i}-${budget}.json`));
      seconds.push(result.seconds);
      selectMs.push(result.selectMs);
      const full = c.files.filter((p) => result.modes.get(p) === 'full').length;
      const baseline = bm25Pack(tree, [...result.modes.keys()], c.q, budget);
      const allTome = full === c.files.length;
      const allBm25 = c.files.every((p) => baseline.has(p));
      const goldChars = c.files.reduce((sum, p) => sum + (existsSync(join(tree, p)) ? statSync(join(tree, p)).size : 0), 0);
      tome += allTome ? 1 : 0;
      bm25 += allBm25 ? 1 : 0;
      tomeShare += full / c.files.length;
      ceiling += goldChars / 3.6 <= 0.8 * budget ? 1 : 0;
      if (verbose) console.log(`  ${name} ${budget / 1000}K ${allTome ? 'T' : '-'}${allBm25 ? 'B' : '-'} ${c.q.slice(0, 70)}`);
    });
    rows.push({ name, budget, tome: percent(tome, cases.length), mean: percent(tomeShare, cases.length), bm25: percent(bm25, cases.length), ceiling: percent(ceiling, cases.length), n: cases.length });
  }
  return { rows, seconds, selectMs };
}

const args = parseArgs(process.argv.slice(2));
if (!existsSync(args.data)) {
  console.log(`Context eval skipped: no data at ${args.data} (it holds NAME.cases.json and NAME.tar.gz pairs; pass --data DIR).`);
  process.exit(0);
}
if (!existsSync(join(project, 'dist', 'cli.js'))) {
  console.error('Context eval needs the built CLI: run `npm run build` first.');
  process.exit(1);
}
const names = readdirSync(args.data)
  .filter((f) => f.endsWith('.cases.json') && existsSync(join(args.data, f.replace(/\.cases\.json$/, '.tar.gz'))))
  .map((f) => f.replace(/\.cases\.json$/, ''))
  .filter((n) => args.repos.length === 0 || args.repos.includes(n))
  .sort();
if (names.length === 0) {
  console.log(`Context eval skipped: ${args.data} holds no NAME.cases.json with its NAME.tar.gz${args.repos.length > 0 ? ` for ${args.repos.join(', ')}` : ''}.`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'tome-context-eval-'));
try {
  const all = [];
  for (const name of names) {
    const cases = JSON.parse(readFileSync(join(args.data, `${name}.cases.json`), 'utf8')).cases;
    const { rows, seconds, selectMs } = evaluate(name, join(args.data, `${name}.tar.gz`), cases, args.budgets, args.verbose, work);
    all.push(...rows);
    console.log(`${name}: ${cases.length} cases, tome pack median ${median(seconds).toFixed(2)} s, select stage median ${Math.round(median(selectMs))} ms`);
  }
  console.log('\n| repo | budget | Tome all-gold | Tome mean | BM25 all-gold | ceiling | cases |\n|---|---|---|---|---|---|---|');
  for (const r of all) console.log(`| ${r.name} | ${r.budget / 1000}K | ${r.tome} | ${r.mean} | ${r.bm25} | ${r.ceiling} | ${r.n} |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
