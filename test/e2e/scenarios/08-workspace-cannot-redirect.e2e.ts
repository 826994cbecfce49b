import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askAndWait } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { saveScreenshot } from '../harness/workbench';

describe('8. the workspace cannot redirect', () => {
  const scenario = useChatScenario('08-workspace-cannot-redirect', { replies: [{ kind: 'stream', chunks: ['Sent to the right place.'] }] });

  it('sends to the user-level server even though .vscode/settings.json names another', async () => {
    const { chat, codeServer, page } = scenario;
    const workspaceSettings = readFileSync(join(codeServer.workspace, '.vscode', 'settings.json'), 'utf8');
    expect(workspaceSettings).toContain(scenario.decoy.baseUrl);

    expect(await askAndWait(chat, 'Who answers this?')).toBe('idle');
    expect(scenario.model.chatRequests()).toHaveLength(1);
    expect(scenario.decoy.requests()).toHaveLength(0);
    await saveScreenshot(page, '08-workspace-cannot-redirect');
  });
});
