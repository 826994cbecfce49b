/**
 * Pins and exclusions set in the Context view, and the presets that name them. Plain data, no
 * `vscode`: the host keeps it in workspace state and lays it over every pack request (chat,
 * palette packs, status bar) through the same `modes` rules tome.config.json uses, so there is
 * one mechanism for "this glob gets this mode".
 */
import { countedFile, type ContextCounts } from '../core';

/** What a pin fixes a file or folder at. */
export type PinMode = 'full' | 'outline' | 'path-only';

/** The user's steering of one workspace. Paths are report paths (`/`-separated; a folder has no trailing slash). */
export interface Steering {
  /** path → the mode pinned. */
  pins: Record<string, PinMode>;
  /** Paths left out (files or folders). */
  excluded: string[];
}

/** A named, saved steering. */
export interface SteeringPreset extends Steering {
  name: string;
}

/** Nothing pinned, nothing left out. */
export const EMPTY_STEERING: Steering = { pins: {}, excluded: [] };

/** True when a steering changes nothing. */
export function isEmptySteering(steering: Steering): boolean {
  return Object.keys(steering.pins).length === 0 && steering.excluded.length === 0;
}

/** Number of pins, for the scope chip's "N pinned". */
export function pinCount(steering: Steering): number {
  return Object.keys(steering.pins).length;
}

/**
 * The context line with the steering's pin count, so the scope chip can say "N pinned". A
 * steering without pins drops the count: the chip then shows the scope alone.
 */
export function withPinCount<T extends { pinned?: number }>(context: T, steering: Steering): T {
  const pinned = pinCount(steering);
  const { pinned: _previous, ...rest } = context;
  return (pinned > 0 ? { ...rest, pinned } : rest) as T;
}

/**
 * The `modes` rules of a steering, and a request with them laid over it (see core's config
 * steering, which `tome pack --preset` uses too).
 */
export { steeringRules, withSteering as applySteering } from '../core';

/** True when `path` is `under` or inside it. */
export function isUnder(path: string, under: string): boolean {
  return path === under || path.startsWith(`${under}/`);
}

/** The steering with `path` checked (included) or unchecked (left out). Checking a path also clears exclusions inside it. */
export function setIncluded(steering: Steering, path: string, included: boolean): Steering {
  const others = steering.excluded.filter((p) => !isUnder(p, path));
  return { pins: steering.pins, excluded: included ? others : [...others, path].sort() };
}

/** The steering with `path` pinned at `mode`, or its pin cleared when `mode` is null. */
export function setPin(steering: Steering, path: string, mode: PinMode | null): Steering {
  const pins = { ...steering.pins };
  if (mode === null) delete pins[path];
  else pins[path] = mode;
  return { pins, excluded: steering.excluded };
}

/**
 * What the files pinned as full cost against `budget`: their tokens in full in `counts` (a count
 * that holds each file's size in full), and whether that sum is over the budget. A pin inside a
 * folder pinned as full is not counted twice. The chat warns with the total before it sends.
 */
export function pinnedCost(counts: ContextCounts, steering: Steering, budget: number | null): { tokens: number; files: number; overBudget: boolean } {
  const pins = Object.entries(steering.pins).filter(([, mode]) => mode === 'full').map(([p]) => p);
  const outermost = pins.filter((p) => !pins.some((q) => q !== p && isUnder(p, q)));
  let tokens = 0;
  let files = 0;
  for (const path of outermost) {
    const folder = counts.folders.get(path);
    const file = folder ? undefined : countedFile(counts, path);
    tokens += folder?.fullTokens ?? file?.fullTokens ?? 0;
    files += folder?.fullFileCount ?? (file?.fullTokens === undefined ? 0 : 1);
  }
  return { tokens, files, overBudget: budget !== null && tokens > budget };
}

/** A preset list with `steering` saved as `name` (replacing a preset of that name). */
export function savePreset(presets: readonly SteeringPreset[], name: string, steering: Steering): SteeringPreset[] {
  const trimmed = name.trim();
  const preset: SteeringPreset = { name: trimmed, pins: { ...steering.pins }, excluded: [...steering.excluded] };
  return [...presets.filter((p) => p.name !== trimmed), preset].sort((a, b) => a.name.localeCompare(b.name));
}

/** A preset list with `from` renamed `to`; a preset already called `to` is replaced. */
export function renamePreset(presets: readonly SteeringPreset[], from: string, to: string): SteeringPreset[] {
  const found = presets.find((p) => p.name === from);
  if (!found || to.trim() === '') return [...presets];
  return savePreset(presets.filter((p) => p.name !== from), to, found);
}

/** A preset list without `name`. */
export function deletePreset(presets: readonly SteeringPreset[], name: string): SteeringPreset[] {
  return presets.filter((p) => p.name !== name);
}

/** A preset as the quick pick lists it: saved in this workspace, or shared in tome.config.json. */
export interface PresetChoice {
  preset: SteeringPreset;
  shared: boolean;
}

/**
 * The presets to choose from: this workspace's, then tome.config.json's. A shared preset with
 * the name of one saved here is listed too, marked as shared, so both can be restored.
 */
export function presetChoices(saved: readonly SteeringPreset[], shared: readonly SteeringPreset[]): PresetChoice[] {
  return [...saved.map((preset) => ({ preset, shared: false })), ...shared.map((preset) => ({ preset, shared: true }))];
}

/** The preset a name restores: this workspace's first, then the shared one. */
export function presetNamed(saved: readonly SteeringPreset[], shared: readonly SteeringPreset[], name: string): SteeringPreset | undefined {
  return saved.find((p) => p.name === name) ?? shared.find((p) => p.name === name);
}

/** The steering a preset restores, or undefined when there is none of that name. */
export function restorePreset(presets: readonly SteeringPreset[], name: string): Steering | undefined {
  const found = presets.find((p) => p.name === name);
  return found ? { pins: { ...found.pins }, excluded: [...found.excluded] } : undefined;
}

/** Reads a steering kept in workspace state; anything malformed counts as nothing set. */
export function steeringFromState(value: unknown): Steering {
  if (typeof value !== 'object' || value === null) return EMPTY_STEERING;
  const { pins, excluded } = value as { pins?: unknown; excluded?: unknown };
  const modes = new Set(['full', 'outline', 'path-only']);
  const cleanPins: Record<string, PinMode> = {};
  if (typeof pins === 'object' && pins !== null) {
    for (const [p, m] of Object.entries(pins)) if (typeof m === 'string' && modes.has(m)) cleanPins[p] = m as PinMode;
  }
  const cleanExcluded = Array.isArray(excluded) ? excluded.filter((p): p is string => typeof p === 'string') : [];
  return { pins: cleanPins, excluded: cleanExcluded };
}

/** Reads presets kept in workspace state. */
export function presetsFromState(value: unknown): SteeringPreset[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    if (typeof v !== 'object' || v === null || typeof (v as { name?: unknown }).name !== 'string') return [];
    return [{ name: (v as { name: string }).name, ...steeringFromState(v) }];
  });
}
