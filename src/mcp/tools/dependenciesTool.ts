import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { confinePath } from '../confine';
import { registerReadOnlyTool, jsonText, textResult, ToolFailure } from '../toolKit';
import type { McpWorkspace } from '../workspace';
import { edgesOf, walk } from './graphWalk';

const inputSchema = {
  path: z.string().min(1).describe('A file or folder, relative to the workspace root (e.g. "src/server.ts").'),
  depth: z.number().int().min(1).max(50).optional().describe('How many import hops to follow each way (default 3).'),
};

/** `dependencies`: what a file imports and what imports it, transitively, to a depth. */
export function registerDependenciesTool(server: McpServer, workspace: McpWorkspace): void {
  registerReadOnlyTool(
    server,
    {
      name: 'dependencies',
      title: 'Import dependencies of a file',
      description:
        'Lists what a file (or every file in a folder) imports and what imports it, following imports transitively ' +
        'up to `depth` hops, with each file\'s hop count and the external packages it uses. Resolves TypeScript ' +
        'paths, workspaces, Python packages, Go modules and Rust crates. Use it to find what to read before changing a file.',
      inputSchema,
    },
    async (args, signal) => {
      const roots = await workspace.roots();
      const { reportPath } = await confinePath(args.path, roots);
      const { result, stats } = await workspace.pack(roots, { budget: null }, signal);
      const files = result.report.files;
      const start = files.filter((f) => f.path === reportPath || reportPath === '' || f.path.startsWith(`${reportPath}/`)).map((f) => f.path);
      if (start.length === 0) throw new ToolFailure(`"${args.path}" is not a packed file or folder of the workspace; the search and pack tools list the files.`);
      const depth = args.depth ?? 3;
      const { imports, importedBy } = edgesOf(files);
      const external = [...new Set(files.filter((f) => start.includes(f.path)).flatMap((f) => f.external ?? []))].sort();
      const body = {
        path: reportPath,
        files: start.length > 1 ? start : undefined,
        depth,
        imports: walk(start, imports, depth),
        importedBy: walk(start, importedBy, depth),
        external,
      };
      return textResult([jsonText(body)], stats);
    },
  );
}
