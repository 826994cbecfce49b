/**
 * What every tool shares: its results (text, plus the call's cost in `_meta`), and the words for
 * its failures. The server is an edge like the CLI, so failures are worded here, in English.
 */
import type { McpServer, ToolCallback } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ShapeOutput, ZodRawShapeCompat } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { FocusOutsideRootsError, isAbortError, PackError } from '../core';
import { PathRefusedError } from './confine';
import type { CallStats } from './workspace';

/** Namespaced `_meta` keys (MCP reserves unprefixed ones). */
export const META = { filesRead: 'tome/filesRead', warm: 'tome/warm' } as const;

/** A failure worded for the model, returned as a tool error (`isError`), never thrown to the client. */
export class ToolFailure extends Error {
  override readonly name = 'ToolFailure';
}

/** A successful result: text parts, with what the call cost. */
export function textResult(texts: string[], stats?: CallStats): CallToolResult {
  return {
    content: texts.map((text) => ({ type: 'text' as const, text })),
    ...(stats ? { _meta: { [META.filesRead]: stats.filesRead, [META.warm]: stats.warm } } : {}),
  };
}

/** JSON for the model: stable key order, two-space indent. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function refusalSentence(error: PathRefusedError): string {
  const path = JSON.stringify(error.path);
  switch (error.kind) {
    case 'absolute':
      return `Refused ${path}: absolute paths are not accepted. Give a path relative to the workspace root, as the pack's file list writes it (for example "src/index.ts").`;
    case 'climbs-out':
      return `Refused ${path}: ".." may not climb out of the workspace. Tome reads only files inside the workspace roots.`;
    case 'unknown-root':
      return `Refused ${path}: with several workspace roots a path starts with its root's folder name (${error.rootNames.join(', ')}).`;
    case 'symlink-out':
      return `Refused ${path}: it leads through a symbolic link to a place outside the workspace.`;
  }
}

/** The sentence a model reads when a call fails. */
export function describeFailure(error: unknown): string {
  if (error instanceof PathRefusedError) return refusalSentence(error);
  if (error instanceof ToolFailure || error instanceof PackError || error instanceof FocusOutsideRootsError) return error.message;
  if (isAbortError(error)) return 'The call was cancelled before it finished.';
  return `Tome failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** Runs a tool body; any failure becomes an MCP tool error result with a clear sentence. */
export async function guarded(run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run();
  } catch (error) {
    return { content: [{ type: 'text', text: describeFailure(error) }], isError: true };
  }
}

/** What a tool tells the client about itself; its arguments are checked against `inputSchema` by the SDK. */
export interface ToolInfo<Args extends ZodRawShapeCompat> {
  name: string;
  title: string;
  description: string;
  inputSchema: Args;
}

/**
 * Registers a read-only tool over the workspace: the arguments checked against its schema, the
 * body run under {@link guarded} (failures become tool errors in words) with the call's signal.
 * Every Tome tool has this shape; only the body differs.
 */
export function registerReadOnlyTool<Args extends ZodRawShapeCompat>(
  server: McpServer,
  tool: ToolInfo<Args>,
  run: (args: ShapeOutput<Args>, signal: AbortSignal) => Promise<CallToolResult>,
): void {
  const callback = (args: ShapeOutput<Args>, extra: { signal: AbortSignal }): Promise<CallToolResult> => guarded(() => run(args, extra.signal));
  server.registerTool(
    tool.name,
    { title: tool.title, description: tool.description, inputSchema: tool.inputSchema, annotations: { readOnlyHint: true, openWorldHint: false } },
    // ToolCallback<Args> is a conditional type TypeScript cannot resolve for a generic Args;
    // for a raw shape it is exactly this signature.
    callback as unknown as ToolCallback<Args>,
  );
}
