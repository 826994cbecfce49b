import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where dist/tokenWorker.js is: beside the running bundle (dist/cli.js, dist/packWorker.js and
 * dist/extension.js all live in dist/), or, when running from the TypeScript sources under
 * vitest, in the repository's dist/ after a build. Null when neither exists; the caller then
 * counts on its own thread.
 */
export function findTokenWorkerScript(): string | null {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const candidates = [join(here, 'tokenWorker.js'), join(here, '..', '..', '..', 'dist', 'tokenWorker.js')];
  return candidates.find((p) => existsSync(p)) ?? null;
}
