import { join } from 'node:path';
import {
  CONFIG_FILE_NAME,
  findConfigFile,
  loadProjectConfig,
  mergeConfig,
  withSteering,
  type ConfigPreset,
  type TomeConfig,
  parseRemoteSpec,
  withRemoteClone,
  packInParts,
  PackEngine,
  withDefaults,
  type PackRequest,
  SavedPacks,
  StatIndex,
  DiskFactStore,
  cacheScopeOf,
  createTokenCounter,
  defaultTokenCacheDir,
  type Encoding,
  type OrderMode,
  type OutputFormat,
  type ProgressEvent,
  formatExplainTable,
} from '../core';
import { gitRequestFromOptions, type GitOptions } from './gitOptions';
import { copyToClipboard } from './clipboard';
import { OverLimitError, UsageError } from './errors';
import { write, writeChunks, writeOutput } from './output';
import { formatPartsSummary, writeParts } from './parts';
import { readAll, selectionFromList } from './stdinList';
import { TerminalProgress } from './progress';
import { resolveRoots } from './roots';
import { formatSummary } from './summary';
import { cacheWarning } from './outputFile';

/** Options of `tome pack` as commander parses them. */
export interface PackCommandOptions extends GitOptions {
  output?: string;
  format: OutputFormat;
  budget?: number;
  reserve: number;
  encoding: Encoding;
  include?: string[];
  exclude?: string[];
  maxFileSize?: number;
  gitignore: boolean;
  cache: boolean;
  report?: string;
  order: OrderMode;
  focus?: string[];
  query?: string;
  volatileLast?: boolean;
  explain?: boolean;
  quiet?: boolean;
  /** `-c FILE`: this config file instead of the root's tome.config.json; false with --no-config. */
  config?: string | false;
  /** True when --format was given (it has a default, so a value alone does not say so). */
  formatGiven?: boolean;
  /** `--split <tokens>`: numbered parts of at most this many tokens. */
  split?: number;
  /** `--max-tokens <n>`: fail (exit 3) when the pack holds more. */
  maxTokens?: number;
  lineNumbers?: boolean;
  /** Read the list of files to pack from stdin. */
  stdin?: boolean;
  /** Put the text on the clipboard. */
  copy?: boolean;
  /** `--remote <url>[#ref]`: pack a shallow clone instead of local folders. */
  remote?: string;
  /** Apply the remote repository's own tome.config.json. */
  trustRemoteConfig?: boolean;
  /** `--preset <name>`: lay this preset of tome.config.json's `presets` over the pack. */
  preset?: string;
}

/** The pack request the command line describes. */
export function requestFromOptions(dirs: string[], o: PackCommandOptions, config: TomeConfig | null = null): PackRequest {
  const git = gitRequestFromOptions(o);
  const fromConfig = mergeConfig(config, {
    ...(o.formatGiven !== false ? { format: o.format } : {}),
    ...(o.budget !== undefined ? { budget: o.budget } : {}),
    ...(o.include ? { include: o.include } : {}),
    ...(o.exclude ? { exclude: o.exclude } : {}),
    ...(o.maxFileSize !== undefined ? { maxFileSize: o.maxFileSize } : {}),
  });
  return withDefaults({
    roots: resolveRoots(dirs),
    format: o.format,
    encoding: o.encoding,
    budget: null,
    reserve: o.reserve,
    ...fromConfig,
    useGitignore: o.gitignore,
    order: o.order,
    focus: o.focus ?? [],
    query: o.query ?? '',
    volatileLast: o.volatileLast === true,
    ...(git ? { git } : {}),
  });
}

/** The request, with the config file and a `--stdin` file list applied. */
async function buildRequest(dirs: string[], o: PackCommandOptions): Promise<{ request: PackRequest; missing: string[] }> {
  const config = o.config === false ? null : await loadProjectConfig(resolveRoots(dirs), o.config);
  const options = requestFromOptions(dirs, o, config);
  // Preset paths are relative to the project folder, like the file's `modes` globs.
  const root = options.roots[0] ?? process.cwd();
  const request = o.preset === undefined ? options : withSteering(options, presetNamed(config, o.preset), (path) => join(root, path));
  if (o.lineNumbers) request.lineNumbers = true;
  if (!o.stdin) return { request, missing: [] };
  const listed = selectionFromList(await readAll(process.stdin), request.roots, process.cwd());
  return { request: { ...request, include: listed.include }, missing: listed.missing };
}

/** The preset `name` of the config, or a UsageError naming the presets there are. */
function presetNamed(config: TomeConfig | null, name: string): ConfigPreset {
  if (config === null) throw new UsageError(`--preset reads the "presets" of ${CONFIG_FILE_NAME}, and none was found (or --no-config was given).`);
  const found = config.presets?.find((p) => p.name === name.trim());
  if (found) return found;
  const names = (config.presets ?? []).map((p) => `"${p.name}"`);
  throw new UsageError(`${CONFIG_FILE_NAME} has no preset "${name}"; ${names.length > 0 ? `it has ${names.join(', ')}` : 'it has none (save one from the Context view, or add a "presets" entry)'}.`);
}

