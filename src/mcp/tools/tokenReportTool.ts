import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { folderTotals } from '../../core';
import { registerReadOnlyTool, jsonText, textResult } from '../toolKit';
import type { McpWorkspace } from '../workspace';

const inputSchema = {
  depth: z.number().int().min(1).max(10).optional().describe('Folder depth to total at (1 = top-level folders, the default).'),
  limit: z.number().int().min(1).max(500).optional().describe('Most folders and files to list (default 15 each).'),
};

/** `token_report`: where the tokens of a whole-workspace pack go. */
export function registerTokenReportTool(server: McpServer, workspace: McpWorkspace): void {
  registerReadOnlyTool(
    server,
    {
      name: 'token_report',
      title: 'Token report',
      description:
        'Counts the tokens of the whole workspace packed in full and lists the largest folders and files, with the ' +
        'files left out and why. Use it to choose a budget, or which folders to pack or exclude.',
      inputSchema,
    },
    async (args, signal) => {
      const roots = await workspace.roots();
      const { result, stats } = await workspace.pack(roots, { budget: null }, signal);
      const { report } = result;
      const limit = args.limit ?? 15;
      const share = (tokens: number): number => (report.totalTokens > 0 ? Math.round((tokens / report.totalTokens) * 1000) / 10 : 0);
      const skipped: Record<string, number> = {};
      for (const s of report.skipped) skipped[s.reason] = (skipped[s.reason] ?? 0) + 1;
      const body = {
        totalTokens: report.totalTokens,
        encoding: report.encoding,
        files: report.files.length,
        folders: folderTotals(report.files, args.depth ?? 1).slice(0, limit).map((f) => ({ ...f, percent: share(f.tokens) })),
        largestFiles: [...report.files]
          .sort((a, b) => b.tokens - a.tokens || (a.path < b.path ? -1 : 1))
          .slice(0, limit)
          .map((f) => ({ path: f.path, tokens: f.tokens, percent: share(f.tokens) })),
        skipped,
        redactions: report.redactionCount,
      };
      return textResult([jsonText(body)], stats);
    },
  );
}
