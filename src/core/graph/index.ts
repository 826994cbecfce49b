import type { ImportGraph } from '../types';
import { extractJsFacts } from './extractJs';
import { extractOtherFacts } from './extractOther';
import type { FileFacts } from './facts';
import { importLanguageOf, type ImportLanguage } from './languages';
import { CResolver, RubyResolver } from './resolveFiles';
import { GoResolver } from './resolveGo';
import { JsResolver } from './resolveJs';
import { PythonResolver } from './resolvePython';
import { CSharpResolver, JvmResolver, PhpResolver } from './resolveQualified';
import { RustResolver } from './resolveRust';
import { noImports, type LanguageResolver, type ResolvedImports } from './resolved';
import { TreeIndex } from './tree';
import { worded, type Warn, type WordedWarning } from '../warnings';

/** A file the graph stage can read imports from. */
export interface GraphInput {
  path: string;
  absPath: string;
  root: string;
  text: string;
}

/** Options for {@link buildImportGraph}. */
export interface GraphOptions {
  /** Absolute roots the files come from. The stage reads nothing under them: see `configs`. */
  roots: string[];
  /**
   * Texts of config files the scan left out (see {@link isGraphConfigName}), by tree path. The
   * stage never reads the disk, so a config missing here is a config that does not exist.
   */
  configs?: ReadonlyMap<string, string>;
  /** Import facts the caller already knows, by path: those files are not parsed (their text may be ''). */
  knownFacts?: ReadonlyMap<string, FileFacts>;
  /** Filled with the facts of every file parsed now, by path, for the caller to keep. */
  learnedFacts?: Map<string, FileFacts>;
  signal?: AbortSignal;
}

export { isGraphConfigName } from './tree';
export type { FileFacts } from './facts';
export { importLanguageOf } from './languages';

/**
 * Parsing yields to the event loop after this much time, so work waiting on this thread (token
 * counts coming back from worker threads, the next batch going out) goes on while it parses.
 */
const YIELD_AFTER_MS = 8;

/** How many example paths a grouped warning names. */
const WARNING_EXAMPLES = 5;

async function extractFacts(text: string, lang: ImportLanguage): Promise<FileFacts> {
  return lang.family === 'js' ? extractJsFacts(text, lang.grammar) : extractOtherFacts(text, lang.family);
}

/** One resolver per language family, built lazily: most trees use one or two languages. */
function resolverFactory(
  tree: TreeIndex,
  facts: ReadonlyMap<string, FileFacts>,
  warn: Warn,
): (lang: ImportLanguage) => LanguageResolver {
  const made = new Map<string, LanguageResolver>();
  const create = (family: string): LanguageResolver => {
    switch (family) {
      case 'js': {
        const js = new JsResolver(tree, warn);
        return {
          resolve: (path, fileFacts) => {
            const out = noImports();
            for (const specifier of fileFacts.specifiers) {
              const found = js.resolve(specifier, path);
              if (found.kind === 'file') out.files.push(found.path);
              else if (found.kind === 'external') out.external.push(found.name);
              else out.unresolved.push(specifier);
            }
            return out;
          },
        };
      }
      case 'python': return new PythonResolver(tree);
      case 'go': return new GoResolver(tree);
      case 'rust': return new RustResolver(tree);
      case 'java': case 'kotlin': return new JvmResolver(facts);
      case 'c': return new CResolver(tree);
      case 'csharp': return new CSharpResolver(facts);
      case 'ruby': return new RubyResolver(tree);
      default: return new PhpResolver(tree, facts, warn);
    }
  };
  return (lang) => {
    const key = lang.family === 'kotlin' ? 'java' : lang.family;
    let resolver = made.get(key);
    if (resolver === undefined) {
      resolver = create(key);
      made.set(key, resolver);
    }
    return resolver;
  };
}

/** Sorted by code units, duplicates dropped; most files have one or no entry, so those skip the work. */
const sortedUnique = (items: string[]): string[] =>
  items.length < 2 ? items : [...new Set(items)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Builds the import graph of `files`: in-tree edges and external names per file. Imports are read
 * with real parsers (so commented-out and quoted imports never count) and resolved against the
 * set of packed paths. A file that cannot be read or parsed keeps no edges and adds a warning;
 * the graph is always returned.
 */
export async function buildImportGraph(files: readonly GraphInput[], options: GraphOptions): Promise<ImportGraph> {
  const warnings: WordedWarning[] = [];
  const warn: Warn = (w) => {
    const next = worded(w);
    if (!warnings.some((seen) => seen.message === next.message)) warnings.push(next);
  };
  const tree = new TreeIndex(files, options.configs);
  const facts = new Map<string, FileFacts>();
  const languages = new Map<string, ImportLanguage>();
  const syntaxErrors: string[] = [];
  const failures: string[] = [];
  let seen = 0;
  let lastYield = performance.now();
  for (const file of files) {
    if (++seen % 256 === 0) options.signal?.throwIfAborted();
    if (performance.now() - lastYield >= YIELD_AFTER_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
    const lang = importLanguageOf(file.path);
    if (lang === null) continue;
    languages.set(file.path, lang);
    try {
      const known = options.knownFacts?.get(file.path);
      const fileFacts = known ?? (await extractFacts(file.text, lang));
      if (known === undefined) options.learnedFacts?.set(file.path, fileFacts);
      facts.set(file.path, fileFacts);
      if (fileFacts.syntaxError === true) syntaxErrors.push(file.path);
    } catch (error) {
      failures.push(`${file.path} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  options.signal?.throwIfAborted();
  const resolverFor = resolverFactory(tree, facts, warn);
  const imports = new Map<string, string[]>();
  const external = new Map<string, string[]>();
  const unresolved = new Map<string, string[]>();
  for (const file of files) {
    const fileFacts = facts.get(file.path);
    const lang = languages.get(file.path);
    let result: ResolvedImports = noImports();
    if (fileFacts !== undefined && lang !== undefined) result = resolverFor(lang).resolve(file.path, fileFacts);
    imports.set(file.path, sortedUnique(result.files.includes(file.path) ? result.files.filter((p) => p !== file.path) : result.files));
    external.set(file.path, sortedUnique(result.external));
    if (result.unresolved.length > 0) unresolved.set(file.path, sortedUnique(result.unresolved));
  }
  if (failures.length > 0) {
    warnings.push(worded({ code: 'imports-unreadable', count: failures.length, examples: failures.slice(0, WARNING_EXAMPLES) }));
  }
  if (syntaxErrors.length > 0) {
    warnings.push(worded({ code: 'syntax-errors', count: syntaxErrors.length, examples: syntaxErrors.slice(0, WARNING_EXAMPLES) }));
  }
  return { imports, external, unresolved, warnings };
}
