import type { FileFacts } from './facts';
import { splitRustUse } from './rustUse';

/**
 * A one-pass Rust lexer that finds what the tree-sitter query finds: every `use` declaration
 * (in functions and inline modules too), every `extern crate`, and the top-level `mod x;`
 * declarations with the `#[path = "…"]` attribute right before them. Rust files mention `crate`
 * and `use` throughout, so the import region is nearly the whole file, which the wasm parser
 * reads at about 1 MB/s; this scan is linear and many times faster.
 *
 * It skips comments (block comments nest), strings of every kind (byte, C, raw with any number of
 * `#`), character literals and lifetimes, and the token trees of macro invocations and
 * `macro_rules!` bodies, which the parser leaves unparsed. On anything it cannot read for sure (an
 * unterminated literal, unbalanced delimiters, a comment inside a `use` tree, a keyword where no
 * item can start) it returns null and the caller parses.
 */
export function scanRustFacts(text: string): FileFacts | null {
  try {
    return new RustFactScanner(text).scan();
  } catch (error) {
    if (error instanceof Undecided) return null;
    throw error;
  }
}

/** Thrown inside the scan when the text cannot be read for sure. */
class Undecided extends Error {}

const RUST_PATH_ATTRIBUTE = /^#\[\s*path\s*=\s*"([^"]+)"\s*\]$/;
/** What a `use` tree may hold; anything else (a comment, a raw identifier) is left to the parser. */
const USE_TREE = /^[\w:{},*\s]+$/;

const isIdentifierStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
const isIdentifierPart = (c: number): boolean => isIdentifierStart(c) || (c >= 48 && c <= 57);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
const OPENERS = new Map([[40, 41], [91, 93], [123, 125]]);
/** Words after which `!` is the negation operator, not a macro call. */
const KEYWORDS = new Set(['if', 'while', 'match', 'return', 'in', 'else', 'let', 'mut', 'break', 'yield', 'move', 'as', 'where', 'for', 'loop']);

class RustFactScanner {
  private i = 0;
  private readonly facts = { specifiers: [] as string[], rustMods: [] as { name: string; path?: string }[], rustUses: [] as string[][] };
  /** Closers of the open delimiters, innermost last. */
  private readonly open: number[] = [];
  /** Open braces: a `mod x;` counts only at zero, in the file itself. */
  private braces = 0;
  /** The text of an outer attribute at file level with nothing after it yet. */
  private pendingAttribute: string | null = null;

  constructor(private readonly text: string) {}

  private code(at = this.i): number {
    return this.text.charCodeAt(at);
  }

  scan(): FileFacts {
    const { text } = this;
    while (this.i < text.length) {
      const c = this.code();
      if (isSpace(c)) {
        this.i++;
        continue;
      }
      const attribute = this.pendingAttribute;
      this.pendingAttribute = null;
      if (this.skipComment() || this.skipLiteral()) continue;
      if (c === 35 && (this.code(this.i + 1) === 91 || (this.code(this.i + 1) === 33 && this.code(this.i + 2) === 91))) {
        const start = this.i;
        const outer = this.code(this.i + 1) === 91;
        this.i += outer ? 1 : 2;
        this.skipTokenTree();
        if (outer && this.braces === 0) this.pendingAttribute = text.slice(start, this.i);
      } else if (isIdentifierStart(c)) {
        this.word(attribute);
      } else if (OPENERS.has(c)) {
        this.open.push(OPENERS.get(c) as number);
        if (c === 123) this.braces++;
        this.i++;
      } else if (c === 41 || c === 93 || c === 125) {
        if (this.open.pop() !== c) throw new Undecided();
        if (c === 125) this.braces--;
        this.i++;
      } else this.i++;
    }
    if (this.open.length > 0) throw new Undecided();
    return this.facts;
  }

  /** An identifier or keyword at the cursor, and the item it starts if it is `use`, `mod` or `extern`. */
  private word(attribute: string | null): void {
    const start = this.i;
    while (this.i < this.text.length && isIdentifierPart(this.code())) this.i++;
    const word = this.text.slice(start, this.i);
    if (word === 'pub') {
      // Visibility belongs to the item that follows: the attribute still applies to it.
      this.skipSpaceAndComments();
      if (this.code() === 40) {
        this.i++;
        this.open.push(41);
        this.skipTokenTree(true);
      }
      this.pendingAttribute = attribute;
    } else if (word === 'use') this.readUse();
    else if (word === 'mod') this.readMod(attribute);
    else if (word === 'extern') this.readExtern();
    // A macro's name touches its `!`; `if !x {` is a keyword and an operator.
    else if (this.code() === 33 && this.code(this.i + 1) !== 61 && !KEYWORDS.has(word)) this.skipMacroCall();
  }

  /** At the `!` after a name: a delimited token tree (`macro_rules! name { … }` has a name between). */
  private skipMacroCall(): void {
    this.i++;
    this.skipSpaceAndComments();
    if (isIdentifierStart(this.code())) {
      while (isIdentifierPart(this.code())) this.i++;
      this.skipSpaceAndComments();
    }
    if (!OPENERS.has(this.code())) throw new Undecided();
    this.skipTokenTree();
  }

