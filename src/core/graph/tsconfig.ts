import { parseJsonc } from './jsonc';
import { dirOf, joinRel, type TreeIndex } from './tree';
import type { Warn } from '../warnings';

/** The module-resolution part of a tsconfig/jsconfig, after `extends` is followed. */
export interface PathMapping {
  /** Folder that non-relative imports are tried under (`baseUrl`), relative to the tree. */
  baseUrl: string | null;
  /** `paths` patterns (at most one `*`) with targets already made tree-relative. */
  paths: { pattern: string; targets: string[] }[];
}

interface RawCompilerOptions {
  baseUrl?: unknown;
  paths?: unknown;
}

interface RawConfig {
  extends?: unknown;
  compilerOptions?: RawCompilerOptions;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/**
 * Finds and reads tsconfig/jsconfig files: the nearest one above each folder (so every package of
 * a monorepo uses its own), following `extends` chains. Everything is cached per folder.
 */
export class TsConfigs {
  private readonly byDir = new Map<string, PathMapping | null>();
  private readonly byFile = new Map<string, PathMapping | null>();

  constructor(
    private readonly tree: TreeIndex,
    private readonly warn: Warn,
  ) {}

  /** The mapping that applies to files in folder `dir`, or null when no config is above it. */
  forDir(dir: string): PathMapping | null {
    const known = this.byDir.get(dir);
    if (known !== undefined) return known;
    let found: PathMapping | null = null;
    const configName = CONFIG_NAMES.map((n) => joinRel(dir, n) ?? n).find((p) => this.tree.text(p) !== null);
    if (configName !== undefined) found = this.load(configName, 0);
    else if (dir !== '') found = this.forDir(dirOf(dir));
    this.byDir.set(dir, found);
    return found;
  }

  private load(file: string, depth: number): PathMapping | null {
    const cached = this.byFile.get(file);
    if (cached !== undefined) return cached;
    this.byFile.set(file, null); // guards against `extends` loops
    const text = this.tree.text(file);
    if (text === null) return null;
    const raw = parseJsonc(text) as RawConfig | undefined;
    if (typeof raw !== 'object' || raw === null) {
      this.warn({ code: 'config-not-json', file, config: 'tsconfig' });
      return null;
    }
    let mapping: PathMapping = { baseUrl: null, paths: [] };
    const parents = typeof raw.extends === 'string' ? [raw.extends] : Array.isArray(raw.extends) ? raw.extends : [];
    for (const parent of parents) {
      if (typeof parent !== 'string' || depth > 16) continue;
      const parentFile = this.extendsTarget(file, parent);
      const inherited = parentFile === null ? null : this.load(parentFile, depth + 1);
      if (inherited !== null) mapping = { baseUrl: inherited.baseUrl ?? mapping.baseUrl, paths: inherited.paths.length > 0 ? inherited.paths : mapping.paths };
    }
    const options = raw.compilerOptions ?? {};
    const here = dirOf(file);
    if (typeof options.baseUrl === 'string') mapping = { ...mapping, baseUrl: joinRel(here, options.baseUrl) };
    if (typeof options.paths === 'object' && options.paths !== null) {
      const pathsBase = mapping.baseUrl ?? here;
      mapping = { ...mapping, paths: this.readPaths(file, pathsBase, options.paths as Record<string, unknown>) };
    }
    this.byFile.set(file, mapping);
    return mapping;
  }

  /** `extends` names a relative file (with or without `.json`); package names are out of the tree. */
  private extendsTarget(file: string, parent: string): string | null {
    if (!parent.startsWith('.')) {
      const inTree = joinRel('node_modules', parent);
      return inTree !== null && this.tree.text(inTree) !== null ? inTree : null;
    }
    const target = joinRel(dirOf(file), parent);
    if (target === null) return null;
    if (this.tree.text(target) !== null) return target;
    if (this.tree.text(`${target}.json`) !== null) return `${target}.json`;
    this.warn({ code: 'extends-not-found', file, parent });
    return null;
  }

  private readPaths(file: string, base: string, raw: Record<string, unknown>): PathMapping['paths'] {
    const paths: PathMapping['paths'] = [];
    for (const [pattern, value] of Object.entries(raw)) {
      const targets = (Array.isArray(value) ? value : []).flatMap((t) => {
        const target = typeof t === 'string' ? joinRel(base, t) : null;
        return target === null ? [] : [target];
      });
      if (!targets.some((t) => this.pointsIntoTree(t))) {
        this.warn({ code: 'paths-match-nothing', file, pattern });
      }
      paths.push({ pattern, targets });
    }
    return paths;
  }

  private pointsIntoTree(target: string): boolean {
    const star = target.indexOf('*');
    const fixed = star < 0 ? target : target.slice(0, star);
    const dir = fixed.endsWith('/') ? fixed.slice(0, -1) : fixed;
    if (this.tree.dirs.has(dir) || this.tree.has(fixed)) return true;
    return [...JS_PROBE_SUFFIXES].some((ext) => this.tree.has(fixed + ext));
  }
}

/** Suffixes tried after a specifier without extension. */
export const JS_PROBE_SUFFIXES = ['.ts', '.tsx', '.d.ts', '.d.mts', '.d.cts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.vue', '.svelte', '.json'];

/** Matches `specifier` against a `paths` pattern; returns what `*` stood for, or null. */
export function matchPattern(pattern: string, specifier: string): string | null {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === specifier ? '' : null;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (specifier.length < prefix.length + suffix.length) return null;
  if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix)) return null;
  return specifier.slice(prefix.length, specifier.length - suffix.length);
}
