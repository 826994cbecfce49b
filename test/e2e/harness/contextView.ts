/** Helpers for the Context tree view: find a row by its path, run a context-menu action on it. */
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './waitFor';

/** A Context view row by its path (its accessible label starts "<path>, "). */
export function contextRow(page: Page, path: string): Locator {
  return page.locator(`.monaco-list-row[aria-label^="${path}, "]`);
}

/** Expands a folder row (unless it already is, as on a retry) and waits for one of its children to show. */
export async function expandContextFolder(page: Page, folder: string, child: string): Promise<void> {
  const row = contextRow(page, folder);
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  await contextRow(page, child).waitFor();
}

/** Runs `item` from a row's context menu. */
export async function contextRowMenu(page: Page, path: string, item: string): Promise<void> {
  await contextRow(page, path).click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu');
  const action = menu.locator('.action-item', { hasText: item }).first();
  await action.click();
  // As in explorerContextMenu: a click during the menu's layout may be swallowed; pick it by keyboard then.
  let checks = 0;
  await waitFor(`the context menu to close after "${item}"`, async () => {
    if (!(await menu.isVisible())) return true;
    if (checks++ === 0) return false;
    await action.hover();
    await page.keyboard.press('Enter');
    return false;
  }, 15_000, 1_000);
}
