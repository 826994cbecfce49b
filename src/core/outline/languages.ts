import { languageForPath, type ParserLanguage, type SyntaxNode } from '../parser';

/** How to outline one language: which parts keep their text and which become a marker. */
export interface OutlineLanguage {
  /** The grammar that parses it (see src/core/parser). */
  parser: ParserLanguage;
  /** Node types whose `body` field is replaced by a marker (functions, methods, lambdas). */
  bodyOwners: ReadonlySet<string>;
  /** Literal node types (data tables, long strings) shortened when long. */
  literals: ReadonlySet<string>;
  /** Whether a top-level statement belongs in the outline at all. */
  keepTopLevel: (node: SyntaxNode) => boolean;
  /** Python marks an omitted block with `...` (see render.ts); others with `blockMarker`. */
  indentedBlocks: boolean;
  /** What an omitted block becomes; `{ … }` unless the language has no braces. */
  blockMarker?: string;
}

const JS_BODY_OWNERS = new Set([
  'function_declaration', 'generator_function_declaration', 'function_expression', 'function',
  'generator_function', 'arrow_function', 'method_definition', 'class_static_block',
]);
const JS_LITERALS = new Set(['object', 'array', 'template_string', 'string']);
const JS_DROPPED = new Set([
  'if_statement', 'for_statement', 'for_in_statement', 'while_statement', 'do_statement', 'try_statement',
  'switch_statement', 'return_statement', 'throw_statement', 'labeled_statement', 'statement_block', 'empty_statement',
]);
/** Top-level expressions that define the module's API (CommonJS exports, type registration). */
const JS_EXPORTING_EXPRESSION = /^(module\.exports|exports\.|Object\.defineProperty\(\s*exports)/;

function keepJsTopLevel(node: SyntaxNode): boolean {
  if (JS_DROPPED.has(node.type)) return false;
  if (node.type === 'expression_statement') return JS_EXPORTING_EXPRESSION.test(node.text.slice(0, 60));
  return true;
}

const PYTHON_KEPT = new Set([
  'import_statement', 'import_from_statement', 'future_import_statement', 'function_definition',
  'class_definition', 'decorated_definition', 'type_alias_statement',
]);

function keepPythonTopLevel(node: SyntaxNode): boolean {
  if (PYTHON_KEPT.has(node.type)) return true;
  if (node.type !== 'expression_statement') return false;
  // Module constants, `__all__` and type aliases are API; a bare call is not.
  const first = node.namedChildren[0];
  return first?.type === 'assignment' || first?.type === 'string';
}

const keepAll = (): boolean => true;
/** Ruby top-level calls that shape the API (`require`, `include`, `attr_reader`); others run code. */
const RUBY_DECLARING_CALL = /^(require|require_relative|include|extend|prepend|attr_\w+|autoload|module_function|private_constant)\b/;
const C_DROPPED = new Set(['expression_statement', 'if_statement', 'for_statement', 'while_statement', 'compound_statement']);

const typescriptLike = (parser: ParserLanguage): OutlineLanguage => ({
  parser,
  bodyOwners: JS_BODY_OWNERS,
  literals: JS_LITERALS,
  keepTopLevel: keepJsTopLevel,
  indentedBlocks: false,
});

/** Outline rules per grammar; PHP parses but has no rules yet, so it is listed by path. */
const LANGUAGES: Partial<Record<ParserLanguage, OutlineLanguage>> = {
  typescript: typescriptLike('typescript'),
  tsx: typescriptLike('tsx'),
  javascript: typescriptLike('javascript'),
  python: {
    parser: 'python',
    bodyOwners: new Set(['function_definition']),
    literals: new Set(['dictionary', 'list', 'set', 'tuple', 'string']),
    keepTopLevel: keepPythonTopLevel,
    indentedBlocks: true,
  },
  go: {
    parser: 'go',
    bodyOwners: new Set(['function_declaration', 'method_declaration', 'func_literal']),
    literals: new Set(['literal_value', 'raw_string_literal', 'interpreted_string_literal']),
    keepTopLevel: keepAll,
    indentedBlocks: false,
  },
  rust: {
    parser: 'rust',
    bodyOwners: new Set(['function_item', 'closure_expression']),
    literals: new Set(['array_expression', 'token_tree', 'string_literal', 'raw_string_literal']),
    keepTopLevel: (node) => node.type !== 'expression_statement',
    indentedBlocks: false,
  },
  java: {
    parser: 'java',
    bodyOwners: new Set(['method_declaration', 'constructor_declaration', 'lambda_expression', 'compact_constructor_declaration']),
    literals: new Set(['array_initializer', 'string_literal', 'text_block']),
    keepTopLevel: keepAll,
    indentedBlocks: false,
  },
  csharp: {
    parser: 'csharp',
    bodyOwners: new Set([
      'method_declaration', 'constructor_declaration', 'destructor_declaration', 'operator_declaration',
      'conversion_operator_declaration', 'accessor_declaration', 'local_function_statement', 'lambda_expression',
    ]),
    literals: new Set(['initializer_expression', 'string_literal', 'verbatim_string_literal', 'raw_string_literal']),
    keepTopLevel: (node) => node.type !== 'global_statement',
    indentedBlocks: false,
  },
  ruby: {
    parser: 'ruby',
    bodyOwners: new Set(['method', 'singleton_method', 'lambda', 'do_block', 'block']),
    literals: new Set(['hash', 'array', 'string', 'heredoc_body']),
    keepTopLevel: (node) => node.type !== 'call' || RUBY_DECLARING_CALL.test(node.text),
    indentedBlocks: false,
    blockMarker: '…',
  },
  cpp: {
    parser: 'cpp',
    bodyOwners: new Set(['function_definition', 'lambda_expression']),
    literals: new Set(['initializer_list', 'string_literal', 'raw_string_literal', 'concatenated_string']),
    keepTopLevel: (node) => !C_DROPPED.has(node.type),
    indentedBlocks: false,
  },
};

/** The outline rules for a path's language, or null when Tome cannot outline it. */
export function outlineLanguageFor(path: string): OutlineLanguage | null {
  const parser = languageForPath(path);
  return parser === null ? null : (LANGUAGES[parser] ?? null);
}
