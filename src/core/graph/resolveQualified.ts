import type { FileFacts } from './facts';
import { noImports, type LanguageResolver, type ResolvedImports } from './resolved';
import { dirOf, joinRel, type TreeIndex } from './tree';
import type { Warn } from '../warnings';

function stem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Package/namespace → files declaring it, and `package.Type` → file (one public type per file). */
class DeclarationIndex {
  readonly byPackage = new Map<string, string[]>();
  readonly byType = new Map<string, string>();

  constructor(facts: ReadonlyMap<string, FileFacts>, accept: (path: string) => boolean, separator: string) {
    for (const [path, fileFacts] of facts) {
      if (!accept(path)) continue;
      for (const pkg of fileFacts.declares ?? []) {
        const list = this.byPackage.get(pkg);
        if (list === undefined) this.byPackage.set(pkg, [path]);
        else list.push(path);
        const type = pkg === '' ? stem(path) : `${pkg}${separator}${stem(path)}`;
        if (!this.byType.has(type)) this.byType.set(type, path);
      }
    }
    for (const list of this.byPackage.values()) list.sort();
  }
}

const isJvm = (p: string): boolean => p.endsWith('.java') || p.endsWith('.kt') || p.endsWith('.kts');
/** Maven/Gradle test source sets: visible to tests only, like Go's `_test.go` files. */
const isJvmTest = (p: string): boolean => /(^|\/)src\/(test|androidTest|integrationTest)[^/]*\//.test(p);

/**
 * Java and Kotlin: files are indexed by the package they declare (so any source root works:
 * src/main/java, src/test/kotlin, …). `a.b.C` → the file of C; `a.b.*` → every file of package
 * a.b; static and nested imports fall back to the longest prefix naming a type.
 */
export class JvmResolver implements LanguageResolver {
  private readonly index: DeclarationIndex;

  constructor(facts: ReadonlyMap<string, FileFacts>) {
    this.index = new DeclarationIndex(facts, isJvm, '.');
  }

  resolve(path: string, facts: FileFacts): ResolvedImports {
    const out = noImports();
    const fromTest = isJvmTest(path);
    for (const name of facts.qualified ?? []) {
      if (name.endsWith('.*')) {
        const pkg = name.slice(0, -2);
        const all = this.index.byPackage.get(pkg) ?? this.typeFiles(pkg);
        const files = fromTest ? all : all.filter((f) => !isJvmTest(f));
        if (files.length > 0) out.files.push(...files);
        else out.external.push(pkg);
        continue;
      }
      const file = this.typeFiles(name);
      if (file.length > 0) out.files.push(...file);
      else out.external.push(name);
    }
    return out;
  }

  private typeFiles(name: string): string[] {
    for (let end = name.length; end > 0; end = name.lastIndexOf('.', end - 1)) {
      const file = this.index.byType.get(name.slice(0, end));
      if (file !== undefined) return [file];
      if (end <= 0) break;
    }
    return [];
  }
}

/** C#: `using A.B;` → every file declaring namespace A.B; `using static A.B.C;` → C.cs of A.B. */
export class CSharpResolver implements LanguageResolver {
  private readonly index: DeclarationIndex;

  constructor(facts: ReadonlyMap<string, FileFacts>) {
    this.index = new DeclarationIndex(facts, (p) => p.endsWith('.cs'), '.');
  }

  resolve(_path: string, facts: FileFacts): ResolvedImports {
    const out = noImports();
    for (const name of facts.qualified ?? []) {
      const files = this.index.byPackage.get(name);
      const type = this.index.byType.get(name);
      if (files !== undefined) out.files.push(...files);
      else if (type !== undefined) out.files.push(type);
      else out.external.push(name);
    }
    return out;
  }
}

/**
 * PHP: `use` of a class through composer.json PSR-4 prefixes (autoload and autoload-dev), else
 * through the namespaces files declare; `require`/`include` of a path relative to the file.
 */
export class PhpResolver implements LanguageResolver {
  private readonly index: DeclarationIndex;
  /** PSR-4 namespace prefix (with trailing `\`) → folders, longest prefix first. */
  private readonly psr4: { prefix: string; dirs: string[] }[] = [];

  constructor(
    private readonly tree: TreeIndex,
    facts: ReadonlyMap<string, FileFacts>,
    warn: Warn,
  ) {
    this.index = new DeclarationIndex(facts, (p) => p.endsWith('.php'), '\\');
    for (const composer of tree.named('composer.json')) {
      if (composer.split('/').includes('vendor')) continue;
      let manifest: { autoload?: { 'psr-4'?: unknown }; 'autoload-dev'?: { 'psr-4'?: unknown } };
      try {
        manifest = JSON.parse(tree.text(composer) ?? '{}') as typeof manifest;
      } catch {
        warn({ code: 'config-not-json', file: composer, config: 'composer' });
        continue;
      }
      for (const section of [manifest.autoload?.['psr-4'], manifest['autoload-dev']?.['psr-4']]) {
        if (typeof section !== 'object' || section === null) continue;
        for (const [prefix, value] of Object.entries(section as Record<string, unknown>)) {
          const dirs = (Array.isArray(value) ? value : [value]).flatMap((d) =>
            typeof d === 'string' ? [joinRel(dirOf(composer), d) ?? ''] : [],
          );
          this.psr4.push({ prefix, dirs });
        }
      }
    }
    this.psr4.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  private classFile(name: string): string | null {
    for (const { prefix, dirs } of this.psr4) {
      if (!name.startsWith(prefix)) continue;
      for (const dir of dirs) {
        const file = joinRel(dir, `${name.slice(prefix.length).split('\\').join('/')}.php`);
        if (file !== null && this.tree.has(file)) return file;
      }
    }
    return this.index.byType.get(name) ?? null;
  }

  resolve(path: string, facts: FileFacts): ResolvedImports {
    const out = noImports();
    for (const name of facts.qualified ?? []) {
      const file = this.classFile(name);
      if (file !== null) out.files.push(file);
      else out.external.push(name);
    }
    for (const included of [...facts.specifiers, ...(facts.relative ?? [])]) {
      const candidates = [joinRel(dirOf(path), included), joinRel(included)];
      const file = candidates.find((c): c is string => c !== null && this.tree.has(c));
      if (file !== undefined) out.files.push(file);
      else out.unresolved.push(included);
    }
    return out;
  }
}
