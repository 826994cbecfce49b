/** Git context for packs: diffs, logs and the files they touch. Git runs through execFile, never a shell. */
export { collectChanges, parseNameStatusZ, splitPatch, type ChangedFile, type ChangeStatus, type DiffSpec, type RootChanges } from './changes';
export { resolveGitContext, type GitContext, type GitContextInput, type GitReport, type GitRequest } from './context';
export { parseLog, recentCommits, type CommitSummary } from './log';
export { defaultBaseBranch } from './base';
export { parseRemoteSpec, withRemoteClone, type RemoteSpec } from './remote';
export { describeGitProblem, GitError, isInsideWorkTree, runGit, type GitProblem } from './run';
