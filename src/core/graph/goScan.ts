/**
 * A one-pass Go lexer that finds the import paths the tree-sitter query finds, for the files whose
 * header the line-based reading in fastHeader.ts refuses (block comments, cgo preambles, specs
 * with trailing comments of any kind). It skips comments, interpreted and raw strings and runes,
 * and reads every `import` declaration at file level: a single spec or a parenthesised list, each
 * spec an optional name, `.` or `_` and then the path as written (quotes stripped, escapes kept,
 * as the parser's node text is). `import` is a keyword, so one inside a block is text it cannot
 * read for sure; then, and on an unterminated literal or unbalanced delimiters, it returns null
 * and the caller parses.
 */
export function scanGoImports(text: string): string[] | null {
  try {
    return new GoImportScanner(text).scan();
  } catch (error) {
    if (error instanceof Undecided) return null;
    throw error;
  }
}

/** Thrown inside the scan when the text cannot be read for sure. */
class Undecided extends Error {}

const isIdentifierStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
const isIdentifierPart = (c: number): boolean => isIdentifierStart(c) || (c >= 48 && c <= 57);
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 13;

class GoImportScanner {
  private i = 0;
  private readonly paths: string[] = [];

  constructor(private readonly text: string) {}

  private code(at = this.i): number {
    return this.text.charCodeAt(at);
  }

  scan(): string[] {
    let depth = 0;
    while (this.i < this.text.length) {
      const c = this.code();
      if (this.skipComment() || this.skipLiteral()) continue;
      if (isIdentifierStart(c)) {
        const start = this.i;
        while (isIdentifierPart(this.code())) this.i++;
        if (this.i - start === 6 && this.text.startsWith('import', start)) {
          if (depth !== 0) throw new Undecided();
          this.readImport();
        }
        continue;
      }
      if (c === 40 || c === 91 || c === 123) depth++;
      else if ((c === 41 || c === 93 || c === 125) && --depth < 0) throw new Undecided();
      this.i++;
    }
    if (depth !== 0) throw new Undecided();
    return this.paths;
  }

  /** Skips a line or block comment at the cursor; false when there is none. */
  private skipComment(): boolean {
    if (this.code() !== 47) return false;
    const next = this.code(this.i + 1);
    if (next === 47) {
      const end = this.text.indexOf('\n', this.i);
      this.i = end < 0 ? this.text.length : end;
      return true;
    }
    if (next !== 42) return false;
    const end = this.text.indexOf('*/', this.i + 2);
    if (end < 0) throw new Undecided();
    this.i = end + 2;
    return true;
  }

  /** Skips an interpreted or raw string or a rune at the cursor; false when none starts here. */
  private skipLiteral(): boolean {
    const quote = this.code();
    if (quote === 96) {
      const end = this.text.indexOf('`', this.i + 1);
      if (end < 0) throw new Undecided();
      this.i = end + 1;
      return true;
    }
    if (quote !== 34 && quote !== 39) return false;
    for (let k = this.i + 1; k < this.text.length; k++) {
      const c = this.code(k);
      if (c === 92) k++;
      else if (c === quote) {
        this.i = k + 1;
        return true;
      } else if (c === 10) break;
    }
    throw new Undecided();
  }

  /** Blanks, comments and (inside a list) newlines and semicolons. */
  private skipSpace(newlines: boolean): void {
    while (this.i < this.text.length) {
      const c = this.code();
      if (isBlank(c) || (newlines && (c === 10 || c === 59))) this.i++;
      else if (!this.skipComment()) return;
    }
  }

  /** After the keyword: one spec, or `( spec… )`. */
  private readImport(): void {
    this.skipSpace(false);
    if (this.code() !== 40) {
      this.readSpec();
      return;
    }
    this.i++;
    for (;;) {
      this.skipSpace(true);
      if (this.code() === 41) {
        this.i++;
        return;
      }
      this.readSpec();
    }
  }

  /** `[name | . | _] "path"`, then the end of the spec. */
  private readSpec(): void {
    const c = this.code();
    if (isIdentifierStart(c)) {
      while (isIdentifierPart(this.code())) this.i++;
      this.skipSpace(false);
    } else if (c === 46) {
      this.i++;
      this.skipSpace(false);
    }
    const start = this.i;
    const quote = this.code();
    if (quote !== 34 && quote !== 96) throw new Undecided();
    this.skipLiteral();
    this.paths.push(this.text.slice(start + 1, this.i - 1));
    this.skipSpace(false);
    const end = this.code();
    if (this.i < this.text.length && end !== 10 && end !== 59 && end !== 41) throw new Undecided();
  }
}
