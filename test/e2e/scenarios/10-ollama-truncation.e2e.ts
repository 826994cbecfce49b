import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askAndWait, lastTurn } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { saveScreenshot } from '../harness/workbench';

const MODEL = 'qwen2.5-coder:7b';

/** About 15,000 tokens of plain code, so the pack is far larger than what the server bills. */
function largeModule(): string {
  const lines = ['/** Loan history of the catalogue, one entry per loan. */', 'export interface Loan { bookId: string; member: string; out: number; back?: number }', ''];
  for (let i = 0; i < 600; i++) lines.push(`export function loanNote${i}(loan: Loan): string {`, `  return \`loan ${i}: \${loan.bookId} to \${loan.member}, out \${loan.out}\`;`, '}', '');
  return lines.join('\n');
}

describe('10. Ollama that cuts the prompt', () => {
  const scenario = useChatScenario('10-ollama-truncation', {
    // Ollama read only 4,096 of the prompt's tokens: it dropped the rest without an error.
    replies: [{ kind: 'stream', chunks: ['The loans ', 'are kept in `loanNote599`.'], usage: { promptTokens: 4096 } }],
    server: { shapes: { ollama: [{ name: MODEL, trainedContext: 131_072, loadedContext: 4096 }] } },
    userSettings: (model) => ({
      'tome.provider': 'ollama',
      'tome.baseUrl': `http://127.0.0.1:${model.port}`,
      'tome.model': MODEL,
      'tome.contextWindow': 0,
      'tome.prices': null,
    }),
  });

  it('marks the answer with a warning naming both token counts and the fix', async () => {
    const { chat, page } = scenario;
    writeFileSync(join(scenario.codeServer.workspace, 'src', 'loans.ts'), largeModule());
    await expect.poll(() => chat.locator('#context-summary').getAttribute('title'), { timeout: 30_000 }).toMatch(/reported by Ollama/);

    expect(await askAndWait(chat, 'Where are loans kept?')).toBe('idle');
    const warning = lastTurn(chat).locator('.turn-warning');
    await warning.waitFor();
    expect(await warning.getAttribute('role')).toBe('alert');
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain('4,096');
    expect(text).toMatch(/of the \d{1,3},\d{3} prompt tokens/);
    expect(text).toMatch(/tome\.contextWindow/);
    expect(await lastTurn(chat).getAttribute('data-status')).toBe('complete');

    const chatRequest = scenario.model.requests().find((request) => request.path === '/api/chat');
    expect(chatRequest?.body).toMatchObject({ model: MODEL, stream: true });
    const numCtx = (chatRequest?.body.options as { num_ctx?: number } | undefined)?.num_ctx ?? 0;
    expect(numCtx).toBeGreaterThan(8192);
    expect(numCtx).toBeLessThanOrEqual(131_072);
    await saveScreenshot(page, '10-ollama-truncation');
  });
});
