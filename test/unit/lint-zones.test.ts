/**
 * The layer zones of eslint.config.mjs, proved with the real config: a probe file placed in each
 * zone imports something the zone forbids (and must be reported) or something it allows (and must
 * not be). The files exist only as text given to ESLint with a path inside the zone.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: repo });

/** The messages of the layer rule for a probe at `filePath` importing `source`. */
async function layerProblems(filePath: string, source: string): Promise<string[]> {
  const code = `import { probe } from '${source}';\nexport const used = probe;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`ESLint could not parse the probe: ${fatal[0]?.message}`);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

interface Zone {
  name: string;
  /** Where the probe file is placed. */
  file: string;
  forbidden: string[];
  allowed: string[];
}

const ZONES: Zone[] = [
  {
    name: 'core',
    file: 'src/core/scan/zoneProbe.ts',
    forbidden: ['vscode', '../../llm', '../../llm/stream', '../../chat/chatSession', '../../extension/extension', '../../cli/program', '../../cli', '../../mcp', '../../webview/main'],
    allowed: ['../tokenize', '../../shared/report', 'node:path'],
  },
  {
    name: 'llm',
    file: 'src/llm/zoneProbe.ts',
    forbidden: ['vscode', '../core', '../core/types', '../chat/settings', '../extension/llmClient', '../cli/program', '../mcp/server'],
    allowed: ['./types', '../shared/keyValueState', 'openai'],
  },
  {
    name: 'shared',
    file: 'src/shared/zoneProbe.ts',
    forbidden: ['vscode', '../core', '../core/types', '../llm', '../chat/chatTypes', '../extension/config', '../webview/dom', 'node:fs'],
    allowed: ['./model'],
  },
  {
    name: 'chat',
    file: 'src/chat/zoneProbe.ts',
    forbidden: ['vscode', '../extension/config', '../cli/program', '../mcp', '../webview/dom', '../core/pack/types', '../core/index', '../llm/presets'],
    allowed: ['../core', '../llm', '../shared/model', './chatTypes'],
  },
  {
    name: 'webview',
    file: 'src/webview/zoneProbe.ts',
    forbidden: ['vscode', '../core', '../llm', '../chat/chatHtml', '../extension/config', '../cli', '../mcp', 'node:path'],
    allowed: ['../shared/protocol', './dom'],
  },
  {
    name: 'cli',
    file: 'src/cli/zoneProbe.ts',
    forbidden: ['vscode', '../extension/config', '../webview/main', '../core/types', '../core/pack/index', '../llm/stream'],
    allowed: ['../core', '../llm', '../mcp', './errors', 'commander'],
  },
  {
    name: 'cli entry (src/cli.ts)',
    file: 'src/cli.ts',
    forbidden: ['vscode', './extension/config', './core/pack/index', './llm/errors'],
    allowed: ['./core', './cli/program'],
  },
  {
    name: 'extension',
    file: 'src/extension/zoneProbe.ts',
    forbidden: ['../core/pack/types', '../core/config', '../llm/presets', '../webview/main', '../cli/program'],
    allowed: ['vscode', '../core', '../llm', '../chat/chatSession', '../shared/model', '../mcp'],
  },
  {
    name: 'mcp',
    file: 'src/mcp/tools/zoneProbe.ts',
    forbidden: ['vscode', '../../core/pack/index', '../../core/types', '../../llm', '../../cli/program', '../../extension/config'],
    allowed: ['../../core', '../toolKit', '@modelcontextprotocol/sdk/server/mcp.js'],
  },
];

describe('layer zones in eslint.config.mjs', () => {
  for (const zone of ZONES) {
    describe(zone.name, () => {
      for (const source of zone.forbidden) {
        it(`reports an import of ${source}`, async () => {
          const problems = await layerProblems(zone.file, source);
          expect(problems).toHaveLength(1);
          expect(problems[0]).toMatch(/\S/);
        });
      }
      for (const source of zone.allowed) {
        it(`allows an import of ${source}`, async () => {
          expect(await layerProblems(zone.file, source)).toEqual([]);
        });
      }
    });
  }

  it('lints every probe with the layer rule switched on (a zone that matched no file would allow everything)', async () => {
    for (const zone of ZONES) {
      const config = (await eslint.calculateConfigForFile(zone.file)) as { rules?: Record<string, unknown> };
      expect(config.rules?.['no-restricted-imports'], zone.file).toBeDefined();
    }
  });
});
