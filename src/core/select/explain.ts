import type { FileMode, SelectionReason } from '../types';

/** One row of the explanation: a file, its mode, why, and its tokens. */
export interface ExplainRow {
  path: string;
  mode: FileMode;
  reason?: SelectionReason;
  tokens: number;
}

/** Plain words for each reason, as a user reads them in `tome pack --explain`. */
const REASON_TEXT: Record<SelectionReason, string> = {
  focus: 'focus',
  'dependency-of-focus': 'imported by focus',
  'dependent-of-focus': 'imports focus',
  'query-match': 'matches query',
  'path-match': 'path names query words',
  'defines-query': 'defines query words',
  'words-together': 'query words side by side',
  'tested-by-match': 'its tests match query',
  'near-match': 'imports or imported by a match',
  central: 'central',
  fits: 'fits',
  'over-budget': 'over budget',
  'config-mode': 'config modes',
};

/**
 * Formats selection results as a fixed-width table (mode, tokens, reason, path), in the order
 * given, with a total line. Plain text with no colours: the CLI decides how to print it.
 */
export function formatExplainTable(files: readonly ExplainRow[]): string {
  const header = ['MODE', 'TOKENS', 'REASON', 'PATH'];
  const rows = files.map((f) => [f.mode, String(f.tokens), f.reason ? REASON_TEXT[f.reason] : '-', f.path]);
  const widths = [0, 1, 2].map((col) => rows.reduce((w, r) => Math.max(w, r[col]?.length ?? 0), header[col]?.length ?? 0));
  const line = (cells: string[]): string =>
    cells
      .map((cell, col) => (col === 1 ? cell.padStart(widths[col] ?? 0) : col < 3 ? cell.padEnd(widths[col] ?? 0) : cell))
      .join('  ')
      .trimEnd();
  const total = files.reduce((sum, f) => sum + f.tokens, 0);
  const counts = (mode: FileMode): number => files.filter((f) => f.mode === mode).length;
  const summary = `${files.length} files: ${counts('full')} full, ${counts('outline')} outline, ${counts('path-only')} path only; ${total} tokens in file blocks`;
  return [line(header), ...rows.map(line), summary].join('\n') + '\n';
}
