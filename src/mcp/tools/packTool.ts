import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { PackReport } from '../../core';
import { confinePath } from '../confine';
import { registerReadOnlyTool, jsonText, textResult } from '../toolKit';
import type { McpWorkspace } from '../workspace';

/** Most MCP clients take tool results of a few tens of thousands of tokens; larger packs ask for it. */
export const DEFAULT_PACK_BUDGET = 50_000;

const inputSchema = {
  roots: z
    .array(z.string())
    .max(20)
    .optional()
    .describe('Folders inside the workspace to pack, relative to the workspace root (e.g. ["packages/api"]). Default: the whole workspace.'),
  budget: z
    .number()
    .int()
    .min(500)
    .max(10_000_000)
    .optional()
    .describe(`Token budget for the whole packed text (default ${DEFAULT_PACK_BUDGET}). Files that do not fit in full are shown as outlines, then by path only.`),
  query: z.string().max(2000).optional().describe('The question you are working on; files that define its words rank first under the budget.'),
  focus: z
    .array(z.string())
    .max(50)
    .optional()
    .describe('Files or folders to put first, with what they import and what imports them (workspace-relative paths).'),
  format: z.enum(['xml', 'markdown', 'plain']).optional().describe('Format of the packed text (default xml).'),
  reportOnly: z
    .boolean()
    .optional()
    .describe('Return only the file list with each file\'s mode (full, outline, path-only) and tokens, not the text. Cheap; use it to plan.'),
};

/** The report as a model reads it: the files with modes and tokens, skips counted by reason. */
export function reportSummary(report: PackReport): unknown {
  const skipped: Record<string, number> = {};
  for (const s of report.skipped) skipped[s.reason] = (skipped[s.reason] ?? 0) + 1;
  return {
    totalTokens: report.totalTokens,
    budget: report.budget,
    encoding: report.encoding,
    files: report.files.map((f) => ({ path: f.path, mode: f.mode, tokens: f.tokens, ...(f.reason ? { reason: f.reason } : {}) })),
    skipped,
    redactions: report.redactionCount,
    cycles: report.cycles,
  };
}

/** `pack`: the workspace (or some folders) packed in dependency order within a token budget. */
export function registerPackTool(server: McpServer, workspace: McpWorkspace): void {
  registerReadOnlyTool(
    server,
    {
      name: 'pack',
      title: 'Pack the codebase',
      description:
        'Packs the workspace (or the given folders) into one text: a file tree, then every file in dependency order ' +
        '(what a file imports comes before it), fitted to a token budget. Files that do not fit in full appear as ' +
        'outlines (signatures without bodies) or by path only. Secrets are redacted; ignored files are left out. ' +
        'Give `query` and `focus` to choose what matters most. Use `reportOnly` first to see what a budget holds.',
      inputSchema,
    },
    async (args, signal) => {
      const workspaceRoots = await workspace.roots();
      const roots = args.roots?.length
        ? [...new Set(await Promise.all(args.roots.map(async (r) => (await confinePath(r, workspaceRoots)).absPath)))]
        : workspaceRoots;
      const focus = await Promise.all((args.focus ?? []).map(async (f) => (await confinePath(f, workspaceRoots)).absPath));
      const { result, stats } = await workspace.pack(
        roots,
        {
          budget: args.budget ?? DEFAULT_PACK_BUDGET,
          query: args.query ?? '',
          focus,
          ...(args.format ? { format: args.format } : {}),
        },
        signal,
      );
      return textResult([args.reportOnly ? jsonText(reportSummary(result.report)) : result.text], stats);
    },
  );
}
