/**
 * VS Code APIs newer than the engine's minimum (^1.90), declared here so the extension builds
 * against @types/vscode 1.90 and feature-detects them at run time: language-model tools (1.95),
 * `ChatRequest.model` (1.95), MCP server definition providers (1.101). On an older VS Code the
 * lookups below return undefined and Tome simply does not offer that integration.
 */
import * as vscode from 'vscode';

/** `vscode.LanguageModelToolInvocationOptions` (1.95). */
export interface ToolInvocationOptions<T> {
  readonly input: T;
}

/** `vscode.PreparedToolInvocation` (1.95). */
export interface PreparedToolInvocation {
  invocationMessage?: string | vscode.MarkdownString;
  confirmationMessages?: { title: string; message: string | vscode.MarkdownString };
}

/** `vscode.LanguageModelTool` (1.95). */
export interface LanguageModelTool<T> {
  invoke(options: ToolInvocationOptions<T>, token: vscode.CancellationToken): vscode.ProviderResult<unknown>;
  prepareInvocation?(options: ToolInvocationOptions<T>, token: vscode.CancellationToken): vscode.ProviderResult<PreparedToolInvocation>;
}

/** `vscode.McpServerDefinitionProvider` (1.101). */
export interface McpServerDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<unknown[]>;
}

/** The newer members of `vscode.lm`. */
export interface NewerLm {
  registerTool?<T>(name: string, tool: LanguageModelTool<T>): vscode.Disposable;
  registerMcpServerDefinitionProvider?(id: string, provider: McpServerDefinitionProvider): vscode.Disposable;
}

/** The newer classes of the `vscode` module. */
export interface NewerClasses {
  LanguageModelToolResult?: new (content: unknown[]) => unknown;
  LanguageModelTextPart?: new (value: string) => unknown;
  McpStdioServerDefinition?: new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => unknown;
}

/** `vscode.lm` with its newer members, each possibly missing. */
export const newerLm = (): NewerLm => vscode.lm as unknown as NewerLm;

/** The newer classes, each possibly missing. */
export const newerClasses = (): NewerClasses => vscode as unknown as NewerClasses;

/** The chat model the user picked for a request (`ChatRequest.model`, 1.95), if VS Code passes one. */
export function requestModel(request: vscode.ChatRequest): vscode.LanguageModelChat | undefined {
  return (request as vscode.ChatRequest & { model?: vscode.LanguageModelChat }).model;
}
