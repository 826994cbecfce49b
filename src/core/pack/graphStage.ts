/**
 * The graph stage of a pack: import facts come from the facts store (only new contents are
 * parsed), config files the scan left out are read through the read and redact stages, and the
 * built graph is remembered under a key of everything it was built from.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { importLanguageOf, isGraphConfigName, type FileFacts, type GraphInput } from '../graph';
import type { PackClock } from './clock';
import { readAndRedact } from './readStage';
import type { EngineState } from './state';
import type { PackStages } from './types';
import type { ImportGraph, RedactedFile, RootPrefix, ScannedFile, SkippedFile } from '../types';

/** Skip reasons of files the scan found but left out; such a config still shapes resolution. */
const LEFT_OUT = new Set<SkippedFile['reason']>(['gitignored', 'tomeignored', 'excluded', 'default-excluded', 'not-included']);

/**
 * Config files (tsconfig.json and the like) among the files the scan left out, read and
 * redacted like packed files: an edit to one changes the graph's key, so the next pack sees it.
 */
export async function readLeftOutConfigs(
  skipped: readonly SkippedFile[],
  roots: readonly RootPrefix[],
  maxFileSize: number,
  state: EngineState,
  stages: PackStages,
  clock: PackClock,
): Promise<RedactedFile[]> {
  const scanned = await leftOutConfigFiles(skipped, roots);
  if (scanned.length === 0) return [];
  return (await readAndRedact(scanned, maxFileSize, state, stages, clock)).files;
}

/** The config files among the files the scan left out that still shape resolution, stat'ed now. */
export async function leftOutConfigFiles(skipped: readonly SkippedFile[], roots: readonly RootPrefix[]): Promise<ScannedFile[]> {
  const wanted = skipped.filter((s) => LEFT_OUT.has(s.reason) && !s.path.endsWith('/') && isGraphConfigName(basename(s.path)));
  const scanned: ScannedFile[] = [];
  for (const s of wanted) {
    const root = rootOf(s.path, roots);
    if (root === undefined) continue;
    const absPath = join(root.root, ...s.path.slice(root.prefix.length).split('/'));
    try {
      const info = await stat(absPath);
      if (info.isFile()) scanned.push({ path: s.path, absPath, root: root.root, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino });
    } catch {
      // Gone since the scan: resolution goes on without it, as without any missing config.
    }
  }
  return scanned;
}

/** The root whose prefix starts `path` (the longest, so `api-2/` wins over a root named `api-`). */
export function rootOf(path: string, roots: readonly RootPrefix[]): RootPrefix | undefined {
  let best: RootPrefix | undefined;
  for (const r of roots) if (path.startsWith(r.prefix) && (best === undefined || r.prefix.length > best.prefix.length)) best = r;
  return best;
}

/** Identifies the graph's input: roots, every file's path and content hash, and the configs read. */
function graphKey(roots: readonly string[], files: readonly RedactedFile[], configs: readonly RedactedFile[]): string {
  const hash = createHash('sha1').update(roots.join('\0'));
  for (const f of files) hash.update(`\0${f.path}\0${f.hash}`);
  hash.update('\0\0configs');
  for (const f of configs) hash.update(`\0${f.path}\0${f.hash}`);
  return hash.digest('hex');
}

/** The import language a path gives, as the key parameter of its import facts. */
function languageParam(path: string): string | null {
  const lang = importLanguageOf(path);
  return lang === null ? null : `${lang.family}\0${'grammar' in lang ? lang.grammar : ''}`;
}

/**
 * The import graph of `files`, built at most once per distinct input. Files whose import facts
 * are known are passed with empty text and not parsed again; configs and files of no import
 * language keep their text, since resolution reads them.
 */
export async function importGraphOf(
  roots: readonly string[],
  files: readonly RedactedFile[],
  configs: readonly RedactedFile[],
  state: EngineState,
  stages: PackStages,
  signal?: AbortSignal,
): Promise<ImportGraph> {
  const key = graphKey(roots, files, configs);
  const remembered = state.graphs.get(key);
  if (remembered) return remembered;
  const knownFacts = new Map<string, FileFacts>();
  const inputs = files.map((f): GraphInput => {
    const param = languageParam(f.path);
    const known = param === null ? undefined : state.facts.get('imports', f.hash, param);
    if (known !== undefined) knownFacts.set(f.path, known);
    return { path: f.path, absPath: f.absPath, root: f.root, text: known === undefined ? f.text : '' };
  });
  const learnedFacts = new Map<string, FileFacts>();
  const graph = await stages.buildImportGraph(inputs, {
    roots: [...roots],
    configs: new Map(configs.map((c) => [c.path, c.text])),
    knownFacts,
    learnedFacts,
    signal,
  });
  const hashes = new Map(files.map((f) => [f.path, f.hash]));
  for (const [path, facts] of learnedFacts) {
    const param = languageParam(path);
    const hash = hashes.get(path);
    if (param !== null && hash !== undefined) state.facts.set('imports', hash, param, facts);
  }
  state.graphs.set(key, graph);
  return graph;
}
