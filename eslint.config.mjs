// Lint rules, including the layer rule: only src/extension may import `vscode`;
// core, llm and shared stay editor-free; the webview sees only src/shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noVscode = {
  paths: [{ name: 'vscode', message: 'Only src/extension may import vscode.' }],
  patterns: [{ group: ['**/extension/**', '**/extension'], message: 'Core layers may not import src/extension.' }],
};

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
  {
    files: ['src/core/**', 'src/llm/**', 'src/shared/**', 'src/cli.ts'],
    rules: { 'no-restricted-imports': ['error', noVscode] },
  },
  {
    // The MCP server: no editor, and core only through its door (src/core/index.ts).
    files: ['src/mcp/**'],
    rules: {
      'no-restricted-imports': ['error', {
        ...noVscode,
        patterns: [
          ...noVscode.patterns,
          { group: ['**/core/*', '**/llm/*', '**/cli/*', '**/cli'], message: 'The MCP server enters core through src/core/index.ts only.' },
        ],
      }],
    },
  },
  {
    files: ['src/webview/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The webview runs in a browser; talk to the host through src/shared.' }],
        patterns: [{ group: ['**/core/**', '**/llm/**', '**/extension/**', '**/core', '**/llm', '**/extension', 'node:*'], message: 'The webview may import only src/shared.' }],
      }],
    },
  },
);
