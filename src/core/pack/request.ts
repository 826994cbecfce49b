import type { ModeRule } from '../config/types';
import type { GitRequest } from '../git/context';
import type { Encoding, OrderMode, OutputFormat } from '../types';

/** What to pack. Every field but `roots` has a default (see {@link withDefaults}). */
export interface PackRequest {
  /** Absolute folders to pack. */
  roots: string[];
  format: OutputFormat;
  encoding: Encoding;
  /** Token budget for the whole rendered output, or null for no limit. */
  budget: number | null;
  /** Tokens kept free for the question, history and answer; subtracted from the budget. */
  reserve: number;
  /** Globs (gitignore-style, relative to the root) a file must match to be packed; empty = all. */
  include: string[];
  /** Globs (gitignore-style) of files to leave out. */
  exclude: string[];
  /** Files larger than this many bytes are skipped as `too-large`. */
  maxFileSize: number;
  /** Honour .gitignore files and .git/info/exclude. */
  useGitignore: boolean;
  /** Follow symbolic links to folders (never loops either way). */
  followSymlinks: boolean;
  order: OrderMode;
  /** Paths (absolute, or relative to the first root) whose files come first under a budget. */
  focus: string[];
  /** Pack only these files and folders and what they import (see {@link PackScope}); absent: everything. */
  scope?: PackScope;
  /** The user's question, used to rank files under a budget. */
  query: string;
  /** Move files with uncommitted git changes to the end of the output. */
  volatileLast: boolean;
  /** Pack test files too (they rank lower under a budget either way). */
  includeTests: boolean;
  /** A diff and/or log to pack; the changed files join the focus. Absent: no git context. */
  git?: GitRequest;
  /**
   * Per-glob modes (from tome.config.json), first match wins: `exclude` leaves a file out,
   * `outline` and `path-only` cap its mode before the budget is fitted, `full` caps nothing.
   */
  modes?: ModeRule[];
  /** Number the lines of full file blocks (`12: …`). */
  lineNumbers?: boolean;
  /** Text that heads the pack (the config file's instructions), already redacted. */
  instructions?: string;
}

/**
 * A folder or file and its dependency closure: the files under `paths` (absolute, or relative to
 * the first root) and every in-tree file they import, transitively, resolved in the pack from the
 * import graph it builds anyway. The rest are reported as skipped (`not-included`). When no packed
 * file lies under the paths, the pack is not narrowed. A path naming a whole root narrows nothing.
 */
export interface PackScope {
  paths: string[];
}

/** 1 MB: larger files are almost always data, bundles or fixtures. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** Fills in the defaults of a partial request. */
export function withDefaults(request: Partial<PackRequest> & { roots: string[] }): PackRequest {
  return {
    format: 'xml',
    encoding: 'o200k_base',
    budget: null,
    reserve: 0,
    include: [],
    exclude: [],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    useGitignore: true,
    followSymlinks: false,
    order: 'dependency',
    focus: [],
    query: '',
    volatileLast: false,
    includeTests: true,
    ...request,
  };
}

/** The part of a request the scan stage reads. */
export function scanOptionsOf(request: PackRequest): Pick<PackRequest, 'roots' | 'include' | 'exclude' | 'useGitignore' | 'followSymlinks' | 'includeTests'> {
  const { roots, include, exclude, useGitignore, followSymlinks, includeTests } = request;
  return { roots, include, exclude, useGitignore, followSymlinks, includeTests };
}