  /** Skips a delimited token tree whose opener is at the cursor (or, with `opened`, already consumed). */
  private skipTokenTree(opened = false): void {
    const depth = opened ? this.open.length - 1 : this.open.length;
    if (!opened) {
      const closer = OPENERS.get(this.code());
      if (closer === undefined) throw new Undecided();
      this.open.push(closer);
      this.i++;
    }
    while (this.i < this.text.length) {
      const c = this.code();
      if (this.skipComment() || this.skipLiteral()) continue;
      if (OPENERS.has(c)) this.open.push(OPENERS.get(c) as number);
      else if (c === 41 || c === 93 || c === 125) {
        if (this.open.pop() !== c) throw new Undecided();
        if (this.open.length === depth) {
          this.i++;
          return;
        }
      } else if (isIdentifierStart(c)) {
        // A name is skipped whole, so `r#"…"#` inside it is never mistaken for a prefix.
        while (this.i < this.text.length && isIdentifierPart(this.code())) this.i++;
        continue;
      }
      this.i++;
    }
    throw new Undecided();
  }

  private skipSpaceAndComments(): void {
    while (this.i < this.text.length) {
      if (isSpace(this.code())) this.i++;
      else if (!this.skipComment()) return;
    }
  }

  /** Skips a line or (nested) block comment at the cursor; false when there is none. */
  private skipComment(): boolean {
    if (this.code() !== 47) return false;
    const next = this.code(this.i + 1);
    if (next === 47) {
      const end = this.text.indexOf('\n', this.i);
      this.i = end < 0 ? this.text.length : end;
      return true;
    }
    if (next !== 42) return false;
    let depth = 0;
    while (this.i < this.text.length) {
      if (this.code() === 47 && this.code(this.i + 1) === 42) {
        depth++;
        this.i += 2;
      } else if (this.code() === 42 && this.code(this.i + 1) === 47) {
        this.i += 2;
        if (--depth === 0) return true;
      } else this.i++;
    }
    throw new Undecided();
  }

  /**
   * Skips a string, raw string, byte or character literal, or a lifetime at the cursor (with any
   * `b`, `c`, `r`, `br`, `cr` prefix); false when none starts here.
   */
  private skipLiteral(): boolean {
    const { text } = this;
    let at = this.i;
    const c = this.code(at);
    if (c === 98 || c === 99) at++;
    const raw = this.code(at) === 114 && at - this.i <= 1 && (this.code(at + 1) === 34 || this.code(at + 1) === 35);
    if (raw) {
      at++;
      let hashes = 0;
      while (this.code(at) === 35) {
        hashes++;
        at++;
      }
      if (this.code(at) !== 34) {
        if (hashes !== 1 || !isIdentifierStart(this.code(at))) throw new Undecided();
        // A raw identifier, `r#use`: a name, never a keyword.
        this.i = at;
        while (isIdentifierPart(this.code())) this.i++;
        return true;
      }
      const close = `"${'#'.repeat(hashes)}`;
      const end = text.indexOf(close, at + 1);
      if (end < 0) throw new Undecided();
      this.i = end + close.length;
      return true;
    }
    const quote = this.code(at);
    if (quote === 34) {
      for (let k = at + 1; k < text.length; k++) {
        const d = this.code(k);
        if (d === 92) k++;
        else if (d === 34) {
          this.i = k + 1;
          return true;
        }
      }
      throw new Undecided();
    }
    if (quote !== 39) return false;
    // A character literal is one (escaped) character then a quote; otherwise this is a lifetime.
    if (this.code(at + 1) === 92) {
      const end = text.indexOf("'", at + 3);
      if (end < 0 || end - at > 12) throw new Undecided();
      this.i = end + 1;
      return true;
    }
    const width = (this.code(at + 1) & 0xfc00) === 0xd800 ? 2 : 1;
    if (this.code(at + 1 + width) === 39) {
      this.i = at + 2 + width;
      return true;
    }
    if (at !== this.i || !isIdentifierStart(this.code(at + 1))) throw new Undecided();
    this.i = at + 1;
    while (isIdentifierPart(this.code())) this.i++;
    return true;
  }

  /** `use tree;` after its keyword. */
  private readUse(): void {
    const end = this.text.indexOf(';', this.i);
    if (end < 0) throw new Undecided();
    const argument = this.text.slice(this.i, end).trim();
    if (argument === '' || !USE_TREE.test(argument)) throw new Undecided();
    this.facts.rustUses.push(...splitRustUse(argument));
    this.i = end + 1;
  }

  /** `mod name;` or `mod name { … }` after its keyword; the body is scanned as items. */
  private readMod(attribute: string | null): void {
    this.skipSpaceAndComments();
    const start = this.i;
    if (!isIdentifierStart(this.code())) throw new Undecided();
    while (isIdentifierPart(this.code())) this.i++;
    const name = this.text.slice(start, this.i);
    this.skipSpaceAndComments();
    if (this.code() === 123) return;
    if (this.code() !== 59) throw new Undecided();
    this.i++;
    if (this.braces !== 0) return;
    const path = attribute === null ? undefined : RUST_PATH_ATTRIBUTE.exec(attribute)?.[1];
    this.facts.rustMods.push(path === undefined ? { name } : { name, path });
  }

  /** `extern crate name [as alias];`; any other `extern` (blocks, ABIs) is left to the main loop. */
  private readExtern(): void {
    const after = this.i;
    this.skipSpaceAndComments();
    if (!this.text.startsWith('crate', this.i) || isIdentifierPart(this.code(this.i + 5))) {
      this.i = after;
      return;
    }
    this.i += 5;
    this.skipSpaceAndComments();
    const start = this.i;
    while (isIdentifierPart(this.code())) this.i++;
    const name = this.text.slice(start, this.i);
    if (name === '' || name === 'self' || !isIdentifierStart(name.charCodeAt(0))) throw new Undecided();
    this.facts.rustUses.push([name]);
  }
}
