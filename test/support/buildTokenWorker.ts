/**
 * vitest globalSetup: builds dist/tokenWorker.js from the current sources, so token counting
 * from the TypeScript sources finds a fresh worker script in the repository's dist/ (see
 * findTokenWorkerScript). Written to a temporary name and renamed, so a concurrent
 * `npm run build` never sees half a file.
 */
import { renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export default async function setup(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const outfile = join(root, 'dist', 'tokenWorker.js');
  const temp = `${outfile}.${process.pid}.tmp`;
  await build({
    absWorkingDir: root,
    entryPoints: ['src/core/tokenize/worker.ts'],
    outfile: temp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  renameSync(temp, outfile);
}
