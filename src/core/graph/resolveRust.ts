import type { FileFacts } from './facts';
import { noImports, type LanguageResolver, type ResolvedImports } from './resolved';
import { dirOf, joinRel, type TreeIndex } from './tree';

interface Crate {
  /** Folder of Cargo.toml. */
  dir: string;
  /** Root module file (lib.rs, else main.rs, or `[lib] path`). */
  rootFile: string;
}

const ROOT_FILES = new Set(['mod.rs', 'lib.rs', 'main.rs']);

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Folder holding the child modules of the module in `file`: `a.rs` → `a/`, `a/mod.rs` → `a/`. */
function moduleDir(file: string): string {
  const dir = dirOf(file);
  const name = baseName(file);
  return ROOT_FILES.has(name) ? dir : joinRel(dir, name.slice(0, -3)) ?? dir;
}

/**
 * Rust modules and crates: `mod foo;` (foo.rs, foo/mod.rs, `#[path]`), `use crate::…`, `self::`,
 * `super::`, and `use other_crate::…` for crates of the tree (Cargo workspace members and path
 * dependencies), whose names are read from each Cargo.toml.
 */
export class RustResolver implements LanguageResolver {
  private readonly crates = new Map<string, Crate>();
  private readonly crateByDir = new Map<string, Crate>();

  constructor(private readonly tree: TreeIndex) {
    for (const manifest of tree.named('Cargo.toml')) {
      const text = tree.text(manifest) ?? '';
      const dir = dirOf(manifest);
      const pkgName = /^\[package\][^[]*?^\s*name\s*=\s*"([^"]+)"/ms.exec(text)?.[1];
      const libPath = /^\[lib\][^[]*?^\s*path\s*=\s*"([^"]+)"/ms.exec(text)?.[1];
      const candidates = [libPath, 'src/lib.rs', 'src/main.rs'].flatMap((p) => (p === undefined ? [] : [joinRel(dir, p)]));
      const rootFile = candidates.find((c): c is string => c !== null && tree.has(c));
      if (pkgName === undefined || rootFile === undefined) continue;
      const crate = { dir, rootFile };
      this.crates.set(pkgName.replace(/-/g, '_'), crate);
      this.crateByDir.set(dir, crate);
    }
  }

  private crateOf(file: string): Crate | null {
    for (let dir = dirOf(file); ; dir = dirOf(dir)) {
      const crate = this.crateByDir.get(dir);
      if (crate !== undefined) return crate;
      if (dir === '') return null;
    }
  }

  /** The file of a child module `name` of the module whose children live in `dir`. */
  private childModule(dir: string, name: string): string | null {
    for (const candidate of [joinRel(dir, `${name}.rs`), joinRel(dir, name, 'mod.rs')]) {
      if (candidate !== null && this.tree.has(candidate)) return candidate;
    }
    return null;
  }

  /** The file of the module whose children live in `dir` (`dir.rs`, `dir/mod.rs`, or a crate root). */
  private moduleFileOf(dir: string): string | null {
    for (const candidate of [`${dir}.rs`, joinRel(dir, 'mod.rs'), joinRel(dir, 'lib.rs'), joinRel(dir, 'main.rs')]) {
      if (candidate !== null && this.tree.has(candidate)) return candidate;
    }
    return null;
  }

  /** Walks `segments` down from the module in `start`; the deepest module file reached wins. */
  private walk(startFile: string | null, startDir: string, segments: string[]): string | null {
    let current = startFile;
    let dir = startDir;
    for (const segment of segments) {
      const child = this.childModule(dir, segment);
      if (child === null) break;
      current = child;
      dir = moduleDir(child);
    }
    return current;
  }

  private resolveUse(path: string, segments: string[], out: ResolvedImports): void {
    const [first, ...rest] = segments;
    if (first === undefined) return;
    if (first === 'crate') {
      const crate = this.crateOf(path);
      if (crate !== null) pushFound(out, this.walk(crate.rootFile, dirOf(crate.rootFile), rest), segments);
      return;
    }
    if (first === 'self' || first === 'super') {
      let dir = moduleDir(path);
      let file: string | null = path;
      let i = first === 'self' ? 1 : 0;
      for (; segments[i] === 'super'; i++) {
        dir = dirOf(dir);
        file = this.moduleFileOf(dir);
      }
      pushFound(out, this.walk(file, dir, segments.slice(i)), segments);
      return;
    }
    const crate = this.crates.get(first);
    if (crate !== undefined) {
      pushFound(out, this.walk(crate.rootFile, dirOf(crate.rootFile), rest), segments);
      return;
    }
    const local = this.childModule(moduleDir(path), first);
    if (local !== null) pushFound(out, this.walk(local, moduleDir(local), rest), segments);
    else if (/^[a-z_][a-z0-9_]*$/.test(first)) out.external.push(first);
  }

  resolve(path: string, facts: FileFacts): ResolvedImports {
    const out = noImports();
    for (const mod of facts.rustMods ?? []) {
      const target = mod.path !== undefined ? joinRel(dirOf(path), mod.path) : this.childModule(moduleDir(path), mod.name);
      if (target !== null && this.tree.has(target)) out.files.push(target);
      else out.unresolved.push(`mod ${mod.name}`);
    }
    for (const segments of facts.rustUses ?? []) this.resolveUse(path, segments, out);
    return out;
  }
}

function pushFound(out: ResolvedImports, file: string | null, segments: string[]): void {
  if (file !== null) out.files.push(file);
  else out.unresolved.push(segments.join('::'));
}
