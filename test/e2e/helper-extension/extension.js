/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS extension, loaded by VS Code without a build step */
// Test-only extension for the e2e scenario 11-lm-tool: finds Tome's language-model tool through
// vscode.lm.tools, invokes it through vscode.lm.invokeTool as a chat would, and writes what it
// got to the file named by TOME_E2E_TOOL_RESULT, for the scenario to read.
const vscode = require('vscode');
const { writeFileSync } = require('node:fs');

function textOf(result) {
  return result.content.map((part) => (typeof part.value === 'string' ? part.value : '')).join('');
}

async function check() {
  const out = {
    api: {
      invokeTool: typeof vscode.lm.invokeTool === 'function',
      registerTool: typeof vscode.lm.registerTool === 'function',
      registerMcpServerDefinitionProvider: typeof vscode.lm.registerMcpServerDefinitionProvider === 'function',
      createChatParticipant: typeof (vscode.chat && vscode.chat.createChatParticipant) === 'function',
    },
  };
  try {
    out.tools = vscode.lm.tools.map((t) => ({ name: t.name, description: t.description }));
    const token = new vscode.CancellationTokenSource().token;
    const packed = await vscode.lm.invokeTool('tome_pack', { input: { scope: 'workspace', budget: 20000 }, toolInvocationToken: undefined }, token);
    out.packed = textOf(packed);
    const file = await vscode.lm.invokeTool('tome_pack', { input: { scope: 'file', path: 'src/main.ts' }, toolInvocationToken: undefined }, token);
    out.file = textOf(file);
    const refused = await vscode.lm.invokeTool('tome_pack', { input: { scope: 'file', path: '../../../etc/passwd' }, toolInvocationToken: undefined }, token);
    out.refused = textOf(refused);
    const tome = vscode.extensions.getExtension('tome.tome');
    out.tomeActive = tome ? tome.isActive : null;
    // Registered at the very end of Tome's activate(): present only if activation ran through.
    out.activatedFully = (await vscode.commands.getCommands(true)).includes('tome.packWorkspaceToEditor');
  } catch (error) {
    out.error = String((error && error.stack) || error);
  }
  writeFileSync(process.env.TOME_E2E_TOOL_RESULT, JSON.stringify(out, null, 2));
  void vscode.window.showInformationMessage('Tome tool check written.');
}

exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand('tomeE2e.invokeTomeTool', check));
};
exports.deactivate = () => {};
