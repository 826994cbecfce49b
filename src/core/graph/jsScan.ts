/**
 * A one-pass JS/TS lexer that finds module specifiers without a parser. Big generated files
 * (emscripten builds, bundled libraries) put a `require("fs")` near their end, so the import
 * region is nearly the whole file, and the wasm parser reads it at about 1 MB/s; this scan is
 * linear and many times faster. It skips comments, string, template (with nested `${}`) and
 * regex literals, telling a regex from a division by the previous significant token as JS lexers
 * do, and reads the same forms the parser query reads: `import … from 'x'`, `export … from 'x'`,
 * `import 'x'`, `import('x')`, `require('x')` (a plain `require`, first argument a plain string).
 * When it meets text it cannot read for sure (an unterminated literal or comment) it returns
 * null and the caller parses.
 */

/** After these keywords an expression starts, so `/` opens a regex. */
const EXPRESSION_KEYWORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else',
  'yield', 'await', 'extends',
]);

/** The previous significant token, as far as the regex-or-division choice and import forms need it. */
type Previous = 'operator' | 'value' | 'dot' | 'keyword' | 'new';

const isIdentifierStart = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36 || code === 92 || code === 35 || code > 127;
const isIdentifierPart = (code: number): boolean => isIdentifierStart(code) || (code >= 48 && code <= 57);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Thrown inside the scan when the text cannot be read for sure; `open` when that is because the
 * text ends inside a block comment or a template literal.
 */
class Undecided extends Error {
  constructor(readonly open = false) {
    super();
  }
}

/** Index just past the comments and white space at `from`. */
function skipTrivia(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Undecided(true);
      i = end + 2;
    } else return i;
  }
}

/** Index just past the string literal opening at `open`. */
function skipString(text: string, open: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === 92) i++;
    else if (c === 10 || c === 13) break;
  }
  throw new Undecided();
}

/** Index just past the regex literal opening at `open`, flags included. */
function skipRegex(text: string, open: number): number {
  let inClass = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 10 || c === 13) break;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      let end = i + 1;
      while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
      return end;
    }
  }
  throw new Undecided();
}

/**
 * Index just past the template text starting at `from` (right after a backtick or a `}` closing a
 * substitution), and whether it stopped at a `${` rather than the closing backtick.
 */
function skipTemplateText(text: string, from: number): { end: number; substitution: boolean } {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 96) return { end: i + 1, substitution: false };
    else if (c === 36 && text.charCodeAt(i + 1) === 123) return { end: i + 2, substitution: true };
  }
  throw new Undecided(true);
}

/** The plain string literal's contents at `at` (after trivia), and the index past it; null when none. */
function stringAt(text: string, at: number, commentsAllowed = true): { value: string; end: number } | null {
  let start = at;
  if (commentsAllowed) start = skipTrivia(text, at);
  else while (/\s/.test(text.charAt(start))) start++;
  const c = text.charCodeAt(start);
  if (c !== 39 && c !== 34) return null;
  const end = skipString(text, start);
  return { value: text.slice(start + 1, end - 1), end };
}

/** The specifier of a call `(<string>, …)` or `(<string>)` right after a callee at `at`; null when not one. */
function callSpecifier(text: string, at: number): string | null {
  const open = skipTrivia(text, at);
  if (text.charCodeAt(open) !== 40) return null;
  // The parser query wants the string as the first named child of the arguments; a comment is one.
  const literal = stringAt(text, open + 1, false);
  if (literal === null) return null;
  const next = text.charCodeAt(skipTrivia(text, literal.end));
  return next === 41 || next === 44 ? literal.value : null;
}

/** Module specifiers of a JS/TS source in source order, or null when the scan cannot be sure. */
export function scanJsSpecifiers(text: string): string[] | null {
  try {
    return scan(text);
  } catch (error) {
    if (error instanceof Undecided) return null;
    throw error;
  }
}

/**
 * Whether `text` ends inside a block comment or a template literal, read as this scan reads it
 * (false too when the scan stops, unsure, before the end). A prefix of a file cut there cannot
 * parse: the parser's error recovery on it costs more than parsing the whole file.
 */
export function endsInsideOpenLiteral(text: string): boolean {
  try {
    scan(text);
    return false;
  } catch (error) {
    if (error instanceof Undecided) return error.open;
    throw error;
  }
}

function scan(text: string): string[] {
  const specifiers: string[] = [];
  const templateDepths: number[] = [];
  let braceDepth = 0;
  let previous: Previous = 'operator';
  let inClause = false;
  let i = text.startsWith('#!') ? text.indexOf('\n') : 0;
  if (i < 0) return specifiers;
  while (true) {
    i = skipTrivia(text, i);
    if (i >= text.length) break;
    const c = text.charCodeAt(i);
    if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
      // Every word this scan tells apart is at most 10 letters long ('instanceof').
      const word = end - i <= 10 ? text.slice(i, end) : '';
      const afterDot: boolean = previous === 'dot';
      if (!afterDot && (word === 'import' || word === 'export')) {
        inClause = true;
        if (word === 'import') {
          const found = stringAt(text, end);
          const called = found === null ? callSpecifier(text, end) : null;
          if (found !== null) specifiers.push(found.value);
          else if (called !== null) specifiers.push(called);
        }
      } else if (word === 'from' && inClause) {
        const found = stringAt(text, end);
        if (found !== null) specifiers.push(found.value);
      } else if (word === 'require' && !afterDot && previous !== 'new') {
        const called = callSpecifier(text, end);
        if (called !== null) specifiers.push(called);
      }
      previous = afterDot ? 'value' : word === 'new' ? 'new' : EXPRESSION_KEYWORDS.has(word) ? 'keyword' : 'value';
      i = end;
      continue;
    }
    // Between `import`/`export` and `from` only names and `{ } , *` may stand.
    if (c !== 123 && c !== 125 && c !== 44 && c !== 42) inClause = false;
    if (c === 39 || c === 34) {
      i = skipString(text, i);
      previous = 'value';
    } else if (c === 96) {
      const part = skipTemplateText(text, i + 1);
      if (part.substitution) templateDepths.push(braceDepth);
      i = part.end;
      previous = part.substitution ? 'operator' : 'value';
    } else if (c === 125 && templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === braceDepth) {
      templateDepths.pop();
      const part = skipTemplateText(text, i + 1);
      if (part.substitution) templateDepths.push(braceDepth);
      i = part.end;
      previous = part.substitution ? 'operator' : 'value';
    } else if (c === 47) {
      const regex: boolean = previous !== 'value';
      i = regex ? skipRegex(text, i) : i + 1;
      previous = regex ? 'value' : 'operator';
    } else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      i++;
      while (i < text.length && (isIdentifierPart(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
      previous = 'value';
    } else if ((c === 43 || c === 45) && text.charCodeAt(i + 1) === c) {
      // `a++ / b` divides; `++/re/.lastIndex` cannot occur, so a postfix keeps the value before it.
      i += 2;
      if (previous !== 'value') previous = 'operator';
    } else if (c === 46 && text.startsWith('...', i)) {
      i += 3;
      previous = 'operator';
    } else {
      if (c === 123) braceDepth++;
      else if (c === 125) braceDepth--;
      i++;
      // `)` and `]` end a value; `}` most often ends a block, after which a regex may start a statement.
      previous = c === 41 || c === 93 ? 'value' : c === 46 ? 'dot' : 'operator';
    }
  }
  if (templateDepths.length > 0) throw new Undecided(true);
  return specifiers;
}
