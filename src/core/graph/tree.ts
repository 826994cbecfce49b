import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { GraphInput } from './index';

/**
 * What the resolvers know about the packed tree: the set of paths (so resolution never stats the
 * disk), files by folder, and config texts. Config files missing from the scan (excluded) are read
 * from disk under the roots, once.
 */
export class TreeIndex {
  /** Every packed path, `/`-separated and relative. */
  readonly paths: ReadonlySet<string>;
  /** Folder ('' for the top) → packed files directly inside it, in path order. */
  private readonly filesByDir = new Map<string, string[]>();
  /** Every folder that holds a packed file somewhere below it. */
  readonly dirs = new Set<string>(['']);
  private readonly texts = new Map<string, string>();
  private readonly diskTexts = new Map<string, string | null>();
  /** Absolute folders that relative paths hang from (one per root). */
  private readonly bases: string[];

  constructor(files: readonly GraphInput[], roots: readonly string[]) {
    this.paths = new Set(files.map((f) => f.path));
    const bases = new Set<string>();
    for (const file of files) {
      this.texts.set(file.path, file.text);
      const dir = dirOf(file.path);
      const list = this.filesByDir.get(dir);
      if (list === undefined) this.filesByDir.set(dir, [file.path]);
      else list.push(file.path);
      for (let d = dir; d !== '' && !this.dirs.has(d); d = dirOf(d)) this.dirs.add(d);
      const abs = file.absPath.replace(/\\/g, '/');
      if (abs.endsWith(`/${file.path}`)) bases.add(abs.slice(0, abs.length - file.path.length - 1));
    }
    for (const list of this.filesByDir.values()) list.sort();
    this.bases = bases.size > 0 ? [...bases] : [...roots];
  }

  /** Whether `path` is a packed file. */
  has(path: string): boolean {
    return this.paths.has(path);
  }

  /** Packed files directly inside folder `dir`. */
  filesIn(dir: string): readonly string[] {
    return this.filesByDir.get(dir) ?? [];
  }

  /** Text of a packed file, else of a file on disk under the roots (configs left out of the scan), else null. */
  text(path: string): string | null {
    const packed = this.texts.get(path);
    if (packed !== undefined) return packed;
    let cached = this.diskTexts.get(path);
    if (cached === undefined) {
      cached = null;
      for (const base of this.bases) {
        try {
          cached = readFileSync(join(base, path), 'utf8');
          break;
        } catch {
          // Not there: the config simply does not exist under this root.
        }
      }
      this.diskTexts.set(path, cached);
    }
    return cached;
  }

  /** Packed paths whose file name is `name` (e.g. every `go.mod`), in path order. */
  named(name: string): string[] {
    const found: string[] = [];
    for (const path of this.paths) if (path === name || path.endsWith(`/${name}`)) found.push(path);
    return found.sort();
  }
}

/** Folder part of a relative path ('' at the top). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Joins and normalises relative path parts; null when the result climbs above the top. */
export function joinRel(...parts: string[]): string | null {
  const joined = posix.normalize(parts.filter((p) => p !== '').join('/'));
  if (joined === '.' ) return '';
  if (joined.startsWith('../') || joined === '..' || joined.startsWith('/')) return null;
  return joined.endsWith('/') ? joined.slice(0, -1) : joined;
}
