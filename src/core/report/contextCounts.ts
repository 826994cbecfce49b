/**
 * A pack's report as a folder index: each folder's totals, its child folders and its own files,
 * ready to draw one folder at a time. Built where the pack ran (the pack worker), so what crosses
 * to the caller is a few numbers per file, never the rendered text or the full report, and
 * opening a folder is a lookup, not a walk over every file.
 */
import type { FileMode, PackReport, RootPrefix, SelectionReason, SkipReason } from '../types';

/** One file of a folder: packed, or found on disk and left out. */
export interface CountedFile {
  /** The last path segment. */
  name: string;
  /** Tokens of its block in the pack; 0 when it is not packed. */
  tokens: number;
  /** Its tokens in full (from the pack without a budget), when it was packed in full there. */
  fullTokens?: number;
  /** Its mode in the pack, or `skipped` when it is not in it. */
  mode: FileMode | 'skipped';
  /** Why selection gave it its mode, when a budget was applied. */
  reason?: SelectionReason;
  /** Why it is not packed, for a skipped file. */
  skipReason?: SkipReason;
}

/** One folder: sums over everything below it, and what sits directly in it. */
export interface CountedFolder {
  /** Report path without a trailing slash; '' for the root. */
  path: string;
  /** Tokens in the pack, summed over the packed files below. */
  tokens: number;
  /** Tokens in full, summed over the files below that have {@link CountedFile.fullTokens}. */
  fullTokens: number;
  /** Packed files below. */
  fileCount: number;
  /** Files below with a size in full, the ones {@link fullTokens} sums. */
  fullFileCount: number;
  /** Paths of the child folders, by name. */
  folders: string[];
  /** The files directly in this folder, by name. */
  files: CountedFile[];
}

/** The folder index of a pack. */
export interface ContextCounts {
  /** The pack's roots and the prefixes their paths carry, to find a file on disk. */
  rootPrefixes: RootPrefix[];
  budget: number | null;
  reserve: number;
  /** Folder path → folder; always holds the root, ''. */
  folders: Map<string, CountedFolder>;
}

/** Skips worth showing: the ones the user can undo by checking the file again. */
const SHOWN_SKIPS: ReadonlySet<SkipReason> = new Set(['excluded']);

/** Names sort the way the editor's explorer shows them, the same on every run. */
const byName = new Intl.Collator(undefined, { sensitivity: 'variant' }).compare;

/**
 * The folder index of `report` (the pack to show), with each file's size in full taken from
 * `fullReport` (the same request without a budget) when given, else from `report` for the files
 * it packs in full. Files skipped as excluded are listed with no tokens, so they can be checked
 * again; other skips (binary, gitignored…) are not.
 */
export function contextCounts(report: PackReport, fullReport?: PackReport): ContextCounts {
  const source = fullReport ?? report;
  const full = new Map<string, number>();
  for (const f of source.files) if (f.mode === 'full') full.set(f.path, f.tokens);
  const folders = new Map<string, CountedFolder>([['', emptyFolder('')]]);
  for (const f of report.files) {
    const fullTokens = full.get(f.path);
    const file: CountedFile = { name: baseName(f.path), tokens: f.tokens, mode: f.mode };
    if (fullTokens !== undefined) file.fullTokens = fullTokens;
    if (f.reason !== undefined) file.reason = f.reason;
    add(folders, f.path, file);
  }
  for (const s of report.skipped) {
    if (SHOWN_SKIPS.has(s.reason)) add(folders, s.path, { name: baseName(s.path), tokens: 0, mode: 'skipped', skipReason: s.reason });
  }
  for (const folder of folders.values()) {
    folder.folders.sort((a, b) => byName(baseName(a), baseName(b)));
    folder.files.sort((a, b) => byName(a.name, b.name));
  }
  return { rootPrefixes: report.rootPrefixes, budget: report.budget, reserve: report.reserve, folders };
}

function emptyFolder(path: string): CountedFolder {
  return { path, tokens: 0, fullTokens: 0, fileCount: 0, fullFileCount: 0, folders: [], files: [] };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Files `file` under its folder (creating the folders up to the root) and adds it to every total on the way. */
function add(folders: Map<string, CountedFolder>, path: string, file: CountedFile): void {
  let folder = folderAt(folders, parentOf(path));
  folder.files.push(file);
  const packed = file.mode === 'skipped' ? 0 : 1;
  const hasFull = file.fullTokens === undefined ? 0 : 1;
  for (;;) {
    folder.tokens += file.tokens;
    folder.fileCount += packed;
    folder.fullTokens += file.fullTokens ?? 0;
    folder.fullFileCount += hasFull;
    if (folder.path === '') return;
    folder = folderAt(folders, parentOf(folder.path));
  }
}

function folderAt(folders: Map<string, CountedFolder>, path: string): CountedFolder {
  const found = folders.get(path);
  if (found) return found;
  const folder = emptyFolder(path);
  folders.set(path, folder);
  folderAt(folders, parentOf(path)).folders.push(path);
  return folder;
}

/** The file at `path` in `counts`, if it is listed. */
export function countedFile(counts: ContextCounts, path: string): CountedFile | undefined {
  const name = baseName(path);
  return counts.folders.get(parentOf(path))?.files.find((f) => f.name === name);
}
