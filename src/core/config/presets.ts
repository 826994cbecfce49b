/**
 * The `presets` key of tome.config.json: named pins and exclusions of the Context view, shared
 * by a team. Paths are relative to the config's folder, `/`-separated, as the Context view
 * shows them. A preset only changes what is packed and how, never where it is sent.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions, type Node, type ParseError } from 'jsonc-parser';
import type { ConfigPreset, PresetPinMode } from './types';

const PIN_MODES: readonly PresetPinMode[] = ['full', 'outline', 'path-only'];

const FORMATTING: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** One problem in a preset: the key path it is at, what was expected, and the offending node. */
export interface PresetProblem {
  key: string;
  expected: string;
  node: Node;
}

/** A path as the Context view keys it: `/`-separated, no leading `./` or `/`, no trailing `/`. */
function cleanPath(raw: string): string | null {
  const path = raw.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+|\/+$/g, '');
  if (path === '' || path.split('/').some((part) => part === '..')) return null;
  return path;
}

/** Reads `presets`: an object of name → { pins?: { path: mode }, excluded?: [path] }. */
export function parsePresets(value: Node): { presets: ConfigPreset[]; problems: PresetProblem[] } {
  const problems: PresetProblem[] = [];
  const presets: ConfigPreset[] = [];
  if (value.type !== 'object') {
    return { presets, problems: [{ key: 'presets', expected: 'an object of preset name → { "pins": { path: mode }, "excluded": [path] }', node: value }] };
  }
  for (const entry of value.children ?? []) {
    const [nameNode, body] = entry.children ?? [];
    if (!nameNode || typeof nameNode.value !== 'string' || !body) continue;
    const name = nameNode.value.trim();
    const key = `presets["${nameNode.value}"]`;
    if (name === '') {
      problems.push({ key, expected: 'a name that is not empty', node: nameNode });
      continue;
    }
    if (body.type !== 'object') {
      problems.push({ key, expected: 'an object with "pins" and/or "excluded"', node: body });
      continue;
    }
    const preset: ConfigPreset = { name, pins: {}, excluded: [] };
    for (const field of body.children ?? []) {
      const [fieldKey, fieldValue] = field.children ?? [];
      if (!fieldKey || !fieldValue) continue;
      if (fieldKey.value === 'pins') readPins(fieldValue, `${key}.pins`, preset, problems);
      else if (fieldKey.value === 'excluded') readExcluded(fieldValue, `${key}.excluded`, preset, problems);
      else problems.push({ key: `${key}.${String(fieldKey.value)}`, expected: 'absent: a preset holds only "pins" and "excluded"', node: fieldKey });
    }
    presets.push(preset);
  }
  return { presets: presets.sort((a, b) => a.name.localeCompare(b.name)), problems };
}

function readPins(node: Node, key: string, preset: ConfigPreset, problems: PresetProblem[]): void {
  if (node.type !== 'object') {
    problems.push({ key, expected: 'an object of path → "full" | "outline" | "path-only"', node });
    return;
  }
  for (const pin of node.children ?? []) {
    const [pathNode, modeNode] = pin.children ?? [];
    if (!pathNode || typeof pathNode.value !== 'string') continue;
    const path = cleanPath(pathNode.value);
    if (path === null) problems.push({ key: `${key}["${pathNode.value}"]`, expected: 'a path inside the project, relative to it', node: pathNode });
    else if (!modeNode || modeNode.type !== 'string' || !PIN_MODES.includes(modeNode.value as PresetPinMode)) {
      problems.push({ key: `${key}["${pathNode.value}"]`, expected: 'one of "full", "outline", "path-only"', node: modeNode ?? pathNode });
    } else preset.pins[path] = modeNode.value as PresetPinMode;
  }
}

function readExcluded(node: Node, key: string, preset: ConfigPreset, problems: PresetProblem[]): void {
  const paths = node.type === 'array' ? (node.children ?? []).map((item) => (item.type === 'string' && typeof item.value === 'string' ? cleanPath(item.value) : null)) : [null];
  if (paths.some((p) => p === null)) {
    problems.push({ key, expected: 'a list of paths inside the project, e.g. ["src/billing", "docs/old.md"]', node });
    return;
  }
  preset.excluded = [...new Set(paths as string[])].sort();
}

/**
 * The text of a tome.config.json with `preset` written under `presets` (replacing one of that
 * name), keeping the file's comments and layout. `text` may be empty (a new file).
 */
export function configTextWithPreset(text: string, preset: ConfigPreset): string {
  const base = text.trim() === '' ? '{}\n' : text;
  const value = { pins: sortedPins(preset.pins), excluded: [...preset.excluded].sort() };
  const edits = modify(base, ['presets', preset.name], value, { formattingOptions: FORMATTING });
  return applyEdits(base, edits);
}

function sortedPins(pins: Record<string, PresetPinMode>): Record<string, PresetPinMode> {
  return Object.fromEntries(Object.entries(pins).sort(([a], [b]) => a.localeCompare(b)));
}

/** A tome.config.json text after a preset edit, or why it could not be edited. */
export type PresetEdit = { kind: 'edited'; text: string } | { kind: 'no-preset'; name: string } | { kind: 'not-json' };

/** The `presets` property named `name` as {@link parsePresets} reads it (its key trimmed). */
function presetProperty(root: Node, name: string): Node | undefined {
  const presets = findNodeAtLocation(root, ['presets']);
  if (presets?.type !== 'object') return undefined;
  return presets.children?.find((property) => {
    const key = property.children?.[0]?.value;
    return typeof key === 'string' && key.trim() === name;
  });
}

/** The text's tree, or null when it is not JSON with comments that can be edited safely. */
function editableTree(text: string): Node | null {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  return root && errors.length === 0 ? root : null;
}

/** The text of a tome.config.json without the preset `name`, keeping everything else as it was. */
export function configTextWithoutPreset(text: string, name: string): PresetEdit {
  const root = editableTree(text);
  if (!root) return { kind: 'not-json' };
  const key = presetProperty(root, name)?.children?.[0]?.value;
  if (typeof key !== 'string') return { kind: 'no-preset', name };
  return { kind: 'edited', text: applyEdits(text, modify(text, ['presets', key], undefined, { formattingOptions: FORMATTING })) };
}

/**
 * The text of a tome.config.json with the preset `from` called `to`. Only its key is rewritten,
 * so comments inside the preset stay; a preset already called `to` is replaced, as saving does.
 */
export function configTextWithPresetRenamed(text: string, from: string, to: string): PresetEdit {
  const target = to.trim();
  const root = editableTree(text);
  if (!root) return { kind: 'not-json' };
  if (!presetProperty(root, from)) return { kind: 'no-preset', name: from };
  if (target === from || target === '') return { kind: 'edited', text };
  const cleared = configTextWithoutPreset(text, target);
  const base = cleared.kind === 'edited' ? cleared.text : text;
  const baseRoot = editableTree(base);
  const keyNode = baseRoot && presetProperty(baseRoot, from)?.children?.[0];
  if (!keyNode) return { kind: 'no-preset', name: from };
  return { kind: 'edited', text: applyEdits(base, [{ offset: keyNode.offset, length: keyNode.length, content: JSON.stringify(target) }]) };
}
