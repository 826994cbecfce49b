import { GitError, runGit } from './run';

async function exists(root: string, ref: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await runGit(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], signal);
    return true;
  } catch (error) {
    if (error instanceof GitError && error.problem.kind === 'git-missing') throw error;
    return false;
  }
}

/**
 * The branch "my changes" are measured against: the remote's default branch when it is known
 * (`origin/HEAD`), else `main`, else `master`; null when none exists (then the working tree is
 * compared with HEAD). On that branch itself the merge base is HEAD, so the answer still means
 * "my uncommitted changes".
 */
export async function defaultBaseBranch(root: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const remoteHead = (await runGit(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], signal)).trim();
    const local = remoteHead.replace(/^origin\//, '');
    if (local !== '' && (await exists(root, local, signal))) return local;
    if (remoteHead !== '' && (await exists(root, remoteHead, signal))) return remoteHead;
  } catch (error) {
    if (error instanceof GitError && error.problem.kind === 'git-missing') throw error;
  }
  for (const name of ['main', 'master']) if (await exists(root, name, signal)) return name;
  return null;
}
