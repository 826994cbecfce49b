/**
 * Which names a file defines, read with a few patterns instead of a parse: a question naming
 * `closeServer` or "pager" wants the file that declares `closeServer` or `_pager_contextmanager`
 * more than the dozens that merely call them. Patterns cover the declaration keywords of the
 * languages Tome outlines (JS/TS, Python, Go, Rust, Java-likes, C-likes, Ruby, PHP) and
 * method-like lines in class bodies; a stray match only adds a name, it never removes a file.
 */

/**
 * `keyword Name` on one line, with Go's method receiver (`func (c *Context) Name`) allowed in
 * between. One line: a comment ending in "function" must not take the next line's `const` for a
 * name (and so hide the name that `const` declares).
 */
const KEYWORD_DECLARATION =
  /\b(?:function\*?|class|interface|type|enum|struct|trait|union|def|func|fn|mod|module|namespace|const|let|var|static|macro_rules!|record|object)[ \t]+(?:\([^)\n]*\)[ \t]*)?([A-Za-z_$][\w$]*)/g;
/** A Rust `impl` block names the type it implements for: `impl<T> Trait for Name`. */
const IMPL_BLOCK = /\bimpl(?:<[^>\n]*>)?\s+(?:[\w:]+(?:<[^>\n]*>)?\s+for\s+)?([A-Za-z_]\w*)/g;
/** Method-like lines: indented `name(...) {` or `name(...): T {` with optional modifiers. */
const METHOD_LINE =
  /^[ \t]+(?:(?:public|private|protected|static|async|override|readonly|abstract|get|set|final|virtual|inline)\s+)*\*?([A-Za-z_$][\w$]*)\s*(?:<[^>\n]*>)?\([^\n]*\)[^\n;=]*\{[ \t]*$/gm;
/** Object-literal and class-field functions: `name: function`, `name = (...) =>`, `name: (...) =>`. */
const FUNCTION_FIELD = /^[ \t]*([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s+)?(?:function\b|\([^)\n]*\)\s*(?::[^=\n]*)?=>)/gm;
/** Control words that method-like patterns would otherwise take for names. */
const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'else', 'do', 'with', 'elif', 'match', 'new', 'await', 'typeof', 'super', 'this']);

/** The distinct names `text` declares, in first-seen order per pattern. */
export function definedNames(text: string): string[] {
  const names = new Set<string>();
  for (const pattern of [KEYWORD_DECLARATION, IMPL_BLOCK, METHOD_LINE, FUNCTION_FIELD]) {
    for (const match of text.matchAll(pattern)) {
      const name = match[1];
      if (name !== undefined && name.length >= 2 && !NOT_NAMES.has(name)) names.add(name);
    }
  }
  return [...names];
}

/** How many keyword declarations (`function x`, `class X`, `def x`...) `text` holds: a cheap measure of how many names it defines. */
export function declarationCount(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(KEYWORD_DECLARATION)) count++;
  return count;
}

/**
 * Identifiers written in the question itself, as code: `SaveUploadedFile`, `_pager_contextmanager`,
 * `closeServer`, `ROLLDOWN_FILE_URL_`. A word counts when it mixes case inside, holds an
 * underscore, or stands in backticks. Plain words (`pager`) are left to the stem signals.
 */
export function codeIdentifiers(query: string): string[] {
  const out = new Set<string>();
  const quoted = new Set<string>();
  for (const match of query.matchAll(/`([^`]+)`/g)) {
    for (const word of (match[1] ?? '').matchAll(/[A-Za-z_$][\w$]*/g)) quoted.add(word[0]);
  }
  for (const match of query.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const word = match[0];
    const trimmed = word.replace(/^_+|_+$/g, '');
    if (trimmed.length < 3) continue;
    if (quoted.has(word) || /[a-z][A-Z]/.test(word) || /[A-Za-z0-9]_[A-Za-z0-9]/.test(word) || /^_/.test(word)) out.add(word);
  }
  return [...out].sort();
}
