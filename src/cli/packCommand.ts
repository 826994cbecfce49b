import { PackEngine } from '../core/pack';
import { withDefaults, type PackRequest } from '../core/request';
import { createTokenCounter, defaultTokenCacheDir } from '../core/tokenize';
import type { Encoding, OrderMode, OutputFormat } from '../core/types';
import { TerminalProgress } from './progress';
import { resolveRoots } from './roots';
import { formatExplainTable } from '../core/select';
import { formatSummary } from './summary';
import { cacheWarning, writeOutput } from './outputFile';

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
}

/** The pack request the command line describes. */
export function requestFromOptions(dirs: string[], o: PackCommandOptions): PackRequest {
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
  });
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
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
    const warning = cacheWarning(counter.cacheWriteFailure);
    if (warning && !o.quiet) await write(process.stderr, warning);
  }
}
