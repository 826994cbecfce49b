import { execFileSync } from 'node:child_process';
import { mkdirSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root. */
export const REPO = resolve(__dirname, '..', '..');

const LOCK = join(tmpdir(), 'tome-build.lock');

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/ with scripts/build.mjs, one build at a time across test files running in
 * parallel (a folder is the lock: creating it either succeeds or fails, atomically).
 */
export function buildDist(): void {
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a crashed run is taken over after two minutes.
      if (waited > 120_000) rmdirSync(LOCK);
      sleep(200);
    }
  }
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'pipe' });
  } finally {
    rmdirSync(LOCK);
  }
}
