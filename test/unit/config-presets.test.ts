import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configTextWithoutPreset, configTextWithPreset, configTextWithPresetRenamed, parseConfigText, readConfigFile, type ConfigProblem, type PresetEdit } from '../../src/core/config';
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

describe('tome.config.json presets', () => {
  it('reads named pins and exclusions, with paths as the Context view keys them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tome-presets-'));
    writeFiles(dir, {
      'tome.config.json': `{
  // shared by the team
  "presets": {
    "review": { "pins": { "./src/model/": "outline", "src/main.ts": "full" }, "excluded": ["src/billing", "docs/"] },
    "billing only": { "excluded": ["src/model"] },
  },
}`,
    });
    const config = await readConfigFile(join(dir, 'tome.config.json'));
    expect(config.presets).toEqual([
      { name: 'billing only', pins: {}, excluded: ['src/model'] },
      { name: 'review', pins: { 'src/model': 'outline', 'src/main.ts': 'full' }, excluded: ['docs', 'src/billing'] },
    ]);
  });

  it('names each wrong entry, with its line', () => {
    const problems = problemsOf(`{
  "presets": {
    "a": { "pins": { "src": "exclude" } },
    "b": { "excluded": ["../outside"] },
    "c": { "pin": {} },
    "d": []
  }
}`);
    expect(problems.map((p) => (p.kind === 'wrong-value' ? [p.key, p.line] : p.kind))).toEqual([
      ['presets["a"].pins["src"]', 3],
      ['presets["b"].excluded', 4],
      ['presets["c"].pin', 5],
      ['presets["d"]', 6],
    ]);
    expect(problemsOf('{ "presets": [] }')[0]).toMatchObject({ kind: 'wrong-value', key: 'presets' });
  });

  it('writes a preset into the file, keeping its comments and other keys, and reads it back', () => {
    const text = `{
  // budget for the team
  "budget": "128k",
  "presets": { "old": { "excluded": ["docs"] } }
}
`;
    const written = configTextWithPreset(text, { name: 'review', pins: { 'src/main.ts': 'full', 'src/a.ts': 'outline' }, excluded: ['src/billing'] });
    expect(written).toContain('// budget for the team');
    const config = parseConfigText(written, FILE);
    expect(config.budget).toBe(128_000);
    expect(config.presets).toEqual([
      { name: 'old', pins: {}, excluded: ['docs'] },
      { name: 'review', pins: { 'src/a.ts': 'outline', 'src/main.ts': 'full' }, excluded: ['src/billing'] },
    ]);
    const replaced = configTextWithPreset(written, { name: 'old', pins: { docs: 'path-only' }, excluded: [] });
    expect(parseConfigText(replaced, FILE).presets?.find((p) => p.name === 'old')).toEqual({ name: 'old', pins: { docs: 'path-only' }, excluded: [] });
  });

  it('writes a new file when there is none yet', () => {
    const written = configTextWithPreset('', { name: 'x', pins: {}, excluded: ['a'] });
    expect(parseConfigText(written, FILE).presets).toEqual([{ name: 'x', pins: {}, excluded: ['a'] }]);
  });

  it('is described in the JSON schema with the pin modes the Context view has', () => {
    const schema = JSON.parse(readFileSync(resolve(__dirname, '../../schemas/tome.config.schema.json'), 'utf8')) as {
      properties: { presets: { additionalProperties: { properties: { pins: { additionalProperties: { enum: string[] } } } } } };
    };
    expect(schema.properties.presets.additionalProperties.properties.pins.additionalProperties.enum).toEqual(['full', 'outline', 'path-only']);
  });
});

describe('tome.config.json presets: rename and delete', () => {
  const text = `{
  // budget for the team
  "budget": "128k",
  "presets": {
    // the reviewers' view
    "review": {
      "pins": { "src/main.ts": "full" }, // the entry point in full
      "excluded": ["docs"]
    },
    " api ": { "excluded": ["src/billing"] }
  }
}
`;
  const edited = (edit: PresetEdit): string => {
    if (edit.kind !== 'edited') throw new Error(`expected an edit, got ${edit.kind}`);
    return edit.text;
  };

  it('renames a preset by its key alone, so the comments in and around it stay', () => {
    const renamed = edited(configTextWithPresetRenamed(text, 'review', 'audit'));
    expect(renamed).toContain('// the reviewers\' view');
    expect(renamed).toContain('// the entry point in full');
    expect(renamed).toContain('// budget for the team');
    expect(parseConfigText(renamed, FILE).presets).toEqual([
      { name: 'api', pins: {}, excluded: ['src/billing'] },
      { name: 'audit', pins: { 'src/main.ts': 'full' }, excluded: ['docs'] },
    ]);
  });

  it('finds a preset by the trimmed name the quick pick shows, and replaces one already called the new name', () => {
    const renamed = edited(configTextWithPresetRenamed(text, 'api', 'review'));
    expect(parseConfigText(renamed, FILE).presets).toEqual([{ name: 'review', pins: {}, excluded: ['src/billing'] }]);
    expect(parseConfigText(renamed, FILE).budget).toBe(128_000);
  });

  it('deletes a preset and keeps the other keys and comments', () => {
    const deleted = edited(configTextWithoutPreset(text, 'review'));
    expect(deleted).toContain('// budget for the team');
    expect(deleted).not.toContain('the entry point in full');
    const config = parseConfigText(deleted, FILE);
    expect(config.presets).toEqual([{ name: 'api', pins: {}, excluded: ['src/billing'] }]);
    expect(config.budget).toBe(128_000);
    expect(parseConfigText(edited(configTextWithoutPreset(deleted, 'api')), FILE).presets ?? []).toEqual([]);
  });

  it('says when the preset is not in the file, or the file is not JSON it can edit, and changes nothing', () => {
    expect(configTextWithoutPreset(text, 'gone')).toEqual({ kind: 'no-preset', name: 'gone' });
    expect(configTextWithPresetRenamed(text, 'gone', 'x')).toEqual({ kind: 'no-preset', name: 'gone' });
    expect(configTextWithPresetRenamed('{ "presets": { "a": {} }', 'a', 'b')).toEqual({ kind: 'not-json' });
    expect(configTextWithoutPreset('{ "presets": { "a": {} }', 'a')).toEqual({ kind: 'not-json' });
  });
});
