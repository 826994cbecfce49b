import { isAbsolute } from 'node:path';

/** Raised when a focus path cannot name anything in the packed folders. */
export class FocusOutsideRootsError extends Error {
  constructor(readonly focusPath: string) {
    super(
      `The focus path "${focusPath}" is outside the packed folders. ` +
        'Pick a file or folder inside the workspace, or pack the folder that contains it.',
    );
    this.name = 'FocusOutsideRootsError';
  }
}

/** Normalises a relative focus path: `/` separators, no `./` prefix, no trailing `/`. */
function normaliseFocus(raw: string): string {
  const slashed = raw.replace(/\\/g, '/');
  if (isAbsolute(raw) || /^[A-Za-z]:\//.test(slashed) || slashed.startsWith('/')) throw new FocusOutsideRootsError(raw);
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new FocusOutsideRootsError(raw);
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * Maps focus paths (files or folders, relative) to the candidate indexes they cover, in focus
 * order: files named exactly come first, then files under focused folders by path. A focus
 * path that names no candidate covers nothing (the file may have been skipped as binary).
 * @throws FocusOutsideRootsError for absolute paths or paths that climb out with `..`.
 */
export function resolveFocus(focus: readonly string[], paths: readonly string[]): number[] {
  const indexByPath = new Map(paths.map((p, i) => [p, i]));
  const exact: number[] = [];
  const folders: string[] = [];
  for (const raw of focus) {
    const path = normaliseFocus(raw);
    const index = indexByPath.get(path);
    if (index !== undefined) exact.push(index);
    else folders.push(path === '' ? '' : `${path}/`);
  }
  const seen = new Set(exact);
  const inFolders: number[] = [];
  if (folders.length > 0) {
    paths.forEach((p, i) => {
      if (!seen.has(i) && folders.some((f) => p.startsWith(f))) {
        seen.add(i);
        inFolders.push(i);
      }
    });
    inFolders.sort((a, b) => compare(paths[a] ?? '', paths[b] ?? ''));
  }
  return [...new Set(exact), ...inFolders];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
