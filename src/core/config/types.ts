import type { OutputFormat } from '../types';

/** The file name Tome looks for at the root of what it packs. */
export const CONFIG_FILE_NAME = 'tome.config.json';

/** What a `modes` entry does to the files its glob matches. */
export type ConfigMode = 'full' | 'outline' | 'path-only' | 'exclude';

/** One `modes` entry: a gitignore-style glob (relative to the root) and its mode. First match wins. */
export interface ModeRule {
  pattern: string;
  mode: ConfigMode;
}

/** A checked tome.config.json. Every field is optional; absent means "as the command line or default says". */
export interface TomeConfig {
  /** Absolute path of the file it was read from. */
  file: string;
  include?: string[];
  exclude?: string[];
  /** In the file's order. */
  modes?: ModeRule[];
  budget?: number;
  format?: OutputFormat;
  /** Path of the instructions file, as written (relative to the config's folder). */
  instructions?: string;
  /** The instructions file's text, redacted. */
  instructionsText?: string;
  maxFileSize?: number;
  /** Named pins and exclusions for the Context view, by name. */
  presets?: ConfigPreset[];
}

/** The mode a preset pins a file or folder at. */
export type PresetPinMode = 'full' | 'outline' | 'path-only';

/** A `presets` entry: named pins and exclusions, paths relative to the config's folder. */
export interface ConfigPreset {
  name: string;
  pins: Record<string, PresetPinMode>;
  excluded: string[];
}

/** Where in the config file a problem is; lines and columns count from 1. */
export interface ConfigPlace {
  file: string;
  line: number;
  column: number;
}

/** What is wrong with a config file. Data, not words: the CLI and the extension word it. */
export type ConfigProblem =
  | (ConfigPlace & { kind: 'syntax'; detail: string })
  | (ConfigPlace & { kind: 'not-an-object' })
  | (ConfigPlace & { kind: 'unknown-key'; key: string; suggestion?: string })
  | (ConfigPlace & { kind: 'not-allowed'; key: string })
  | (ConfigPlace & { kind: 'duplicate-key'; key: string })
  | (ConfigPlace & { kind: 'wrong-value'; key: string; expected: string })
  | (ConfigPlace & { kind: 'instructions-unreadable'; key: string; path: string; detail: string })
  | { kind: 'unreadable'; file: string; detail: string };

/** A config file that cannot be used; nothing is packed on a guess. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(describeConfigProblem).join('\n'));
  }
}

/** The English wording of a problem, for the CLI and logs. */
export function describeConfigProblem(p: ConfigProblem): string {
  if (p.kind === 'unreadable') return `Could not read ${p.file}: ${p.detail}.`;
  const at = `${p.file}:${p.line}:${p.column}`;
  switch (p.kind) {
    case 'syntax':
      return `${at}: this is not valid JSON (${p.detail}).`;
    case 'not-an-object':
      return `${at}: the file must hold one JSON object, { … }.`;
    case 'unknown-key':
      return `${at}: "${p.key}" is not a tome.config.json key${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'} Keys: ${CONFIG_KEYS.join(', ')}.`;
    case 'not-allowed':
      return `${at}: "${p.key}" cannot be set in a project file: it may change what is packed, never where code is sent. Set the model and endpoint in your user settings.`;
    case 'duplicate-key':
      return `${at}: "${p.key}" is given twice.`;
    case 'wrong-value':
      return `${at}: "${p.key}" must be ${p.expected}.`;
    case 'instructions-unreadable':
      return `${at}: the instructions file "${p.path}" cannot be used: ${p.detail}.`;
  }
}

/** Every key a config file may hold, in the order the starter file shows them. */
export const CONFIG_KEYS = ['$schema', 'include', 'exclude', 'modes', 'budget', 'format', 'instructions', 'maxFileSize', 'presets'] as const;

/** Keys that would say where code is sent; refused by name so a project cannot redirect it. */
export const FORBIDDEN_KEYS = ['provider', 'baseUrl', 'baseURL', 'endpoint', 'url', 'apiKey', 'api_key', 'key', 'token', 'model', 'headers', 'proxy', 'organization'];
