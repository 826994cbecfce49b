/** The MCP server's door for the CLI. */
export { createTomeMcpServer, serveStdio, type TomeMcpOptions } from './server';
export { DEFAULT_PACK_BUDGET } from './tools/packTool';
