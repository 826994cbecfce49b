import { writeFile } from 'node:fs/promises';
import type { DiffSpec, GitRequest } from '../core/git';
import { UsageError } from './errors';
import { PackEngine } from '../core/pack';
import { withDefaults, type PackRequest } from '../core/request';
import { createTokenCounter, defaultTokenCacheDir } from '../core/tokenize';
import type { Encoding, OrderMode, OutputFormat } from '../core/types';
import { TerminalProgress } from './progress';
import { resolveRoots } from './roots';
import { formatExplainTable } from '../core/select';
import { formatSummary } from './summary';

/** Options of `tome pack` as commander parses them. */
export interface PackCommandOptions {
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
  /** `--diff` alone is true; `--diff main` is the base. */
  diff?: string | boolean;
  staged?: boolean;
  log?: number;
}

/** The git context `--diff [base]`, `--staged` and `--log N` ask for, or undefined. */
export function gitRequestFromOptions(o: Pick<PackCommandOptions, 'diff' | 'staged' | 'log'>): GitRequest | undefined {
  if (o.staged && typeof o.diff === 'string') {
    throw new UsageError('--staged compares the index with HEAD; it cannot be combined with a base (--diff <base>). Use one or the other.');
  }
  const diff: DiffSpec | undefined = o.staged
    ? { kind: 'staged' }
    : typeof o.diff === 'string'
      ? { kind: 'base', base: o.diff }
      : o.diff === true
        ? { kind: 'worktree' }
        : undefined;
  if (diff === undefined && o.log === undefined) return undefined;
  return { ...(diff ? { diff } : {}), ...(o.log !== undefined ? { log: o.log } : {}) };
}

/** The pack request the command line describes. */
export function requestFromOptions(dirs: string[], o: PackCommandOptions): PackRequest {
  const git = gitRequestFromOptions(o);
  return withDefaults({
    roots: resolveRoots(dirs),
    format: o.format,
    encoding: o.encoding,
    budget: o.budget ?? null,
    reserve: o.reserve,
    include: o.include ?? [],
    exclude: o.exclude ?? [],
    ...(o.maxFileSize !== undefined ? { maxFileSize: o.maxFileSize } : {}),
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
  const request = requestFromOptions(dirs, o);
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
