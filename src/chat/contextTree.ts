/**
 * The Context view's tree, built from a pack report: folders and files with the exact tokens
 * the next pack would give each, the mode and its reason, folder totals and the share of the
 * window they take. Plain data, no `vscode`; the view only draws it.
 */
import type { PackReport, FileMode, SelectionReason, SkipReason } from '../core/types';
import { isUnder, type PinMode, type Steering } from './contextSteering';

/** One file or folder of the tree. */
export interface ContextNode {
  /** Report path (`/`-separated); a folder's has no trailing slash. */
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
  /** Children, folders first, then by name. Empty for files. */
  children: ContextNode[];
}

/** Skips the tree shows as unchecked files (the user can check them again); other skips are not shown. */
const SHOWN_SKIPS: ReadonlySet<SkipReason> = new Set(['excluded']);

/**
 * The tree of a report. Files the steering left out appear unchecked (their skip is `excluded`),
 * so they can be checked again; files skipped for other reasons (binary, gitignored…) are not shown.
 */
export function buildContextTree(report: PackReport, steering: Steering, fullReport?: PackReport): ContextNode {
  const full = new Map(fullReport?.files.filter((f) => f.mode === 'full').map((f) => [f.path, f.tokens]));
  const budget = report.budget === null ? null : Math.max(1, report.budget - report.reserve);
  const root = folderNode('', '');
  const excludedBy = (path: string): boolean => steering.excluded.some((p) => isUnder(path, p));
  for (const f of report.files) {
    const fullTokens = full.get(f.path);
    insert(root, f.path, { tokens: f.tokens, mode: f.mode, reason: f.reason, included: true, fileCount: 1, ...(fullTokens === undefined ? {} : { fullTokens }) });
  }
  for (const s of report.skipped) {
    if (!SHOWN_SKIPS.has(s.reason)) continue;
    const byUser = excludedBy(s.path);
    insert(root, s.path, { tokens: 0, mode: byUser ? 'excluded' : 'skipped', skipReason: s.reason, included: !byUser, fileCount: 0 });
  }
  finish(root, budget, steering, excludedBy);
  return root;
}

type FileFacts = Pick<ContextNode, 'tokens' | 'fullTokens' | 'mode' | 'reason' | 'skipReason' | 'included' | 'fileCount'>;

function folderNode(path: string, name: string): ContextNode {
  return { path, name, kind: 'folder', tokens: 0, share: null, included: true, fileCount: 0, children: [] };
}

function insert(root: ContextNode, path: string, facts: FileFacts): void {
  const parts = path.split('/');
  let folder = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const childPath = parts.slice(0, i + 1).join('/');
    let child = folder.children.find((c) => c.kind === 'folder' && c.path === childPath);
    if (!child) {
      child = folderNode(childPath, parts[i] ?? '');
      folder.children.push(child);
    }
    folder = child;
  }
  folder.children.push({ path, name: parts[parts.length - 1] ?? path, kind: 'file', share: null, children: [], ...facts });
}

/** Sums folders bottom-up, sets shares, pins and inclusion, and sorts children. */
function finish(node: ContextNode, budget: number | null, steering: Steering, excludedBy: (path: string) => boolean): void {
  if (node.kind === 'folder') {
    for (const child of node.children) finish(child, budget, steering, excludedBy);
    node.tokens = node.children.reduce((sum, c) => sum + c.tokens, 0);
    node.fileCount = node.children.reduce((sum, c) => sum + c.fileCount, 0);
    if (node.path !== '') node.included = !excludedBy(node.path);
    node.children.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
  }
  node.share = budget === null ? null : node.tokens / budget;
  const pin = steering.pins[node.path];
  if (pin) node.pin = pin;
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
