import type { PythonImport } from './facts';

/**
 * A one-pass Python lexer that finds the import statements the tree-sitter query finds, anywhere
 * in the file (in functions, `try/except ImportError`, `if TYPE_CHECKING:` blocks), without a
 * parser. Files whose imports sit after their first function, as most real modules' do, make the
 * import region nearly the whole file, and the wasm parser reads it at about 1 MB/s; this scan is
 * linear and many times faster.
 *
 * It skips comments and every string form (prefixes, triple quotes, f-string replacement fields
 * with their format specs and nested strings), follows brackets and backslash continuations, and takes `import` and
 * `from` as statements only where a statement starts: at the start of a logical line, after `;`,
 * or after the `:` of a one-line block. `import` is a hard keyword, so one anywhere else is text
 * it cannot read for sure. Then, and on anything else unusual (an unterminated literal, unbalanced
 * brackets, an f-string nesting its own quote, spaces inside a dotted name), it returns null and
 * the caller parses. `from __future__` is not an import of a module, as in the parser's grammar.
 */
export function scanPythonImports(text: string): PythonImport[] | null {
  try {
    return new PythonImportScanner(text).scan();
  } catch (error) {
    if (error instanceof Undecided) return null;
    throw error;
  }
}

/** Thrown inside the scan when the text cannot be read for sure. */
class Undecided extends Error {}

const STRING_PREFIXES = new Set(['r', 'u', 'f', 'b', 'br', 'rb', 'fr', 'rf', 't', 'tr', 'rt']);

const isIdentifierStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
const isIdentifierPart = (c: number): boolean => isIdentifierStart(c) || (c >= 48 && c <= 57);
const isQuote = (c: number): boolean => c === 34 || c === 39;
/** Space, tab, form feed, carriage return: never significant. */
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 12 || c === 13;

class PythonImportScanner {
  private i = 0;
  private readonly imports: PythonImport[] = [];

  constructor(private readonly text: string) {}

  private code(at = this.i): number {
    return this.text.charCodeAt(at);
  }

  scan(): PythonImport[] {
    const { text } = this;
    let depth = 0;
    let atStatementStart = true;
    if (this.code() === 0xfeff) this.i++;
    while (this.i < text.length) {
      const c = this.code();
      if (isBlank(c)) {
        this.i++;
      } else if (c === 10) {
        this.i++;
        if (depth === 0) atStatementStart = true;
      } else if (c === 35) {
        this.skipComment();
      } else if (c === 92) {
        this.skipContinuation();
      } else if (isIdentifierStart(c)) {
        // Words are compared in place: slicing every identifier of a large file costs more than the scan.
        const start = this.i;
        this.skipIdentifier();
        const length = this.i - start;
        if (length <= 2 && isQuote(this.code())) {
          const prefix = text.slice(start, this.i).toLowerCase();
          if (STRING_PREFIXES.has(prefix)) this.skipString(prefix);
        } else if (length === 6 && text.startsWith('import', start)) {
          if (!atStatementStart || depth > 0) throw new Undecided();
          this.readImport();
        } else if (length === 4 && atStatementStart && depth === 0 && text.startsWith('from', start)) this.readFrom();
        // Any other `from` follows an expression: `raise E from cause`, `yield from items`.
        atStatementStart = false;
      } else if (isQuote(c)) {
        this.skipString('');
        atStatementStart = false;
      } else {
        this.i++;
        if (c === 40 || c === 91 || c === 123) depth++;
        else if (c === 41 || c === 93 || c === 125) {
          if (--depth < 0) throw new Undecided();
        }
        // A `:` at depth 0 ends a block header (`try: import x`); `:=` is an expression.
        atStatementStart = depth === 0 && (c === 59 || (c === 58 && this.code() !== 61));
      }
    }
    if (depth !== 0) throw new Undecided();
    return this.imports;
  }

  private skipComment(): void {
    const end = this.text.indexOf('\n', this.i);
    this.i = end < 0 ? this.text.length : end;
  }

  /** A backslash outside a string joins the next line; anywhere else it is not Python. */
  private skipContinuation(): void {
    let next = this.i + 1;
    if (this.code(next) === 13) next++;
    if (this.code(next) !== 10) throw new Undecided();
    this.i = next + 1;
  }

  private skipIdentifier(): void {
    while (this.i < this.text.length && isIdentifierPart(this.code())) this.i++;
  }

  private readIdentifier(): string {
    const start = this.i;
    this.skipIdentifier();
    return this.text.slice(start, this.i);
  }

  /** Skips the string literal whose opening quote is at the cursor (its prefix already read). */
  private skipString(prefix: string): void {
    const quote = this.code();
    const triple = this.code(this.i + 1) === quote && this.code(this.i + 2) === quote;
    const formatted = prefix.includes('f') || prefix.includes('t');
    this.i += triple ? 3 : 1;
    const { text } = this;
    while (this.i < text.length) {
      const c = this.code();
      if (c === 92) this.i += 2;
      else if (c === quote && (!triple || (this.code(this.i + 1) === quote && this.code(this.i + 2) === quote))) {
        this.i += triple ? 3 : 1;
        return;
      } else if (c === 10 && !triple) break;
      else if (formatted && c === 123) {
        if (this.code(this.i + 1) === 123) this.i += 2;
        else {
          this.i++;
          this.skipReplacementField(quote, triple);
        }
      } else this.i++;
    }
    throw new Undecided();
  }

