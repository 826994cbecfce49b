/**
 * `tome mcp`: Tome's pipeline as MCP tools over stdio. Read-only and confined to the workspace
 * roots, which come from `--root` or, when none is given, from the client's `roots` capability
 * (and otherwise the folder the server was started in).
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { RootsListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Encoding } from '../core';
import { registerDependenciesTool } from './tools/dependenciesTool';
import { registerOutlineTool } from './tools/outlineTool';
import { registerPackTool } from './tools/packTool';
import { registerReadTool } from './tools/readTool';
import { registerSearchTool } from './tools/searchTool';
import { registerTokenReportTool } from './tools/tokenReportTool';
import { McpWorkspace } from './workspace';

/** Options of {@link createTomeMcpServer}. */
export interface TomeMcpOptions {
  version: string;
  /** Absolute folders given with `--root`; empty: ask the client, else the current folder. */
  roots: string[];
  /** Token cache folder, or null for memory only. */
  cacheDir: string | null;
  encoding: Encoding;
  /** The folder used when neither `--root` nor the client names one. */
  cwd: string;
}

const INSTRUCTIONS =
  'Tome packs this codebase for you: `search` finds the files for a question, `dependencies` shows what a file ' +
  'imports and what imports it, `outline` and `read` show files, `token_report` shows sizes, and `pack` returns ' +
  'the codebase (or part of it) in dependency order within a token budget. Paths are relative to the workspace root.';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The server with its six tools and the workspace behind them (not yet connected). */
export function createTomeMcpServer(options: TomeMcpOptions): { server: McpServer; workspace: McpWorkspace } {
  const server = new McpServer({ name: 'tome', version: options.version }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  let clientRoots: Promise<string[]> | undefined;

  /** The client's file roots that are folders here; asked once, again after it says they changed. */
  const askClient = async (): Promise<string[]> => {
    if (!server.server.getClientCapabilities()?.roots) return [];
    try {
      const { roots } = await server.server.listRoots();
      return roots.filter((r) => r.uri.startsWith('file:')).map((r) => fileURLToPath(r.uri)).filter(isFolder);
    } catch {
      return [];
    }
  };
  const roots = async (): Promise<string[]> => {
    if (options.roots.length > 0) return options.roots;
    clientRoots ??= askClient();
    const fromClient = await clientRoots;
    return fromClient.length > 0 ? fromClient : [options.cwd];
  };
  server.server.setNotificationHandler(RootsListChangedNotificationSchema, () => {
    clientRoots = undefined;
  });

  const workspace = new McpWorkspace({ roots, cacheDir: options.cacheDir, encoding: options.encoding });
  registerPackTool(server, workspace);
  registerDependenciesTool(server, workspace);
  registerOutlineTool(server, workspace);
  registerReadTool(server, workspace);
  registerSearchTool(server, workspace);
  registerTokenReportTool(server, workspace);
  return { server, workspace };
}

/** Serves over stdin/stdout until the client disconnects. */
export async function serveStdio(options: TomeMcpOptions): Promise<void> {
  const { server, workspace } = createTomeMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  // A client may send its last call and close stdin at once: answer what is running first.
  await workspace.whenIdle();
  await new Promise((resolve) => setImmediate(resolve));
  await server.close().catch(() => undefined);
  await workspace.dispose();
}
