import { writeFile } from 'node:fs/promises';
import { loadProjectConfig, mergeConfig, type TomeConfig } from '../core/config';
import { gitRequestFromOptions, type GitOptions } from './gitOptions';
import { PackEngine } from '../core/pack';
import { withDefaults, type PackRequest } from '../core/request';
import { createTokenCounter, defaultTokenCacheDir } from '../core/tokenize';
import type { Encoding, OrderMode, OutputFormat } from '../core/types';
import { TerminalProgress } from './progress';
import { resolveRoots } from './roots';
import { formatExplainTable } from '../core/select';
import { formatSummary } from './summary';

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

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
}

/** Writes a file the user named, with a plain message when that fails. */
async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`Could not write "${path}" (${reason}). Check that its folder exists and can be written to.`, {
      cause: error,
    });
  }
}

/** `tome pack [dir…]`: the packed text to --output or stdout; progress and summary to stderr. */
export async function runPackCommand(dirs: string[], o: PackCommandOptions, signal: AbortSignal): Promise<void> {
  const config = o.config === false ? null : await loadProjectConfig(resolveRoots(dirs), o.config);
  const request = requestFromOptions(dirs, o, config);
  const counter = createTokenCounter({ encoding: request.encoding, cacheDir: o.cache ? defaultTokenCacheDir() : null, workers: 'auto' });
  const progress = new TerminalProgress(process.stderr, o.quiet !== true && process.stderr.isTTY === true);
  try {
    const { text, report } = await new PackEngine({ tokenCounter: counter }).pack(request, {
      signal,
      onProgress: (e) => progress.update(e),
    });
    progress.clear();
    if (o.output) await writeOutput(o.output, text);
    else await write(process.stdout, text);
    if (o.report) await writeOutput(o.report, `${JSON.stringify(report, null, 2)}\n`);
    if (o.explain) await write(process.stderr, formatExplainTable(report.files));
    if (!o.quiet) await write(process.stderr, formatSummary(report, o.output ?? 'stdout'));
  } finally {
    progress.clear();
    await counter.dispose();
  }
}
