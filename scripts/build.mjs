// Builds every target with esbuild. Type checking is separate (`npm run typecheck`).
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, existsSync, chmodSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The token rank tables, each its own file beside the bundles (megabytes each; see ranks.ts). */
const RANK_ENCODINGS = ['o200k_base', 'cl100k_base'];

/**
 * Keeps what only some runs need out of the Node bundles, so loading a bundle does not parse it:
 * `js-tiktoken/ranks/<encoding>` becomes `require('./ranks-<encoding>.js')` (loaded on the first
 * count that misses the cache), and the CLI's `./mcpCommand` becomes `./mcp.js` (MCP SDK, zod,
 * ajv: only for `tome mcp`). The paths are relative to the requiring bundle, all in dist/.
 */
const lazyFiles = {
  name: 'lazy-files',
  setup(build) {
    build.onResolve({ filter: /^js-tiktoken\/ranks\// }, (args) => {
      const encoding = args.path.slice('js-tiktoken/ranks/'.length);
      if (!RANK_ENCODINGS.includes(encoding)) return undefined;
      return { path: `./ranks-${encoding}.js`, external: true };
    });
    build.onResolve({ filter: /^\.\/mcpCommand$/ }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'program.ts')) ? { path: './mcp.js', external: true } : undefined,
    );
  },
};

/** Options shared by the Node targets (CLI, extension host, worker). */
const nodeBase = {
  plugins: [lazyFiles],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // Prefer ES modules: some packages (jsonc-parser) ship a UMD `main` whose dynamic requires
  // esbuild cannot follow.
  mainFields: ['module', 'main'],
};

/** One options object per target. */
const targets = [
  { ...nodeBase, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...nodeBase, entryPoints: ['src/cli/mcpCommand.ts'], outfile: 'dist/mcp.js' },
  // Self-contained (ranks inlined): a worker thread starts only to count, so it needs them at
  // once, and a copy of it works beside any bundle (as test/support/buildTokenWorker.ts builds it).
  { ...nodeBase, plugins: [], entryPoints: ['src/core/tokenize/worker.ts'], outfile: 'dist/tokenWorker.js' },
  { ...nodeBase, entryPoints: ['src/core/pack/worker/entry.ts'], outfile: 'dist/packWorker.js' },
  { ...nodeBase, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    absWorkingDir: root,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
  },
].filter((t) => existsSync(join(root, t.entryPoints[0])));

/** Files copied beside the bundles: token ranks, tree-sitter runtime and grammars, codicons. */
function copyAssets() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  // js-tiktoken's CommonJS rank files are plain `module.exports = {…}`: usable as they are.
  for (const encoding of RANK_ENCODINGS) {
    cpSync(join(root, `node_modules/js-tiktoken/dist/ranks/${encoding}.cjs`), join(root, `dist/ranks-${encoding}.js`));
  }
  const wasmSrc = join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm');
  if (existsSync(wasmSrc)) {
    cpSync(wasmSrc, join(root, 'dist/wasm'), { recursive: true, filter: (p) => !p.endsWith('.d.ts') && !p.endsWith('.js') || p.endsWith('wasm') });
  }
  const codicons = join(root, 'node_modules/@vscode/codicons/dist');
  if (existsSync(codicons)) {
    for (const f of ['codicon.css', 'codicon.ttf']) cpSync(join(codicons, f), join(root, 'dist/codicons', f));
  }
}

/**
 * Writes dist/ranks-<encoding>.bin, each encoding's ranks packed by src/core/tokenize/rankIndex.ts
 * (bundled here on the fly), so a token worker loads its table with one read (see ranks.ts).
 */
async function writeRankIndexes() {
  const bundled = await esbuild.build({
    entryPoints: ['src/core/tokenize/rankIndex.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const { buildRankIndex, rankIndexFileName, serializeRankIndex } = module.exports;
  const require = createRequire(join(root, 'package.json'));
  for (const encoding of RANK_ENCODINGS) {
    const index = buildRankIndex(require(`js-tiktoken/ranks/${encoding}`));
    writeFileSync(join(root, 'dist', rankIndexFileName(encoding)), serializeRankIndex(index));
  }
}

copyAssets();
await writeRankIndexes();
if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
  if (existsSync(join(root, 'dist/cli.js'))) chmodSync(join(root, 'dist/cli.js'), 0o755);
}
