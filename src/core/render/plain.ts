import type { FileMode } from '../types';
import type { FooterStats, ParsedFile, Renderer } from './types';
import { DATA_TEXT, drawTree, longestRun, MODES_TEXT, ORDER_TEXT, pathAsLine, pathFromLine } from './tree';

/**
 * A run of `=` longer than any run of `=` inside the body: the body cannot contain it, so the
 * block's closing line cannot occur early. At least 16 so it stands out to a reader.
 */
function delimiterFor(body: string): string {
  return '='.repeat(Math.max(16, longestRun(body, '=') + 1));
}

/** The plain-text format: each file between delimiter lines that cannot occur in its text. */
export const plainRenderer: Renderer = {
  format: 'plain',
  preamble() {
    return (
      'PACKED CODEBASE\n\n' +
      'This is a whole codebase packed into one text by Tome: a directory tree, then one block per file, ' +
      'then a summary. A block starts with a line of "=" signs, then "FILE", the mode and the path, and ' +
      'ends with the same run of "=" signs followed by "END". No run of "=" inside the file is that long.\n' +
      `${ORDER_TEXT}\n${MODES_TEXT}\n${DATA_TEXT}\n` +
      'An END line that says "no-final-newline" marks a file whose last line has no line break.\n\n'
    );
  },
  section({ title, body }) {
    const rule = delimiterFor(body);
    return `${rule} ${pathAsLine(title)}\n${body}${body.endsWith('\n') ? '' : '\n'}${rule} END\n\n`;
  },
  tree(paths, maxLines) {
    const lines = drawTree(paths, (n) => pathAsLine(n), maxLines);
    return `DIRECTORY TREE\n\n${lines.map((l) => `  ${l}\n`).join('')}\nFILES\n\n`;
  },
  fileBlock(path, mode, body) {
    const finalNewline = body.endsWith('\n');
    const rule = delimiterFor(body);
    const end = finalNewline ? `${rule} END` : `${rule} END no-final-newline`;
    return `${rule} FILE ${mode} ${pathAsLine(path)}\n${body}${finalNewline ? '' : '\n'}${end}\n\n`;
  },
  footer(stats: FooterStats) {
    return (
      'SUMMARY\n\n' +
      `Files: ${stats.full} full, ${stats.outline} outline, ${stats.pathOnly} path-only\n` +
      `Redactions: ${stats.redactions}\nTotal tokens: ${stats.totalTokens}\n`
    );
  },
};

/** Recovers every file block from plain output: the inverse of {@link plainRenderer}'s blocks. */
export function parsePlain(text: string): ParsedFile[] {
  const files: ParsedFile[] = [];
  const head = /^(={16,}) FILE (full|outline) (.*)\n/gm;
  let match: RegExpExecArray | null;
  while ((match = head.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const rule = match[1] ?? '';
    const endAt = text.indexOf(`${rule} END`, start);
    if (endAt < 0) throw new Error(`unclosed block at ${match.index}`);
    const endLine = text.slice(endAt, text.indexOf('\n', endAt));
    let body = text.slice(start, endAt);
    if (endLine.endsWith('no-final-newline')) body = body.slice(0, -1);
    files.push({ path: pathFromLine(match[3] ?? ''), mode: match[2] as FileMode, body });
    head.lastIndex = endAt + endLine.length;
  }
  return files;
}