/** Refuses combinations that cannot mean anything, before any work. */
function checkCombinations(o: PackCommandOptions): void {
  if (o.split !== undefined && !o.output) throw new UsageError('--split writes numbered files next to the one -o names; give -o, e.g. -o pack.xml --split 100k.');
  if (o.split !== undefined && o.maxTokens !== undefined) throw new UsageError('--max-tokens checks one pack; with --split every part is already within its size.');
  if (o.remote !== undefined && o.stdin) throw new UsageError('--stdin lists local files; it cannot be combined with --remote.');
  if (o.split !== undefined && o.copy) throw new UsageError('--copy puts one pack on the clipboard; it cannot be combined with --split.');
}

/** `tome pack [dir…]`: the packed text to --output or stdout; progress and summary to stderr. */
export async function runPackCommand(dirs: string[], o: PackCommandOptions, signal: AbortSignal): Promise<void> {
  checkCombinations(o);
  if (o.remote === undefined) return packAndDeliver(dirs, o, signal);
  if (dirs.length > 0) throw new UsageError('--remote packs the cloned repository; give no folders with it.');
  const remote = parseRemoteSpec(o.remote);
  // -c names a local file; it is not looked up in the clone.
  const options = o.config === undefined && !o.trustRemoteConfig ? { ...o, config: false as const } : o;
  return withRemoteClone(
    remote,
    async (dir) => {
      if (!o.trustRemoteConfig && !o.quiet && (await findConfigFile(dir)) !== null) {
        await write(process.stderr, `tome: the repository's ${CONFIG_FILE_NAME} was not applied; add --trust-remote-config to apply it.\n`);
      }
      await packAndDeliver([dir], options, signal);
    },
    signal,
  );
}

/** Packs local folders and writes the text where the options say. */
async function packAndDeliver(dirs: string[], o: PackCommandOptions, signal: AbortSignal): Promise<void> {
  const { request, missing } = await buildRequest(dirs, o);
  if (missing.length > 0 && !o.quiet) await write(process.stderr, `tome: ${missing.length} listed path(s) do not exist and were left out: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}\n`);
  const cacheDir = o.cache ? defaultTokenCacheDir() : null;
  const counter = createTokenCounter({ encoding: request.encoding, cacheDir, workers: 'auto' });
  // One file per set of roots, so a small tree does not load what a big one taught.
  const scope = cacheScopeOf(request.roots);
  // Beside the token cache: unchanged files are not hashed again across runs (see statIndex.ts).
  const statIndex = cacheDir === null ? null : await StatIndex.open(cacheDir, undefined, scope);
  // Also beside it: import facts, outlines and redaction findings, so unchanged files are not
  // parsed or scanned for secrets again.
  const facts = cacheDir === null ? undefined : await DiskFactStore.open(cacheDir, { scope });
  // A tree packed for the first time (or without caches) has every file to count: the token
  // worker starts now, so its rank table is loaded while this thread reads and redacts.
  if (statIndex === null || statIndex.size === 0) counter.warm();
  const progress = new TerminalProgress(process.stderr, o.quiet !== true && process.stderr.isTTY === true);
  try {
    const engine = new PackEngine({
      tokenCounter: counter,
      ...(facts ? { facts } : {}),
      // A pack of a tree in which nothing changed is the saved pack of the last run.
      ...(statIndex && cacheDir !== null ? { statIndex, savedPacks: new SavedPacks(cacheDir) } : {}),
    });
    const packOptions = { signal, onProgress: (e: ProgressEvent) => progress.update(e) };
    if (o.split !== undefined && o.output) {
      const { parts, warnings } = await packInParts(engine, request, o.split, packOptions);
      await counter.dispose();
      progress.clear();
      const paths = await writeParts(o.output, parts.map((p) => p.chunks));
      if (o.report) await writeOutput(o.report, `${JSON.stringify(parts.map((p) => p.report), null, 2)}\n`);
      if (!o.quiet) await write(process.stderr, formatPartsSummary(parts, paths, warnings.map((w) => w.message)));
      return;
    }
    const result = await engine.pack(request, packOptions);
    // Nothing is counted after the pack: stopping the token workers (and saving their cache) now
    // gives their memory back before the text is written.
    await counter.dispose();
    const { report } = result;
    // A saved pack is written as the bytes it was saved as, never decoded.
    const text = result.bytes ?? result.chunks;
    progress.clear();
    if (o.maxTokens !== undefined && report.totalTokens > o.maxTokens) throw new OverLimitError(report.totalTokens, o.maxTokens);
    // The clipboard takes one string; a file and stdout are streamed the chunks, never joined.
    const copiedWith = o.copy ? await copyToClipboard(result.text) : null;
    if (o.copy && copiedWith === null) await write(process.stderr, 'tome: no clipboard program found (pbcopy, clip, wl-copy, xclip or xsel); the text goes to stdout instead.\n');
    if (o.output) await writeOutput(o.output, text);
    else if (copiedWith === null) await writeChunks(process.stdout, text);
    if (o.report) await writeOutput(o.report, `${JSON.stringify(report, null, 2)}\n`);
    if (o.explain) await write(process.stderr, formatExplainTable(report.files));
    const destination = [o.output, copiedWith !== null ? 'the clipboard' : o.output ? undefined : 'stdout'].filter((d) => d !== undefined).join(' and ');
    if (!o.quiet) await write(process.stderr, formatSummary(report, destination));
  } finally {
    progress.clear();
    await Promise.all([counter.dispose(), statIndex?.save(), facts?.close()]);
    const warning = cacheWarning(counter.cacheWriteFailure);
    if (warning && !o.quiet) await write(process.stderr, warning);
  }
}
