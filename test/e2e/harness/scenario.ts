import { afterAll, beforeAll, beforeEach } from 'vitest';
import { copyFileSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { ARTIFACTS_DIR, currentRun } from './run';
import { launchBrowser, openWorkbench, saveScreenshot } from './workbench';

/** What a scenario's tests get: the browser page on a fresh workbench and the server behind it. */
export interface ScenarioContext {
  page: Page;
  codeServer: CodeServer;
}

export interface ScenarioOptions extends Omit<CodeServerOptions, 'name' | 'userSettings' | 'decoyPort'> {
  /** Settings for the user profile, computed when the scenario starts (ports are known by then). */
  userSettings: () => Record<string, unknown>;
  /** Port the workspace's own settings point `tome.baseUrl` at, computed like `userSettings`. */
  decoyPort?: () => number;
  /** Runs once the workbench is open, e.g. to enter the API key. */
  afterStart?: (context: ScenarioContext) => Promise<void>;
  /** Extra failure evidence, e.g. the model server's request log, as JSON. */
  failureEvidence?: () => unknown;
  /** Started before code-server, stopped after it (e.g. the model servers). */
  before?: () => Promise<void>;
  after?: () => Promise<void>;
}

/**
 * Registers the hooks for one scenario file: fresh workspace, user data and code-server; one
 * Chromium page on the workbench; on failure a screenshot, the code-server log and whatever
 * `failureEvidence` returns; everything started is stopped at the end, even after a failure.
 */
export function useScenario(name: string, options: ScenarioOptions): ScenarioContext {
  const context = {} as ScenarioContext;
  let browser: Browser | undefined;
  let codeServer: CodeServer | undefined;

  /** Screenshot, model-server record and code-server output, named after the scenario. */
  async function saveFailureEvidence(): Promise<void> {
    const slug = `${name}--FAILED`;
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    if (context.page) await saveScreenshot(context.page, slug).catch(() => undefined);
    if (options.failureEvidence) writeFileSync(join(ARTIFACTS_DIR, `${slug}.requests.json`), JSON.stringify(options.failureEvidence(), null, 2));
    if (codeServer && existsSync(codeServer.logFile)) copyFileSync(codeServer.logFile, join(ARTIFACTS_DIR, `${slug}.code-server.log`));
    if (codeServer && existsSync(codeServer.logsDir)) cpSync(codeServer.logsDir, join(ARTIFACTS_DIR, `${slug}.vscode-logs`), { recursive: true });
  }

  beforeAll(async () => {
    try {
      await startScenario();
    } catch (error) {
      await saveFailureEvidence();
      throw error;
    }
  });

  async function startScenario(): Promise<void> {
    await options.before?.();
    const run = currentRun();
    codeServer = await startCodeServer(run, {
      name,
      userSettings: options.userSettings(),
      ...(options.decoyPort ? { decoyPort: options.decoyPort() } : {}),
      ...(options.env ? { env: options.env } : {}),
      ...(options.prepareWorkspace ? { prepareWorkspace: options.prepareWorkspace } : {}),
    });
    browser = await launchBrowser(run);
    context.codeServer = codeServer;
    context.page = await openWorkbench(browser, codeServer.workbenchUrl);
    await options.afterStart?.(context);
  }

  beforeEach(({ onTestFailed }) => {
    onTestFailed(saveFailureEvidence);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
    await options.after?.();
  });

  return context;
}
