import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { matchesQuery, rankFiles, type RedactedFile } from '../../core';
import { workspaceFiles } from '../lookup';
import { registerReadOnlyTool, jsonText, textResult } from '../toolKit';
import type { McpWorkspace } from '../workspace';

const inputSchema = {
  query: z.string().min(1).max(2000).describe('A question or a few words, e.g. "where are sessions persisted".'),
  limit: z.number().int().min(1).max(200).optional().describe('Most files to return (default 20).'),
};

/** Matching lines shown per file, so the model sees why it matched without reading it. */
const LINES_PER_FILE = 3;
const LINE_CHARS = 160;

/** Up to a few lines of `text` holding a word of the query (1-based line numbers). */
export function matchingLines(text: string, query: string): { line: number; text: string }[] {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}_]{3,}/gu) ?? [])];
  if (words.length === 0) return [];
  const out: { line: number; text: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && out.length < LINES_PER_FILE; i++) {
    const line = lines[i] ?? '';
    const lower = line.toLowerCase();
    if (words.some((w) => lower.includes(w))) out.push({ line: i + 1, text: line.trim().slice(0, LINE_CHARS) });
  }
  return out;
}

/** `search`: files ranked for a question, as budget selection ranks them. */
export function registerSearchTool(server: McpServer, workspace: McpWorkspace): void {
  registerReadOnlyTool(
    server,
    {
      name: 'search',
      title: 'Find the files for a question',
      description:
        'Ranks the workspace files for a question with the same ranking a budgeted pack uses: files that define the ' +
        'words of the question (declarations, not just mentions), path and name matches, and their import neighbours. ' +
        'Returns the matching files best first, with their tokens and a few matching lines. Then `read`, `outline` or ' +
        '`pack` with `focus` on the ones you need.',
      inputSchema,
    },
    async (args, signal) => {
      const found = await workspaceFiles(workspace, signal);
      const { result, stats } = await workspace.pack(found.roots, { budget: null }, signal);
      const tokensOf = new Map(result.report.files.map((f) => [f.path, f.tokens]));
      const graph = { imports: new Map(result.report.files.map((f) => [f.path, f.imports ?? []])), external: new Map<string, string[]>(), warnings: [] };
      const files: RedactedFile[] = found.files;
      const ranked = rankFiles(files, graph, [], args.query).filter(matchesQuery);
      const matches = ranked.slice(0, args.limit ?? 20).map((r, i) => {
        const file = files[r.index] as RedactedFile;
        return { rank: i + 1, path: file.path, tokens: tokensOf.get(file.path) ?? 0, lines: matchingLines(file.text, args.query) };
      });
      const body = matches.length > 0 ? { query: args.query, matches, moreMatches: Math.max(0, ranked.length - matches.length) } : { query: args.query, matches, hint: 'No file matches these words; try the names a definition would use.' };
      return textResult([jsonText(body)], { filesRead: found.stats.filesRead + stats.filesRead, warm: found.stats.warm && stats.warm });
    },
  );
}
