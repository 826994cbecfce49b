// `node test/bench/mcp.mjs [--runs N] [--corpus three]`: latency of `tome mcp` tool calls on a
// real corpus, through the MCP SDK's stdio client: the first (cold) call of each tool, then the
// median of N warm calls. Needs dist/ (npm run build). Writes JSON to test/bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ensurePackage, PACKAGES } from './corpora.mjs';
import { median } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const cache = join(here, '.cache');
const argv = process.argv.slice(2);
const value = (flag, fallback) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : fallback);
const runs = Number(value('--runs', 5));
const corpus = PACKAGES.find((p) => p.name === value('--corpus', 'three'));
if (!corpus) throw new Error(`Unknown corpus; pick one of ${PACKAGES.map((p) => p.name).join(', ')}`);
const root = ensurePackage(cache, corpus);

/** One example call per tool, on paths that exist in three@0.170.0 (and fail clearly elsewhere). */
const CALLS = [
  ['token_report', {}],
  ['pack', { budget: 50_000, query: 'how does the WebGL renderer compile shaders' }],
  ['pack', { reportOnly: true, budget: 200_000, focus: ['src/renderers/WebGLRenderer.js'] }],
  ['dependencies', { path: 'src/renderers/WebGLRenderer.js', depth: 2 }],
  ['search', { query: 'quaternion slerp interpolation' }],
  ['outline', { paths: ['src/math/Quaternion.js'] }],
  ['read', { path: 'src/math/Quaternion.js', startLine: 1, endLine: 40 }],
];

const client = new Client({ name: 'tome-bench', version: '1.0.0' });
await client.connect(new StdioClientTransport({
  command: process.execPath,
  args: [join(repo, 'dist', 'cli.js'), 'mcp', '--root', root],
  env: { ...process.env, TOME_CACHE_DIR: join(cache, 'tome-mcp-cache') },
  stderr: 'inherit',
}));

async function timed(name, args) {
  const started = performance.now();
  const result = await client.callTool({ name, arguments: args });
  const ms = performance.now() - started;
  if (result.isError) throw new Error(`${name} failed: ${result.content[0]?.text}`);
  return { ms, chars: result.content.reduce((n, c) => n + (c.text?.length ?? 0), 0), filesRead: result._meta?.['tome/filesRead'] };
}

const rows = [];
for (const [name, args] of CALLS) {
  const first = await timed(name, args);
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push(await timed(name, args));
  rows.push({ tool: name, args, firstMs: first.ms, firstFilesRead: first.filesRead, warmMedianMs: median(warm.map((w) => w.ms)), warmFilesRead: warm.at(-1)?.filesRead, resultChars: first.chars });
}
await client.close();

console.log(`tome mcp on ${corpus.spec}, ${runs} warm calls per tool (median)\n`);
console.log('| call | first call | files read | warm call | files read | result chars |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.tool} ${JSON.stringify(r.args)} | ${r.firstMs.toFixed(0)} ms | ${r.firstFilesRead} | ${r.warmMedianMs.toFixed(0)} ms | ${r.warmFilesRead} | ${r.resultChars} |`);
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', `mcp-${corpus.name}.json`), `${JSON.stringify({ corpus: corpus.spec, runs, rows }, null, 2)}\n`);
