import { defaultTokenCacheDir, type Encoding } from '../core';
import { serveStdio } from '../mcp';
import { resolveRoots } from './roots';

/** Options of `tome mcp`. */
export interface McpCommandOptions {
  root?: string[];
  encoding: Encoding;
  cache: boolean;
}

/** `tome mcp`: an MCP server on stdin/stdout until the client disconnects (logs go to stderr only). */
export async function runMcpCommand(o: McpCommandOptions, version: string): Promise<void> {
  await serveStdio({
    version,
    roots: o.root?.length ? resolveRoots(o.root) : [],
    cacheDir: o.cache ? defaultTokenCacheDir() : null,
    encoding: o.encoding,
    cwd: process.cwd(),
  });
}
