import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askAndWait, chatFrame } from '../harness/chat';
import { useChatScenario } from '../harness/chatScenario';
import { FIXTURE_FILES } from '../harness/fixture';
import { requestText } from '../harness/transcript';
import { runCommand, saveScreenshot } from '../harness/workbench';

const COMMITTED_CHANGE = '// Shelves keep at most one copy of each book.';
const UNCOMMITTED_CHANGE = 'export const LATE_FEE_CAP = 40;';

/** The workspace as a repository: the fixture on `main`, a branch with one commit, and one edit not yet committed. */
function makeRepository(workspace: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd: workspace,
      stdio: 'ignore',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'catalogue');
  git('checkout', '-q', '-b', 'topic');
  const shelf = join(workspace, FIXTURE_FILES.shelf.path);
  writeFileSync(shelf, `${COMMITTED_CHANGE}\n${readFileSync(shelf, 'utf8')}`);
  git('commit', '-q', '-am', 'Document the shelf rule');
  appendFileSync(join(workspace, FIXTURE_FILES.invoice.path), `\n${UNCOMMITTED_CHANGE}\n`);
}

describe('12. ask about my changes', () => {
  const scenario = useChatScenario('12-ask-about-changes', {
    replies: [{ kind: 'stream', chunks: ['The branch documents the shelf rule and caps late fees.'] }],
    prepareWorkspace: makeRepository,
  });

  it('scopes the chat to the changes vs main and sends the diff with the changed files', async () => {
    const { page } = scenario;
    await runCommand(page, 'Tome: Ask About My Changes');
    const chat = await chatFrame(page);
    const chip = chat.locator('#scope-chip');
    await expect.poll(() => chip.getAttribute('data-scope')).toBe('changes');
    expect(await chip.textContent()).toContain('changes vs main');

    expect(await askAndWait(chat, 'What does this branch change?')).toBe('idle');
    const sent = requestText(scenario.model.chatRequests()[0]);
    expect(sent).toMatch(/<git_diff title="Changes: working tree vs main \(merge base [0-9a-f]+\) \(2 files\)">/);
    expect(sent).toContain(`M ${FIXTURE_FILES.invoice.path}`);
    expect(sent).toContain(`M ${FIXTURE_FILES.shelf.path}`);
    expect(sent).toContain(`+${COMMITTED_CHANGE}`);
    expect(sent).toContain(`+${UNCOMMITTED_CHANGE}`);
    // The changed files themselves are packed, in full.
    expect(sent).toContain(`<file path="${FIXTURE_FILES.shelf.path}" mode="full">`);
    expect(sent).toContain(FIXTURE_FILES.invoice.marker);
    await saveScreenshot(page, '12-ask-about-changes');
  });
});
