import { describe, expect, it } from 'vitest';
import { askAndWait } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { FIXTURE_FILES } from '../harness/fixture';
import { messagesJson, requestText } from '../harness/transcript';
import { saveScreenshot } from '../harness/workbench';

describe('5. follow-up', () => {
  const scenario = useChatScenario('05-follow-up', {
    replies: [{ kind: 'stream', chunks: ['Books live on a `Shelf`.'] }, { kind: 'stream', chunks: ['`byAuthor` filters them.'] }],
  });

  it('sends the same packed context again, byte for byte, with the first answer and the new question after it', async () => {
    const { chat, page } = scenario;
    expect(await askAndWait(chat, 'Where do books live?')).toBe('idle');
    expect(await askAndWait(chat, 'How do I find books by author?')).toBe('idle');

    const [first, second] = scenario.model.chatRequests();
    const firstMessages = messagesJson(first);
    const secondMessages = messagesJson(second);
    expect(requestText(first)).toContain(FIXTURE_FILES.shelf.marker);
    // The whole first request (context + first question) is a prefix of the second one.
    expect(secondMessages.startsWith(firstMessages.slice(0, -1))).toBe(true);
    expect(requestText(second)).toContain('Books live on a `Shelf`.');
    expect(requestText(second)).toContain('How do I find books by author?');
    await saveScreenshot(page, '05-follow-up');
  });
});
