/**
 * Finds the files a tool names among those a pack would hold. A file the pack leaves out
 * (ignored, a secret by nature, binary, too large) is refused with the reason, so ignored files
 * stay out of reach through every tool, not only `pack`.
 */
import type { RedactedFile, SkippedFile, SkipReason } from '../core';
import { confinePath } from './confine';
import { ToolFailure } from './toolKit';
import type { CallStats, McpWorkspace } from './workspace';

const SKIP_WORDS: Record<SkipReason, string> = {
  gitignored: 'it is ignored by .gitignore, and ignored files stay out of reach',
  tomeignored: 'it is ignored by .tomeignore',
  excluded: 'it is excluded by the server settings',
  'default-excluded': 'Tome leaves it out by default (dependencies, lock files, build output, minified files)',
  'not-included': 'it is outside the included files',
  binary: 'it is a binary file',
  'too-large': 'it is larger than the file size limit',
  'secret-file': 'it is a secrets file (such as .env or a private key), which never leaves the machine',
  unreadable: 'it could not be read',
  'redaction-failed': 'the secret scan failed on it, so it might hold secrets and stays on the machine',
  vanished: 'it disappeared while being read',
  symlink: 'it is a symbolic link Tome does not follow',
};

/** The skip entry that covers `path`: the file itself or a folder above it (folders end in `/`). */
function skipFor(path: string, skipped: readonly SkippedFile[]): SkippedFile | undefined {
  return skipped.find((s) => s.path === path || s.path === `${path}/`) ?? skipped.find((s) => s.path.endsWith('/') && path.startsWith(s.path));
}

/** The workspace files a pack would hold, with lookups that refuse what it leaves out. */
export interface WorkspaceFiles {
  roots: string[];
  files: RedactedFile[];
  stats: CallStats;
  /** The file at a tool's path argument; throws a refusal or a clear "not found". */
  find(path: string): Promise<RedactedFile>;
  /** The files at or under a tool's path argument (a file or a folder). */
  under(path: string): Promise<RedactedFile[]>;
}

/** Reads (warm) the workspace's files for a tool. */
export async function workspaceFiles(workspace: McpWorkspace, signal?: AbortSignal): Promise<WorkspaceFiles> {
  const roots = await workspace.roots();
  const { result, stats } = await workspace.files(roots, {}, signal);
  const byPath = new Map(result.files.map((f) => [f.path, f]));
  const refuseMissing = (path: string, reportPath: string): never => {
    const skip = skipFor(reportPath, result.skipped);
    if (skip) throw new ToolFailure(`"${path}" is not available: ${SKIP_WORDS[skip.reason]}.`);
    throw new ToolFailure(`There is no file at "${path}" in the workspace. Paths are relative to the workspace root; the search and pack tools list the files.`);
  };
  return {
    roots,
    files: result.files,
    stats,
    async find(path) {
      const { reportPath } = await confinePath(path, roots);
      return byPath.get(reportPath) ?? refuseMissing(path, reportPath);
    },
    async under(path) {
      const { reportPath } = await confinePath(path, roots);
      const exact = byPath.get(reportPath);
      if (exact) return [exact];
      const found = result.files.filter((f) => reportPath === '' || f.path.startsWith(`${reportPath}/`));
      return found.length > 0 ? found : refuseMissing(path, reportPath);
    },
  };
}
