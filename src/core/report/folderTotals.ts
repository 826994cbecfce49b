/** Where a pack's tokens go, folder by folder: shared by the token report, the MCP tool and any view. */
import type { ReportFile } from '../types';

/** Tokens summed over one folder (all files below it). */
export interface FolderTokens {
  folder: string;
  tokens: number;
  files: number;
}

/**
 * Folder totals at `depth` (1 = top-level folders), largest first, ties by path in code-point
 * order so the list is the same on every machine; files at the root count as `.`.
 */
export function folderTotals(files: readonly Pick<ReportFile, 'path' | 'tokens'>[], depth = 1): FolderTokens[] {
  const totals = new Map<string, FolderTokens>();
  for (const file of files) {
    const parts = file.path.split('/');
    const folder = parts.length > 1 ? parts.slice(0, Math.min(depth, parts.length - 1)).join('/') : '.';
    const entry = totals.get(folder) ?? { folder, tokens: 0, files: 0 };
    entry.tokens += file.tokens;
    entry.files += 1;
    totals.set(folder, entry);
  }
  return [...totals.values()].sort((a, b) => b.tokens - a.tokens || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}
