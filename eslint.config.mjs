// Lint rules, including the layer zones. Each zone lists what its files may not import: core is
// the pipeline and imports no layer above it; llm is the model client and knows no core; shared
// is the webview protocol and imports nothing of ours; chat is vscode-free; the webview sees only
// shared; the CLI, the chat logic, the extension and the MCP server enter core and llm through
// their doors (src/core/index.ts, src/llm/index.ts). test/unit/lint-zones.test.ts proves each zone
// rejects what it forbids and accepts what it allows.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** A relative import that reaches into one of the named layers (`../llm/x`, `../../cli`). */
const layer = (...names) => `^(\\.{1,2}/)+(${names.join('|')})(/|$)`;
/** A relative import past a layer's door (`../core/pack/types`, not `../core`). */
const pastDoor = (...names) => `^(\\.{1,2}/)+(${names.join('|')})/`;

const noVscode = (message) => ({ name: 'vscode', message });
const forbid = (regex, message) => ({ regex, message });

/** One `no-restricted-imports` setting per zone; a file gets exactly one (the last match wins in flat config). */
const zone = (files, paths, patterns, extra = {}) => ({
  files,
  ...extra,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});

const DOORS = 'Enter core and llm through their doors: import from src/core (index.ts) or src/llm (index.ts).';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', '**/.cache/**', 'test/e2e/artifacts/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  zone(['src/core/**'], [noVscode('Core is the pure pipeline: only src/extension may import vscode.')], [
    forbid(layer('llm', 'chat', 'extension', 'cli', 'mcp', 'webview'), 'Core is the pipeline: it imports no llm, chat, extension, cli, mcp or webview code.'),
  ]),
  zone(['src/llm/**'], [noVscode('The model client runs without an editor: only src/extension may import vscode.')], [
    forbid(layer('core', 'chat', 'extension', 'cli', 'mcp', 'webview'), 'The model client imports no core, chat, extension, cli, mcp or webview code; shared types live in src/shared.'),
  ]),
  zone(['src/shared/**'], [noVscode('src/shared is plain data shared with the webview: no vscode.')], [
    forbid(layer('core', 'llm', 'chat', 'extension', 'cli', 'mcp', 'webview'), 'src/shared imports nothing else of ours: it is the vocabulary the other layers share.'),
    forbid('^node:', 'src/shared also runs in the webview (a browser): no Node modules.'),
  ]),
  zone(['src/chat/**'], [noVscode('The chat logic is vscode-free; editor calls belong in src/extension.')], [
    forbid(layer('extension', 'cli', 'mcp', 'webview'), 'The chat logic imports no extension, cli, mcp or webview code.'),
    forbid(pastDoor('core', 'llm'), DOORS),
  ]),
  zone(['src/cli/**', 'src/cli.ts'], [noVscode('The CLI runs without an editor: only src/extension may import vscode.')], [
    forbid(layer('extension', 'webview'), 'The CLI imports no extension or webview code.'),
    forbid(pastDoor('core', 'llm'), DOORS),
  ]),
  zone(['src/extension/**'], [], [
    forbid(layer('webview', 'cli'), 'The extension host imports no webview (browser) or CLI code; talk to the webview through src/shared.'),
    forbid(pastDoor('core', 'llm'), DOORS),
  ]),
  // The MCP server: no editor, no CLI, no model client; core only through its door.
  zone(['src/mcp/**'], [noVscode('The MCP server runs without an editor: only src/extension may import vscode.')], [
    forbid(layer('extension', 'cli', 'llm', 'chat', 'webview'), 'The MCP server imports no extension, cli, llm, chat or webview code.'),
    forbid(pastDoor('core'), 'The MCP server enters core through src/core/index.ts only.'),
  ]),
  zone(['src/webview/**'], [noVscode('The webview runs in a browser; talk to the host through src/shared.')], [
    forbid(layer('core', 'llm', 'chat', 'extension', 'cli', 'mcp'), 'The webview may import only src/shared.'),
    forbid('^node:', 'The webview runs in a browser: no Node modules.'),
  ], { languageOptions: { globals: { ...globals.browser } } }),
);
