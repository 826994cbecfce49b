/**
 * Scan stage: lists the candidate files under one or more roots and records every file or folder
 * it leaves out with a reason (see {@link SkipReason}).
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { RootPrefix, ScannedFile, SkippedFile } from '../types';
import { createLimiter } from './concurrency';
import { gitChainAbove } from './gitContext';
import { IgnoreChain, globRules } from './ignoreRules';
import { walkFolder } from './walk';

/** What to scan and what to leave out. */
export interface ScanOptions {
  /** Absolute folders to scan. */
  roots: string[];
  /** Gitignore-style globs a file must match to be kept; empty keeps all. */
  include: string[];
  /** Gitignore-style globs of files and folders to leave out (reason `excluded`). */
  exclude: string[];
  /** Honour `.gitignore` files at every level and `.git/info/exclude`. */
  useGitignore: boolean;
  /** Walk into linked folders (never in a loop). */
  followSymlinks: boolean;
  /** Keep test files and folders; when false they are skipped as `excluded`. */
  includeTests: boolean;
  signal?: AbortSignal;
  /** Entries handled so far and entries seen so far (the total grows as folders are read). */
  onProgress?: (done: number, total: number) => void;
}

/** The files kept (sorted by path), everything left out (sorted by path), and each root's prefix. */
export interface ScanResult {
  files: ScannedFile[];
  skipped: SkippedFile[];
  /** The roots in the order given, resolved, each with the prefix of its paths: the one definition of both. */
  roots: RootPrefix[];
}

/** Folder reads and stats in flight at once; enough to hide disk latency without starving others. */
const IO_CONCURRENCY = 32;

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * With several roots, each path starts with its root's folder name; equal names get a number
 * (`api/`, `api-2/`). One root: no prefix.
 */
export function rootPrefixes(roots: readonly string[]): string[] {
  if (roots.length === 1) return [''];
  const used = new Map<string, number>();
  return roots.map((root) => {
    const name = basename(root) || 'root';
    const count = (used.get(name) ?? 0) + 1;
    used.set(name, count);
    return count === 1 ? `${name}/` : `${name}-${count}/`;
  });
}

/** Each root, resolved, with the prefix of its paths: what a scan of `roots` reports. */
export function rootsWithPrefixes(roots: readonly string[]): RootPrefix[] {
  const prefixes = rootPrefixes(roots);
  return roots.map((given, i) => ({ root: resolve(given), prefix: prefixes[i] ?? '' }));
}

async function checkRoot(root: string): Promise<string> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(root)).isDirectory();
  } catch {
    throw new Error(`Cannot pack ${root}: the folder does not exist or cannot be opened. Check the path and try again.`);
  }
  if (!isFolder) throw new Error(`Cannot pack ${root}: it is a file, not a folder. Give the folder that holds it.`);
  return realpath(root);
}

/** Walks every root and returns the kept files and the skipped entries, each sorted by path. */
export async function scanFiles(options: ScanOptions): Promise<ScanResult> {
  const files: ScannedFile[] = [];
  const skipped: SkippedFile[] = [];
  const limit = createLimiter(IO_CONCURRENCY);
  const exclude = globRules(options.exclude);
  const include = globRules(options.include);
  let handled = 0;
  let seen = 0;
  const tick = (done: number, found: number): void => {
    handled += done;
    seen += found;
    options.onProgress?.(handled, seen);
  };
  const prefixes = rootPrefixes(options.roots);
  for (const [index, given] of options.roots.entries()) {
    options.signal?.throwIfAborted();
    const root = resolve(given);
    const realRoot = await checkRoot(root);
    const git = options.useGitignore ? await gitChainAbove(root) : IgnoreChain.empty();
    const ctx = {
      root, realRoot, prefix: prefixes[index] ?? '', useGitignore: options.useGitignore,
      followSymlinks: options.followSymlinks, limit, signal: options.signal, files, skipped, tick,
    };
    const rules = { git, tome: IgnoreChain.empty(), exclude, include, includeTests: options.includeTests };
    await walkFolder(ctx, { abs: root, rel: '', real: realRoot, ancestors: [] }, rules);
  }
  return { files: files.sort(byPath), skipped: skipped.sort(byPath), roots: rootsWithPrefixes(options.roots) };
}
