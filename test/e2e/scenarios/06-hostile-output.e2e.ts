import { describe, expect, it } from 'vitest';
import { askAndWait, lastTurn } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { saveScreenshot } from '../harness/workbench';

/** Every payload sets `__tomePwned` on its own window and the workbench's if it ever runs. */
const HOSTILE_ANSWER = [
  'HOSTILE-START',
  '<img src=x onerror="window.__tomePwned=1;top.__tomePwned=1">',
  '<script>window.__tomePwned=2;top.__tomePwned=2</script>',
  '[click me](javascript:window.__tomePwned=3)',
  '<a href="javascript:window.__tomePwned=4">raw link</a>',
  '<div onmouseover="window.__tomePwned=5" style="position:fixed;inset:0">raw div</div>',
  '<iframe src="javascript:top.__tomePwned=6"></iframe>',
  '<svg><animate onbegin="window.__tomePwned=7" attributeName="x" dur="1s"/></svg>',
  'HOSTILE-END',
].join('\n\n');

describe('6. hostile output', () => {
  const scenario = useChatScenario('06-hostile-output', { replies: [{ kind: 'stream', chunks: [HOSTILE_ANSWER] }] });

  it('shows the text safely and runs none of it', async () => {
    const { chat, page } = scenario;
    expect(await askAndWait(chat, 'Say something dangerous.')).toBe('idle');
    const answer = lastTurn(chat).locator('.turn-answer');
    expect(await answer.textContent()).toContain('HOSTILE-END');

    const dangerous = '[onerror], [onmouseover], [onbegin], script, iframe, a[href^="javascript:" i]';
    expect(await answer.locator(dangerous).count()).toBe(0);
    const link = answer.getByText('click me');
    if ((await link.count()) > 0) await link.first().click();
    await answer.hover();
    expect(await chat.evaluate(() => (window as { __tomePwned?: unknown }).__tomePwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as { __tomePwned?: unknown }).__tomePwned)).toBeUndefined();
    await saveScreenshot(page, '06-hostile-output');
  });
});
