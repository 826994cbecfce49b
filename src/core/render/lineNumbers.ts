import type { Renderer } from './types';

/** `text` with each line prefixed by its number, right-aligned: `  9: …`, ` 10: …`. */
export function numberLines(text: string): string {
  if (text === '') return text;
  const lines = text.split('\n');
  const last = lines.length - (text.endsWith('\n') ? 1 : 0);
  const width = String(last).length;
  return lines.map((line, i) => (i < last ? `${String(i + 1).padStart(width)}: ${line}` : line)).join('\n');
}

/**
 * The renderer with line numbers in full file blocks, so a model can cite `file:line`.
 * Outlines leave out lines, so numbering them 1, 2, 3 would mislead; they stay as they are.
 */
export function withLineNumbers(renderer: Renderer): Renderer {
  return {
    ...renderer,
    variant: 'line-numbers',
    fileBlock: (path, mode, body) => renderer.fileBlock(path, mode, mode === 'full' ? numberLines(body) : body),
  };
}
