/**
 * The git context of a scan root: `.git/info/exclude` and the `.gitignore` files of the folders
 * between the repository's top and the root, so packing a sub-folder of a repository leaves out
 * what git leaves out there too.
 */
import { stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { IgnoreChain, readIgnoreFile } from './ignoreRules';

async function exists(absPath: string): Promise<boolean> {
  try {
    await stat(absPath);
    return true;
  } catch {
    return false;
  }
}

/** The nearest folder at or above `root` that holds `.git`, or null. */
async function findRepositoryTop(root: string): Promise<string | null> {
  for (let dir = root; ; dir = dirname(dir)) {
    if (await exists(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** The ignore chain that applies at `root` before its own `.gitignore` is read. */
export async function gitChainAbove(root: string): Promise<IgnoreChain> {
  const top = await findRepositoryTop(root);
  if (top === null) return IgnoreChain.empty();
  let chain = IgnoreChain.empty();
  const toRoot = relative(top, root).split(sep).filter((s) => s !== '');
  // `.git` may be a file (worktrees, submodules); then there is no info/exclude to read here.
  const exclude = await readIgnoreFile(join(top, '.git', 'info', 'exclude'));
  const aboveOf = (depth: number): string => toRoot.slice(depth).map((s) => `${s}/`).join('');
  if (exclude !== null) chain = chain.withRules(exclude, '', aboveOf(0));
  for (let depth = 0; depth < toRoot.length; depth++) {
    const text = await readIgnoreFile(join(top, ...toRoot.slice(0, depth), '.gitignore'));
    if (text !== null) chain = chain.withRules(text, '', aboveOf(depth));
  }
  return chain;
}
