/**
 * Ignore files with git's semantics. Each `.gitignore` (or `.tomeignore`) applies to paths
 * relative to its own folder; a deeper file overrides a shallower one, and within a file the last
 * matching pattern wins (the npm `ignore` package implements one file's rules exactly). A path
 * inside an ignored folder is never re-included: the walk does not enter ignored folders.
 */
import { readFile } from 'node:fs/promises';
import ignore, { type Ignore } from 'ignore';

/** One ignore file's rules and how to turn a root-relative path into a path relative to it. */
interface IgnoreLevel {
  rules: Ignore;
  /** Root-relative folder of the file, '' for the root, with a trailing '/' otherwise. */
  base: string;
  /** Path from the ignore file's folder down to the root, for files above the root ('' otherwise). */
  above: string;
}

/** An immutable chain of ignore levels, shallowest first. Children share their parent's levels. */
export class IgnoreChain {
  private constructor(private readonly levels: readonly IgnoreLevel[]) {}

  /** A chain with no rules. */
  static empty(): IgnoreChain {
    return new IgnoreChain([]);
  }

  /** This chain plus the rules in `text`, which live in the root-relative folder `base`. */
  withRules(text: string, base: string, above = ''): IgnoreChain {
    const rules = ignore({ allowRelativePaths: true, ignorecase: false }).add(text);
    const dir = base === '' ? '' : `${base}/`;
    return new IgnoreChain([...this.levels, { rules, base: dir, above }]);
  }

  /**
   * True when `path` (root-relative, '/'-separated) is ignored. `isDir` adds git's trailing slash
   * so folder-only patterns (`build/`) match folders and not files of that name.
   */
  ignores(path: string, isDir: boolean): boolean {
    let ignored = false;
    for (const level of this.levels) {
      if (level.base !== '' && !path.startsWith(level.base)) continue;
      const local = level.above + path.slice(level.base.length) + (isDir ? '/' : '');
      const verdict = level.rules.test(local);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }
}

/** Reads an ignore file; a missing or unreadable one counts as empty (git does the same). */
export async function readIgnoreFile(absPath: string): Promise<string | null> {
  try {
    return await readFile(absPath, 'utf8');
  } catch {
    return null;
  }
}

/** Rules from user globs (gitignore syntax); null when there are none. */
export function globRules(globs: readonly string[]): Ignore | null {
  const patterns = globs.map((g) => g.trim()).filter((g) => g !== '');
  return patterns.length === 0 ? null : ignore({ allowRelativePaths: true, ignorecase: false }).add(patterns);
}
