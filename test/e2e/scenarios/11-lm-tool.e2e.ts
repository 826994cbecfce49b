/**
 * Tome's language-model tool in a real VS Code (code-server 4.100.3 = VS Code 1.100): a helper
 * test extension (test/e2e/helper-extension) finds it in vscode.lm.tools and invokes it through
 * vscode.lm.invokeTool, as Copilot's agent mode would. VS Code 1.100 already has the MCP server
 * definition provider API, under its earlier contribution name; the second test finds Tome's
 * server in "MCP: List Servers".
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeServerEnv } from '../setup.mjs';
import { DEPENDENCY_EDGES, FAKE_SECRET, FIXTURE_FILES, IGNORED_MARKER } from '../harness/fixture';
import { ARTIFACTS_DIR, currentRun } from '../harness/run';
import { useScenario } from '../harness/scenario';
import { waitFor } from '../harness/waitFor';
import { runCommand, saveScreenshot } from '../harness/workbench';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const RESULT = join(mkdtempSync(join(tmpdir(), 'tome-e2e-tool-')), 'result.json');

interface ToolCheck {
  api: Record<string, boolean>;
  tools?: { name: string; description: string }[];
  packed?: string;
  file?: string;
  refused?: string;
  tomeActive?: boolean | null;
  activatedFully?: boolean;
  error?: string;
}

/** Packages the helper extension with vsce and installs it next to Tome. */
function installHelper(): void {
  const run = currentRun();
  const dir = mkdtempSync(join(tmpdir(), 'tome-e2e-helper-'));
  cpSync(join(REPO, 'test', 'e2e', 'helper-extension'), dir, { recursive: true });
  const vsix = join(dir, 'helper.vsix');
  execFileSync(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--out', vsix, '--allow-missing-repository', '--skip-license'], { cwd: dir, stdio: 'pipe' });
  const output = execFileSync(run.codeServerBin, ['--extensions-dir', run.extensionsDir, '--user-data-dir', join(dir, 'user-data'), '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, ...codeServerEnv() },
  });
  if (!/successfully installed/i.test(output)) throw new Error(`code-server did not install the helper extension:\n${output}`);
}

describe('11. the #tome language-model tool', () => {
  const scenario = useScenario('11-lm-tool', {
    userSettings: () => ({}),
    env: { TOME_E2E_TOOL_RESULT: RESULT },
    before: async () => installHelper(),
  });

  it('is registered and returns the packed workspace through vscode.lm.invokeTool', async () => {
    const { page } = scenario;
    rmSync(RESULT, { force: true }); // a retry must not read the failed attempt's result
    await runCommand(page, 'Tome E2E: Invoke the Tome Tool');
    const check = await waitFor('the helper to write what the tool returned', async () => (existsSync(RESULT) ? (JSON.parse(readFileSync(RESULT, 'utf8')) as ToolCheck) : undefined), 120_000, 500);
    writeFileSync(join(ARTIFACTS_DIR, '11-lm-tool.json'), JSON.stringify(check, null, 2));
    expect(check.error).toBeUndefined();
    expect(check.api).toMatchObject({ invokeTool: true, registerTool: true });
    expect(check.tools?.map((t) => t.name)).toContain('tome_pack');
    expect(check.tomeActive).toBe(true);
    expect(check.activatedFully).toBe(true);

    const packed = check.packed ?? '';
    for (const [dependency, dependent] of DEPENDENCY_EDGES) {
      expect(packed.indexOf(FIXTURE_FILES[dependency].marker)).toBeGreaterThanOrEqual(0);
      expect(packed.indexOf(FIXTURE_FILES[dependency].marker)).toBeLessThan(packed.indexOf(FIXTURE_FILES[dependent].marker));
    }
    expect(packed).not.toContain(FAKE_SECRET);
    expect(packed).not.toContain(IGNORED_MARKER);

    const file = check.file ?? '';
    expect(file).toContain(FIXTURE_FILES.main.marker);
    expect(file).toContain(FIXTURE_FILES.server.marker);

    expect(check.refused).toMatch(/outside the workspace/);
    await waitFor('the helper\'s notification', async () => (await page.getByText('Tome tool check written.').count()) > 0 || undefined, 30_000, 500);
    await saveScreenshot(page, '11-lm-tool');
  });

  it('lists its MCP server in "MCP: List Servers" without hand-written config, and starts it', async () => {
    const { page } = scenario;
    const input = page.locator('.quick-input-widget input');
    const row = (text: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
    /** "MCP: List Servers" opens a second quick pick, so the palette is not waited away as runCommand does. */
    const listServers = async (): Promise<void> => {
      await waitFor('"MCP: List Servers" to open', async () => {
        if (await input.isVisible()) await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await input.fill('>MCP: List Servers');
        await row('MCP: List Servers').click({ timeout: 3_000 });
        await row('Tome').waitFor({ timeout: 10_000 });
        return true;
      }, 60_000, 500);
    };
    await listServers();
    await row('Tome').click();
    await row('Start Server').click({ timeout: 30_000 });
    await waitFor('Tome\'s MCP server to run', async () => {
      await listServers();
      return (await row('Tome').textContent())?.includes('Running') || undefined;
    }, 90_000, 1_000);
    // VS Code's own MCP client lists the tools over stdio: dist/cli.js ran on VS Code's runtime.
    await page.getByText('Discovered 6 tools').first().waitFor({ timeout: 30_000 });
    await saveScreenshot(page, '11-lm-tool-mcp');
    await page.keyboard.press('Escape');
  });
});
