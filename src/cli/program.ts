import { Command, Option } from 'commander';
import { collect, parseByteSize, parsePositiveInteger, parseReserve, parseTokenCount } from './parseValues';
import { runGraphCommand, type GraphCommandOptions } from './graphCommand';
import { runInitCommand, type InitCommandOptions } from './initCommand';
import { runPackCommand, type PackCommandOptions } from './packCommand';
import type { McpCommandOptions } from './mcpCommand';

/** Builds the `tome` command line; actions run with `signal` (aborted on Ctrl-C). */
export function buildProgram(version: string, signal: AbortSignal): Command {
  const program = new Command('tome')
    .description('Pack a whole codebase into one prompt for long-context models.')
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride();

  program
    .command('pack')
    .description('pack folders into one prompt: text to stdout (or --output), summary to stderr')
    .argument('[dir...]', 'folders to pack (default: the current folder)')
    .option('-o, --output <file>', 'write the packed text to a file instead of stdout')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['xml', 'markdown', 'plain']).default('xml'))
    .option('-b, --budget <tokens>', 'token budget for the whole output, e.g. 128k, 1m, 1.5m', parseTokenCount)
    .option('--reserve <tokens>', 'tokens kept free for the question and answer', parseReserve, 0)
    .addOption(new Option('--encoding <name>', 'tokenizer').choices(['o200k_base', 'cl100k_base']).default('o200k_base'))
    .option('--include <glob>', 'pack only files matching this glob (repeatable)', collect)
    .option('--exclude <glob>', 'leave out files matching this glob (repeatable)', collect)
    .option('--max-file-size <size>', 'skip files larger than this, e.g. 500kb, 2mb (default 1mb)', parseByteSize)
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--no-cache', 'do not use the on-disk token count cache')
    .option('--report <file.json>', 'write the pack report as JSON')
    .addOption(new Option('--order <order>', 'file order').choices(['dependency', 'path']).default('dependency'))
    .option('--focus <path>', 'put this file or folder first under a budget (repeatable)', collect)
    .option('-q, --query <text>', 'your question; ranks files under a budget')
    .option('--volatile-last', 'put files with uncommitted changes last (keeps the prompt prefix cacheable)')
    .option('--diff [base]', 'pack the uncommitted changes as a diff (or, with a base branch, everything since the merge base) and rank the changed files first')
    .option('--staged', 'with or without --diff: pack only the staged changes')
    .option('--log <count>', 'pack the last <count> commits: subject, date and files', parsePositiveInteger)
    .option('--explain', "print each file's mode and the reason for it (stderr)")
    .option('--quiet', 'no progress and no summary')
    .option('--split <tokens>', 'write numbered parts of at most this many tokens each, next to the -o file', parseTokenCount)
    .option('--max-tokens <tokens>', 'fail with exit code 3 and the total when the pack would hold more (for CI); unlike --budget, nothing is fitted', parseTokenCount)
    .option('--line-numbers', 'number the lines of files packed in full')
    .option('--stdin', 'pack only the files listed on stdin (one path a line, or NUL-separated)')
    .option('--copy', 'put the packed text on the clipboard (stdout when no clipboard program is found)')
    .option('--remote <url>', 'pack a shallow clone of a git repository (https:, ssh:, git: or file: URL, optional #ref); removed afterwards')
    .option('--trust-remote-config', "apply the remote repository's own tome.config.json")
    .option('-c, --config <file>', 'read packing rules from this file instead of the folder\'s tome.config.json')
    .option('--no-config', 'ignore tome.config.json')
    .option('--preset <name>', "apply the pins and exclusions of this preset from tome.config.json's \"presets\" (the Context view's)")
    .action((dirs: string[], options: PackCommandOptions, command: Command) =>
      runPackCommand(dirs, { ...options, formatGiven: command.getOptionValueSource('format') === 'cli' }, signal),
    );

  program
    .command('init')
    .description('write a commented starter tome.config.json')
    .argument('[dir]', 'folder to write it in (default: the current folder)')
    .option('--force', 'replace an existing tome.config.json')
    .action((dir: string | undefined, options: InitCommandOptions) => runInitCommand(dir, options));

  program
    .command('graph')
    .description('print the import graph of a folder as JSON (or DOT), with import cycles')
    .argument('[dir]', 'folder (default: the current folder)')
    .option('--dot', 'print Graphviz DOT instead of JSON')
    .option('--include <glob>', 'only files matching this glob (repeatable)', collect)
    .option('--exclude <glob>', 'leave out files matching this glob (repeatable)', collect)
    .option('--no-gitignore', 'do not honour .gitignore files')
    .action((dir: string | undefined, options: GraphCommandOptions) => runGraphCommand(dir, options, signal));

  program
    .command('mcp')
    .description('serve Tome as an MCP server over stdio (read-only, confined to the workspace roots)')
    .option('--root <dir>', 'a workspace root (repeatable; default: the client\'s roots, else the current folder)', collect)
    .addOption(new Option('--encoding <name>', 'tokenizer').choices(['o200k_base', 'cl100k_base']).default('o200k_base'))
    .option('--no-cache', 'do not use the on-disk token count cache')
    // Loaded only for `tome mcp`: the MCP SDK and its schema libraries are most of the CLI's code
    // (the build makes it its own file, dist/mcp.js).
    .action(async (options: McpCommandOptions) => (await import('./mcpCommand')).runMcpCommand(options, version));

  for (const command of program.commands) command.exitOverride();
  return program;
}
