/**
 * Turns a chat scope and the settings into a PackRequest, and a pack report into the file list
 * the webview shows. No `vscode` here: the host passes in the workspace folders.
 */
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { type PackOptions, type PackResult, withDefaults, type PackRequest, type PackReport, type RootPrefix, rootPrefixes } from '../core';
import type { ChatScope, PackedFileView } from '../shared/model';
import type { TomeSettings } from './settings';

/** Settings that shape a pack. */
export type PackSettings = Pick<TomeSettings, 'encoding' | 'format' | 'exclude' | 'maxFileSize' | 'includeTests'>;

/** Where and how to pack, apart from the budget. */
export interface ScopeRequestInput {
  scope: ChatScope;
  /** Absolute paths of the workspace folders. */
  workspaceFolders: readonly string[];
  settings: PackSettings;
  budget: number | null;
  reserve: number;
  query: string;
}

/** The workspace folder that holds `absPath`, if any. */
export function folderContaining(absPath: string, workspaceFolders: readonly string[]): string | undefined {
  return workspaceFolders.find((folder) => {
    const rel = relative(folder, absPath);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

/**
 * The pack request for a scope. A folder or file is packed from its workspace folder with focus
 * on it and, as the request's scope, narrowed to it and what it imports (resolved in core).
 */
export function requestForScope(input: ScopeRequestInput): PackRequest {
  const { scope, settings } = input;
  let roots: string[];
  let focus: string[] = [];
  if (scope.kind === 'workspace') {
    roots = [...input.workspaceFolders];
  } else if (scope.kind === 'changes') {
    // The diff section and the changed files (ranked first by core) are the scope.
    roots = [folderContaining(scope.absPath, input.workspaceFolders) ?? scope.absPath];
  } else {
    const folder = folderContaining(scope.absPath, input.workspaceFolders);
    roots = [folder ?? (scope.kind === 'folder' ? scope.absPath : join(scope.absPath, '..'))];
    if (roots[0] !== scope.absPath) focus = [scope.absPath];
  }
  return withDefaults({
    roots,
    focus,
    ...(focus.length > 0 ? { scope: { paths: focus } } : {}),
    format: settings.format,
    encoding: settings.encoding,
    exclude: settings.exclude,
    maxFileSize: settings.maxFileSize,
    includeTests: settings.includeTests,
    budget: input.budget,
    reserve: input.reserve,
    query: input.query,
    ...(scope.kind === 'changes' ? { git: { diff: scope.base === null ? { kind: 'worktree' as const } : { kind: 'base' as const, base: scope.base } } } : {}),
  });
}

/**
 * The absolute path of a report path: the root whose prefix starts the path (the longest, so
 * `api-2/x` finds the second `api` root, not the first), joined with the rest. The prefixes are
 * the scan's, carried by the report, never guessed from folder names.
 */
export function absolutePathOf(reportPath: string, roots: readonly RootPrefix[]): string {
  let best: RootPrefix | undefined;
  for (const r of roots) if (reportPath.startsWith(r.prefix) && (best === undefined || r.prefix.length > best.prefix.length)) best = r;
  if (best === undefined) return join(roots[0]?.root ?? '', ...reportPath.split('/'));
  return join(best.root, ...reportPath.slice(best.prefix.length).split('/'));
}

/** The packed files as the context list shows them, in output order. */
export function packedFilesOf(report: PackReport): PackedFileView[] {
  return report.files.map((f) => {
    const view: PackedFileView = { path: f.path, absPath: absolutePathOf(f.path, report.rootPrefixes), tokens: f.tokens, mode: f.mode };
    if (f.reason !== undefined) view.reason = f.reason;
    return view;
  });
}

/** A workspace-relative label for a path (the scope chip). */
export function labelFor(absPath: string, workspaceFolders: readonly string[]): string {
  const folder = folderContaining(absPath, workspaceFolders);
  if (!folder) return absPath;
  const rel = relative(folder, absPath).split(sep).join('/');
  // The scan's prefixes, so two folders with the same name get `api/` and `api-2/` here too.
  const prefix = rootPrefixes(workspaceFolders)[workspaceFolders.indexOf(folder)] ?? '';
  return rel === '' ? basename(folder) : `${prefix}${rel}`;
}

/** True when a webview-supplied path is one of the packed files (the host opens nothing else). */
export function isPackedFile(absPath: string, files: readonly PackedFileView[]): boolean {
  return files.some((f) => f.absPath === absPath);
}

/** Packs anything, as PackEngine.pack does. */
export type PackFunction = (request: PackRequest, options: PackOptions) => Promise<PackResult>;

/**
 * Packs a scope: one pack. A folder or file is packed with what it imports and nothing else, the
 * closure found by core from the import graph the pack builds (see PackRequest.scope).
 */
export function packScope(pack: PackFunction, input: ScopeRequestInput, options: PackOptions = {}): Promise<PackResult> {
  return pack(requestForScope(input), options);
}
