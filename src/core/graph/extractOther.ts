import { compileQuery, withSyntaxTree, type ParserLanguage, type SyntaxNode } from '../parser';
import type { FileFacts, PythonImport } from './facts';
import { fastGoImports, fastJavaFacts, fastPythonImports, fastRustFacts } from './fastHeader';
import { scanGoImports } from './goScan';
import { scanPythonImports } from './pyScan';
import { scanRustFacts } from './rustScan';
import { CANDIDATES, importRegion, type StatementEnd } from './region';
import { splitRustUse } from './rustUse';

/** Strips one layer of quotes, backticks or angle brackets. */
function unquote(text: string): string {
  return text.length >= 2 ? text.slice(1, -1) : text;
}

/** Runs `patterns` over `text` parsed as `lang` and hands each capture to `visit` while the tree lives. */
/**
 * Runs `patterns` over `text` parsed as `lang` and hands each capture to `visit` while the tree
 * lives. With a `candidates` pattern only the import region is parsed (see region.ts). Returns
 * whether the parser met syntax it could not read (only known when the whole file was parsed).
 */
async function visitCaptures(
  text: string,
  lang: ParserLanguage,
  patterns: string,
  visit: (name: string, node: SyntaxNode) => void,
  candidates?: RegExp,
  end: StatementEnd = 'line',
): Promise<boolean> {
  const region = candidates === undefined ? { text, truncated: false } : importRegion(text, candidates, end);
  if (region === null) return false;
  const query = await compileQuery(lang, patterns);
  // A cut that lands inside an unclosed comment or string shows up as a syntax error: read it all.
  const run = (source: string): Promise<boolean | null> =>
    withSyntaxTree(source, lang, (root) => {
      if (source !== text && root.hasError) return null;
      for (const capture of query.captures(root)) visit(capture.name, capture.node);
      return root.hasError;
    });
  return (await run(region.text)) ?? (await run(text)) ?? true;
}

function pythonNames(statement: SyntaxNode): string[] {
  return statement.childrenForFieldName('name').flatMap((n) => {
    if (n === null) return [];
    const name = n.type === 'aliased_import' ? n.childForFieldName('name') : n;
    return name === null ? [] : [name.text];
  });
}

async function pythonFacts(text: string): Promise<FileFacts> {
  const python: PythonImport[] = [];
  const syntaxError = await visitCaptures(text, 'python', '(import_statement) @plain (import_from_statement) @from', (name, node) => {
    if (name === 'plain') {
      for (const module of pythonNames(node)) python.push({ module, names: [], level: 0 });
      return;
    }
    const from = node.childForFieldName('module_name');
    if (from === null) return;
    let level = 0;
    let module = from.text;
    if (from.type === 'relative_import') {
      const prefix = from.namedChildren.find((c) => c?.type === 'import_prefix');
      level = prefix?.text.length ?? 0;
      module = from.namedChildren.find((c) => c?.type === 'dotted_name')?.text ?? '';
    }
    python.push({ module, names: pythonNames(node), level });
  }, CANDIDATES.python, 'parenList');
  return { specifiers: [], python, syntaxError };
}

async function goFacts(text: string): Promise<FileFacts> {
  const specifiers: string[] = [];
  const syntaxError = await visitCaptures(
    text, 'go', '(import_spec path: (_) @path)', (_, node) => specifiers.push(unquote(node.text)), CANDIDATES.go, 'parenList',
  );
  return { specifiers, syntaxError };
}

const RUST_PATH_ATTRIBUTE = /^#\[\s*path\s*=\s*"([^"]+)"\s*\]$/;

