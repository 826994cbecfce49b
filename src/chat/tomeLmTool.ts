/**
 * The `#tome` language-model tool without `vscode`: what a tool call asks to pack (the
 * workspace, a folder, a file, a question), the pack itself, and the message shown before it
 * runs. The prepare step packs (the engine is warm, so it is quick) to say the exact tokens, and
 * hands that pack to the call that follows.
 */
import { isAbsolute, join, resolve } from 'node:path';
import type { PackResult } from '../core';
import type { ChatScope } from '../shared/model';
import { folderContaining, labelFor, packScope, type PackFunction, type PackSettings } from './packScope';

/** A pack for a tool result: large enough for a useful context, small enough for any chat. */
export const DEFAULT_TOOL_BUDGET = 50_000;

/** The tool's input, as its JSON schema in package.json describes it. */
export interface TomeToolInput {
  scope?: 'workspace' | 'folder' | 'file';
  /** Workspace-relative (or absolute, inside the workspace) path of the folder or file. */
  path?: string;
  query?: string;
  budget?: number;
}

/** Why a tool input cannot be packed; worded by the extension. */
export type ToolInputProblem = { kind: 'no-workspace' } | { kind: 'needs-path'; scope: 'folder' | 'file' } | { kind: 'outside-workspace'; path: string };

/** A tool input resolved against the workspace folders. */
export type ResolvedToolInput = { ok: true; scope: ChatScope; query: string; budget: number } | { ok: false; problem: ToolInputProblem };

/** Checks and resolves a tool input: paths must lie inside a workspace folder. */
export function resolveToolInput(input: TomeToolInput, folders: readonly string[]): ResolvedToolInput {
  if (folders.length === 0) return { ok: false, problem: { kind: 'no-workspace' } };
  const budget = typeof input.budget === 'number' && Number.isInteger(input.budget) && input.budget >= 500 ? input.budget : DEFAULT_TOOL_BUDGET;
  const query = typeof input.query === 'string' ? input.query : '';
  const kind = input.scope === 'folder' || input.scope === 'file' ? input.scope : input.path ? 'folder' : 'workspace';
  if (kind === 'workspace') return { ok: true, scope: { kind: 'workspace' }, query, budget };
  const path = typeof input.path === 'string' ? input.path.trim() : '';
  if (path === '') return { ok: false, problem: { kind: 'needs-path', scope: kind } };
  const candidates = isAbsolute(path) ? [resolve(path)] : folders.map((f) => resolve(join(f, path)));
  const absPath = candidates.find((c) => folderContaining(c, folders) !== undefined);
  if (!absPath) return { ok: false, problem: { kind: 'outside-workspace', path } };
  return { ok: true, scope: { kind, absPath, label: labelFor(absPath, folders) }, query, budget };
}

/** What the tool needs from the extension. */
export interface TomeToolDeps {
  pack: PackFunction;
  workspaceFolders(): readonly string[];
  packSettings(): PackSettings;
}

/** A prepared call: what will be packed, and the pack, kept for the invoke that follows. */
export interface PreparedPack {
  scope: ChatScope;
  result: PackResult;
}

/** Packs for tool calls; a prepare's pack is reused by the invoke with the same input. */
export class TomeToolRunner {
  /** Packs prepared and not yet invoked, by input; each entry lives until its invoke. */
  private readonly prepared = new Map<string, Promise<PreparedPack>>();

  constructor(private readonly deps: TomeToolDeps) {}

  /** Packs for the confirmation message; throws a {@link ToolInputError} for bad input. */
  prepare(input: TomeToolInput, signal?: AbortSignal): Promise<PreparedPack> {
    const key = JSON.stringify(input);
    const pending = this.run(input, signal);
    this.prepared.set(key, pending);
    pending.catch(() => this.prepared.delete(key));
    return pending;
  }

  /** The pack for a call: the prepared one, else a fresh one. */
  invoke(input: TomeToolInput, signal?: AbortSignal): Promise<PreparedPack> {
    const key = JSON.stringify(input);
    const prepared = this.prepared.get(key);
    this.prepared.delete(key);
    return prepared ?? this.run(input, signal);
  }

  private async run(input: TomeToolInput, signal?: AbortSignal): Promise<PreparedPack> {
    const folders = this.deps.workspaceFolders();
    const resolved = resolveToolInput(input, folders);
    if (!resolved.ok) throw new ToolInputError(resolved.problem);
    const result = await packScope(
      this.deps.pack,
      { scope: resolved.scope, workspaceFolders: folders, settings: this.deps.packSettings(), budget: resolved.budget, reserve: 0, query: resolved.query },
      signal ? { signal } : {},
    );
    return { scope: resolved.scope, result };
  }
}

/** A tool input that cannot be packed, as data. */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
  constructor(readonly problem: ToolInputProblem) {
    super(problem.kind);
  }
}
