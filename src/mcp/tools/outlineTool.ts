import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { outlineSource } from '../../core';
import { workspaceFiles } from '../lookup';
import { registerReadOnlyTool, textResult } from '../toolKit';
import type { McpWorkspace } from '../workspace';

const inputSchema = {
  paths: z.array(z.string().min(1)).min(1).max(100).describe('Files to outline, relative to the workspace root.'),
};

/** `outline`: declarations and signatures of files, without bodies. */
export function registerOutlineTool(server: McpServer, workspace: McpWorkspace): void {
  registerReadOnlyTool(
    server,
    {
      name: 'outline',
      title: 'Outline files',
      description:
        'Returns the outline of each file: imports, exported and top-level declarations with their signatures, ' +
        'class members and short doc comments, with function bodies left out. A fraction of the tokens of the full ' +
        'text. Languages: TypeScript, JavaScript, Python, Go, Rust, Java, C, C++, C#, Ruby; for other files use `read`.',
      inputSchema,
    },
    async (args, signal) => {
      const workspace_ = await workspaceFiles(workspace, signal);
      const parts: string[] = [];
      for (const path of args.paths) {
        const file = await workspace_.find(path);
        const outline = await outlineSource(file.path, file.text);
        parts.push(`# ${file.path}\n${outline ?? '(no outline for this kind of file; use the read tool for its text)'}`);
      }
      return textResult(parts, workspace_.stats);
    },
  );
}
