import { builtinModules } from 'node:module';
import { exportTargets, findTreePackages, type TreePackage } from './packages';
import { dirOf, joinRel, type TreeIndex } from './tree';
import { JS_PROBE_SUFFIXES, matchPattern, TsConfigs } from './tsconfig';
import type { Warn } from '../warnings';

/** Where one import specifier leads: a packed file, an outside name, or nowhere (a broken in-tree import). */
export type Resolution = { kind: 'file'; path: string } | { kind: 'external'; name: string } | { kind: 'unresolved' };

const NODE_BUILTINS = new Set(builtinModules);
/** `.js` written for a `.ts` source (TypeScript's ESM convention), and friends. */
const SOURCE_FOR_OUTPUT: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'], '.jsx': ['.tsx'], '.mjs': ['.mts', '.d.mts'], '.cjs': ['.cts', '.d.cts'],
};
/** `.d.ts` must win over `.ts` when taking the extension off a path. */
const SUFFIXES_LONGEST_FIRST = [...JS_PROBE_SUFFIXES].sort((a, b) => b.length - a.length);
/** Build-output folders whose sources usually live in `src/` of the same package. */
const OUTPUT_DIR = /^(dist|lib|build|out|esm|cjs|es)(\/|$)/;

/**
 * Resolves JS/TS module specifiers the way TypeScript's bundler resolution would, but against the
 * set of packed paths: relative files with extension and index probing, tsconfig `paths` and
 * `baseUrl`, and workspace packages mapped back to their sources. Results are cached per folder.
 */
export class JsResolver {
  private readonly configs: TsConfigs;
  private packages: Map<string, TreePackage> | undefined;
  private readonly cache = new Map<string, Resolution>();

  constructor(
    private readonly tree: TreeIndex,
    private readonly warn: Warn,
  ) {
    this.configs = new TsConfigs(tree, warn);
  }

  /** Resolves `specifier` written in file `from`. */
  resolve(specifier: string, from: string): Resolution {
    const dir = dirOf(from);
    const key = `${dir}\u0000${specifier}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      found = this.resolveUncached(specifier.replace(/[?#].*$/, ''), dir);
      this.cache.set(key, found);
    }
    return found;
  }

  private resolveUncached(specifier: string, dir: string): Resolution {
    if (specifier.startsWith('.')) {
      const target = joinRel(dir, specifier);
      const path = target === null ? null : this.probe(target);
      return path === null ? { kind: 'unresolved' } : { kind: 'file', path };
    }
    if (specifier.startsWith('/') || specifier === '') return { kind: 'unresolved' };
    if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier)) return { kind: 'external', name: specifier };
    const viaConfig = this.resolveThroughConfig(specifier, dir);
    if (viaConfig !== null) return { kind: 'file', path: viaConfig };
    const viaPackage = this.resolvePackage(specifier);
    if (viaPackage !== null) return { kind: 'file', path: viaPackage };
    return { kind: 'external', name: packageName(specifier) };
  }

  private resolveThroughConfig(specifier: string, dir: string): string | null {
    const mapping = this.configs.forDir(dir);
    if (mapping === null) return null;
    const matches = mapping.paths
      .map((p) => ({ p, stem: matchPattern(p.pattern, specifier) }))
      .filter((m) => m.stem !== null)
      .sort((a, b) => b.p.pattern.indexOf('*') - a.p.pattern.indexOf('*'));
    for (const { p, stem } of matches) {
      for (const target of p.targets) {
        const found = this.probe(target.replace('*', stem ?? ''));
        if (found !== null) return found;
      }
    }
    if (mapping.baseUrl !== null) {
      const underBase = joinRel(mapping.baseUrl, specifier);
      if (underBase !== null) return this.probe(underBase);
    }
    return null;
  }

  private resolvePackage(specifier: string): string | null {
    this.packages ??= findTreePackages(this.tree, this.warn);
    const name = packageName(specifier);
    const pkg = this.packages.get(name);
    if (pkg === undefined) return null;
    const rest = specifier.slice(name.length + 1);
    const subpath = rest === '' ? '.' : `./${rest}`;
    const candidates = exportTargets(pkg, subpath);
    if (rest === '') {
      for (const field of [pkg.types, pkg.module, pkg.main]) {
        const target = field === null ? null : joinRel(pkg.dir, field);
        if (target !== null) candidates.push(target);
      }
      candidates.push(`${pkg.dir === '' ? '' : `${pkg.dir}/`}src/index`, `${pkg.dir === '' ? '' : `${pkg.dir}/`}index`);
    } else {
      for (const base of [rest, `src/${rest}`]) {
        const target = joinRel(pkg.dir, base);
        if (target !== null) candidates.push(target);
      }
    }
    for (const candidate of candidates) {
      const found = this.probe(candidate) ?? this.probeSourceOf(pkg, candidate);
      if (found !== null) return found;
    }
    return null;
  }

  /** `dist/index.d.ts` of a workspace package → `src/index.ts` when the build output is not in the tree. */
  private probeSourceOf(pkg: TreePackage, target: string): string | null {
    const inside = pkg.dir === '' ? target : target.slice(pkg.dir.length + 1);
    if (!OUTPUT_DIR.test(inside)) return null;
    const source = joinRel(pkg.dir, inside.replace(OUTPUT_DIR, 'src$2').replace(/\.d\.(m|c)?ts$/, '.$1js'));
    return source === null ? null : this.probe(source);
  }

  /** Packed JS-family files by path without extension (`a/b.d.ts` under `a/b`), built on first use. */
  private byStem: Map<string, string[]> | undefined;

  private stemIndex(): Map<string, string[]> {
    if (this.byStem !== undefined) return this.byStem;
    const byStem = new Map<string, string[]>();
    for (const path of this.tree.paths) {
      const suffix = SUFFIXES_LONGEST_FIRST.find((s) => path.endsWith(s));
      if (suffix === undefined) continue;
      const stem = path.slice(0, path.length - suffix.length);
      const list = byStem.get(stem);
      if (list === undefined) byStem.set(stem, [path]);
      else list.push(path);
    }
    this.byStem = byStem;
    return byStem;
  }

  /** The file among `candidates` whose suffix comes first in `suffixes`. */
  private static bestBySuffix(stem: string, candidates: readonly string[] | undefined, suffixes: readonly string[]): string | null {
    if (candidates === undefined) return null;
    for (const suffix of suffixes) {
      const path = stem + suffix;
      if (candidates.includes(path)) return path;
    }
    return null;
  }

  /**
   * The packed file `target` names: exact, with an extension, `.js` → `.ts`, or a folder's index.
   * One lookup per form through the stem index rather than one per extension tried.
   */
  probe(target: string): string | null {
    if (this.tree.has(target)) return target;
    const byStem = this.stemIndex();
    const withSuffix = JsResolver.bestBySuffix(target, byStem.get(target), JS_PROBE_SUFFIXES);
    if (withSuffix !== null) return withSuffix;
    const dot = target.lastIndexOf('.');
    const sources = dot > target.lastIndexOf('/') ? SOURCE_FOR_OUTPUT[target.slice(dot)] : undefined;
    if (sources !== undefined) {
      const stem = target.slice(0, dot);
      const source = JsResolver.bestBySuffix(stem, byStem.get(stem), sources);
      if (source !== null) return source;
    }
    if (this.tree.dirs.has(target)) {
      const index = target === '' ? 'index' : `${target}/index`;
      return JsResolver.bestBySuffix(index, byStem.get(index), JS_PROBE_SUFFIXES);
    }
    return null;
  }
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}
