/**
 * The part of a file that can hold its imports. Parsing a whole file is costly (a wasm parser reads
 * about 1 MB/s per core), while imports mostly sit in a short header. A fast regex finds the last
 * place an import could start; the file is parsed from the top to a little past it. The parse of
 * that prefix is exact for everything in it (whether text is code, comment or string depends only
 * on what comes before), and nothing after the cut can be an import.
 */

/** How far past the last candidate the prefix reaches, so the statement there is complete. */
const TAIL = 512;

/** Where an import may start, per language; each match is a candidate, not yet an import. */
export const CANDIDATES = {
  js: /\bfrom\s*['"]|\bimport\s*[('"]|\brequire\s*\(/g,
  python: /\bimport\b/g,
  go: /\bimport\b/g,
  rust: /\b(?:mod|use|crate)\b/g,
  java: /\b(?:import|package)\b/g,
  c: /#\s*include\b/g,
} as const;

/** A prefix of a file to parse; `truncated` when it stops before the end. */
export interface ImportRegion {
  text: string;
  truncated: boolean;
}

/**
 * The prefix of `text` that holds every candidate of `pattern`, or null when there is none (so the
 * file cannot import anything). `parenLists` extends the cut over a `(`…`)` import list opened
 * right after the last candidate (Go's `import (…)`, Python's `import (…)`).
 */
export function importRegion(text: string, pattern: RegExp, parenLists = false): ImportRegion | null {
  pattern.lastIndex = 0;
  let last = -1;
  let lastEnd = -1;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    last = m.index;
    lastEnd = m.index + m[0].length;
  }
  if (last < 0) return null;
  let end = lastEnd + TAIL;
  if (parenLists) {
    const open = /^\s*\(/.exec(text.slice(lastEnd, lastEnd + 64));
    if (open !== null) {
      const close = text.indexOf(')', lastEnd);
      end = Math.max(end, close < 0 ? text.length : close + 1);
    }
  }
  const lineEnd = text.indexOf('\n', end);
  const cut = lineEnd < 0 ? text.length : lineEnd + 1;
  return cut >= text.length ? { text, truncated: false } : { text: text.slice(0, cut), truncated: true };
}
