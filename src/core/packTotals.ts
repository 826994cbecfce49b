import type { ContextSection, FooterStats, Renderer } from './render';
import type { TokenCounter } from './tokenize/counter';

/** The parts of the output that do not depend on budget selection, with their exact tokens. */
export interface FixedParts {
  preamble: string;
  /** The context sections (instructions, diff, log), between the preamble and the tree. */
  sections: string;
  tree: string;
  tokens: number;
}

/**
 * Renders and counts the preamble, the context sections and the tree (which lists every packed
 * file, whatever its mode). Each part starts a block, so their counts add up to the joined text's.
 */
export async function renderFixedParts(
  renderer: Renderer,
  paths: readonly string[],
  counter: TokenCounter,
  signal?: AbortSignal,
  contextSections: readonly ContextSection[] = [],
): Promise<FixedParts> {
  const preamble = renderer.preamble();
  const blocks = contextSections.map((s) => renderer.section(s));
  const tree = renderer.tree(paths);
  const counts = await counter.countMany([preamble, ...blocks, tree], signal);
  return { preamble, sections: blocks.join(''), tree, tokens: counts.reduce((a, b) => a + b, 0) };
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
