import { execFile } from 'node:child_process';

/** Output larger than this is not a status listing anyone can use; treat the query as failed. */
const MAX_STATUS_BYTES = 64 * 1024 * 1024;

/** Runs git in `cwd`; resolves null on any failure (no git, not a repo, cancelled). */
function git(cwd: string, args: string[], signal?: AbortSignal): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      { cwd, maxBuffer: MAX_STATUS_BYTES, windowsHide: true, encoding: 'utf8', ...(signal ? { signal } : {}) },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}

/**
 * Paths (relative to `root`, `/`-separated) of files with uncommitted changes: modified, staged,
 * added, renamed (the new name) or untracked. Read from `git status --porcelain -z`, whose
 * output does not change with git's version or the user's locale and config. When git is
 * missing, `root` is not in a work tree, or git fails for any other reason, the answer is an
 * empty set and no error: `--volatile-last` then simply changes nothing.
 */
export async function uncommittedFiles(root: string, signal?: AbortSignal): Promise<Set<string>> {
  // Porcelain paths are relative to the repository top; the prefix maps them under `root`.
  const prefix = await git(root, ['rev-parse', '--show-prefix'], signal);
  if (prefix === null) return new Set();
  const status = await git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.'], signal);
  if (status === null) return new Set();
  return parsePorcelainZ(status, prefix.trim());
}

/**
 * Parses `git status --porcelain -z` output: entries are `XY path`, each `\0`-terminated;
 * renames and copies carry their original path as one more field, which is skipped. Paths
 * outside `prefix` (the root's folder inside the repository, `''` or ending in `/`) are dropped;
 * the rest are returned relative to it.
 */
export function parsePorcelainZ(output: string, prefix = ''): Set<string> {
  const out = new Set<string>();
  const fields = output.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i] ?? '';
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    const path = entry.slice(3);
    if (path.startsWith(prefix) && path.length > prefix.length) out.add(path.slice(prefix.length));
    if (status.includes('R') || status.includes('C')) i++;
  }
  return out;
}