  /**
   * Skips an f-string replacement field after its `{`, through its `}`: the expression (brackets
   * and strings of the other quote), then a format spec, which may nest fields of its own.
   */
  private skipReplacementField(quote: number, triple: boolean): void {
    const { text } = this;
    let depth = 0;
    let inSpec = false;
    while (this.i < text.length) {
      const c = this.code();
      if (c === 125 && depth === 0) {
        this.i++;
        return;
      }
      if ((c === 10 && !triple) || c === 92) break;
      if (inSpec) {
        this.i++;
        if (c === 123) this.skipReplacementField(quote, triple);
      } else if (c === 35 || (c === quote && (!triple || (this.code(this.i + 1) === quote && this.code(this.i + 2) === quote)))) {
        // Before Python 3.12 only a triple-quoted f-string may nest its own quote, one at a time.
        break;
      } else if (isQuote(c)) {
        this.skipString('');
      } else {
        this.i++;
        if (c === 40 || c === 91 || c === 123) depth++;
        else if (c === 41 || c === 93 || c === 125) depth--;
        else if (c === 58 && depth === 0) inSpec = true;
      }
    }
    throw new Undecided();
  }

  /** Skips blanks and continuations; inside parentheses newlines and comments as well. */
  private skipSpace(inParens: boolean): void {
    for (;;) {
      const c = this.code();
      if (isBlank(c)) this.i++;
      else if (c === 92) this.skipContinuation();
      else if (inParens && c === 10) this.i++;
      else if (inParens && c === 35) this.skipComment();
      else return;
    }
  }

  /** `a.b.c` written without spaces (a parser's node text would keep them). */
  private readDottedName(): string {
    const start = this.i;
    for (;;) {
      if (!isIdentifierStart(this.code())) throw new Undecided();
      this.skipIdentifier();
      if (this.code() !== 46) break;
      this.i++;
    }
    const name = this.text.slice(start, this.i);
    this.skipSpace(false);
    if (this.code() === 46) throw new Undecided();
    return name;
  }

  /** `as alias` after a name, if there is one. */
  private skipAlias(inParens: boolean): void {
    this.skipSpace(inParens);
    if (!this.text.startsWith('as', this.i) || isIdentifierPart(this.code(this.i + 2))) return;
    this.i += 2;
    this.skipSpace(inParens);
    if (!isIdentifierStart(this.code())) throw new Undecided();
    this.skipIdentifier();
    this.skipSpace(inParens);
  }

  /** The statement must end here: a newline, a comment, `;` or the end of the text. */
  private expectStatementEnd(): void {
    this.skipSpace(false);
    const c = this.code();
    if (this.i < this.text.length && c !== 10 && c !== 35 && c !== 59) throw new Undecided();
  }

  /** `import a.b as c, d` after its keyword. */
  private readImport(): void {
    for (;;) {
      this.skipSpace(false);
      const module = this.readDottedName();
      this.skipAlias(false);
      this.imports.push({ module, names: [], level: 0 });
      if (this.code() !== 44) break;
      this.i++;
    }
    this.expectStatementEnd();
  }

  /** `from ..a.b import (c as d, e)` or `from . import *` after its keyword. */
  private readFrom(): void {
    this.skipSpace(false);
    const dotsStart = this.i;
    while (this.code() === 46) this.i++;
    const level = this.i - dotsStart;
    this.skipSpace(false);
    if (this.code() === 46) throw new Undecided();
    let module = '';
    if (!this.atKeyword('import')) module = this.readDottedName();
    if ((level === 0 && module === '') || !this.atKeyword('import')) throw new Undecided();
    this.i += 'import'.length;
    this.skipSpace(false);
    const names: string[] = [];
    if (this.code() === 42) this.i++;
    else if (this.code() === 40) {
      this.i++;
      this.readNames(names, true);
      if (this.code() !== 41) throw new Undecided();
      this.i++;
    } else this.readNames(names, false);
    this.expectStatementEnd();
    if (level === 0 && module === '__future__') return;
    this.imports.push({ module, names, level });
  }

  private atKeyword(word: string): boolean {
    return this.text.startsWith(word, this.i) && !isIdentifierPart(this.code(this.i + word.length));
  }

  /** `a as b, c`: a trailing comma only inside parentheses, at least one name. */
  private readNames(names: string[], inParens: boolean): void {
    for (;;) {
      this.skipSpace(inParens);
      if (!isIdentifierStart(this.code())) {
        if (inParens && names.length > 0 && this.code() === 41) return;
        throw new Undecided();
      }
      names.push(this.readIdentifier());
      this.skipAlias(inParens);
      if (this.code() !== 44) return;
      this.i++;
    }
  }
}
