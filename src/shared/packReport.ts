/**
 * The words of a pack report that reach the webview: how much of a file was packed and why.
 * Declared once, here, because src/shared may import nothing else of ours; core's report types
 * (src/core/types.ts) re-export these, so the pipeline and the chat panel cannot drift apart.
 */

/** How much of a file the rendered prompt holds. */
export type FileMode = 'full' | 'outline' | 'path-only';

/** Why a file was given its place (or its mode) by budget selection. */
export type SelectionReason =
  | 'focus'
  | 'dependency-of-focus'
  | 'dependent-of-focus'
  | 'query-match'
  | 'path-match'
  | 'defines-query'
  | 'words-together'
  | 'tested-by-match'
  | 'near-match'
  | 'central'
  | 'fits'
  | 'over-budget'
  /** A `modes` rule of tome.config.json set it. */
  | 'config-mode';
