/**
 * The git part of a pack request, resolved into what the pack holds: the diff and log sections
 * (patches filtered and redacted like files are), and the changed files as focus paths so
 * selection puts them and what they depend on first.
 */
import { resolve } from 'node:path';
import { isSecretFileName, redactText } from '../redact';
import type { ContextSection } from '../render';
import { isDefaultExcludedFile } from '../scan/defaults';
import type { SkippedFile } from '../types';
import { collectChanges, type ChangedFile, type DiffSpec, type RootChanges } from './changes';
import { recentCommits, type CommitSummary } from './log';
import { GitError } from './run';
import { diffSectionBody, logSectionBody, type DiffEntry } from './section';
import { worded, type WordedWarning } from '../warnings';

/** The git context a pack asks for. */
export interface GitRequest {
  /** Pack this change as a diff section, with the changed files ranked first. */
  diff?: DiffSpec;
  /** Pack the last this many commits as a log section. */
  log?: number;
}

/** What the report says about the git context; paths are pack paths. */
export interface GitReport {
  diff?: { against: string; files: ChangedFile[] };
  log?: CommitSummary[];
}

/** What the pack needs to know about the files to filter patches like files. */
export interface GitContextInput {
  roots: readonly string[];
  /** Root → the prefix of its pack paths. */
  prefixes: ReadonlyMap<string, string>;
  git: GitRequest;
  /** Pack paths of the packed files. */
  packed: ReadonlySet<string>;
  /** Files the scan or read left out, by pack path. */
  skipped: ReadonlyMap<string, SkippedFile>;
  /** A patch longer than this (characters) is left out, as a file that large would be. */
  maxPatchLength: number;
  signal?: AbortSignal;
}

/** The resolved git context. */
export interface GitContext {
  sections: ContextSection[];
  /** Pack paths of changed files that are in the pack. */
  focus: string[];
  /** Secret values replaced in patches. */
  redactions: number;
  report: GitReport;
  /** Roots left out of the git context (not in a repository, with other roots that are). */
  warnings: WordedWarning[];
}

/** Why a patch is not shown, or null when it may be. */
function leftOutReason(file: ChangedFile, packPath: string, patch: string | undefined, input: GitContextInput): string | null {
  const names = [file.path, ...(file.oldPath !== undefined ? [file.oldPath] : [])];
  if (names.some(isSecretFileName)) return 'secret file';
  const skipped = input.skipped.get(packPath);
  if (skipped) return skipped.reason;
  if (names.some((n) => isDefaultExcludedFile(n.slice(n.lastIndexOf('/') + 1)))) return 'default-excluded';
  if (patch === undefined) return file.status === 'untracked' ? null : 'git printed it in a form Tome could not match to the file';
  if (patch.length > input.maxPatchLength) return `too large (${patch.length} characters)`;
  return null;
}

async function diffEntries(changes: RootChanges, prefix: string, input: GitContextInput): Promise<{ entries: DiffEntry[]; redactions: number }> {
  let redactions = 0;
  const entries: DiffEntry[] = [];
  for (const file of changes.files) {
    input.signal?.throwIfAborted();
    const patch = changes.patches.get(file.path);
    const packPath = `${prefix}${file.path}`;
    const packed = input.packed.has(packPath);
    const reason = leftOutReason(file, packPath, patch, input);
    if (reason !== null || patch === undefined) {
      entries.push({ file, patch: null, packed, ...(reason !== null ? { leftOut: reason } : {}) });
      continue;
    }
    const redacted = await redactText(patch, file.path);
    redactions += redacted.redactions;
    entries.push({ file, patch: redacted.text, packed });
  }
  return { entries, redactions };
}

function describeSpec(spec: DiffSpec, against: string): string {
  return spec.kind === 'staged' ? `staged changes vs ${against.replace(/ \(staged changes\)$/, '')}` : `working tree vs ${against}`;
}

const withPrefix = (prefix: string, file: ChangedFile): ChangedFile => ({
  ...file,
  path: `${prefix}${file.path}`,
  ...(file.oldPath !== undefined ? { oldPath: `${prefix}${file.oldPath}` } : {}),
});

/**
 * Reads the diff and log the request asks for, for every root. A root outside a repository is
 * an error when no root is in one, and a warning otherwise.
 */
export async function resolveGitContext(input: GitContextInput): Promise<GitContext> {
  const { git } = input;
  const out: GitContext = { sections: [], focus: [], redactions: 0, report: {}, warnings: [] };
  let answered = 0;
  let firstProblem: GitError | undefined;
  for (const root of input.roots) {
    const prefix = input.prefixes.get(resolve(root)) ?? '';
    const where = prefix === '' ? '' : ` in ${prefix}`;
    try {
      if (git.diff) {
        const changes = await collectChanges(root, git.diff, input.signal);
        const { entries, redactions } = await diffEntries(changes, prefix, input);
        out.redactions += redactions;
        const title = `Changes${where}: ${describeSpec(git.diff, changes.against)} (${changes.files.length} ${changes.files.length === 1 ? 'file' : 'files'})`;
        out.sections.push({ kind: 'diff', title, body: changes.files.length === 0 ? '(no changes)\n' : diffSectionBody(entries) });
        const files = changes.files.map((f) => withPrefix(prefix, f));
        out.report.diff = { against: out.report.diff?.against ?? changes.against, files: [...(out.report.diff?.files ?? []), ...files] };
        for (const f of files) if (f.status !== 'deleted' && input.packed.has(f.path)) out.focus.push(f.path);
      }
      if (git.log !== undefined && git.log > 0) {
        const commits = await recentCommits(root, git.log, input.signal);
        out.sections.push({ kind: 'log', title: `Last ${commits.length} ${commits.length === 1 ? 'commit' : 'commits'}${where}`, body: logSectionBody(commits) });
        const shown = commits.map((c) => ({ ...c, files: c.files.map((f) => withPrefix(prefix, f)) }));
        out.report.log = [...(out.report.log ?? []), ...shown];
      }
      answered++;
    } catch (error) {
      if (!(error instanceof GitError) || error.problem.kind !== 'not-a-repository' || input.roots.length === 1) throw error;
      firstProblem ??= error;
      out.warnings.push(worded({ code: 'not-a-git-repository', root }));
    }
  }
  if (answered === 0 && firstProblem) throw firstProblem;
  out.focus = [...new Set(out.focus)].sort();
  return out;
}
