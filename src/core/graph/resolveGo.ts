import type { FileFacts } from './facts';
import { noImports, type LanguageResolver, type ResolvedImports } from './resolved';
import { dirOf, joinRel, type TreeIndex } from './tree';

/**
 * Go imports: each `go.mod` (and `go.work` member) maps its module path to its folder; an import
 * of a package is an edge to every non-test `.go` file of that folder. `_test.go` files may import
 * packages but are never the target of one.
 */
export class GoResolver implements LanguageResolver {
  /** Module path → folder, longest module path first. */
  private readonly modules: { module: string; dir: string }[] = [];
  private readonly cache = new Map<string, string[] | null>();

  constructor(private readonly tree: TreeIndex) {
    const modFiles = new Set(tree.named('go.mod'));
    for (const work of tree.named('go.work')) {
      const text = tree.text(work) ?? '';
      for (const m of text.matchAll(/(?:^|\s)(\.{1,2}\/[^\s)]*|\.)(?=\s|\)|$)/gm)) {
        const dir = joinRel(dirOf(work), m[1] ?? '');
        if (dir !== null) modFiles.add(joinRel(dir, 'go.mod') ?? 'go.mod');
      }
    }
    for (const mod of modFiles) {
      const module = /^\s*module\s+"?([^\s"]+)"?/m.exec(tree.text(mod) ?? '')?.[1];
      if (module !== undefined) this.modules.push({ module, dir: dirOf(mod) });
    }
    this.modules.sort((a, b) => b.module.length - a.module.length);
  }

  private packageFiles(importPath: string): string[] | null {
    const cached = this.cache.get(importPath);
    if (cached !== undefined) return cached;
    let found: string[] | null = null;
    for (const { module, dir } of this.modules) {
      if (importPath !== module && !importPath.startsWith(`${module}/`)) continue;
      const pkgDir = joinRel(dir, importPath.slice(module.length + 1));
      if (pkgDir === null) continue;
      const files = this.tree.filesIn(pkgDir).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
      found = files;
      break;
    }
    this.cache.set(importPath, found);
    return found;
  }

  resolve(path: string, facts: FileFacts): ResolvedImports {
    const out = noImports();
    for (const importPath of facts.specifiers) {
      const files = this.packageFiles(importPath);
      if (files === null) out.external.push(importPath);
      else if (files.length === 0) out.unresolved.push(importPath);
      else out.files.push(...files.filter((f) => f !== path));
    }
    return out;
  }
}
