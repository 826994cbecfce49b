/**
 * What changed under one root, read from git: the changed files with their status and each
 * file's patch. Paths are relative to the root (`--relative`), so a root inside a repository
 * sees only its own changes.
 */
import { GitError, runGit } from './run';

/** Which change to pack. */
export type DiffSpec =
  /** The working tree (staged and unstaged) against HEAD, plus untracked files. */
  | { kind: 'worktree' }
  /** The index against HEAD: what the next commit holds. */
  | { kind: 'staged' }
  /** The working tree against the merge base of HEAD and `base`: everything this branch changes. */
  | { kind: 'base'; base: string };

/** How a file changed. */
export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'untracked';

/** One changed file. `path` is the new path (the old one for a deletion). */
export interface ChangedFile {
  path: string;
  status: ChangeStatus;
  /** The path before a rename or copy. */
  oldPath?: string;
  /** True when git reports the change as binary (no text patch). */
  binary?: boolean;
}

/** The changes under one root. */
export interface RootChanges {
  /** What the working tree or index was compared with, e.g. `HEAD` or `main (merge base 1a2b3c4)`. */
  against: string;
  files: ChangedFile[];
  /** path → its patch (`diff --git …` through its last hunk); untracked files have none. */
  patches: Map<string, string>;
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed' };

/** Parses `git diff --name-status -z`: `X\0path\0`, or `R100\0old\0new\0` for renames and copies. */
export function parseNameStatusZ(output: string): ChangedFile[] {
  const fields = output.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length; i++) {
    const code = fields[i] ?? '';
    if (code === '') continue;
    const status = STATUS[code[0] ?? ''] ?? 'modified';
    if (status === 'renamed' || status === 'copied') {
      const oldPath = fields[i + 1] ?? '';
      const path = fields[i + 2] ?? '';
      files.push({ path, status, oldPath });
      i += 2;
    } else {
      files.push({ path: fields[i + 1] ?? '', status });
      i += 1;
    }
  }
  return files;
}

/** Splits a multi-file patch at its `diff --git` headers (a hunk line never starts that way). */
export function splitPatch(patch: string): string[] {
  if (patch === '') return [];
  return patch.split(/\n(?=diff --git )/).map((chunk) => (chunk.endsWith('\n') ? chunk : `${chunk}\n`));
}

/** Options shared by the name list and the patch, so both list the same files in the same order. */
function diffArgs(revision: readonly string[], ...extra: string[]): string[] {
  return ['diff', ...extra, '-M', '--relative', '--no-ext-diff', '--no-textconv', ...revision, '--'];
}

async function verifyCommit(root: string, revision: string, signal?: AbortSignal): Promise<string | null> {
  try {
    return (await runGit(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], signal)).trim();
  } catch (error) {
    if (error instanceof GitError && error.problem.kind === 'git-failed') return null;
    throw error;
  }
}

/** The revision arguments of a spec and how to describe them. */
async function revisionOf(root: string, spec: DiffSpec, signal?: AbortSignal): Promise<{ args: string[]; against: string }> {
  if (spec.kind === 'staged') return { args: ['--cached'], against: 'HEAD (staged changes)' };
  if ((await verifyCommit(root, 'HEAD', signal)) === null) throw new GitError({ kind: 'no-commits', root });
  if (spec.kind === 'worktree') return { args: ['HEAD'], against: 'HEAD' };
  // A leading dash would be read as an option; no branch name starts with one.
  const base = spec.base.startsWith('-') ? null : await verifyCommit(root, spec.base, signal);
  if (base === null) throw new GitError({ kind: 'unknown-revision', root, revision: spec.base });
  const mergeBase = (await runGit(root, ['merge-base', base, 'HEAD'], signal)).trim();
  return { args: [mergeBase], against: `${spec.base} (merge base ${mergeBase.slice(0, 10)})` };
}

/**
 * The changes under `root` for `spec`. Rejects with a {@link GitError} when git is missing,
 * `root` is outside a repository, the repository has no commits (but for `staged`), or the base
 * is unknown.
 */
export async function collectChanges(root: string, spec: DiffSpec, signal?: AbortSignal): Promise<RootChanges> {
  const inside = (await runGit(root, ['rev-parse', '--is-inside-work-tree'], signal)).trim();
  if (inside !== 'true') throw new GitError({ kind: 'not-a-repository', root });
  const { args, against } = await revisionOf(root, spec, signal);
  const [names, patch] = await Promise.all([
    runGit(root, diffArgs(args, '--name-status', '-z'), signal),
    runGit(root, diffArgs(args), signal),
  ]);
  const files = parseNameStatusZ(names);
  const patches = new Map<string, string>();
  const chunks = splitPatch(patch);
  files.forEach((file, i) => {
    const chunk = chunks[i];
    // Both lists come from the same diff, in the same order; a header that does not name the
    // file means they disagree (a quoted path), and the patch is left out rather than misfiled.
    if (chunk === undefined || !chunk.slice(0, chunk.indexOf('\n')).endsWith(` b/${file.path}`)) return;
    patches.set(file.path, chunk);
    if (/^Binary files .* differ$/m.test(chunk) || /^GIT binary patch$/m.test(chunk)) file.binary = true;
  });
  if (spec.kind !== 'staged') {
    const untracked = await runGit(root, ['ls-files', '--others', '--exclude-standard', '-z'], signal);
    for (const path of untracked.split('\0')) if (path !== '') files.push({ path, status: 'untracked' });
  }
  return { against, files, patches };
}
