// Runs once per `vitest run`: checks the machine, installs the packaged extension into a fresh
// extensions folder, and at the end stops every process group a scenario left running.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ARTIFACTS_DIR, type E2eRun } from './harness/run';
import { stopRecordedProcesses } from './harness/processes';
import { setUpE2eMachine, codeServerBin, codeServerEnv, CHROMIUM } from './setup.mjs';

/** The package under test; TOME_E2E_VSIX points at another one (e.g. a release candidate). */
const VSIX = process.env.TOME_E2E_VSIX ?? fileURLToPath(new URL('../../dist/tome.vsix', import.meta.url));

function installExtension(run: E2eRun): void {
  if (!existsSync(VSIX)) {
    throw new Error(`The packaged extension ${VSIX} is missing. Run "npm run package" first (npm run test:e2e does it for you).`);
  }
  const output = execFileSync(
    run.codeServerBin,
    ['--extensions-dir', run.extensionsDir, '--user-data-dir', join(run.dir, 'install-user-data'), '--install-extension', VSIX],
    { encoding: 'utf8', env: { ...process.env, ...codeServerEnv() } },
  );
  if (!/successfully installed/i.test(output)) throw new Error(`code-server did not install ${VSIX}:\n${output}`);
}

export default function setup(project: TestProject): () => Promise<void> {
  setUpE2eMachine();
  const dir = mkdtempSync(join(tmpdir(), 'tome-e2e-'));
  const run: E2eRun = {
    dir,
    extensionsDir: join(dir, 'extensions'),
    codeServerBin: codeServerBin(),
    chromium: CHROMIUM,
    pidFile: join(dir, 'pids'),
  };
  mkdirSync(run.extensionsDir, { recursive: true });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  installExtension(run);
  project.provide('e2eRun', run);
  return async () => {
    await stopRecordedProcesses(run.pidFile);
    if (!process.env.TOME_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  };
}
