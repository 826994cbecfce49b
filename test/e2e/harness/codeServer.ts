import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports';
import { recordPid, stopProcessGroup } from './processes';
import { waitFor } from './waitFor';
import type { E2eRun } from './run';
import { codeServerEnv } from '../setup.mjs';

/** The fixture project every scenario opens (copied fresh, so nothing leaks between scenarios). */
export const FIXTURE_WORKSPACE = fileURLToPath(new URL('../../fixtures/e2e-workspace', import.meta.url));

/** Settings that keep the workbench quiet and predictable in a headless browser. */
const QUIET_WORKBENCH: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.minimap.enabled': false,
};

export interface CodeServerOptions {
  /** Names the scenario's folder under the run folder and its log file. */
  name: string;
  /** User-level settings; `tome.*` settings go here. */
  userSettings: Record<string, unknown>;
  /** Written into the workspace's `.vscode/settings.json` in place of `__DECOY_PORT__`. */
  decoyPort?: number;
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  /** Changes the fresh workspace copy before code-server opens it (e.g. makes it a git repository). */
  prepareWorkspace?: (workspace: string) => void;
}

/** A running code-server with a fresh user-data folder and a fresh copy of the fixture workspace. */
export interface CodeServer {
  /** Base address, e.g. http://127.0.0.1:4123 */
  url: string;
  /** The workspace folder code-server opened. */
  workspace: string;
  /** code-server's own output. */
  logFile: string;
  /** VS Code's logs, the extension host's included (useful when the extension misbehaves). */
  logsDir: string;
  /** The address that opens the workspace in the browser. */
  workbenchUrl: string;
  stop(): Promise<void>;
}

function copyWorkspace(target: string, decoyPort: number | undefined): void {
  cpSync(FIXTURE_WORKSPACE, target, { recursive: true });
  const settingsFile = join(target, '.vscode', 'settings.json');
  const text = readFileSync(settingsFile, 'utf8').replaceAll('__DECOY_PORT__', String(decoyPort ?? 9));
  writeFileSync(settingsFile, text);
}

function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...QUIET_WORKBENCH, ...settings }, null, 2));
}

async function isHealthy(url: string): Promise<boolean> {
  const response = await fetch(`${url}/healthz`);
  return response.ok;
}

function exitPromise(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(`code-server exited early (code ${code}, signal ${signal})`)));
}

/** Starts code-server on 127.0.0.1 with the packaged extension's extensions folder. */
export async function startCodeServer(run: E2eRun, options: CodeServerOptions): Promise<CodeServer> {
  const home = join(run.dir, options.name);
  const workspace = join(home, 'workspace');
  const userDataDir = join(home, 'user-data');
  const logFile = join(home, 'code-server.log');
  mkdirSync(home, { recursive: true });
  copyWorkspace(workspace, options.decoyPort);
  options.prepareWorkspace?.(workspace);
  writeUserSettings(userDataDir, options.userSettings);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--extensions-dir', run.extensionsDir,
    '--user-data-dir', userDataDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    workspace,
  ];
  const log = createWriteStream(logFile);
  const child = spawn(run.codeServerBin, args, {
    detached: true, // its own process group, so stopping it stops the extension host too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...codeServerEnv(), ...options.env },
  });
  recordPid(run.pidFile, child);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = exitPromise(child);

  const stop = async (): Promise<void> => {
    if (child.pid !== undefined) await stopProcessGroup(child.pid);
    log.end();
  };
  try {
    await Promise.race([
      waitFor(`code-server on ${url}`, () => isHealthy(url), 60_000),
      exited.then((why) => Promise.reject(new Error(`${why}; see ${logFile}`))),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, workspace, logFile, logsDir: join(userDataDir, 'logs'), workbenchUrl: `${url}/?folder=${encodeURIComponent(workspace)}`, stop };
}
