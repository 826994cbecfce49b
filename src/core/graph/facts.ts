/** What one file says about its imports, before resolution. Fields are filled per language. */
export interface FileFacts {
  /** Module specifiers as written: JS/TS sources, Go import paths, C include paths, Ruby/PHP file names. */
  specifiers: string[];
  /** C/C++ `<…>` includes (tried against include folders only). */
  angleIncludes?: string[];
  /** Python imports: dotted module, imported names, and the relative level (0 = absolute). */
  python?: PythonImport[];
  /** Rust `mod foo;` declarations (with an optional `#[path]`) and `use` paths split into segments. */
  rustMods?: { name: string; path?: string }[];
  rustUses?: string[][];
  /** Java/Kotlin/C#/PHP: the package or namespace this file declares. */
  declares?: string[];
  /** Java/Kotlin/C#/PHP qualified imports (`a.b.C`, `a.b.*`; PHP names use `\`). */
  qualified?: string[];
  /** Ruby `require_relative` names and PHP `__DIR__`-relative includes (relative to the file). */
  relative?: string[];
  /** The parser met syntax it could not read; imports come from the parts that parsed. */
  syntaxError?: boolean;
}

/** One Python import statement, flattened. */
export interface PythonImport {
  module: string;
  names: string[];
  level: number;
}

/** Facts with nothing in them. */
export function emptyFacts(): FileFacts {
  return { specifiers: [] };
}

/**
 * The version of what the import extractors produce. Raise it whenever a scanner or parser change
 * alters the facts of any file: facts persisted under another version are dropped, not trusted.
 */
export const IMPORT_FACTS_VERSION = 1;
