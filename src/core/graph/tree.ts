import { posix } from 'node:path';
import type { GraphInput } from './index';

/**
 * File names whose text the resolvers read even when the file itself is not packed (the scan left
 * it out): tsconfig/jsconfig files and what they extend, the top package.json and the pnpm
 * workspace list. The pack reads such files through its read and redact stages and passes them
 * in as `configs`, so they are part of the graph's input like any packed file.
 */
export function isGraphConfigName(name: string): boolean {
  return name === 'package.json' || name === 'pnpm-workspace.yaml' || /^(ts|js)config(\..+)?\.json$/.test(name);
}

/**
 * What the resolvers know about the packed tree: the set of paths (so resolution never stats the
 * disk), files by folder, and config texts: the packed files' and those of configs left out of
 * the pack (`configs`, read by the caller). It never reads the disk itself.
 */
export class TreeIndex {
  /** Every packed path, `/`-separated and relative. */
  readonly paths: ReadonlySet<string>;
  /** Folder ('' for the top) → packed files directly inside it, in path order. */
  private readonly filesByDir = new Map<string, string[]>();
  /** Every folder that holds a packed file somewhere below it. */
  readonly dirs = new Set<string>(['']);
  private readonly texts = new Map<string, string>();
  /** Texts of config files that are not packed, by tree path. */
  private readonly configs: ReadonlyMap<string, string>;

  constructor(files: readonly GraphInput[], configs: ReadonlyMap<string, string> = new Map()) {
    this.paths = new Set(files.map((f) => f.path));
    this.configs = configs;
    for (const file of files) {
      this.texts.set(file.path, file.text);
      const dir = dirOf(file.path);
      const list = this.filesByDir.get(dir);
      if (list === undefined) this.filesByDir.set(dir, [file.path]);
      else list.push(file.path);
      for (let d = dir; d !== '' && !this.dirs.has(d); d = dirOf(d)) this.dirs.add(d);
    }
    for (const list of this.filesByDir.values()) list.sort();
  }

  /** Whether `path` is a packed file. */
  has(path: string): boolean {
    return this.paths.has(path);
  }

  /** Packed files directly inside folder `dir`. */
  filesIn(dir: string): readonly string[] {
    return this.filesByDir.get(dir) ?? [];
  }

  /** Text of a packed file, else of a config file left out of the pack, else null. */
  text(path: string): string | null {
    return this.texts.get(path) ?? this.configs.get(path) ?? null;
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
