import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, type E2eRun } from './run';
import { waitFor } from './waitFor';

/** Flags that keep headless Chromium alive and quiet on a small shared machine. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage', // without it the browser died reading inside webview frames
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts headless Chromium (Debian's, never a downloaded one). */
export function launchBrowser(run: E2eRun): Promise<Browser> {
  return chromium.launch({ executablePath: run.chromium, headless: true, args: CHROMIUM_ARGS });
}

/** Opens the workbench and waits until the Explorer shows the workspace. */
export async function openWorkbench(browser: Browser, workbenchUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(workbenchUrl);
  await waitForWorkbench(page);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
  return page;
}

/** Waits for the workbench shell and Tome's activity-bar entry. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  // Shown once the extension host has read Tome's manifest, so its commands exist from here on.
  await page.locator('.activitybar .action-item a[aria-label^="Tome"]').waitFor({ timeout: 90_000 });
}

/** Runs a command from the palette by its exact title, the way a person does. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // Fuzzy matching offers look-alikes ("Compare New Untitled…"), so pick the row whose label is the title.
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: exactly(title) }) }).first();
  await waitFor(`the command palette to run "${title}"`, async () => {
    // The palette lists the commands known when it opened, so reopen it on every try: an
    // extension's commands appear once the extension host has registered it.
    if (await input.isVisible()) await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.fill(`>${title}`);
    await row.click({ timeout: 3_000 });
    return true;
  }, 60_000, 500);
  // Done when the palette has gone: either the widget hides, or the command opened its own input
  // box or quick pick in the same widget (its value no longer starts with ">"). Waiting only for
  // "hidden" misses the moment between the two under load and then times out.
  const widget = page.locator('.quick-input-widget');
  await waitFor(`the command palette to close after "${title}"`, async () => {
    if (!(await widget.isVisible())) return true;
    const value = await input.inputValue().catch(() => '>');
    return !value.startsWith('>');
  }, 30_000, 100);
}

/**
 * Webview views live two iframes deep; returns the frame that holds `selector`.
 * Waits for it, since a view's frame appears only after the view is shown.
 */
export function webviewFrame(page: Page, selector: string, timeoutMs = 60_000): Promise<Frame> {
  return waitFor(`a webview frame holding ${selector}`, async () => {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.isDetached()) continue;
      if ((await frame.$(selector).catch(() => null)) !== null) return frame;
    }
    return undefined;
  }, timeoutMs);
}

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** A row of the Explorer tree by its exact label. */
export function explorerRow(page: Page, label: string): Locator {
  return page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
}

/** Expands Explorer folders one level after another, e.g. `['src', 'model']`. */
export async function revealInExplorer(page: Page, folders: string[]): Promise<void> {
  if (!(await page.locator('.explorer-folders-view').isVisible())) await runCommand(page, 'View: Show Explorer');
  for (const folder of folders) {
    const row = explorerRow(page, folder);
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    await waitFor(`Explorer folder "${folder}" to expand`, async () => (await row.getAttribute('aria-expanded')) === 'true', 15_000);
  }
}

/** Right-clicks a row of the Explorer tree by its label and picks a context-menu item. */
export async function explorerContextMenu(page: Page, rowLabel: string, menuItem: string): Promise<void> {
  await explorerRow(page, rowLabel).click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu');
  const item = menu.locator('.action-item', { hasText: exactly(menuItem) }).first();
  await item.waitFor();
  // A click that lands while the menu is still laying itself out is sometimes swallowed; the
  // menu then stays open with the item highlighted. Pick it again (keyboard) until it closes.
  await item.click();
  let checks = 0;
  await waitFor(`the context menu to close after "${menuItem}"`, async () => {
    if (!(await menu.isVisible())) return true;
    if (checks++ === 0) return false; // give the click a moment to close it first
    await item.hover();
    await page.keyboard.press('Enter');
    return false;
  }, 15_000, 1_000);
}

/**
 * Whole text of the active editor. Monaco renders only the visible lines, so read it the way a
 * person would take it out: select all, copy, and read the clipboard.
 */
export async function activeEditorText(page: Page): Promise<string> {
  const editor = page.locator('.editor-group-container.active .monaco-editor textarea').first();
  await editor.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Saves a full-page screenshot as test/e2e/artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Answers the input box a command opened (e.g. "Tome: Set API Key") and confirms it. */
export async function answerInputBox(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(text);
  // What this step of the widget asks: a command may follow a pick with an input box in the same
  // widget (rename: pick the preset, then type its new name, prefilled with the old one), so the
  // step is done when the widget hides or starts asking something else.
  const widget = page.locator('.quick-input-widget');
  const asking = async (): Promise<string> =>
    `${(await input.getAttribute('placeholder').catch(() => '')) ?? ''}|${await widget.locator('.quick-input-message').innerText().catch(() => '')}`;
  const before = await asking();
  await page.keyboard.press('Enter');
  await waitFor(`the answer "${text}" to be taken`, async () => !(await widget.isVisible()) || (await asking()) !== before, 30_000, 100);
}
