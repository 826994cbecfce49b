import type { FileMode, OutputFormat } from '../types';

/** The numbers stated at the end of the output; they change often, so they come last. */
export interface FooterStats {
  full: number;
  outline: number;
  pathOnly: number;
  redactions: number;
  totalTokens: number;
}

/** What a context section holds: the project's instructions, a git diff or a git log. */
export type SectionKind = 'instructions' | 'diff' | 'log';

/** A section between the preamble and the tree: text the question is about, not a file. */
export interface ContextSection {
  kind: SectionKind;
  /** A one-line title, e.g. `Changes: working tree vs HEAD`. */
  title: string;
  body: string;
}

/**
 * One output format, as blocks that concatenate into the whole text. Every block ends with `\n`
 * and starts with a character that is neither whitespace nor `/`, so BPE token counts of the
 * blocks add up to the count of the joined text (see `isSafeJoin` in src/core/tokenize).
 */
export interface Renderer {
  readonly format: OutputFormat;
  /** Set when blocks differ from the plain format's (e.g. `line-numbers`), so memos keep them apart. */
  readonly variant?: string;
  /** What the text is and how to read it; the same for every pack in this format. */
  preamble(): string;
  /** A context section (instructions, diff, log); it follows the preamble and precedes the tree. */
  section(section: ContextSection): string;
  /**
   * The directory tree of every file in the pack (path-only ones included), opening the file list.
   * With `maxLines`, folders that do not fit are drawn as one line with their file count.
   */
  tree(paths: readonly string[], maxLines?: number): string;
  /** One file's block; path-only files have no block (the caller does not ask). */
  fileBlock(path: string, mode: Exclude<FileMode, 'path-only'>, body: string): string;
  /** Closes the file list and states the totals. */
  footer(stats: FooterStats): string;
}

/** A file recovered from rendered output by a format's parser. */
export interface ParsedFile {
  path: string;
  mode: FileMode;
  body: string;
}
