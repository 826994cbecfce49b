/**
 * Turns a chat scope and the settings into a PackRequest, and a pack report into the file list
 * the webview shows. No `vscode` here: the host passes in the workspace folders.
 */
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { withDefaults, type PackRequest } from '../../core/request';
import type { PackReport } from '../../core/types';
import type { ChatScope, PackedFileView } from '../../shared/model';
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
 * The pack request for a scope. A folder is packed on its own; a file is packed with the rest
 * of its workspace folder and given focus, so the definitions it uses come along under a budget.
 */
export function requestForScope(input: ScopeRequestInput): PackRequest {
  const { scope, settings } = input;
  let roots: string[];
  let focus: string[] = [];
  if (scope.kind === 'workspace') {
    roots = [...input.workspaceFolders];
  } else if (scope.kind === 'folder') {
    roots = [scope.absPath];
  } else {
    const folder = folderContaining(scope.absPath, input.workspaceFolders);
    roots = [folder ?? join(scope.absPath, '..')];
    focus = [scope.absPath];
  }
  return withDefaults({
    roots,
    focus,
    format: settings.format,
    encoding: settings.encoding,
    exclude: settings.exclude,
    maxFileSize: settings.maxFileSize,
    includeTests: settings.includeTests,
    budget: input.budget,
    reserve: input.reserve,
    query: input.query,
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
  return report.files.map((f) => ({ path: f.path, absPath: absolutePathOf(f.path, report.roots), tokens: f.tokens, mode: f.mode }));
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
