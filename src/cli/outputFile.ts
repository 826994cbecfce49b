/** Files the CLI writes for the user (--output, --report), and the words for a failed write. */
import { nodeWriteFs, WriteFailure, writeFileAtomic, type WriteData, type WriteFs } from '../core';

/** English for a failed write; `what` names the file's role (`"out.xml"`, `the token cache in …`). */
export function describeWriteFailure(failure: WriteFailure, what: string): string {
  switch (failure.kind) {
    case 'disk-full':
      return `Could not write ${what}: the disk is full (${failure.code}). Nothing was written; free some space or choose another place.`;
    case 'read-only':
      return `Could not write ${what}: the disk is read-only (${failure.code}). Choose another place.`;
    case 'no-permission':
      return `Could not write ${what}: permission denied (${failure.code}). Choose a place you can write to.`;
    case 'no-folder':
      return `Could not write ${what}: its folder does not exist (${failure.code}). Create it or choose another place.`;
    case 'other':
      return `Could not write ${what} (${failure.code}). Check that its folder exists and can be written to.`;
  }
}

/**
 * Writes a file the user named, whole or not at all (a full disk leaves no truncated file that
 * looks complete), with a plain message when that fails. A text given as chunks (a pack's) is
 * streamed to the file, never joined.
 */
export async function writeOutput(path: string, text: WriteData, fs: WriteFs = nodeWriteFs): Promise<void> {
  try {
    await writeFileAtomic(path, text, fs);
  } catch (error) {
    if (!(error instanceof WriteFailure)) throw error;
    throw new Error(describeWriteFailure(error, `"${path}"`), { cause: error });
  }
}

/** The warning for a token cache that could not be saved, or undefined when it was. */
export function cacheWarning(failure: WriteFailure | undefined): string | undefined {
  if (!failure) return undefined;
  return `Warning: ${describeWriteFailure(failure, `the token cache in ${failure.path}`)} The pack is complete; the next run counts tokens again.\n`;
}
