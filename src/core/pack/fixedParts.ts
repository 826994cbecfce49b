import type { ContextSection, FooterStats, Renderer } from '../render';
import type { TokenCounter } from '../tokenize/counter';

/** The parts of the output that do not depend on budget selection, with their exact tokens. */
export interface FixedParts {
  preamble: string;
  /** The context sections (instructions, diff, log), between the preamble and the tree. */
  sections: string;
  tree: string;
  tokens: number;
}

/**
 * The share of a budget the directory tree may take. Past it the tree collapses folders to
 * counts: a 3,000-file tree lists ~17K tokens of paths, most of a 27K budget, while the model
 * needs the files' text far more than the names of files it cannot see.
 */
export const TREE_SHARE = 0.05;
/** Collapsing tries this many line limits, each smaller, before settling on the smallest. */
const COLLAPSE_ATTEMPTS = 6;

/**
 * Renders and counts the preamble, the context sections and the tree (which lists every packed
 * file, whatever its mode). Each part starts a block, so their counts add up to the joined text's.
 * Under a budget, a tree over {@link TREE_SHARE} of it is drawn with folders collapsed to counts
 * until it fits that share.
 */
export async function renderFixedParts(
  renderer: Renderer,
  paths: readonly string[],
  counter: TokenCounter,
  signal?: AbortSignal,
  contextSections: readonly ContextSection[] = [],
  budget: number | null = null,
): Promise<FixedParts> {
  const preamble = renderer.preamble();
  const blocks = contextSections.map((s) => renderer.section(s));
  let tree = renderer.tree(paths);
  const counts = await counter.countMany([preamble, ...blocks, tree], signal);
  let treeTokens = counts.pop() ?? 0;
  if (budget !== null && treeTokens > budget * TREE_SHARE) {
    const room = Math.floor(budget * TREE_SHARE);
    let lines = tree.split('\n').length;
    for (let attempt = 0; attempt < COLLAPSE_ATTEMPTS && treeTokens > room; attempt++) {
      // Lines cost about the same on average: scale the line limit by how far over the count is.
      lines = Math.max(1, Math.floor((lines * room) / treeTokens) - 1);
      tree = renderer.tree(paths, lines);
      [treeTokens = 0] = await counter.countMany([tree], signal);
    }
  }
  return { preamble, sections: blocks.join(''), tree, tokens: counts.reduce((a, b) => a + b, 0) + treeTokens };
}

/**
 * Tokens to keep for the footer before its numbers are known. Digits are split into runs of at
 * most three, each one token, so a number costs what its digit count costs: numbers with the
 * most digits they can have give an upper bound. Two tokens spare guard against a tokenizer
 * that merges differently.
 */
export async function footerRoom(
  renderer: Renderer,
  fileCount: number,
  redactions: number,
  budget: number,
  counter: TokenCounter,
  signal?: AbortSignal,
): Promise<number> {
  const widest = (n: number): number => Number('9'.repeat(String(Math.max(0, n)).length));
  const files = widest(fileCount);
  const stats: FooterStats = { full: files, outline: files, pathOnly: files, redactions: widest(redactions), totalTokens: widest(budget) };
  const [tokens = 0] = await counter.countMany([renderer.footer(stats)], signal);
  return tokens + 2;
}

/**
 * The footer states the total of the whole text, itself included: a fixed point. Counting
 * grows with the number of digits only, so starting low and recounting climbs to it in a step
 * or two.
 */
export async function fitFooter(
  renderer: Renderer,
  stats: Omit<FooterStats, 'totalTokens'>,
  base: number,
  counter: TokenCounter,
  signal?: AbortSignal,
): Promise<{ text: string; totalTokens: number }> {
  let total = base;
  for (let attempt = 0; attempt < 12; attempt++) {
    const text = renderer.footer({ ...stats, totalTokens: total });
    const [own = 0] = await counter.countMany([text], signal);
    if (base + own === total) return { text, totalTokens: total };
    total = base + own;
  }
  throw new Error(`The summary's token total did not settle (last tried ${total}); please report this.`);
}
