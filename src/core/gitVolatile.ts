import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function gitPaths(root: string, args: string[]): Promise<string[]> {
  const { stdout } = await run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024, windowsHide: true });
  return stdout.split('\0').filter((p) => p !== '');
}

/**
 * Pack paths of files with uncommitted changes (modified, staged or untracked) under `roots`.
 * Such files change between packs, so putting them last keeps the rest of the prompt's prefix
 * stable for providers' prompt caches. Throws when a root is not in a git work tree.
 */
export async function uncommittedPaths(roots: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const root of roots) {
    // Both commands print paths relative to `root` (ls-files always, diff with --relative).
    const changed = await gitPaths(root, ['ls-files', '-z', '-m', '-o', '--exclude-standard']);
    const staged = await gitPaths(root, ['diff', '-z', '--name-only', '--cached', '--relative']);
    for (const path of [...changed, ...staged]) out.add(roots.length > 1 ? `${basename(root)}/${path}` : path);
  }
  return out;
}

/** Moves the `volatile` paths to the end, keeping the relative order within both groups. */
export function moveVolatileLast(order: readonly string[], volatile: ReadonlySet<string>): string[] {
  return [...order.filter((p) => !volatile.has(p)), ...order.filter((p) => volatile.has(p))];
}
