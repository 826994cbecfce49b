import { execFile } from 'node:child_process';

/** A diff or a log larger than this is not something a prompt can hold; git is stopped. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Why git could not answer. Data, not words: the CLI and the extension word it. */
export type GitProblem =
  | { kind: 'git-missing' }
  | { kind: 'not-a-repository'; root: string }
  | { kind: 'no-commits'; root: string }
  | { kind: 'unknown-revision'; root: string; revision: string }
  | { kind: 'git-failed'; root: string; args: string[]; detail: string }
  | { kind: 'refused-remote'; url: string; reason: 'scheme' | 'ref' | 'malformed' }
  | { kind: 'clone-failed'; url: string; ref?: string; detail: string };

/** A git answer that could not be had, carrying its {@link GitProblem}. */
export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(readonly problem: GitProblem) {
    super(describeGitProblem(problem));
  }
}

/** The English wording of a problem, for logs and the CLI. */
export function describeGitProblem(p: GitProblem): string {
  switch (p.kind) {
    case 'git-missing':
      return 'git is not installed or not on the PATH; install git to pack changes or commit logs.';
    case 'not-a-repository':
      return `"${p.root}" is not inside a git repository; --diff, --staged and --log need one.`;
    case 'no-commits':
      return `The repository at "${p.root}" has no commits yet; commit once, or use --staged.`;
    case 'unknown-revision':
      return `"${p.revision}" is not a branch, tag or commit in the repository at "${p.root}". (To pack a folder, give it before --diff.)`;
    case 'git-failed':
      return `git ${p.args.join(' ')} failed in "${p.root}": ${p.detail}`;
    case 'refused-remote':
      return p.reason === 'scheme'
        ? `"${p.url}" is refused: only https:, ssh:, git: and file: URLs can be packed (for scp-style addresses write ssh://user@host/path).`
        : p.reason === 'ref'
          ? `The ref in "${p.url}" is refused: give a branch, tag or commit name after #, e.g. #main or #v1.2.0.`
          : `"${p.url}" is not a URL Tome can clone.`;
    case 'clone-failed':
      return `Could not fetch ${p.url}${p.ref ? `#${p.ref}` : ''}: ${p.detail}`;
  }
}

/**
 * Options every call passes first: paths printed as they are (not octal-quoted), no pager, no
 * colour, no external diff or text conversion drivers, so the output does not depend on the
 * user's config.
 */
const FIXED_CONFIG = ['-c', 'core.quotePath=false', '-c', 'color.ui=false', '-c', 'diff.external=', '--no-pager'];

/**
 * Runs `git args` in `cwd` through execFile (an argument array, never a shell). Resolves to
 * stdout; rejects with a {@link GitError}, or with the signal's reason when cancelled.
 */
export function runGit(cwd: string, args: readonly string[], signal?: AbortSignal): Promise<string> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...FIXED_CONFIG, ...args],
      {
        cwd,
        maxBuffer: MAX_OUTPUT_BYTES,
        windowsHide: true,
        encoding: 'utf8',
        env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
        ...(signal ? { signal } : {}),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if (signal?.aborted) return reject(signal.reason);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new GitError({ kind: 'git-missing' }));
        if (/not a git repository/i.test(stderr)) return reject(new GitError({ kind: 'not-a-repository', root: cwd }));
        const detail = stderr.trim().split('\n').slice(-3).join(' ') || error.message;
        reject(new GitError({ kind: 'git-failed', root: cwd, args: [...args], detail }));
      },
    );
  });
}

/** True when `cwd` is inside a git work tree; false when not; rejects only when git is missing. */
export async function isInsideWorkTree(cwd: string, signal?: AbortSignal): Promise<boolean> {
  try {
    return (await runGit(cwd, ['rev-parse', '--is-inside-work-tree'], signal)).trim() === 'true';
  } catch (error) {
    if (error instanceof GitError && error.problem.kind !== 'git-missing') return false;
    throw error;
  }
}
