import { inject } from 'vitest';
import { fileURLToPath } from 'node:url';

/** What the global setup prepared once for all scenarios of one run. */
export interface E2eRun {
  /** A fresh folder for this run (under the OS temp folder): user data, workspace copies, logs. */
  dir: string;
  /** Extensions folder holding only the freshly installed Tome .vsix. */
  extensionsDir: string;
  /** The code-server launcher in the machine's cache folder. */
  codeServerBin: string;
  /** Chromium for Playwright. */
  chromium: string;
  /** Every process group started in this run; the global teardown stops the ones still alive. */
  pidFile: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eRun: E2eRun;
  }
}

/** The run prepared by the global setup. */
export function currentRun(): E2eRun {
  return inject('e2eRun');
}

/** Screenshots, request logs and failure traces go here (git-ignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts', import.meta.url));
