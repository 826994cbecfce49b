import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser, type Node } from '@vscode/tree-sitter-wasm';

export type { Node as SyntaxNode } from '@vscode/tree-sitter-wasm';

/**
 * The folder holding `tree-sitter.wasm` and the grammars: `dist/wasm` beside the bundles (the
 * build copies it there), else the package in node_modules when running from sources.
 */
function wasmFolder(): string {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  const beside = join(here, 'wasm');
  if (existsSync(join(beside, 'tree-sitter.wasm'))) return beside;
  for (let dir = here; ; dir = dirname(dir)) {
    const inPackage = join(dir, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
    if (existsSync(join(inPackage, 'tree-sitter.wasm'))) return inPackage;
    if (dirname(dir) === dir) throw new Error('The tree-sitter grammars were not found; reinstall Tome (npm ci) to restore them.');
  }
}

/**
 * One parser runtime per process, loaded on first use: the wasm runtime is costly to start and
 * holds no per-pack state, so sharing it cannot leak one pack's data into another.
 */
let runtime: Promise<{ parser: Parser; folder: string }> | undefined;
const grammars = new Map<string, Promise<Language>>();

async function loadRuntime(): Promise<{ parser: Parser; folder: string }> {
  const folder = wasmFolder();
  await Parser.init({ locateFile: (file: string) => join(folder, file) });
  return { parser: new Parser(), folder };
}

/**
 * Parses `text` with the grammar in `<grammar>.wasm` and hands the root node to `use`; the tree
 * is freed afterwards (wasm memory is not garbage-collected), so `use` must not keep nodes.
 */
export async function withSyntaxTree<T>(grammar: string, text: string, use: (root: Node) => T): Promise<T | null> {
  runtime ??= loadRuntime();
  const { parser, folder } = await runtime;
  let language = grammars.get(grammar);
  if (language === undefined) {
    language = Language.load(join(folder, `tree-sitter-${grammar}.wasm`));
    grammars.set(grammar, language);
  }
  parser.setLanguage(await language);
  const tree = parser.parse(text);
  if (tree === null) return null;
  try {
    return use(tree.rootNode);
  } finally {
    tree.delete();
  }
}
