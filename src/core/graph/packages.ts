import picomatch from 'picomatch';
import { dirOf, joinRel, type TreeIndex } from './tree';
import type { Warn } from '../warnings';

/** A package.json in the tree that imports can name. */
export interface TreePackage {
  name: string;
  /** Folder of the package.json ('' at the top). */
  dir: string;
  /** The parsed manifest fields resolution reads. */
  exports: unknown;
  main: string | null;
  types: string | null;
  module: string | null;
}

interface RawManifest {
  name?: unknown;
  exports?: unknown;
  main?: unknown;
  types?: unknown;
  typings?: unknown;
  module?: unknown;
  workspaces?: unknown;
}

/** Folder globs of the workspace: package.json `workspaces` (array or `{ packages }`) and pnpm-workspace.yaml. */
export function workspaceGlobs(tree: TreeIndex, warn: Warn): string[] {
  const globs: string[] = [];
  const root = readManifest(tree, 'package.json', warn);
  const field = root?.workspaces;
  const list = Array.isArray(field) ? field : typeof field === 'object' && field !== null ? (field as { packages?: unknown }).packages : [];
  if (Array.isArray(list)) for (const g of list) if (typeof g === 'string') globs.push(g);
  const pnpm = tree.text('pnpm-workspace.yaml');
  if (pnpm !== null) globs.push(...pnpmPackages(pnpm));
  return globs.map((g) => g.replace(/^\.\//, '').replace(/\/$/, ''));
}

/**
 * The `packages:` list of pnpm-workspace.yaml. The file is a tiny, fixed shape (a list of quoted
 * or bare globs), so it is read line by line; `!` exclusions are honoured by the caller's matcher.
 */
export function pnpmPackages(yaml: string): string[] {
  const globs: string[] = [];
  let inPackages = false;
  for (const raw of yaml.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trimEnd();
    if (/^packages\s*:/.test(line)) {
      inPackages = true;
      continue;
    }
    if (!inPackages) continue;
    const item = /^\s*-\s*['"]?([^'"]+)['"]?\s*$/.exec(line);
    if (item?.[1] !== undefined) globs.push(item[1]);
    else if (/^\S/.test(line)) inPackages = false;
  }
  return globs;
}

function readManifest(tree: TreeIndex, path: string, warn: Warn): RawManifest | null {
  const text = tree.text(path);
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as RawManifest) : null;
  } catch {
    warn({ code: 'config-not-json', file: path, config: 'package' });
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Named packages of the tree, by name. Workspace members (by the globs) win over other package.json
 * files of the same name (fixtures, examples); among equals the shallowest path wins.
 */
export function findTreePackages(tree: TreeIndex, warn: Warn): Map<string, TreePackage> {
  const globs = workspaceGlobs(tree, warn);
  const include = globs.filter((g) => !g.startsWith('!'));
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const isMember = picomatch(include.length > 0 ? include : ['**'], { ignore: exclude, dot: false });
  const ranked: { pkg: TreePackage; rank: number }[] = [];
  for (const path of tree.named('package.json')) {
    if (path.split('/').includes('node_modules')) continue;
    const manifest = readManifest(tree, path, warn);
    const name = str(manifest?.name);
    if (manifest === null || name === null) continue;
    const dir = dirOf(path);
    const member = include.length > 0 && isMember(dir);
    ranked.push({
      pkg: {
        name, dir, exports: manifest.exports ?? null, main: str(manifest.main), module: str(manifest.module),
        types: str(manifest.types) ?? str(manifest.typings),
      },
      rank: (member ? 0 : 1000) + dir.split('/').length,
    });
  }
  ranked.sort((a, b) => a.rank - b.rank || (a.pkg.dir < b.pkg.dir ? -1 : 1));
  const byName = new Map<string, TreePackage>();
  for (const { pkg } of ranked) if (!byName.has(pkg.name)) byName.set(pkg.name, pkg);
  return byName;
}

/** Conditions tried in `exports`, source-first: a workspace import should land on sources, not builds. */
const CONDITIONS = ['source', 'development', 'types', 'import', 'module', 'require', 'node', 'default'];

/** The tree-relative targets `exports` gives for `subpath` ('.' or './x'), best first. */
export function exportTargets(pkg: TreePackage, subpath: string): string[] {
  const exportsField = pkg.exports;
  if (exportsField === null || exportsField === undefined) return [];
  let entry: unknown;
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) entry = subpath === '.' ? exportsField : undefined;
  else if (typeof exportsField === 'object') {
    const map = exportsField as Record<string, unknown>;
    const keys = Object.keys(map);
    if (keys.length > 0 && keys.every((k) => !k.startsWith('.'))) entry = subpath === '.' ? map : undefined;
    else entry = map[subpath] ?? wildcardEntry(map, subpath);
  }
  return conditionTargets(entry).flatMap((t) => {
    const rel = joinRel(pkg.dir, t);
    return rel === null ? [] : [rel];
  });
}

function wildcardEntry(map: Record<string, unknown>, subpath: string): unknown {
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const stem = subpath.slice(prefix.length, subpath.length - suffix.length);
      return replaceStar(value, stem);
    }
  }
  return undefined;
}

function replaceStar(value: unknown, stem: string): unknown {
  if (typeof value === 'string') return value.replace(/\*/g, stem);
  if (Array.isArray(value)) return value.map((v) => replaceStar(v, stem));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStar(v, stem)]));
  }
  return value;
}

function conditionTargets(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (Array.isArray(entry)) return entry.flatMap(conditionTargets);
  if (typeof entry !== 'object' || entry === null) return [];
  const map = entry as Record<string, unknown>;
  return CONDITIONS.filter((c) => c in map).flatMap((c) => conditionTargets(map[c]));
}
