import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { rootsWithPrefixes } from '../core';
import { UsageError } from './errors';

/** Reads a stream to its end as UTF-8. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** A gitignore-style pattern matching exactly this `/`-separated path (a folder when `dir`). */
function exactGlob(path: string, dir: boolean): string {
  return `/${path.replace(/[\\*?[\]!#]/g, '\\$&')}${dir ? '/' : ''}`;
}

/** What `--stdin` selects: include globs for the listed paths, and the listed paths that do not exist. */
export interface StdinSelection {
  include: string[];
  missing: string[];
}

/**
 * Turns a file list (one path a line, or `\0`-separated as `git ls-files -z` prints) into include
 * globs. Paths are relative to `cwd` or absolute, and must lie inside one of the roots.
 */
export function selectionFromList(list: string, roots: readonly string[], cwd: string): StdinSelection {
  const entries = list.split(/\r?\n|\0/).map((l) => l.trim()).filter((l) => l !== '');
  if (entries.length === 0) throw new UsageError('--stdin read no paths. Pipe in a file list, one path a line, e.g. git ls-files | tome pack --stdin');
  const include: string[] = [];
  const missing: string[] = [];
  const outside: string[] = [];
  // The scan's prefixes: two roots named api are `api/` and `api-2/`.
  const prefixes = rootsWithPrefixes(roots).map((r) => r.prefix);
  for (const entry of entries) {
    const abs = resolve(cwd, entry);
    const root = roots.find((r) => abs === r || abs.startsWith(r.endsWith(sep) ? r : r + sep));
    if (root === undefined) {
      outside.push(entry);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      missing.push(entry);
      continue;
    }
    const rel = relative(root, abs).split(sep).join('/');
    const shown = `${prefixes[roots.indexOf(root)] ?? ''}${rel}`;
    // A listed root selects all of it.
    include.push(rel === '' ? '*' : exactGlob(shown, isDir));
  }
  if (outside.length > 0) {
    const shown = outside.slice(0, 3).map((p) => `"${p}"`).join(', ');
    throw new UsageError(`${outside.length} listed path(s) are outside the folders being packed (${roots.join(', ')}): ${shown}${outside.length > 3 ? ', …' : ''}.`);
  }
  if (include.length === 0) throw new UsageError(`None of the ${entries.length} listed paths exists.`);
  return { include, missing };
}

