/**
 * Resolves the `tome.*` settings from VS Code's per-scope values, without importing `vscode`.
 *
 * The settings that decide where code and the API key are sent — provider, baseUrl, model — are
 * taken from USER settings only. A repository's `.vscode/settings.json` is written by whoever
 * wrote the repository; letting it set `baseUrl` would let a cloned project send the whole
 * codebase, and the key with it, to a server of its choosing.
 */
import type { Encoding, OutputFormat } from '../core';
import type { ModelPrices } from '../llm';

/** What `WorkspaceConfiguration.inspect()` returns, reduced to what Tome reads. */
export interface SettingInspection {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** Looks up one `tome.*` setting by its key without the `tome.` prefix. */
export type InspectSetting = (key: string) => SettingInspection | undefined;

/** The prices the `tome.prices` setting can give: the flat rates of the model client's {@link ModelPrices}. */
export type SettingPrices = Pick<ModelPrices, 'input' | 'output' | 'cachedInput'>;

/** Every `tome.*` setting, validated, with defaults filled in. */
export interface TomeSettings {
  provider: string;
  /** Empty: use the provider preset's URL. */
  baseUrl: string;
  /** Empty: use the provider preset's default model. */
  model: string;
  /** 0: use the model preset's window. */
  contextWindow: number;
  maxOutputTokens: number;
  /** Let the model think first, where the provider has a switch (DeepSeek). */
  thinking: boolean;
  /** Null: use the model preset's prices, if known. */
  prices: SettingPrices | null;
  encoding: Encoding;
  format: OutputFormat;
  exclude: string[];
  maxFileSize: number;
  includeTests: boolean;
}

/** Keys whose workspace values are ignored. */
export const USER_ONLY_KEYS = ['provider', 'baseUrl', 'model'] as const;

/** The defaults, mirrored in package.json `contributes.configuration`. */
export const DEFAULT_SETTINGS: TomeSettings = {
  provider: 'openai',
  baseUrl: '',
  model: '',
  contextWindow: 0,
  maxOutputTokens: 8192,
  thinking: true,
  prices: null,
  encoding: 'o200k_base',
  format: 'xml',
  exclude: [],
  maxFileSize: 1024 * 1024,
  includeTests: true,
};

/** The resolved settings and what was left out on the way. */
export interface ResolvedSettings {
  settings: TomeSettings;
  /** User-only keys that a workspace or folder tried to set (and did not). */
  ignoredWorkspaceKeys: string[];
  /** Keys whose value had the wrong type or range; their defaults were used. */
  invalidKeys: string[];
}

type Validator<T> = (value: unknown) => value is T;

const isString: Validator<string> = (v): v is string => typeof v === 'string';
const isBoolean: Validator<boolean> = (v): v is boolean => typeof v === 'boolean';
const isPositiveInt: Validator<number> = (v): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isNonNegativeInt: Validator<number> = (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isEncoding: Validator<Encoding> = (v): v is Encoding => v === 'o200k_base' || v === 'cl100k_base';
const isFormat: Validator<OutputFormat> = (v): v is OutputFormat => v === 'xml' || v === 'markdown' || v === 'plain';
const isStringArray: Validator<string[]> = (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isPrice = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isPrices: Validator<SettingPrices | null> = (v): v is SettingPrices | null => {
  if (v === null) return true;
  if (typeof v !== 'object' || Array.isArray(v)) return false;
  const p = v as Record<string, unknown>;
  return isPrice(p.input) && isPrice(p.output) && (p.cachedInput === undefined || isPrice(p.cachedInput));
};
const isHttpUrlOrEmpty: Validator<string> = (v): v is string => {
  if (typeof v !== 'string') return false;
  if (v === '') return true;
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** Reads every setting; see the module doc for the user-only rule. */
export function resolveSettings(inspect: InspectSetting): ResolvedSettings {
  const ignoredWorkspaceKeys: string[] = [];
  const invalidKeys: string[] = [];

  function read<K extends keyof TomeSettings>(key: K, valid: Validator<TomeSettings[K]>): TomeSettings[K] {
    const found = inspect(key);
    const userOnly = (USER_ONLY_KEYS as readonly string[]).includes(key);
    let value: unknown;
    if (userOnly) {
      if (found?.workspaceValue !== undefined || found?.workspaceFolderValue !== undefined) ignoredWorkspaceKeys.push(key);
      value = found?.globalValue;
    } else {
      value = found?.workspaceFolderValue ?? found?.workspaceValue ?? found?.globalValue;
    }
    if (value === undefined) return DEFAULT_SETTINGS[key];
    if (!valid(value)) {
      invalidKeys.push(key);
      return DEFAULT_SETTINGS[key];
    }
    return value;
  }

  const settings: TomeSettings = {
    provider: read('provider', (v): v is string => isString(v) && v.trim() !== ''),
    baseUrl: read('baseUrl', isHttpUrlOrEmpty),
    model: read('model', isString),
    contextWindow: read('contextWindow', isNonNegativeInt),
    maxOutputTokens: read('maxOutputTokens', isPositiveInt),
    thinking: read('thinking', isBoolean),
    prices: read('prices', isPrices),
    encoding: read('encoding', isEncoding),
    format: read('format', isFormat),
    exclude: read('exclude', isStringArray),
    maxFileSize: read('maxFileSize', isPositiveInt),
    includeTests: read('includeTests', isBoolean),
  };
  return { settings, ignoredWorkspaceKeys, invalidKeys };
}
