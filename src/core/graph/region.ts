/**
 * The part of a file that can hold its imports. Parsing a whole file is costly (a wasm parser reads
 * about 1 MB/s per core), while imports mostly sit in a short header. A fast regex finds the last
 * place an import could start; the file is parsed from the top to the end of that statement. The parse of
 * that prefix is exact for everything in it (whether text is code, comment or string depends only
 * on what comes before), and nothing after the cut can be an import.
 */

/** Where an import may start, per language; each match is a candidate, not yet an import. */
export const CANDIDATES = {
  js: /\bfrom\s*['"]|\bimport\s*[('"]|\brequire\s*\(/g,
  python: /\bimport\b/g,
  go: /\bimport\b/g,
  rust: /\b(?:mod|use|crate)\b/g,
  java: /\b(?:import|package)\b/g,
  c: /#\s*include\b/g,
} as const;

/** Where the statement holding the last candidate ends, so the prefix holds all of it. */
export type StatementEnd = 'string' | 'line' | 'parenList' | 'semicolon';

/** A prefix of a file to parse; `truncated` when it stops before the end. */
export interface ImportRegion {
  text: string;
  truncated: boolean;
}

/** Past the string literal that follows `from` (Python/Go paren lists aside, specifiers never span lines). */
function afterString(text: string, from: number): number {
  const quote = /['"`]/.exec(text.slice(from - 1, from + 200));
  if (quote === null) return from;
  const open = from - 1 + quote.index;
  const close = text.indexOf(text[open] as string, open + 1);
  return close < 0 ? text.length : close + 1;
}

function statementEnd(text: string, matchEnd: number, end: StatementEnd): number {
  switch (end) {
    case 'string': return afterString(text, matchEnd);
    case 'line': return matchEnd;
    case 'parenList': {
      const lineEnd = text.indexOf('\n', matchEnd);
      const line = text.slice(matchEnd, lineEnd < 0 ? text.length : lineEnd);
      if (!line.includes('(') || line.includes(')')) return matchEnd;
      const close = text.indexOf(')', matchEnd);
      return close < 0 ? text.length : close + 1;
    }
    case 'semicolon': {
      const semi = text.indexOf(';', matchEnd);
      const brace = text.indexOf('{', matchEnd);
      const stop = semi < 0 ? brace : brace < 0 ? semi : Math.min(semi, brace);
      return stop < 0 ? text.length : stop + 1;
    }
  }
}

/**
 * The prefix of `text` that holds every candidate of `pattern` and the whole statement of the last
 * one, to the end of its line; null when there is no candidate (the file cannot import anything).
 * Cutting right after a statement keeps the parser out of costly error recovery on a half body.
 */
export function importRegion(text: string, pattern: RegExp, end: StatementEnd): ImportRegion | null {
  pattern.lastIndex = 0;
  let lastEnd = -1;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) lastEnd = m.index + m[0].length;
  if (lastEnd < 0) return null;
  const stop = statementEnd(text, lastEnd, end);
  const lineEnd = text.indexOf('\n', stop);
  const cut = lineEnd < 0 ? text.length : lineEnd + 1;
  return cut >= text.length ? { text, truncated: false } : { text: text.slice(0, cut), truncated: true };
}
