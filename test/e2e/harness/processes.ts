import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

/**
 * Every process group the e2e harness starts is written to a pid file, so the global teardown can
 * stop whatever a crashed test left behind — by the pids we recorded, never by name.
 */
export function recordPid(pidFile: string, child: ChildProcess): void {
  if (child.pid !== undefined) appendFileSync(pidFile, `${child.pid}\n`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends a signal to a whole process group (the child was spawned `detached`, so it leads one). */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/** Stops a process group politely, then firmly after a grace period. */
export async function stopProcessGroup(pid: number, graceMs = 5_000): Promise<void> {
  if (!isAlive(pid)) return;
  signalGroup(pid, 'SIGTERM');
  if (await waitUntilGone(pid, graceMs)) {
    signalGroup(pid, 'SIGKILL'); // children that outlived their leader
    return;
  }
  signalGroup(pid, 'SIGKILL');
  await waitUntilGone(pid, graceMs);
}

/** Stops every process group recorded in the pid file. */
export async function stopRecordedProcesses(pidFile: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pids = readFileSync(pidFile, 'utf8').split('\n').map(Number).filter((pid) => Number.isInteger(pid) && pid > 0);
  await Promise.all(pids.map((pid) => stopProcessGroup(pid)));
}
