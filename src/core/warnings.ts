/**
 * Non-fatal problems a pack meets, as data: a code and the fields its words are made of. Each
 * carries its English words as `message` too, because the JSON report (`tome pack --report`)
 * has always held them; the extension words the same data through l10n instead.
 */

/** A warning's code and fields. */
export type CoreWarning =
  /** The file's bytes were not valid UTF-8 (the warning's `path` names it). */
  | { code: 'invalid-utf8' }
  /** The rendered output came out over the budget. */
  | { code: 'over-budget'; tokens: number; limit: number }
  /** A root asked for its diff or log is not in a git repository. */
  | { code: 'not-a-git-repository'; root: string }
  /** Files whose imports could not be extracted at all; `examples` are the first few, with the error. */
  | { code: 'imports-unreadable'; count: number; examples: string[] }
  /** Files with syntax the parser could not read; `examples` are the first few paths. */
  | { code: 'syntax-errors'; count: number; examples: string[] }
  /** A config file the resolver reads (tsconfig, package.json, composer.json) is not valid JSON. */
  | { code: 'config-not-json'; file: string; config: 'tsconfig' | 'package' | 'composer' }
  /** A tsconfig extends a file that is not there. */
  | { code: 'extends-not-found'; file: string; parent: string }
  /** A tsconfig `paths` entry matches no file of the tree. */
  | { code: 'paths-match-nothing'; file: string; pattern: string }
  /** `tome pack --split`: one file is larger than a part, so it is shown smaller. */
  | { code: 'file-larger-than-part'; path: string; tokens: number; partTokens: number; shownAs: 'outline' | 'path-only' }
  /** `tome pack --split`: a part is over its size because its fixed sections alone do not fit. */
  | { code: 'part-over-size'; part: number; tokens: number; partTokens: number };

/** A warning's data with its English words. */
export type WordedWarning = CoreWarning & { message: string };

/** The English words of a warning (the CLI prints these). */
export function describeWarning(w: CoreWarning): string {
  switch (w.code) {
    case 'invalid-utf8':
      return 'Not valid UTF-8; undecodable bytes were replaced by U+FFFD.';
    case 'over-budget':
      return `The output holds ${w.tokens} tokens, over the ${w.limit} the budget allows.`;
    case 'not-a-git-repository':
      return `${w.root} is not inside a git repository; it has no diff or log in this pack.`;
    case 'imports-unreadable':
      return `${w.count} file(s) could not be read for imports and are packed without import links: ${w.examples.join(', ')}.`;
    case 'syntax-errors':
      return `${w.count} file(s) have syntax the parser could not read; their imports come from the parts that parsed: ${w.examples.join(', ')}${w.count > w.examples.length ? ', …' : ''}.`;
    case 'config-not-json':
      if (w.config === 'tsconfig') return `${w.file} is not valid JSON, so its path aliases were ignored; fix the file to resolve imports through it.`;
      if (w.config === 'package') return `${w.file} is not valid JSON, so imports of that package were not resolved; fix the file to link them.`;
      return `${w.file} is not valid JSON, so its PSR-4 autoload folders were ignored; fix the file to link PHP classes.`;
    case 'extends-not-found':
      return `${w.file} extends ${w.parent}, which was not found; its settings were skipped.`;
    case 'paths-match-nothing':
      return `${w.file}: paths entry "${w.pattern}" points to no file in the tree; imports through it stay unresolved.`;
    case 'file-larger-than-part':
      return `${w.path} (${w.tokens} tokens) does not fit a part of ${w.partTokens} tokens; it is shown as ${w.shownAs === 'outline' ? 'an outline' : 'its path only'}.`;
    case 'part-over-size':
      return `Part ${w.part} holds ${w.tokens} tokens, over ${w.partTokens}: the instructions, diff and log alone do not fit.`;
  }
}

/** The warning with its English words attached. */
export function worded(w: CoreWarning): WordedWarning {
  return { ...w, message: describeWarning(w) };
}

/** A warning callback of the graph's resolvers; the graph keeps one of each. */
export type Warn = (w: CoreWarning) => void;
