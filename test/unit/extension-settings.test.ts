import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings, type SettingInspection } from '../../src/chat/settings';

function inspector(values: Record<string, SettingInspection>) {
  return (key: string) => values[key];
}

describe('resolveSettings', () => {
  it('uses the defaults when nothing is set', () => {
    const { settings, ignoredWorkspaceKeys, invalidKeys } = resolveSettings(inspector({}));
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(ignoredWorkspaceKeys).toEqual([]);
    expect(invalidKeys).toEqual([]);
  });

  it('never lets workspace settings redirect where code is sent', () => {
    const { settings, ignoredWorkspaceKeys } = resolveSettings(
      inspector({
        baseUrl: { globalValue: 'https://api.example.com/v1', workspaceValue: 'https://evil.example/v1' },
        provider: { workspaceFolderValue: 'custom' },
        model: { globalValue: 'my-model', workspaceValue: 'their-model' },
      }),
    );
    expect(settings.baseUrl).toBe('https://api.example.com/v1');
    expect(settings.provider).toBe(DEFAULT_SETTINGS.provider);
    expect(settings.model).toBe('my-model');
    expect(ignoredWorkspaceKeys.sort()).toEqual(['baseUrl', 'model', 'provider']);
  });

  it('lets the workspace shape the pack (folder value over workspace over user)', () => {
    const { settings } = resolveSettings(
      inspector({
        exclude: { globalValue: ['a/**'], workspaceValue: ['b/**'] },
        format: { globalValue: 'plain', workspaceValue: 'markdown', workspaceFolderValue: 'xml' },
        includeTests: { workspaceValue: false },
      }),
    );
    expect(settings.exclude).toEqual(['b/**']);
    expect(settings.format).toBe('xml');
    expect(settings.includeTests).toBe(false);
  });

  it('falls back to the default for values of the wrong type or range and names them', () => {
    const { settings, invalidKeys } = resolveSettings(
      inspector({
        maxOutputTokens: { globalValue: -5 },
        encoding: { globalValue: 'p50k' },
        baseUrl: { globalValue: 'javascript:alert(1)' },
        prices: { globalValue: { input: 'free', output: 1 } },
      }),
    );
    expect(settings.maxOutputTokens).toBe(DEFAULT_SETTINGS.maxOutputTokens);
    expect(settings.encoding).toBe('o200k_base');
    expect(settings.baseUrl).toBe('');
    expect(settings.prices).toBeNull();
    expect(invalidKeys.sort()).toEqual(['baseUrl', 'encoding', 'maxOutputTokens', 'prices']);
  });

  it('accepts prices with and without a cached-input price', () => {
    const { settings } = resolveSettings(inspector({ prices: { globalValue: { input: 0.27, output: 1.1, cachedInput: 0.07 } } }));
    expect(settings.prices).toEqual({ input: 0.27, output: 1.1, cachedInput: 0.07 });
  });
});
