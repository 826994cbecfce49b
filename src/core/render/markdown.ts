import type { FileMode } from '../types';
import type { FooterStats, ParsedFile, Renderer } from './types';
import { DATA_TEXT, drawTree, longestRun, MODES_TEXT, ORDER_TEXT, pathAsLine, pathFromLine } from './tree';

const LANGUAGES: Record<string, string> = {
  ts: 'ts', tsx: 'tsx', js: 'js', jsx: 'jsx', mjs: 'js', cjs: 'js', json: 'json', md: 'md', py: 'python',
  go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', rb: 'ruby', php: 'php', c: 'c', h: 'c', cpp: 'cpp',
  hpp: 'cpp', cs: 'csharp', swift: 'swift', sh: 'sh', yml: 'yaml', yaml: 'yaml', toml: 'toml', css: 'css',
  html: 'html', sql: 'sql', vue: 'vue', svelte: 'svelte', scala: 'scala', lua: 'lua', xml: 'xml',
};

/** A fence language hint from the file extension; empty when unknown. */
function languageOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? (LANGUAGES[path.slice(dot + 1).toLowerCase()] ?? '') : '';
}

/** A backtick fence longer than any backtick run in `text` (CommonMark: it cannot be closed early). */
function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
}

/** The Markdown format: a heading per file and a fence longer than any backtick run inside it. */
export const markdownRenderer: Renderer = {
  format: 'markdown',
  preamble() {
    return (
      '# Packed codebase\n\n' +
      'This is a whole codebase packed into one text by Tome: a directory tree, then one section per ' +
      'file (a "File:" heading with its path, the mode, and the text in a code fence), then a summary.\n' +
      `${ORDER_TEXT}\n${MODES_TEXT}\n${DATA_TEXT}\n` +
      'A fence info string ending in "no-final-newline" marks a file whose last line has no line break.\n\n'
    );
  },
  section({ kind, title, body }) {
    const fence = fenceFor(body);
    const info = kind === 'diff' ? 'diff' : 'text';
    return `## ${pathAsLine(title)}\n\n${fence}${info}\n${body}${body.endsWith('\n') ? '' : '\n'}${fence}\n\n`;
  },
  tree(paths, maxLines) {
    const lines = drawTree(paths, (n) => pathAsLine(n), maxLines);
    const fence = fenceFor(lines.join('\n'));
    return `## Directory tree\n\n${fence}text\n${lines.map((l) => `${l}\n`).join('')}${fence}\n\n## Files\n\n`;
  },
  fileBlock(path, mode, body) {
    const finalNewline = body.endsWith('\n');
    const fence = fenceFor(body);
    const info = `${languageOf(path)} mode=${mode}${finalNewline ? '' : ' no-final-newline'}`;
    return `### File: ${pathAsLine(path)}\n\n${fence}${info}\n${body}${finalNewline ? '' : '\n'}${fence}\n\n`;
  },
  footer(stats: FooterStats) {
    return (
      '## Summary\n\n' +
      `- Files: ${stats.full} full, ${stats.outline} outline, ${stats.pathOnly} path-only\n` +
      `- Redactions: ${stats.redactions}\n- Total tokens: ${stats.totalTokens}\n`
    );
  },
};

/** Recovers every file block from Markdown output: the inverse of {@link markdownRenderer}'s blocks. */
export function parseMarkdown(text: string): ParsedFile[] {
  const files: ParsedFile[] = [];
  const head = /^### File: (.*)\n\n(`{3,})[^`\n]* mode=(full|outline)( no-final-newline)?\n/gm;
  let match: RegExpExecArray | null;
  while ((match = head.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const fence = match[2] ?? '```';
    const close = `${fence}\n\n`;
    let end = text.indexOf(`\n${close}`, start - 1);
    if (end < 0) throw new Error(`unclosed fence at ${match.index}`);
    end += 1;
    let body = text.slice(start, end);
    if (match[4]) body = body.slice(0, -1);
    files.push({ path: pathFromLine(match[1] ?? ''), mode: match[3] as FileMode, body });
    head.lastIndex = end + close.length;
  }
  return files;
}
