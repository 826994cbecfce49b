/**
 * The `tome` command line (bundled to dist/cli.js). Exit codes: 0 done, 1 failed, 2 bad usage,
 * 3 over --max-tokens, 130 interrupted. Set TOME_DEBUG=1 to see stack traces.
 */
import { CommanderError } from 'commander';
import packageJson from '../package.json';
import { isAbortError, PackError, FocusOutsideRootsError, GitError, ConfigError } from './core';
import { EXIT, OverLimitError, UsageError } from './cli/errors';
import { buildProgram } from './cli/program';

/** Failures the user fixes by changing the command line. */
const USAGE_CODES = new Set(['budget-too-small', 'focus-outside-roots']);

/**
 * Usage errors told by name: `tome mcp` runs from its own bundle (dist/mcp.js) with its own copy
 * of these classes, so `instanceof` does not see its errors.
 */
const USAGE_ERROR_NAMES = new Set(['UsageError', 'FocusOutsideRootsError', 'ConfigError']);

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0
      ? EXIT.ok
      : EXIT.usage;
  }
  if (error instanceof OverLimitError) return EXIT.overLimit;
  if (error instanceof UsageError || error instanceof FocusOutsideRootsError || error instanceof ConfigError) return EXIT.usage;
  if (error instanceof Error && USAGE_ERROR_NAMES.has(error.name)) return EXIT.usage;
  if (error instanceof PackError) return USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.failure;
  if (error instanceof GitError) return error.problem.kind === 'git-missing' || error.problem.kind === 'git-failed' ? EXIT.failure : EXIT.usage;
  if (isAbortError(error)) return EXIT.interrupted;
  return EXIT.failure;
}

async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const program = buildProgram(packageJson.version, controller.signal);
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    const code = exitCodeFor(error);
    // Commander has already printed its own message (with the allowed values).
    if (!(error instanceof CommanderError)) {
      const message = isAbortError(error) ? 'Stopped.' : error instanceof Error ? error.message : String(error);
      process.stderr.write(`tome: ${message}\n`);
      if (process.env.TOME_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      if (code === EXIT.failure && !process.env.TOME_DEBUG) process.stderr.write('Set TOME_DEBUG=1 for details.\n');
    }
    return code;
  }
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
