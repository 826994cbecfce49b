import { compileQuery, withSyntaxTree, type ParserLanguage } from '../parser';
import type { FileFacts } from './facts';
import { fastJsSpecifiers } from './fastHeader';
import { endsInsideOpenLiteral, scanJsSpecifiers } from './jsScan';
import { CANDIDATES, importRegion } from './region';

/** Import forms for TS/TSX; the javascript grammar has no `import x = require()`. */
const JS_PATTERNS = [
  '(import_statement source: (string) @src)',
  '(export_statement source: (string) @src)',
  '(call_expression function: (import) arguments: (arguments . (string) @src))',
  '(call_expression function: (identifier) @callee arguments: (arguments . (string) @src))',
];
const TS_PATTERNS = [...JS_PATTERNS, '(import_require_clause source: (string) @src)'];

/**
 * Files at least this long are read by the lexer scan (jsScan.ts) instead of the parser:
 * below it the parse takes a few milliseconds, and the parser also reports syntax errors.
 */
export const SCAN_MIN_CHARS = 32 * 1024;


/**
 * Module specifiers of a JS/TS source: static and type imports, `export … from`, `import x =
 * require()`, and `import()` / `require()` called with a plain string. Comments, template literals
 * and strings never count because only syntax nodes of those forms are read. Plain headers skip
 * the parser (see fastHeader.ts), and so do long regions the lexer scan can read (see jsScan.ts);
 * `fastPath: false` forces the parser (tests compare the paths).
 */
export async function extractJsSpecifiers(text: string, lang: ParserLanguage, fastPath = true): Promise<FileFacts> {
  const region = importRegion(text, CANDIDATES.js, 'string');
  if (region === null) return { specifiers: [] };
  const fast = fastPath ? fastJsSpecifiers(region.text) : null;
  if (fast !== null) return { specifiers: fast };
  // TSX text between tags is not code, which a lexer cannot tell apart from code.
  // Judged by the whole file: a short region of a long file may end inside a string, and the
  // parser then reads the whole file again.
  if (fastPath && lang !== 'tsx' && text.length >= SCAN_MIN_CHARS) {
    const scanned = scanJsSpecifiers(region.text) ?? (region.truncated ? scanJsSpecifiers(text) : null);
    if (scanned !== null) return { specifiers: scanned };
  }
  const query = await compileQuery(lang, (lang === 'javascript' ? JS_PATTERNS : TS_PATTERNS).join('\n'));
  const read = (source: string): Promise<FileFacts & { syntaxError: boolean }> =>
    withSyntaxTree(source, lang, (root) => {
      const specifiers: string[] = [];
      for (const match of query.matches(root)) {
        let literal: string | undefined;
        let callee: string | undefined;
        for (const capture of match.captures) {
          if (capture.name === 'src') literal = capture.node.text;
          else callee = capture.node.text;
        }
        if (literal === undefined || (callee !== undefined && callee !== 'require')) continue;
        specifiers.push(literal.slice(1, -1));
      }
      return { specifiers, syntaxError: root.hasError };
    });
  // A cut inside a comment (an example import in a doc comment, say) or a template fails to parse,
  // slowly, and then the whole file is read: read it at once.
  if (fastPath && region.truncated && endsInsideOpenLiteral(region.text)) return read(text);
  const facts = await read(region.text);
  // A cut that lands inside an unclosed comment or string shows up as a syntax error: read it all.
  return facts.syntaxError && region.truncated ? read(text) : facts;
}

const SCRIPT_BLOCK = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** Vue and Svelte components: the specifiers of every `<script>` block (TypeScript when `lang="ts"`). */
export async function extractComponentSpecifiers(text: string): Promise<FileFacts> {
  const found: FileFacts = { specifiers: [] };
  for (const match of text.matchAll(SCRIPT_BLOCK)) {
    const attributes = match[1] ?? '';
    const lang: ParserLanguage = /\blang\s*=\s*["']?(ts|tsx|typescript)\b/i.test(attributes) ? 'typescript' : 'javascript';
    const block = await extractJsSpecifiers(match[2] ?? '', lang);
    found.specifiers.push(...block.specifiers);
    if (block.syntaxError === true) found.syntaxError = true;
  }
  return found;
}

/** Extracts the facts of a JS/TS-family file. */
export async function extractJsFacts(text: string, lang: ParserLanguage | 'component', fastPath = true): Promise<FileFacts> {
  return lang === 'component' ? extractComponentSpecifiers(text) : extractJsSpecifiers(text, lang, fastPath);
}
