import type { FileFacts } from './facts';
import { noImports, type LanguageResolver, type ResolvedImports } from './resolved';
import { dirOf, joinRel, type TreeIndex } from './tree';

/**
 * Python imports against the packed tree. Import roots are the top, `src/`, the folder above each
 * top-level package (a folder with `__init__.py` whose parent has none), and `where`/`package-dir`
 * folders named in pyproject.toml.
 */
export class PythonResolver implements LanguageResolver {
  private readonly roots: string[];
  private readonly cache = new Map<string, string | null>();
  /** What the import roots give for a dotted name; the same for every importing file. */
  private readonly underRoots = new Map<string, string | null>();

  constructor(private readonly tree: TreeIndex) {
    const roots = new Set<string>(['']);
    if (tree.dirs.has('src')) roots.add('src');
    for (const init of tree.named('__init__.py')) {
      let pkg = dirOf(init);
      while (pkg !== '' && tree.has(joinRel(dirOf(pkg), '__init__.py') ?? '')) pkg = dirOf(pkg);
      if (pkg !== '') roots.add(dirOf(pkg));
    }
    for (const pyproject of tree.named('pyproject.toml')) {
      const text = tree.text(pyproject) ?? '';
      for (const m of text.matchAll(/^\s*(?:where\s*=\s*\[\s*|package-dir\s*=\s*\{\s*""\s*=\s*)"([^"]+)"/gm)) {
        const root = joinRel(dirOf(pyproject), m[1] ?? '');
        if (root !== null) roots.add(root);
      }
    }
    this.roots = [...roots].sort();
  }

  /** `a.b` under folder `base` → `base/a/b.py` or `base/a/b/__init__.py`. */
  private moduleFile(base: string, dotted: string): string | null {
    const key = `${base}\u0000${dotted}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const stem = joinRel(base, dotted.split('.').join('/'));
    let found: string | null = null;
    if (stem !== null) {
      for (const candidate of [`${stem}.py`, `${stem}.pyi`, `${stem}/__init__.py`, `${stem}/__init__.pyi`]) {
        if (this.tree.has(candidate)) {
          found = candidate;
          break;
        }
      }
    }
    this.cache.set(key, found);
    return found;
  }

  /** Absolute imports: the import roots, then the importing file's own folder (how scripts run). */
  private absolute(dotted: string, fromDir: string): string | null {
    let found = this.underRoots.get(dotted);
    if (found === undefined) {
      found = null;
      for (const root of this.roots) {
        found = this.moduleFile(root, dotted);
        if (found !== null) break;
      }
      this.underRoots.set(dotted, found);
    }
    return found ?? this.moduleFile(fromDir, dotted);
  }

  resolve(path: string, facts: FileFacts): ResolvedImports {
    const out = noImports();
    for (const imp of facts.python ?? []) {
      let base: string | null = dirOf(path);
      for (let up = 1; up < imp.level && base !== null; up++) base = base === '' ? null : dirOf(base);
      if (imp.level > 0 && base === null) {
        out.unresolved.push(`${'.'.repeat(imp.level)}${imp.module}`);
        continue;
      }
      const find = (dotted: string): string | null =>
        imp.level > 0 ? (dotted === '' ? null : this.moduleFile(base ?? '', dotted)) : this.absolute(dotted, dirOf(path));
      // `from pkg import name`: name may be a submodule; otherwise the name lives in pkg itself.
      let needsModule = imp.names.length === 0;
      for (const name of imp.names) {
        const sub = find(imp.module === '' ? name : `${imp.module}.${name}`);
        if (sub !== null) out.files.push(sub);
        else needsModule = true;
      }
      if (!needsModule) continue;
      const module = imp.level > 0 && imp.module === '' ? this.packageInit(base ?? '') : find(imp.module);
      if (module !== null) out.files.push(module);
      else if (imp.level > 0) out.unresolved.push(`${'.'.repeat(imp.level)}${imp.module}`);
      else out.external.push(imp.module.split('.')[0] ?? imp.module);
    }
    return out;
  }

  private packageInit(dir: string): string | null {
    const init = joinRel(dir, '__init__.py');
    return init !== null && this.tree.has(init) ? init : null;
  }
}
