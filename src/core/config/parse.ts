/**
 * Reads the text of a tome.config.json: JSON with comments and trailing commas (jsonc-parser,
 * which gives every value's offset, so each problem names its key and line). Checked by hand
 * against the few keys there are: a schema validator would be a larger dependency than the
 * checks, and could not word a refused key the way a user needs.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { OutputFormat } from '../types';
import { parsePresets } from './presets';
import { CONFIG_KEYS, ConfigError, FORBIDDEN_KEYS, type ConfigMode, type ConfigPlace, type ConfigProblem, type ModeRule, type TomeConfig } from './types';

const FORMATS: readonly OutputFormat[] = ['xml', 'markdown', 'plain'];
const MODES: readonly ConfigMode[] = ['full', 'outline', 'path-only', 'exclude'];
const TOKEN_SCALE: Record<string, number> = { '': 1, k: 1_000, m: 1_000_000 };
const BYTE_SCALE: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** A place in the text from an offset. */
function placeOf(text: string, file: string, offset: number): ConfigPlace {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, line, column: offset - lineStart + 1 };
}

/** A whole number, or a string such as `128k` / `2mb`; null when it is neither or not above zero. */
function scaledNumber(node: Node, scale: Record<string, number>): number | null {
  let n: number;
  if (node.type === 'number' && typeof node.value === 'number') n = node.value;
  else if (node.type === 'string' && typeof node.value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(node.value);
    const factor = match ? scale[(match[2] ?? '').toLowerCase()] : undefined;
    if (!match || factor === undefined) return null;
    n = Math.round(Number(match[1]) * factor);
  } else return null;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function stringList(node: Node): string[] | null {
  if (node.type !== 'array') return null;
  const out: string[] = [];
  for (const item of node.children ?? []) {
    if (item.type !== 'string' || typeof item.value !== 'string' || item.value.trim() === '') return null;
    out.push(item.value);
  }
  return out;
}

/** The closest allowed key by edit distance, when it is close enough to be a typo. */
function suggestionFor(key: string): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row[j] ?? 0;
        row[j] = next;
      }
    }
    return row[b.length] ?? 0;
  };
  const lower = key.toLowerCase();
  let best: { key: string; d: number } | undefined;
  for (const k of CONFIG_KEYS) {
    const d = distance(lower, k.toLowerCase());
    if (!best || d < best.d) best = { key: k, d };
  }
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.key : undefined;
}

/**
 * Parses and checks a config file's text. Every problem is collected (so one run shows them
 * all) and thrown together as a {@link ConfigError}; nothing partial is returned.
 */
export function parseConfigText(text: string, file: string): Omit<TomeConfig, 'instructionsText'> {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({ kind: 'syntax', detail: printParseErrorCode(e.error), ...placeOf(text, file, e.offset) }));
  if (problems.length > 0) throw new ConfigError(problems);
  if (!root || root.type !== 'object') throw new ConfigError([{ kind: 'not-an-object', ...placeOf(text, file, root?.offset ?? 0) }]);
  const config: Omit<TomeConfig, 'instructionsText'> = { file };
  const seen = new Set<string>();
  for (const property of root.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const key = keyNode.value;
    const at = placeOf(text, file, keyNode.offset);
    const wrong = (expected: string): void => void problems.push({ kind: 'wrong-value', key, expected, ...placeOf(text, file, value?.offset ?? keyNode.offset) });
    if (seen.has(key)) {
      problems.push({ kind: 'duplicate-key', key, ...at });
      continue;
    }
    seen.add(key);
    if (FORBIDDEN_KEYS.some((k) => k.toLowerCase() === key.toLowerCase())) {
      problems.push({ kind: 'not-allowed', key, ...at });
      continue;
    }
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const suggestion = suggestionFor(key);
      problems.push({ kind: 'unknown-key', key, ...(suggestion ? { suggestion } : {}), ...at });
      continue;
    }
    if (!value) continue;
    switch (key) {
      case '$schema':
        if (value.type !== 'string') wrong('a string (the schema URL)');
        break;
      case 'include':
      case 'exclude': {
        const list = stringList(value);
        if (list === null) wrong('a list of glob strings, e.g. ["src/**", "docs/*.md"]');
        else config[key] = list;
        break;
      }
      case 'modes': {
        if (value.type !== 'object') {
          wrong('an object of glob → "full" | "outline" | "path-only" | "exclude", e.g. { "docs/**": "path-only" }');
          break;
        }
        const rules: ModeRule[] = [];
        for (const entry of value.children ?? []) {
          const [pattern, mode] = entry.children ?? [];
          if (!pattern || typeof pattern.value !== 'string') continue;
          if (!mode || mode.type !== 'string' || !MODES.includes(mode.value as ConfigMode)) {
            problems.push({ kind: 'wrong-value', key: `modes["${pattern.value}"]`, expected: 'one of "full", "outline", "path-only", "exclude"', ...placeOf(text, file, mode?.offset ?? pattern.offset) });
          } else rules.push({ pattern: pattern.value, mode: mode.value as ConfigMode });
        }
        config.modes = rules;
        break;
      }
      case 'budget': {
        const n = scaledNumber(value, TOKEN_SCALE);
        if (n === null) wrong('a token count above zero, e.g. 128000 or "128k"');
        else config.budget = n;
        break;
      }
      case 'maxFileSize': {
        const n = scaledNumber(value, BYTE_SCALE);
        if (n === null) wrong('a size in bytes above zero, e.g. 500000 or "512kb"');
        else config.maxFileSize = n;
        break;
      }
      case 'format':
        if (value.type !== 'string' || !FORMATS.includes(value.value as OutputFormat)) wrong('one of "xml", "markdown", "plain"');
        else config.format = value.value as OutputFormat;
        break;
      case 'instructions':
        if (value.type !== 'string' || value.value === '') wrong('the path of a text file, relative to the config file');
        else config.instructions = value.value as string;
        break;
      case 'presets': {
        const read = parsePresets(value);
        for (const p of read.problems) problems.push({ kind: 'wrong-value', key: p.key, expected: p.expected, ...placeOf(text, file, p.node.offset) });
        config.presets = read.presets;
        break;
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The place of a key's value in the text, for problems found after parsing (the instructions file). */
export function placeOfKey(text: string, file: string, key: string): ConfigPlace {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const property = root?.children?.find((p) => p.children?.[0]?.value === key);
  return placeOf(text, file, property?.children?.[1]?.offset ?? 0);
}