async function rustFacts(text: string): Promise<FileFacts> {
  const rustMods: { name: string; path?: string }[] = [];
  const rustUses: string[][] = [];
  const patterns = '(mod_item) @mod (use_declaration argument: (_) @use) (extern_crate_declaration name: (identifier) @crate)';
  const syntaxError = await visitCaptures(text, 'rust', patterns, (name, node) => {
    if (name === 'use') rustUses.push(...splitRustUse(node.text));
    else if (name === 'crate') rustUses.push([node.text]);
    else if (node.childForFieldName('body') === null && node.parent?.type === 'source_file') {
      const modName = node.childForFieldName('name')?.text;
      if (modName === undefined) return;
      const attribute = node.previousNamedSibling;
      const pathMatch = attribute?.type === 'attribute_item' ? RUST_PATH_ATTRIBUTE.exec(attribute.text) : null;
      rustMods.push(pathMatch?.[1] === undefined ? { name: modName } : { name: modName, path: pathMatch[1] });
    }
  }, CANDIDATES.rust, 'semicolon');
  return { specifiers: [], rustMods, rustUses, syntaxError };
}

/** `import static a.b.C.d;` → `a.b.C.d`; `import a.b.*;` → `a.b.*`. */
function javaImportName(text: string): string {
  return text.replace(/^import\s+(static\s+)?/, '').replace(/\s+|;/g, '');
}

async function javaFacts(text: string): Promise<FileFacts> {
  const declares: string[] = [];
  const qualified: string[] = [];
  const syntaxError = await visitCaptures(text, 'java', '(package_declaration (_) @pkg) (import_declaration) @imp', (name, node) => {
    if (name === 'pkg') declares.push(node.text.replace(/\s+/g, ''));
    else qualified.push(javaImportName(node.text));
  }, CANDIDATES.java, 'semicolon');
  return { specifiers: [], declares, qualified, syntaxError };
}

/**
 * Kotlin has no shipped grammar, but its header is regular: optional file annotations, `package`,
 * then `import` lines, before any declaration. Reading only that header with comments skipped is
 * exact; nothing after the first declaration can be an import.
 */
function kotlinFacts(text: string): FileFacts {
  const declares: string[] = [];
  const qualified: string[] = [];
  const header = text.replace(/\/\*[\s\S]*?\*\//g, ' ').split('\n');
  for (const raw of header) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '' || line.startsWith('@file:')) continue;
    const pkg = /^package\s+([\w.`]+)/.exec(line);
    const imp = /^import\s+([\w.`]+(?:\.\*)?)/.exec(line);
    if (pkg?.[1] !== undefined) declares.push(pkg[1].replace(/`/g, ''));
    else if (imp?.[1] !== undefined) qualified.push(imp[1].replace(/`/g, ''));
    else break;
  }
  return { specifiers: [], declares, qualified };
}

async function cFacts(text: string): Promise<FileFacts> {
  const specifiers: string[] = [];
  const angleIncludes: string[] = [];
  const syntaxError = await visitCaptures(text, 'cpp', '(preproc_include path: (_) @path)', (_, node) => {
    if (node.type === 'system_lib_string') angleIncludes.push(unquote(node.text));
    else if (node.type === 'string_literal') specifiers.push(unquote(node.text));
  }, CANDIDATES.c);
  return { specifiers, angleIncludes, syntaxError };
}

