// Runs a command and measures it: wall time, CPU time (user + system) and peak RSS, from GNU time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

/**
 * @param {string[]} argv command and arguments
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string }} options
 * @returns {{ wallMs: number, cpuMs: number, peakRssMb: number }}
 */
export function measure(argv, options = {}) {
  if (!existsSync(GNU_TIME)) throw new Error('The benchmark needs GNU time at /usr/bin/time (apt-get install time).');
  const out = join(tmpdir(), `tome-bench-time-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const run = spawnSync(GNU_TIME, ['-f', '%e %U %S %M', '-o', out, ...argv], {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) {
    throw new Error(`${argv.join(' ')} failed (exit ${run.status}): ${String(run.stderr).slice(-2000)}`);
  }
  const [, user, sys, maxKb] = readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  rmSync(out, { force: true });
  return { wallMs, cpuMs: (user + sys) * 1000, peakRssMb: maxKb / 1024 };
}

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
