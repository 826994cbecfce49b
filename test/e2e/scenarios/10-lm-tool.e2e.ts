/**
 * Tome's language-model tool in a real VS Code (code-server 4.100.3 = VS Code 1.100): a helper
 * test extension (test/e2e/helper-extension) finds it in vscode.lm.tools and invokes it through
 * vscode.lm.invokeTool, as Copilot's agent mode would. VS Code 1.100 has no MCP server definition
 * provider API (1.101), so this run also shows Tome activating without it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('10. the #tome language-model tool', () => {
  const scenario = useScenario('10-lm-tool', {
    userSettings: () => ({}),
    env: { TOME_E2E_TOOL_RESULT: RESULT },
    before: async () => installHelper(),
  });

  it('is registered and returns the packed workspace through vscode.lm.invokeTool', async () => {
    const { page } = scenario;
    await runCommand(page, 'Tome E2E: Invoke the Tome Tool');
    const check = await waitFor('the helper to write what the tool returned', async () => (existsSync(RESULT) ? (JSON.parse(readFileSync(RESULT, 'utf8')) as ToolCheck) : undefined), 120_000, 500);
    writeFileSync(join(ARTIFACTS_DIR, '10-lm-tool.json'), JSON.stringify(check, null, 2));
    expect(check.error).toBeUndefined();
    expect(check.api).toMatchObject({ invokeTool: true, registerTool: true, registerMcpServerDefinitionProvider: false });
    expect(check.tools?.map((t) => t.name)).toContain('tome_pack');
    expect(check.tomeActive).toBe(true);

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
    await saveScreenshot(page, '10-lm-tool');
  });
});
