import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser, Query, type Node, type Tree } from '@vscode/tree-sitter-wasm';

export type { Node as SyntaxNode, Tree as SyntaxTree } from '@vscode/tree-sitter-wasm';

/** Languages with a tree-sitter grammar shipped by `@vscode/tree-sitter-wasm`. C is parsed with `cpp`. */
export type ParserLanguage =
  | 'typescript' | 'tsx' | 'javascript' | 'python' | 'go' | 'rust' | 'java' | 'cpp' | 'csharp' | 'ruby' | 'php';

/** Grammar file stem for each language: `tree-sitter-<stem>.wasm`. */
const GRAMMAR_FILE: Record<ParserLanguage, string> = {
  typescript: 'typescript', tsx: 'tsx', javascript: 'javascript', python: 'python', go: 'go', rust: 'rust',
  java: 'java', cpp: 'cpp', csharp: 'c-sharp', ruby: 'ruby', php: 'php',
};

/** File extension (lower case, with dot) → grammar. `.d.ts`, `.mts`, `.cts` are TypeScript; JSX goes through tsx. */
const LANGUAGE_BY_EXTENSION: Record<string, ParserLanguage> = {
  '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'tsx',
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.py': 'python', '.pyi': 'python', '.go': 'go', '.rs': 'rust', '.java': 'java',
  '.c': 'cpp', '.h': 'cpp', '.cc': 'cpp', '.cpp': 'cpp', '.cxx': 'cpp', '.hpp': 'cpp', '.hh': 'cpp', '.hxx': 'cpp',
  '.ipp': 'cpp', '.inl': 'cpp', '.cs': 'csharp', '.rb': 'ruby', '.php': 'php',
};

/** The grammar that parses `path` (by extension), or null when none is shipped. */
export function languageForPath(path: string): ParserLanguage | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return null;
  return LANGUAGE_BY_EXTENSION[path.slice(dot).toLowerCase()] ?? null;
}

/**
 * The folder holding `tree-sitter.wasm` and the grammars: `wasm/` beside the running bundle (the
 * build copies it to dist/wasm), else the package in node_modules when running from TS sources.
 */
function wasmFolder(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const beside = join(here, 'wasm');
  if (existsSync(join(beside, 'tree-sitter.wasm'))) return beside;
  for (let dir = here; ; dir = dirname(dir)) {
    const inPackage = join(dir, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
    if (existsSync(join(inPackage, 'tree-sitter.wasm'))) return inPackage;
    if (dirname(dir) === dir) {
      throw new Error('The tree-sitter grammars were not found; reinstall Tome (npm ci) to restore them.');
    }
  }
}

/**
 * The runtime and grammars are process-wide and loaded once, lazily: starting wasm is costly and
 * they hold no per-pack data, so sharing them cannot leak one pack into another.
 */
let runtimeFolder: Promise<string> | undefined;
const languages = new Map<ParserLanguage, Promise<Language>>();
const parsers = new Map<ParserLanguage, Parser>();
const queries = new Map<string, Query>();

async function initRuntime(): Promise<string> {
  const folder = wasmFolder();
  await Parser.init({ locateFile: (file: string) => join(folder, file) });
  return folder;
}

/** Loads the grammar for `lang` (once) and returns it; later calls are cheap. */
export async function loadLanguage(lang: ParserLanguage): Promise<Language> {
  let language = languages.get(lang);
  if (language === undefined) {
    runtimeFolder ??= initRuntime();
    const folder = await runtimeFolder;
    language = Language.load(join(folder, `tree-sitter-${GRAMMAR_FILE[lang]}.wasm`));
    languages.set(lang, language);
  }
  return language;
}

/** A parser set to `lang`, one per language so callers never race on `setLanguage`. */
async function parserFor(lang: ParserLanguage): Promise<Parser> {
  const language = await loadLanguage(lang);
  let parser = parsers.get(lang);
  if (parser === undefined) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(lang, parser);
  }
  return parser;
}

/**
 * Parses `text` as `lang`. The caller owns the tree and must call `tree.delete()` (wasm memory is
 * not garbage-collected); prefer {@link withSyntaxTree}, which does that for you.
 */
export async function parseSource(text: string, lang: ParserLanguage): Promise<Tree> {
  const parser = await parserFor(lang);
  const tree = parser.parse(text);
  if (tree === null) throw new Error(`The ${lang} parser gave up on this file.`);
  return tree;
}

/**
 * Parses `text`, hands the root node to `use` and frees the tree afterwards, so `use` must not
 * keep nodes (copy out strings and positions instead).
 */
export async function withSyntaxTree<T>(text: string, lang: ParserLanguage, use: (root: Node) => T): Promise<T> {
  const tree = await parseSource(text, lang);
  try {
    return use(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/**
 * A compiled tree-sitter query for `lang`, cached by source text: compiling is slow, running is
 * fast. Queries live as long as the process (a handful per language).
 */
export async function compileQuery(lang: ParserLanguage, source: string): Promise<Query> {
  const key = `${lang}\u0000${source}`;
  let query = queries.get(key);
  if (query === undefined) {
    query = new Query(await loadLanguage(lang), source);
    queries.set(key, query);
  }
  return query;
}
