/**
 * Lists Tome's MCP server (`dist/cli.js mcp`) in VS Code without hand-written config, where the
 * API exists (1.101+). It runs on VS Code's own runtime as Node (ELECTRON_RUN_AS_NODE), with the
 * workspace folders as its roots, and is listed again when the folders change.
 */
import * as vscode from 'vscode';
import packageJson from '../../package.json';
import { workspaceFolderPaths } from './config';
import { newerClasses, newerLm } from './newerApi';

/** The provider's id in package.json `contributes.mcpServerDefinitionProviders`. */
export const TOME_MCP_PROVIDER_ID = 'tome.mcp';

/** The command line of the server for the open folders. */
export function mcpServerArgs(cliPath: string, folders: readonly string[]): string[] {
  return [cliPath, 'mcp', ...folders.flatMap((f) => ['--root', f])];
}

/** Registers the provider when the API exists. */
export function registerTomeMcpProvider(context: vscode.ExtensionContext): vscode.Disposable | undefined {
  const lm = newerLm();
  const { McpStdioServerDefinition } = newerClasses();
  if (typeof lm.registerMcpServerDefinitionProvider !== 'function' || !McpStdioServerDefinition) return undefined;
  const changed = new vscode.EventEmitter<void>();
  const cliPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  const registration = lm.registerMcpServerDefinitionProvider(TOME_MCP_PROVIDER_ID, {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => {
      const folders = workspaceFolderPaths();
      if (folders.length === 0) return [];
      return [new McpStdioServerDefinition('Tome', process.execPath, mcpServerArgs(cliPath, folders), { ELECTRON_RUN_AS_NODE: '1' }, packageJson.version)];
    },
  });
  return vscode.Disposable.from(registration, changed, vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()));
}
