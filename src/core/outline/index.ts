import { outlineLanguageFor } from './languages';
import { renderOutline } from './render';
import { withSyntaxTree } from '../parser';

export { outlineLanguageFor } from './languages';
export { OUTLINE_FACTS_VERSION } from './version';

/**
 * The outline of a source file: imports, exported and top-level declarations with their
 * signatures, types, class members' signatures and shortened doc comments, with function bodies
 * and long literals replaced by `{ … }`-style markers (`...` in Python). Languages: TypeScript,
 * JavaScript (incl. JSX/TSX), Python, Go, Rust, Java, C, C++, C# and Ruby. Returns null for other
 * languages and for files the parser cannot read, which budget selection then lists by path.
 */
export async function outlineSource(path: string, text: string): Promise<string | null> {
  const language = outlineLanguageFor(path);
  if (language === null) return null;
  try {
    return await withSyntaxTree(text, language.parser, (root) => renderOutline(root, text, language));
  } catch {
    // A grammar that fails to load or a parser fault costs this file its outline, not the pack.
    return null;
  }
}
