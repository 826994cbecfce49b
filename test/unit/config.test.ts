import { readFileSync, symlinkSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, loadProjectConfig, mergeConfig, parseConfigText, readConfigFile, starterConfigText, type ConfigProblem } from '../../src/core/config';
import { writeFiles } from '../support/gitRepo';

const FILE = '/project/tome.config.json';

function problemsOf(text: string): ConfigProblem[] {
  try {
    parseConfigText(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the config to be refused');
}

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tome-config-'));
  writeFiles(dir, files);
  return dir;
}

describe('parseConfigText', () => {
  it('reads every key, with comments and trailing commas, keeping the order of modes', () => {
    const text = `// team rules
{
  "$schema": "./node_modules/tome/schemas/tome.config.schema.json",
  "include": ["src/**", "docs/*.md"],
  "exclude": ["**/*.snap",],
  /* first match wins */
  "modes": { "src/keep/**": "full", "src/**/gen/**": "outline", "docs/**": "path-only", "tmp/**": "exclude" },
  "budget": "128k",
  "format": "markdown",
  "instructions": "docs/review.md",
  "maxFileSize": "2mb",
}`;
    expect(parseConfigText(text, FILE)).toEqual({
      file: FILE,
      include: ['src/**', 'docs/*.md'],
      exclude: ['**/*.snap'],
      modes: [
        { pattern: 'src/keep/**', mode: 'full' },
        { pattern: 'src/**/gen/**', mode: 'outline' },
        { pattern: 'docs/**', mode: 'path-only' },
        { pattern: 'tmp/**', mode: 'exclude' },
      ],
      budget: 128_000,
      format: 'markdown',
      instructions: 'docs/review.md',
      maxFileSize: 2 * 1024 * 1024,
    });
    expect(parseConfigText('{ "budget": 5000, "maxFileSize": 1000 }', FILE)).toMatchObject({ budget: 5000, maxFileSize: 1000 });
  });

  it('names the line and column of a syntax error', () => {
    expect(problemsOf('{\n  "include": ["a"]\n  "exclude": []\n}')).toEqual([{ kind: 'syntax', detail: 'CommaExpected', file: FILE, line: 3, column: 3 }]);
  });

  it('refuses a file that is not one object', () => {
    expect(problemsOf('["src/**"]')).toEqual([{ kind: 'not-an-object', file: FILE, line: 1, column: 1 }]);
  });

  it('names an unknown key with its line and the key it probably meant', () => {
    expect(problemsOf('{\n  "budget": 10,\n  "exlude": ["a"]\n}')).toEqual([{ kind: 'unknown-key', key: 'exlude', suggestion: 'exclude', file: FILE, line: 3, column: 3 }]);
    expect(problemsOf('{ "colour": "red" }')).toEqual([{ kind: 'unknown-key', key: 'colour', file: FILE, line: 1, column: 3 }]);
  });

  it.each(['baseUrl', 'provider', 'apiKey', 'model', 'endpoint', 'BASEURL'])('refuses "%s": a project never says where code is sent', (key) => {
    const [problem] = problemsOf(`{\n\n  "${key}": "https://attacker.example"\n}`);
    expect(problem).toEqual({ kind: 'not-allowed', key, file: FILE, line: 3, column: 3 });
    expect(new ConfigError([problem as ConfigProblem]).message).toContain('never where code is sent');
  });

  it('names each value of the wrong type, all in one error', () => {
    const problems = problemsOf(`{
  "include": "src/**",
  "exclude": [1],
  "modes": { "docs/**": "half", "a": "outline" },
  "budget": -5,
  "format": "html",
  "instructions": 3,
  "maxFileSize": "big",
  "budget": 10
}`);
    expect(problems.map((p) => [p.kind, 'key' in p ? p.key : '', 'line' in p ? p.line : 0])).toEqual([
      ['wrong-value', 'include', 2],
      ['wrong-value', 'exclude', 3],
      ['wrong-value', 'modes["docs/**"]', 4],
      ['wrong-value', 'budget', 5],
      ['wrong-value', 'format', 6],
      ['wrong-value', 'instructions', 7],
      ['wrong-value', 'maxFileSize', 8],
      ['duplicate-key', 'budget', 9],
    ]);
    const message = new ConfigError(problems).message;
    expect(message).toContain(`${FILE}:6:13: "format" must be one of "xml", "markdown", "plain".`);
  });

  it('accepts the starter file tome init writes, comments and all', () => {
    expect(parseConfigText(starterConfigText(), FILE)).toMatchObject({ format: 'xml', modes: [{ pattern: 'docs/**', mode: 'path-only' }, { pattern: '**/generated/**', mode: 'outline' }] });
  });

  it('agrees with the JSON schema the extension contributes on the keys and modes', () => {
    const schema = JSON.parse(readFileSync(resolve(__dirname, '../../schemas/tome.config.schema.json'), 'utf8')) as {
      properties: Record<string, { additionalProperties?: { enum?: string[] } }>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual([...CONFIG_KEYS].sort());
    expect(schema.properties.modes?.additionalProperties?.enum).toEqual(['full', 'outline', 'path-only', 'exclude']);
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { contributes: { jsonValidation: Array<{ fileMatch: string; url: string }> } };
    expect(pkg.contributes.jsonValidation).toContainEqual({ fileMatch: 'tome.config.json', url: './schemas/tome.config.schema.json' });
  });
});

describe('readConfigFile', () => {
  it('reads the instructions file next to it, with secrets redacted', async () => {
    const dir = await folderWith({
      'tome.config.json': '{ "instructions": "docs/review.md" }',
      'docs/review.md': `Review for bugs. Token for the demo: ghp_${'Ab1'.repeat(12)}\n`,
    });
    const config = await readConfigFile(join(dir, 'tome.config.json'));
    expect(config.instructionsText).toBe('Review for bugs. Token for the demo: [REDACTED:github-token]\n');
  });

  it('refuses instructions outside its folder, through a link, missing, or a secret file, naming the line', async () => {
    const outside = await folderWith({ 'notes.md': 'private\n' });
    const dir = await folderWith({ '.env': 'KEY=1\n' });
    symlinkSync(join(outside, 'notes.md'), join(dir, 'linked.md'));
    for (const [path, detail] of [
      ['../notes.md', 'inside the config file'],
      [join(outside, 'notes.md'), 'inside the config file'],
      ['linked.md', 'links to a file outside'],
      ['missing.md', 'no such file'],
      ['.env', 'secret file'],
    ] as const) {
      writeFiles(dir, { 'tome.config.json': `{\n  "format": "xml",\n  "instructions": ${JSON.stringify(path)}\n}` });
      const error = await readConfigFile(join(dir, 'tome.config.json')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      const [problem] = (error as ConfigError).problems;
      expect(problem).toMatchObject({ kind: 'instructions-unreadable', key: 'instructions', line: 3, column: 19 });
      expect((error as ConfigError).message).toContain(detail);
    }
  });

  it('says a named file is missing', async () => {
    const error = await readConfigFile('/no/such/tome.json').catch((e: unknown) => e);
    expect((error as ConfigError).problems).toEqual([{ kind: 'unreadable', file: '/no/such/tome.json', detail: 'there is no such file' }]);
  });
});

describe('which config applies', () => {
  it('is the file named with -c, else the one at the first root; a nested folder packed alone uses its own', async () => {
    const dir = await folderWith({
      'tome.config.json': '{ "format": "plain" }',
      'packages/app/tome.config.json': '{ "format": "markdown" }',
      'packages/lib/index.ts': 'export {};\n',
      'other.json': '{ "format": "xml" }',
    });
    expect((await loadProjectConfig([dir]))?.format).toBe('plain');
    expect((await loadProjectConfig([join(dir, 'packages/app')]))?.format).toBe('markdown');
    expect(await loadProjectConfig([join(dir, 'packages/lib')])).toBeNull();
    expect((await loadProjectConfig([dir], join(dir, 'other.json')))?.format).toBe('xml');
  });

  it('lets what the user gave win: budget, format and size replace, include replaces, exclude adds', () => {
    const config = { file: FILE, include: ['src/**'], exclude: ['a/**'], budget: 1000, format: 'plain' as const, maxFileSize: 10, modes: [{ pattern: 'x', mode: 'outline' as const }], instructionsText: 'Be brief.' };
    expect(mergeConfig(config, {})).toEqual({ include: ['src/**'], exclude: ['a/**'], budget: 1000, format: 'plain', maxFileSize: 10, modes: config.modes, instructions: 'Be brief.' });
    expect(mergeConfig(config, { include: ['lib/**'], exclude: ['b/**'], budget: 50, format: 'xml', maxFileSize: 99 })).toEqual({
      include: ['lib/**'],
      exclude: ['a/**', 'b/**'],
      budget: 50,
      format: 'xml',
      maxFileSize: 99,
      modes: config.modes,
      instructions: 'Be brief.',
    });
    expect(mergeConfig(null, { include: [] })).toEqual({});
  });
});
