/**
 * Lines that an outline keeps in almost every language: top-level declarations and imports, and
 * member declarations introduced by a modifier. Statements inside bodies rarely look like this,
 * so the total length of such lines is close to (usually below) the outline's length.
 */
const DECLARATION_LINE =
  /^(?:(?:export|import|from|function|class|interface|type|enum|const|let|var|def|async|func|fn|pub|struct|trait|impl|mod|use|package|public|private|protected|abstract|final|static|typedef|namespace|template|#include|#define)\b[^\n]*|\s+(?:public|private|protected|static|readonly|abstract|override|def|fn|pub|func)\b[^\n]*)$/gm;

/**
 * A rough lower estimate of a file's outline length in characters, without parsing. Used only
 * to skip parsing files whose outline could not fit the room left; never to decide a fit.
 */
export function roughOutlineChars(text: string): number {
  let total = 0;
  for (const match of text.matchAll(DECLARATION_LINE)) total += match[0].length + 1;
  return total;
}
