// Builds every target with esbuild. Type checking is separate (`npm run typecheck`).
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, existsSync, chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Options shared by the Node targets (CLI, extension host, worker). */
const nodeBase = {
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
  { ...nodeBase, entryPoints: ['src/core/tokenize/worker.ts'], outfile: 'dist/tokenWorker.js' },
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

/** Files copied beside the bundles: tree-sitter runtime and grammars, codicons. */
function copyAssets() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  const wasmSrc = join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm');
  if (existsSync(wasmSrc)) {
    cpSync(wasmSrc, join(root, 'dist/wasm'), { recursive: true, filter: (p) => !p.endsWith('.d.ts') && !p.endsWith('.js') || p.endsWith('wasm') });
  }
  const codicons = join(root, 'node_modules/@vscode/codicons/dist');
  if (existsSync(codicons)) {
    for (const f of ['codicon.css', 'codicon.ttf']) cpSync(join(codicons, f), join(root, 'dist/codicons', f));
  }
}

copyAssets();
if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
  if (existsSync(join(root, 'dist/cli.js'))) chmodSync(join(root, 'dist/cli.js'), 0o755);
}
