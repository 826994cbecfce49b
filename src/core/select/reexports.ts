/**
 * Re-export indexes ("barrels"): files that mostly pass on what other files define, such as a
 * package's `index.ts` of `export * from './x'` lines, an `__init__.py` of `from .x import y`, or
 * a Rust `mod.rs` of `pub mod` / `pub use` lines. They import, or are imported by, nearly
 * everything in their package, so as graph evidence they blur every signal: a test importing the
 * package's index says nothing about which file it tests, and a neighbour of the index is a
 * neighbour of the whole package. They are evidence for what they re-export, not a hub to lend
 * score through. They still match a question by their own words like any file.
 */

/** A top-level statement that re-exports or declares a submodule (one per language family). */
const REEXPORT_LINE = [
  /^export\s+(?:type\s+)?(?:\*|\{)/, // JS/TS: export * from, export { a } from, export type { T } from
  /^export\s+(?:type\s+)?[\w$]+\s*,?\s*\{?[^=(]*\bfrom\s/, // export x, { y } from '...'
  /^from\s+\.[\w.]*\s+import\s/, // Python: from .x import y
  /^__all__\s*[=+]/, // Python: the export list itself
  /^(?:pub(?:\([\w:]+\))?\s+)?mod\s+\w+\s*;/, // Rust: mod x; pub mod x;
  /^pub(?:\([\w:]+\))?\s+use\s/, // Rust: pub use x::y;
];
/** Lines that are not statements of their own: blank, comments, closers, continuation. */
const NOT_A_STATEMENT = /^(?:$|\/\/|\/\*|\*|#(?!\[)|"""|'''|[})\]]|\s)/;
/** Module preamble that every file may have: imports, attributes, docstrings, pragmas. */
const PREAMBLE_LINE = /^(?:import\s|use\s|#\[|#!\[|['"]use |extern crate\s|package\s|from\s+\w[\w.]*\s+import\s)/;

/** At least this share of the statements' lines must re-export for a file to be an index. */
const REEXPORT_SHARE = 0.6;
/** A file with fewer re-exports than this is too small to blur anything. */
const MIN_REEXPORTS = 3;
/** Blank lines and comments belong to no statement. */
const NOT_CONTENT = /^\s*(?:$|\/\/|\/\*|\*|#(?!\[))/;

/**
 * True when `text` is mostly re-exports (see the module comment); paths do not decide it. Each
 * statement weighs as many lines as it spans (its body and continuation lines), so a module of
 * relative imports and one long class is code, not an index: `from .x import y` opens most
 * Python modules, and only in an index is it most of the file.
 */
export function isReexportIndex(text: string): boolean {
  let reexports = 0;
  let reexportLines = 0;
  let otherLines = 0;
  /** What the statement the current line belongs to is: preamble lines count for neither side. */
  let current: 'preamble' | 'reexport' | 'other' = 'preamble';
  for (const line of text.split('\n')) {
    if (NOT_CONTENT.test(line)) continue;
    if (!NOT_A_STATEMENT.test(line)) {
      if (PREAMBLE_LINE.test(line)) current = 'preamble';
      else if (REEXPORT_LINE.some((pattern) => pattern.test(line))) {
        current = 'reexport';
        reexports++;
      } else current = 'other';
    }
    if (current === 'reexport') reexportLines++;
    else if (current === 'other') otherLines++;
  }
  return reexports >= MIN_REEXPORTS && reexportLines >= (reexportLines + otherLines) * REEXPORT_SHARE;
}
