import type { FileFacts, PythonImport } from './facts';
import { splitRustUse } from './rustUse';

/**
 * Import headers read without a parser, used only when every line of the import region is plainly
 * one of a few forms: blank, a whole-line comment, or a one-line import whose only quote marks
 * are around its module name. Such a region holds no other string, template, regex or block
 * comment, so there is nothing a parser could read differently, and the result is the same as
 * the tree-sitter path (a test holds both to that). Anything else returns null and is parsed.
 */

/** Identifier-ish text with no quote, slash, paren or operator: safe to skip over. */
const PLAIN = String.raw`[\w\s,{}*$]*`;
const JS_LINE = new RegExp(
  '^(?:' +
    String.raw`\s*|\s*//.*|#!.*|` + // blank, line comment, shebang
    String.raw`(?:'use [\w ]+'|"use [\w ]+")\s*;?\s*|` + // directive
    `${PLAIN}|` + // a line inside a multi-line import clause
    String.raw`(?:import|export|\})${PLAIN}\bfrom\s*(?:'([^'\\\n]*)'|"([^"\\\n]*)")\s*;?\s*|` +
    String.raw`import\s*(?:'([^'\\\n]*)'|"([^"\\\n]*)")\s*;?\s*` +
    ')$',
);

/** JS/TS: the module specifiers of a plain import region, or null when it needs the parser. */
export function fastJsSpecifiers(region: string): string[] | null {
  const specifiers: string[] = [];
  for (const line of region.split('\n')) {
    const m = JS_LINE.exec(line);
    if (m === null) return null;
    const specifier = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (specifier !== undefined) specifiers.push(specifier);
  }
  return specifiers;
}

const PY_COMMENT = String.raw`\s*(?:#.*)?`;
const PY_BLANK = new RegExp(`^${PY_COMMENT}$`);
const PY_IMPORT = new RegExp(String.raw`^import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)${PY_COMMENT}$`);
const PY_FROM = new RegExp(String.raw`^from\s+(\.*)([\w.]*)\s+import\s+(\*|\(?[\w\s,]+\)?)${PY_COMMENT}$`);

const withoutAlias = (name: string): string => name.trim().split(/\s+as\s+/)[0] ?? '';

/** Python: the imports of a plain header, or null. `__future__` imports are not imports of a module. */
export function fastPythonImports(region: string): PythonImport[] | null {
  const imports: PythonImport[] = [];
  for (const line of region.split('\n')) {
    if (PY_BLANK.test(line)) continue;
    const plain = PY_IMPORT.exec(line);
    if (plain !== null) {
      for (const part of (plain[1] ?? '').split(',')) imports.push({ module: withoutAlias(part), names: [], level: 0 });
      continue;
    }
    const from = PY_FROM.exec(line);
    if (from === null) return null;
    const list = (from[3] ?? '').replace(/[()]/g, '');
    if (from[2] === '__future__') continue;
    const names = list.trim() === '*' ? [] : list.split(',').map(withoutAlias).filter((n) => n !== '');
    if ((from[3] ?? '').startsWith('(') !== (from[3] ?? '').endsWith(')')) return null;
    imports.push({ module: from[2] ?? '', names, level: (from[1] ?? '').length });
  }
  return imports;
}

const GO_TAIL = String.raw`\s*;?\s*(?://.*)?$`;
const GO_SPEC = new RegExp(String.raw`^\s*(?:[\w.]+\s+)?"([^"\\\n]*)"${GO_TAIL}`);
const GO_SINGLE = new RegExp(String.raw`^import\s+(?:[\w.]+\s+)?"([^"\\\n]*)"${GO_TAIL}`);
const GO_OTHER = new RegExp(String.raw`^(?:\s*|\s*//.*|package\s+\w+${GO_TAIL}|import\s*\(\s*(?://.*)?)$`);

/** Go: the import paths of a plain header (`package`, single imports and `import (…)` blocks), or null. */
export function fastGoImports(region: string): string[] | null {
  const paths: string[] = [];
  let inBlock = false;
  for (const line of region.split('\n')) {
    if (inBlock) {
      const spec = GO_SPEC.exec(line);
      if (spec !== null) paths.push(spec[1] ?? '');
      else if (/^\s*\)\s*$/.test(line)) inBlock = false;
      else if (!/^\s*(?:\/\/.*)?$/.test(line)) return null;
      continue;
    }
    const single = GO_SINGLE.exec(line);
    if (single !== null) paths.push(single[1] ?? '');
    else if (GO_OTHER.test(line)) inBlock = /^import\s*\(/.test(line);
    else return null;
  }
  return paths;
}

const RUST_VIS = String.raw`(?:pub(?:\([\w:\s]+\))?\s+)?`;
const RUST_USE = new RegExp(String.raw`^${RUST_VIS}use\s+([\w:{}, *]+?)\s*;\s*(?://.*)?$`);
const RUST_MOD = new RegExp(String.raw`^${RUST_VIS}mod\s+(\w+)\s*;\s*(?://.*)?$`);
const RUST_CRATE = /^extern\s+crate\s+(\w+)(?:\s+as\s+\w+)?\s*;\s*(?:\/\/.*)?$/;

/** Rust: `use`, `mod x;` and `extern crate` lines of a plain header, or null. */
export function fastRustFacts(region: string): FileFacts | null {
  const facts: FileFacts = { specifiers: [], rustMods: [], rustUses: [] };
  for (const line of region.split('\n')) {
    if (/^\s*(?:\/\/.*)?$/.test(line)) continue;
    const use = RUST_USE.exec(line);
    const mod = RUST_MOD.exec(line);
    const crate = RUST_CRATE.exec(line);
    if (use !== null) facts.rustUses?.push(...splitRustUse(use[1] ?? ''));
    else if (mod !== null) facts.rustMods?.push({ name: mod[1] ?? '' });
    else if (crate !== null) facts.rustUses?.push([crate[1] ?? '']);
    else return null;
  }
  return facts;
}

const JAVA_PACKAGE = /^package\s+([\w.]+)\s*;\s*(?:\/\/.*)?$/;
const JAVA_IMPORT = /^import\s+(?:static\s+)?([\w.]+(?:\.\*)?)\s*;\s*(?:\/\/.*)?$/;

/** Java: `package` and `import` lines of a plain header, or null. */
export function fastJavaFacts(region: string): FileFacts | null {
  const facts: FileFacts = { specifiers: [], declares: [], qualified: [] };
  for (const line of region.split('\n')) {
    if (/^\s*(?:\/\/.*)?$/.test(line)) continue;
    const pkg = JAVA_PACKAGE.exec(line);
    const imp = JAVA_IMPORT.exec(line);
    if (pkg !== null) facts.declares?.push(pkg[1] ?? '');
    else if (imp !== null) facts.qualified?.push(imp[1] ?? '');
    else return null;
  }
  return facts;
}
