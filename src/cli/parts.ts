import { extname } from 'node:path';
import type { PackPart } from '../core';
import { writeOutput } from './output';

/** `pack.xml` → `pack-1.xml`, `pack-2.xml`…; a name without an extension gets `-1`, `-2`…. */
export function partPath(output: string, index: number): string {
  const ext = extname(output);
  return `${output.slice(0, output.length - ext.length)}-${index}${ext}`;
}

/** Writes each part (its text as chunks) next to `output`; returns the paths in order. */
export async function writeParts(output: string, texts: readonly (readonly string[])[]): Promise<string[]> {
  const paths = texts.map((_, i) => partPath(output, i + 1));
  for (const [i, text] of texts.entries()) await writeOutput(paths[i] ?? output, text);
  return paths;
}

/** One line per part, then the warnings of files that did not fit in full. */
export function formatPartsSummary(parts: readonly PackPart[], paths: readonly string[], warnings: readonly string[]): string {
  const files = parts.reduce((n, p) => n + p.report.files.length, 0);
  const lines = [`Packed ${files} files in ${parts.length} part${parts.length === 1 ? '' : 's'}:`];
  for (const [i, p] of parts.entries()) lines.push(`  ${paths[i] ?? ''}: ${p.report.files.length} files, ${p.report.totalTokens} tokens`);
  for (const w of warnings) lines.push(`Warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
