/**
 * The Context view's tree: folders and files with the exact tokens the next pack would give
 * each, the mode and its reason, folder totals and the share of the window they take. It is
 * read from a pack's folder index ({@link ContextCounts}, built where the pack ran) one folder
 * at a time, so opening a folder costs only its own entries. Plain data, no `vscode`.
 */
import {
  type PackReport,
  type FileMode,
  type SelectionReason,
  type SkipReason,
  contextCounts,
  type ContextCounts,
  type CountedFile,
  type CountedFolder,
} from '../core';
import { isUnder, type PinMode, type Steering } from './contextSteering';

/** One file or folder as the view draws it. */
export interface ContextItem {
  /** Report path (`/`-separated); a folder's has no trailing slash; the root's is ''. */
  path: string;
  /** The last path segment. */
  name: string;
  kind: 'file' | 'folder';
  /** Tokens in the pack: the file's block, or the sum over a folder's packed files. */
  tokens: number;
  /** A file's tokens in full (from a pack without a budget), when that pack was given. */
  fullTokens?: number;
  /** Share of the budget (window less reserve) these tokens take, 0..1; null without a budget. */
  share: number | null;
  /** A file's mode in the pack, or `excluded`/`skipped` when it is not in it. Folders: undefined. */
  mode?: FileMode | 'excluded' | 'skipped';
  /** Why selection gave a file its mode, when a budget was applied. */
  reason?: SelectionReason;
  /** Why a file found on disk is not packed. */
  skipReason?: SkipReason;
  /** False when the user left this path (or a folder holding it) out. */
  included: boolean;
  /** The pin set on this very path. */
  pin?: PinMode;
  /** Packed files under a folder (1 for a packed file). */
  fileCount: number;
}

/** A counted pack and the steering it is drawn with. */
export interface ContextTree {
  counts: ContextCounts;
  steering: Steering;
}

/** An item with all its children, for callers that want the whole tree at once. */
export interface ContextNode extends ContextItem {
  /** Children, folders first, then by name. Empty for files. */
  children: ContextNode[];
}

/** The root item: the whole workspace's totals. */
export function rootItem(tree: ContextTree): ContextItem {
  return folderItem(tree, folderOf(tree, ''));
}

/** The children of the folder at `path` ('' for the root): folders first, then files, each by name. */
export function childItems(tree: ContextTree, path: string): ContextItem[] {
  const folder = tree.counts.folders.get(path);
  if (!folder) return [];
  const folders = folder.folders.map((p) => folderItem(tree, folderOf(tree, p)));
  return [...folders, ...folder.files.map((f) => fileItem(tree, folder.path, f))];
}

/** The item at `path` (the root for ''), if the tree holds it. */
export function findItem(tree: ContextTree, path: string): ContextItem | undefined {
  const folder = tree.counts.folders.get(path);
  if (folder) return folderItem(tree, folder);
  const slash = path.lastIndexOf('/');
  const parent = tree.counts.folders.get(slash < 0 ? '' : path.slice(0, slash));
  const file = parent?.files.find((f) => f.name === path.slice(slash + 1));
  return parent && file ? fileItem(tree, parent.path, file) : undefined;
}

/**
 * The whole tree of a report, every folder expanded. Files the steering left out appear
 * unchecked (their skip is `excluded`), so they can be checked again; files skipped for other
 * reasons (binary, gitignored…) are not shown.
 */
export function buildContextTree(report: PackReport, steering: Steering, fullReport?: PackReport): ContextNode {
  const tree: ContextTree = { counts: contextCounts(report, fullReport), steering };
  const expand = (item: ContextItem): ContextNode => ({ ...item, children: item.kind === 'folder' ? childItems(tree, item.path).map(expand) : [] });
  return expand(rootItem(tree));
}

/** The node at `path` (the root for ''), if the tree holds it. */
export function findNode(root: ContextNode, path: string): ContextNode | undefined {
  if (path === root.path) return root;
  for (const child of root.children) {
    if (isUnder(path, child.path)) return findNode(child, path);
  }
  return undefined;
}

/** A share as the view shows it: "12%", "<1%" for a sliver, "" without a budget. */
export function shareText(share: number | null): string {
  if (share === null) return '';
  if (share > 0 && share < 0.01) return '<1%';
  return `${Math.round(share * 100)}%`;
}

function folderOf(tree: ContextTree, path: string): CountedFolder {
  return tree.counts.folders.get(path) ?? { path, tokens: 0, fullTokens: 0, fileCount: 0, fullFileCount: 0, folders: [], files: [] };
}

function excludedBy(steering: Steering, path: string): boolean {
  return steering.excluded.some((p) => isUnder(path, p));
}

function shareOf(counts: ContextCounts, tokens: number): number | null {
  return counts.budget === null ? null : tokens / Math.max(1, counts.budget - counts.reserve);
}

function withPin(item: ContextItem, steering: Steering): ContextItem {
  const pin = steering.pins[item.path];
  return pin ? { ...item, pin } : item;
}

function folderItem(tree: ContextTree, folder: CountedFolder): ContextItem {
  const name = folder.path.slice(folder.path.lastIndexOf('/') + 1);
  const included = folder.path === '' || !excludedBy(tree.steering, folder.path);
  const item: ContextItem = { path: folder.path, name, kind: 'folder', tokens: folder.tokens, share: shareOf(tree.counts, folder.tokens), included, fileCount: folder.fileCount };
  return withPin(item, tree.steering);
}

function fileItem(tree: ContextTree, folderPath: string, file: CountedFile): ContextItem {
  const path = folderPath === '' ? file.name : `${folderPath}/${file.name}`;
  const item: ContextItem = { path, name: file.name, kind: 'file', tokens: file.tokens, share: shareOf(tree.counts, file.tokens), included: true, fileCount: file.mode === 'skipped' ? 0 : 1, mode: file.mode };
  if (file.fullTokens !== undefined) item.fullTokens = file.fullTokens;
  if (file.reason !== undefined) item.reason = file.reason;
  if (file.skipReason !== undefined) item.skipReason = file.skipReason;
  if (file.mode === 'skipped' && excludedBy(tree.steering, path)) {
    item.mode = 'excluded';
    item.included = false;
  }
  return withPin(item, tree.steering);
}