async function csharpFacts(text: string): Promise<FileFacts> {
  const declares: string[] = [];
  const qualified: string[] = [];
  const patterns =
    '(using_directive) @using (namespace_declaration name: (_) @ns) (file_scoped_namespace_declaration name: (_) @ns)';
  const syntaxError = await visitCaptures(text, 'csharp', patterns, (name, node) => {
    if (name === 'ns') declares.push(node.text.replace(/\s+/g, ''));
    else qualified.push(node.text.replace(/^(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?/, '').replace(/\s+|;/g, ''));
  });
  return { specifiers: [], declares, qualified, syntaxError };
}

async function rubyFacts(text: string): Promise<FileFacts> {
  const specifiers: string[] = [];
  const relative: string[] = [];
  if (!/\b(require|require_relative|load)\b/.test(text)) return { specifiers, relative };
  const patterns = '(call method: (identifier) @method arguments: (argument_list . (string (string_content) @name) .))';
  const query = await compileQuery('ruby', patterns);
  const syntaxError = await withSyntaxTree(text, 'ruby', (root) => {
    for (const match of query.matches(root)) {
      const method = match.captures.find((c) => c.name === 'method')?.node.text;
      const name = match.captures.find((c) => c.name === 'name')?.node.text;
      if (name === undefined) continue;
      if (method === 'require_relative') relative.push(name);
      else if (method === 'require' || method === 'load') specifiers.push(name);
    }
    return root.hasError;
  });
  return { specifiers, relative, syntaxError };
}

const PHP_INCLUDES = '[(require_expression) (require_once_expression) (include_expression) (include_once_expression)] @inc';

async function phpFacts(text: string): Promise<FileFacts> {
  const specifiers: string[] = [];
  const relative: string[] = [];
  const declares: string[] = [];
  const qualified: string[] = [];
  const patterns = `${PHP_INCLUDES} (namespace_definition name: (_) @ns) (namespace_use_clause) @use`;
  const syntaxError = await visitCaptures(text, 'php', patterns, (name, node) => {
    if (name === 'ns') declares.push(node.text);
    else if (name === 'use') {
      const target = node.namedChildren.find((c) => c?.type === 'qualified_name' || c?.type === 'name');
      if (target !== undefined && target !== null) qualified.push(target.text.replace(/^\\/, ''));
    } else {
      const argument = node.namedChildren[0];
      if (argument === undefined || argument === null) return;
      if (argument.type === 'string' || argument.type === 'encapsed_string') specifiers.push(unquote(argument.text));
      const left = argument.childForFieldName('left');
      const right = argument.childForFieldName('right');
      if (argument.type === 'binary_expression' && left?.text === '__DIR__' && right !== null) {
        if (right.type === 'string' || right.type === 'encapsed_string') relative.push(`.${unquote(right.text)}`);
      }
    }
  });
  return { specifiers, relative, declares, qualified, syntaxError };
}

/** Language families handled here (JS/TS lives in extractJs). */
export type OtherLanguage = 'python' | 'go' | 'rust' | 'java' | 'kotlin' | 'c' | 'csharp' | 'ruby' | 'php';

/** The parser-free reading of a plain header, for the languages whose headers have a fixed shape. */
function fastFacts(text: string, lang: OtherLanguage): FileFacts | null {
  const read = (pattern: RegExp, end: StatementEnd, fast: (region: string) => FileFacts | null): FileFacts | null => {
    const region = importRegion(text, pattern, end);
    return region === null ? null : fast(region.text);
  };
  switch (lang) {
    case 'python': {
      const region = importRegion(text, CANDIDATES.python, 'parenList');
      if (region === null) return null;
      // A cut inside a string or bracket leaves the lexer undecided: it then reads the whole file.
      const python = fastPythonImports(region.text) ?? scanPythonImports(region.text) ?? (region.truncated ? scanPythonImports(text) : null);
      return python === null ? null : { specifiers: [], python };
    }
    case 'go': return read(CANDIDATES.go, 'parenList', (r) => {
      const specifiers = fastGoImports(r) ?? scanGoImports(text);
      return specifiers === null ? null : { specifiers };
    });
    // Read whole: the lexer needs balanced braces to tell file-level `mod x;` declarations.
    case 'rust': {
      const region = importRegion(text, CANDIDATES.rust, 'semicolon');
      return region === null ? null : fastRustFacts(region.text) ?? scanRustFacts(text);
    }
    case 'java': return read(CANDIDATES.java, 'semicolon', fastJavaFacts);
    default: return null;
  }
}

/**
 * Extracts the import facts of a non-JS file: plain headers without the parser (see
 * fastHeader.ts), Python, Rust and Go by lexer scans (pyScan.ts, rustScan.ts, goScan.ts), the
 * rest with tree-sitter. `fastPath: false` forces the parser.
 */
export async function extractOtherFacts(text: string, lang: OtherLanguage, fastPath = true): Promise<FileFacts> {
  const fast = fastPath ? fastFacts(text, lang) : null;
  if (fast !== null) return fast;
  switch (lang) {
    case 'python': return pythonFacts(text);
    case 'go': return goFacts(text);
    case 'rust': return rustFacts(text);
    case 'java': return javaFacts(text);
    case 'kotlin': return kotlinFacts(text);
    case 'c': return cFacts(text);
    case 'csharp': return csharpFacts(text);
    case 'ruby': return rubyFacts(text);
    case 'php': return phpFacts(text);
  }
}
