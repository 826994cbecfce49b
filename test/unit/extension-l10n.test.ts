import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH_UI_STRINGS } from '../../src/chat/uiStrings';
import { UI_STRING_KEYS } from '../../src/shared/model';

const root = join(__dirname, '..', '..');
const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, string>;

/** Every literal passed to `vscode.l10n.t` in the extension sources. */
function runtimeStrings(): string[] {
  const dir = join(root, 'src', 'extension');
  const found = new Set<string>();
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) found.add((m[2] ?? '').replace(/\\(['"])/g, '$1'));
  }
  return [...found];
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('localization', () => {
  const english = readJson('l10n/bundle.l10n.json');
  const korean = readJson('l10n/bundle.l10n.ko.json');
  const wanted = [...runtimeStrings(), ...Object.values(ENGLISH_UI_STRINGS)];

  it('finds the runtime strings it checks', () => {
    expect(runtimeStrings().length).toBeGreaterThan(20);
  });

  it.each(wanted)('has English and Korean for "%s"', (text) => {
    expect(english[text]).toBe(text);
    expect(korean[text]).toBeTruthy();
    expect(placeholders(korean[text] ?? '')).toEqual(placeholders(text));
  });

  it('gives the webview a string for every key it shows', () => {
    expect(Object.keys(ENGLISH_UI_STRINGS).sort()).toEqual([...UI_STRING_KEYS].sort());
  });

  it('translates every package.json contribution string into Korean', () => {
    const nls = readJson('package.nls.json');
    const nlsKo = readJson('package.nls.ko.json');
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const used = new Set([...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(nls).sort());
    expect(Object.keys(nlsKo).sort()).toEqual(Object.keys(nls).sort());
  });
});
