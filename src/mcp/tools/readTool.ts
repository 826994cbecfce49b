import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { workspaceFiles } from '../lookup';
import { registerReadOnlyTool, textResult, ToolFailure } from '../toolKit';
import type { McpWorkspace } from '../workspace';

const inputSchema = {
  path: z.string().min(1).describe('The file, relative to the workspace root (e.g. "src/index.ts").'),
  startLine: z.number().int().min(1).optional().describe('First line to return (1-based, default 1).'),
  endLine: z.number().int().min(1).optional().describe('Last line to return (inclusive, default the last line).'),
};

/** The lines `start`..`end` (1-based, inclusive) of `text`, line endings kept. */
export function lineRange(text: string, start: number, end: number | undefined): string {
  const lines = text.split(/(?<=\n)/);
  return lines.slice(start - 1, end ?? lines.length).join('');
}

/** `read`: the exact text of one workspace file, secrets redacted. */
export function registerReadTool(server: McpServer, workspace: McpWorkspace): void {
  registerReadOnlyTool(
    server,
    {
      name: 'read',
      title: 'Read a file',
      description:
        'Returns the exact text of one file of the workspace (optionally a range of lines), with secret values replaced ' +
        'by [REDACTED:kind]. Only files inside the workspace that a pack would include can be read: ignored files, ' +
        'secrets files such as .env, binaries and paths outside the workspace are refused.',
      inputSchema,
    },
    async (args, signal) => {
      const found = await workspaceFiles(workspace, signal);
      const file = await found.find(args.path);
      const start = args.startLine ?? 1;
      if (args.endLine !== undefined && args.endLine < start) throw new ToolFailure(`endLine (${args.endLine}) is before startLine (${start}).`);
      const texts = [lineRange(file.text, start, args.endLine)];
      if (file.redactions > 0) {
        texts.push(`Note: ${file.redactions} secret value${file.redactions === 1 ? ' was' : 's were'} replaced by [REDACTED:kind] in ${file.path}.`);
      }
      return textResult(texts, found.stats);
    },
  );
}
