/**
 * The directory walk of one root: reads each folder once, prunes ignored folders without
 * entering them (what keeps `node_modules` cheap), and stats the files it keeps.
 */
import type { Dirent, Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { ScannedFile, SkippedFile } from '../types';
import { classifyDir, classifyFile, type EntryRules, type Verdict } from './classify';
import type { Limiter } from './concurrency';
import { readIgnoreFile } from './ignoreRules';

/** Everything one root's walk shares. */
export interface WalkContext {
  root: string;
  /** Real path of the root, to tell links that leave it. */
  realRoot: string;
  /** '' for a single root, else the root's name and a slash. */
  prefix: string;
  useGitignore: boolean;
  followSymlinks: boolean;
  limit: Limiter;
  signal?: AbortSignal;
  files: ScannedFile[];
  skipped: SkippedFile[];
  /** Called after each folder with the entries handled and the entries seen so far. */
  tick: (handled: number, seen: number) => void;
}

/** One folder to walk: where it is, its root-relative path and the real paths above it. */
interface Folder {
  abs: string;
  rel: string;
  real: string;
  ancestors: readonly string[];
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
}

function inside(real: string, realRoot: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

/** Walks `folder` and everything under it that the rules keep. */
export async function walkFolder(ctx: WalkContext, folder: Folder, inherited: EntryRules): Promise<void> {
  ctx.signal?.throwIfAborted();
  let entries: Dirent[];
  try {
    entries = await ctx.limit(() => readdir(folder.abs, { withFileTypes: true }));
  } catch (error) {
    if (folder.rel === '') throw error;
    const code = errorCode(error);
    ctx.skipped.push({ path: `${ctx.prefix}${folder.rel}/`, reason: code === 'ENOENT' ? 'vanished' : 'unreadable', detail: code });
    return;
  }
  const names = new Set(entries.map((e) => e.name));
  const rules = await rulesHere(ctx, folder, inherited, names);
  const children: Promise<void>[] = [];
  for (const entry of entries) {
    const rel = folder.rel === '' ? entry.name : `${folder.rel}/${entry.name}`;
    const shown = ctx.prefix + rel;
    const skip = (verdict: Verdict, isDir: boolean): void => {
      ctx.skipped.push({ path: isDir ? `${shown}/` : shown, ...verdict });
    };
    if (entry.isDirectory()) {
      const verdict = classifyDir(rules, entry.name, rel, shown, names);
      if (verdict) skip(verdict, true);
      else children.push(enterFolder(ctx, folder, entry.name, rel, folder.real + sep + entry.name, rules, skip));
    } else if (entry.isFile()) {
      const verdict = classifyFile(rules, entry.name, rel, shown);
      if (verdict) skip(verdict, false);
      else children.push(addFile(ctx, join(folder.abs, entry.name), shown, skip));
    } else if (entry.isSymbolicLink()) {
      children.push(followLink(ctx, folder, entry.name, rel, shown, rules, names, skip));
    } else {
      skip({ reason: 'unreadable', detail: 'not a regular file' }, false);
    }
  }
  ctx.tick(entries.length, entries.length);
  await Promise.all(children);
}

async function rulesHere(ctx: WalkContext, folder: Folder, rules: EntryRules, names: ReadonlySet<string>): Promise<EntryRules> {
  let { git, tome } = rules;
  if (ctx.useGitignore && names.has('.gitignore')) {
    const text = await ctx.limit(() => readIgnoreFile(join(folder.abs, '.gitignore')));
    if (text !== null) git = git.withRules(text, folder.rel);
  }
  if (names.has('.tomeignore')) {
    const text = await ctx.limit(() => readIgnoreFile(join(folder.abs, '.tomeignore')));
    if (text !== null) tome = tome.withRules(text, folder.rel);
  }
  return git === rules.git && tome === rules.tome ? rules : { ...rules, git, tome };
}

async function enterFolder(
  ctx: WalkContext,
  parent: Folder,
  name: string,
  rel: string,
  real: string,
  rules: EntryRules,
  skip: (verdict: Verdict, isDir: boolean) => void,
): Promise<void> {
  const ancestors = [...parent.ancestors, parent.real];
  if (ancestors.includes(real) || real === parent.real) {
    skip({ reason: 'symlink', detail: 'link loop: leads back to a folder above it' }, true);
    return;
  }
  await walkFolder(ctx, { abs: join(parent.abs, name), rel, real, ancestors }, rules);
}

async function addFile(ctx: WalkContext, abs: string, shown: string, skip: (v: Verdict, isDir: boolean) => void, known?: Stats): Promise<void> {
  let stats: Stats;
  try {
    // Synchronous on purpose: a stat of a file the folder listing just returned is served from
    // the kernel's cache in microseconds, while each promise-based stat costs a thread-pool
    // round trip and garbage (4-5x slower on a 100k-file tree). Packs run off the UI thread.
    stats = known ?? statSync(abs);
  } catch (error) {
    const code = errorCode(error);
    skip({ reason: code === 'ENOENT' ? 'vanished' : 'unreadable', detail: code }, false);
    return;
  }
  ctx.files.push({ path: shown, absPath: abs, root: ctx.root, size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino });
}

/**
 * Links to files inside the root are packed like the files they point to. Links to folders are
 * followed only on request and never into a folder above them (a loop).
 */
async function followLink(
  ctx: WalkContext,
  folder: Folder,
  name: string,
  rel: string,
  shown: string,
  rules: EntryRules,
  siblings: ReadonlySet<string>,
  skip: (verdict: Verdict, isDir: boolean) => void,
): Promise<void> {
  const abs = join(folder.abs, name);
  let target: Stats;
  let real: string;
  try {
    [target, real] = await ctx.limit(() => Promise.all([stat(abs), realpath(abs)]));
  } catch (error) {
    const code = errorCode(error);
    const detail = code === 'ELOOP' ? 'link loop' : code === 'ENOENT' ? 'broken link: its target does not exist' : code;
    skip({ reason: 'symlink', detail }, false);
    return;
  }
  if (target.isDirectory()) {
    const verdict = classifyDir(rules, name, rel, shown, siblings);
    if (verdict) skip(verdict, true);
    else if (!ctx.followSymlinks) skip({ reason: 'symlink', detail: 'link to a folder (links are followed only when asked)' }, true);
    else await enterFolder(ctx, folder, name, rel, real, rules, skip);
    return;
  }
  const verdict = classifyFile(rules, name, rel, shown);
  if (verdict) skip(verdict, false);
  else if (!target.isFile()) skip({ reason: 'unreadable', detail: 'not a regular file' }, false);
  else if (!ctx.followSymlinks && !inside(real, ctx.realRoot)) skip({ reason: 'symlink', detail: 'link to a file outside the root' }, false);
  else await addFile(ctx, abs, shown, skip, target);
}
