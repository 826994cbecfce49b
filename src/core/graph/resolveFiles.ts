import type { FileFacts } from './facts';
import { noImports, type LanguageResolver, type ResolvedImports } from './resolved';
import { dirOf, joinRel, type TreeIndex } from './tree';

/** CMake variables that mean "this folder" or "the project top" in include_directories. */
const CMAKE_HERE = /\$\{(?:CMAKE_CURRENT_SOURCE_DIR|CMAKE_CURRENT_LIST_DIR)\}\/?/g;
const CMAKE_TOP = /\$\{(?:PROJECT_SOURCE_DIR|CMAKE_SOURCE_DIR)\}\/?/g;

/**
 * C and C++ includes: `"x.h"` is tried beside the including file, then in the include folders;
 * `<x.h>` only in the include folders, and is an outside (system) header when not found. Include
 * folders are every `include/` folder of the tree, the folders CMake `include_directories` and
 * `target_include_directories` name, `src/` and the top.
 */
export class CResolver implements LanguageResolver {
  private readonly includeDirs: string[];

  constructor(private readonly tree: TreeIndex) {
    const dirs = new Set<string>();
    for (const dir of tree.dirs) if (dir === 'include' || dir.endsWith('/include')) dirs.add(dir);
    for (const cmake of tree.named('CMakeLists.txt')) {
      const text = tree.text(cmake) ?? '';
      for (const call of text.matchAll(/\b(?:target_)?include_directories\s*\(([^)]*)\)/gi)) {
        for (const arg of (call[1] ?? '').split(/\s+/)) {
          if (arg === '' || /^[A-Z_]+$/.test(arg) || (arg.includes('${') && !/\$\{(CMAKE_|PROJECT_)/.test(arg))) continue;
          const top = CMAKE_TOP.test(arg);
          CMAKE_TOP.lastIndex = 0;
          const cleaned = arg.replace(CMAKE_HERE, '').replace(CMAKE_TOP, '').replace(/^"|"$/g, '');
          const dir = top ? joinRel(cleaned) : joinRel(dirOf(cmake), cleaned);
          if (dir !== null && tree.dirs.has(dir)) dirs.add(dir);
        }
      }
    }
    this.includeDirs = [...[...dirs].sort(), 'src', ''];
  }

  private find(dirs: readonly string[], name: string): string | null {
    for (const dir of dirs) {
      const file = joinRel(dir, name);
      if (file !== null && this.tree.has(file)) return file;
    }
    return null;
  }

  resolve(path: string, facts: FileFacts): ResolvedImports {
    const out = noImports();
    for (const name of facts.specifiers) {
      const file = this.find([dirOf(path), ...this.includeDirs], name);
      if (file !== null) out.files.push(file);
      else out.unresolved.push(name);
    }
    for (const name of facts.angleIncludes ?? []) {
      const file = this.find(this.includeDirs.slice(0, -2), name);
      if (file !== null) out.files.push(file);
      else out.external.push(name);
    }
    return out;
  }
}

/** Ruby: `require_relative` beside the file; `require` of files under any `lib/` folder or the top. */
export class RubyResolver implements LanguageResolver {
  private readonly libDirs: string[];

  constructor(private readonly tree: TreeIndex) {
    this.libDirs = [...[...tree.dirs].filter((d) => d === 'lib' || d.endsWith('/lib')).sort(), ''];
  }

  resolve(path: string, facts: FileFacts): ResolvedImports {
    const out = noImports();
    const withExt = (name: string): string => (name.endsWith('.rb') ? name : `${name}.rb`);
    for (const name of facts.relative ?? []) {
      const file = joinRel(dirOf(path), withExt(name));
      if (file !== null && this.tree.has(file)) out.files.push(file);
      else out.unresolved.push(name);
    }
    for (const name of facts.specifiers) {
      const file = this.libDirs.map((d) => joinRel(d, withExt(name))).find((f): f is string => f !== null && this.tree.has(f));
      if (file !== undefined) out.files.push(file);
      else out.external.push(name.split('/')[0] ?? name);
    }
    return out;
  }
}
