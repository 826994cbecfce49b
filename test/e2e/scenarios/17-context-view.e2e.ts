import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { askAndWait, chatFrame, openChat } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { FIXTURE_FILES } from '../harness/fixture';
import { requestText } from '../harness/transcript';
import { runCommand, saveScreenshot } from '../harness/workbench';
import { expandContextFolder } from '../harness/contextView';

/** The built CLI, the same engine the extension packs with. */
const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

/** Per-folder token totals from `tome pack --report` on `workspace`. */
function reportFolderTotals(workspace: string, folders: readonly string[]): Record<string, number> {
  const out = mkdtempSync(join(tmpdir(), 'tome-e2e-report-'));
  execFileSync(process.execPath, [CLI, 'pack', workspace, '--quiet', '--no-cache', '--report', join(out, 'report.json'), '-o', join(out, 'packed.txt')]);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { files: Array<{ path: string; tokens: number }> };
  return Object.fromEntries(folders.map((folder) => [folder, report.files.filter((f) => f.path.startsWith(`${folder}/`)).reduce((sum, f) => sum + f.tokens, 0)]));
}

/** The tokens a Context view row's accessible label gives ("src, 1,234 tokens, …"). */
function labelTokens(label: string | null): number {
  const match = /^[^,]+, ([\d,]+) tokens/.exec(label ?? '');
  if (!match?.[1]) throw new Error(`no token count in the row label "${label}"`);
  return Number(match[1].replace(/,/g, ''));
}

describe('17. the Context view', () => {
  const scenario = useChatScenario('17-context-view', { replies: [{ kind: 'stream', chunks: ['Invoices are left out.'] }] });

  it('shows exact counts per folder, and an unchecked folder is not in what the chat sends', async () => {
    const { page } = scenario;
    await runCommand(page, 'Tome: Focus on Context View');
    // Each row's accessible label is "<path>, <n> tokens, …".
    const row = (path: string) => page.locator(`.monaco-list-row[aria-label^="${path}, "]`);
    await row('src').waitFor({ timeout: 90_000 });
    expect(await row('src').getAttribute('aria-label')).toMatch(/^src, [\d,]+ tokens/);
    await expandContextFolder(page, 'src', 'src/billing');
    await saveScreenshot(page, '17-context-view');

    // Under a 128k window every file is in full: the view's folder totals are the CLI's.
    const folders = ['src', 'src/billing', 'src/model', 'docs'];
    const expected = reportFolderTotals(scenario.codeServer.workspace, folders);
    for (const folder of folders) expect.soft(labelTokens(await row(folder).getAttribute('aria-label')), folder).toBe(expected[folder]);
    expect(expected.src).toBeGreaterThan(0);

    await row('src/billing').locator('.custom-view-tree-node-item-checkbox').click();
    await expect.poll(() => row('src/billing').getAttribute('aria-label'), { timeout: 60_000 }).toMatch(/^src\/billing, 0 tokens/);
    await saveScreenshot(page, '17-context-view-unchecked');

    await openChat(page);
    const chat = await chatFrame(page);
    expect(await askAndWait(chat, 'How are late fees computed?')).toBe('idle');
    const sent = requestText(scenario.model.chatRequests()[0]);
    expect(sent).not.toContain(FIXTURE_FILES.invoice.marker);
    expect(sent).toContain(FIXTURE_FILES.book.marker);
  });
});
