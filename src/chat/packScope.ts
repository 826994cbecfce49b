/**
 * Turns a chat scope and the settings into a PackRequest, and a pack report into the file list
 * the webview shows. No `vscode` here: the host passes in the workspace folders.
 */
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { PackOptions, PackResult } from '../core/pack/types';
import { withDefaults, type PackRequest } from '../core/pack/request';
import type { PackReport, ReportFile } from '../core/types';
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
 * on it; `include` (see {@link packScope}) narrows that to the scope and what it imports.
 */
export function requestForScope(input: ScopeRequestInput & { include?: string[] }): PackRequest {
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
    include: input.include ?? [],
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
 * The absolute path of a report path. With one root paths are relative to it; with several,
 * each path starts with its root's folder name (see core/types.ts).
 */
export function absolutePathOf(reportPath: string, roots: readonly string[]): string {
  const parts = reportPath.split('/');
  if (roots.length > 1) {
    const root = roots.find((r) => basename(r) === parts[0]);
    if (root) return join(root, ...parts.slice(1));
  }
  return join(roots[0] ?? '', ...parts);
}

/** The packed files as the context list shows them, in output order. */
export function packedFilesOf(report: PackReport): PackedFileView[] {
  return report.files.map((f) => {
    const view: PackedFileView = { path: f.path, absPath: absolutePathOf(f.path, report.roots), tokens: f.tokens, mode: f.mode };
    if (f.reason !== undefined) view.reason = f.reason;
    return view;
  });
}

/** A workspace-relative label for a path (the scope chip). */
export function labelFor(absPath: string, workspaceFolders: readonly string[]): string {
  const folder = folderContaining(absPath, workspaceFolders);
  if (!folder) return absPath;
  const rel = relative(folder, absPath).split(sep).join('/');
  const prefix = workspaceFolders.length > 1 ? `${basename(folder)}/` : '';
  return rel === '' ? basename(folder) : `${prefix}${rel}`;
}

/** True when a webview-supplied path is one of the packed files (the host opens nothing else). */
export function isPackedFile(absPath: string, files: readonly PackedFileView[]): boolean {
  return files.some((f) => f.absPath === absPath);
}

/**
 * Report paths of the files under `scopeRel` (a file, or a folder's files) and every in-tree
 * file they import, transitively, sorted.
 */
export function dependencyClosure(files: ReadonlyArray<Pick<ReportFile, 'path' | 'imports'>>, scopeRel: string): string[] {
  const importsOf = new Map(files.map((f) => [f.path, f.imports ?? []]));
  const inScope = (path: string): boolean => path === scopeRel || path.startsWith(`${scopeRel}/`);
  const seen = new Set<string>();
  const queue = files.map((f) => f.path).filter(inScope);
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    for (const dep of importsOf.get(path) ?? []) if (!seen.has(dep)) queue.push(dep);
  }
  return [...seen].sort();
}

/** A gitignore-style pattern that matches exactly this root-relative path. */
export function exactPathGlob(path: string): string {
  return `/${path.replace(/[\\*?[\]]/g, '\\$&')}`;
}

/** Packs anything, as PackEngine.pack does. */
export type PackFunction = (request: PackRequest, options: PackOptions) => Promise<PackResult>;

/**
 * Packs a scope. The workspace is packed as it is. A folder or file is packed with what it
 * imports, and nothing else: a first pack of its workspace folder (cheap when the engine has
 * the files cached) finds the import closure, and the second packs exactly those files.
 */
export async function packScope(pack: PackFunction, input: ScopeRequestInput, options: PackOptions = {}): Promise<PackResult> {
  const request = requestForScope(input);
  if (input.scope.kind === 'workspace' || input.scope.kind === 'changes' || request.roots.length !== 1) return pack(request, options);
  const root = request.roots[0] ?? '';
  const scopeRel = relative(root, input.scope.absPath).split(sep).join('/');
  if (scopeRel === '') return pack(request, options);
  const discovery = await pack({ ...request, budget: null, reserve: 0, focus: [], query: '' }, { ...(options.signal ? { signal: options.signal } : {}) });
  const closure = dependencyClosure(discovery.report.files, scopeRel);
  if (closure.length === 0) return pack(request, options);
  return pack(requestForScope({ ...input, include: closure.map(exactPathGlob) }), options);
}
