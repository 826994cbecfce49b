/** The diff and log sections as text: compact lists first, then the patches. */
import type { ChangedFile } from './changes';
import type { CommitSummary } from './log';

const LETTER: Record<ChangedFile['status'], string> = {
  added: 'A',
  modified: 'M',
  deleted: 'D',
  renamed: 'R',
  copied: 'C',
  'type-changed': 'T',
  untracked: '?',
};

/**
 * One line per file: `M src/a.ts`, `R old.ts -> new.ts`, `? new.ts (untracked)`, `… (binary)`.
 * An untracked file has no patch; `packed` says whether its whole text is in the pack.
 */
export function changeLine(file: ChangedFile, packed = false): string {
  const name = file.oldPath !== undefined ? `${file.oldPath} -> ${file.path}` : file.path;
  const untracked = file.status === 'untracked' ? (packed ? 'untracked, its text is in the files below' : 'untracked') : '';
  const notes = [untracked, file.binary ? 'binary' : ''].filter((n) => n !== '');
  return `${LETTER[file.status]} ${name}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** A patch, or the one line that stands for a patch left out, per file in list order. */
export interface DiffEntry {
  file: ChangedFile;
  /** The (redacted) patch, or null when it was left out. */
  patch: string | null;
  /** Why the patch was left out (`secret file`, `too large: 2.1 MB`…). */
  leftOut?: string;
  /** True when the file's text is in the pack (it matters for untracked files, which have no patch). */
  packed?: boolean;
}

/** The diff section's body: the file list, then each patch or why it was left out. */
export function diffSectionBody(entries: readonly DiffEntry[]): string {
  const lines = entries.map((e) => changeLine(e.file, e.packed === true));
  let body = `${lines.join('\n')}\n`;
  for (const e of entries) {
    if (e.patch !== null) body += `\n${e.patch}`;
    else if (e.leftOut !== undefined) body += `\n(patch of ${e.file.path} left out: ${e.leftOut})\n`;
  }
  return body;
}

/** The log section's body: one line per commit, then its files indented. */
export function logSectionBody(commits: readonly CommitSummary[]): string {
  if (commits.length === 0) return '(no commits)\n';
  return commits
    .map((c) => [`${c.hash} ${c.date} ${c.subject}`, ...c.files.map((f) => `  ${changeLine(f)}`)].join('\n'))
    .join('\n')
    .concat('\n');
}
