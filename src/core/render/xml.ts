import type { FileMode } from '../types';
import type { FooterStats, ParsedFile, Renderer } from './types';
import { DATA_TEXT, drawTree, MODES_TEXT, ORDER_TEXT } from './tree';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes text for an XML attribute or a text line. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"\n\r]/g, (c) => ENTITIES[c] ?? c);
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#10|#13);/g, (_m, name: string) => {
    const found = Object.entries(ENTITIES).find(([, v]) => v === `&${name};`);
    return found ? found[0] : _m;
  });
}

/**
 * File bodies stay as they are (escaping every `<` would make code hard to read) except that the
 * one sequence that could close the block early, `</file`, gains a backslash: `<\/file`. To keep
 * this reversible, every `<`, backslashes, `/file` run gains one more backslash.
 */
function escapeBody(body: string): string {
  return body.replace(/<(\\*)\/file/g, '<\\$1/file');
}

function unescapeBody(body: string): string {
  return body.replace(/<\\(\\*)\/file/g, '<$1/file');
}

const SECTION_TAG = { instructions: 'instructions', diff: 'git_diff', log: 'git_log' } as const;

/** The XML format: tags models are trained to read, minimal escaping inside file bodies. */
export const xmlRenderer: Renderer = {
  format: 'xml',
  preamble() {
    return (
      '<tome_pack>\n<about>\n' +
      'This is a whole codebase packed into one text by Tome. It holds a directory tree, then one ' +
      '<file> element per file with its path and mode, then a summary.\n' +
      `${ORDER_TEXT}\n${MODES_TEXT}\n${DATA_TEXT}\n` +
      'Inside file bodies, "<\\/file" stands for "</file".\n</about>\n'
    );
  },
  section({ kind, title, body }) {
    const tag = SECTION_TAG[kind];
    // Only the element's own closing tag could end it early; it gains a backslash as in file bodies.
    const safe = body.replace(new RegExp(`<(\\\\*)/${tag}`, 'g'), `<\\$1/${tag}`);
    return `<${tag} title="${escapeXml(title)}">\n${safe}${body.endsWith('\n') ? '' : '\n'}</${tag}>\n`;
  },
  tree(paths, maxLines) {
    const lines = drawTree(paths, escapeXml, maxLines);
    return `<directory_tree>\n${lines.map((l) => `${l}\n`).join('')}</directory_tree>\n<files>\n`;
  },
  fileBlock(path, mode, body) {
    const finalNewline = body.endsWith('\n');
    const attrs = `path="${escapeXml(path)}" mode="${mode}"${finalNewline ? '' : ' final_newline="no"'}`;
    return `<file ${attrs}>\n${escapeBody(body)}${finalNewline ? '' : '\n'}</file>\n`;
  },
  footer(stats: FooterStats) {
    return (
      '</files>\n' +
      `<summary files_full="${stats.full}" files_outline="${stats.outline}" files_path_only="${stats.pathOnly}" ` +
      `redactions="${stats.redactions}" total_tokens="${stats.totalTokens}"/>\n</tome_pack>\n`
    );
  },
};

/** Recovers every file block from XML output: the inverse of {@link xmlRenderer}'s blocks. */
export function parseXml(text: string): ParsedFile[] {
  const files: ParsedFile[] = [];
  const open = /^<file path="([^"]*)" mode="(full|outline)"( final_newline="no")?>\n/gm;
  let match: RegExpExecArray | null;
  while ((match = open.exec(text)) !== null) {
    const start = match.index + match[0].length;
    const end = text.indexOf('</file>\n', start);
    if (end < 0) throw new Error(`unclosed <file> at ${match.index}`);
    let body = text.slice(start, end);
    if (match[3]) body = body.slice(0, -1);
    files.push({ path: unescapeXml(match[1] ?? ''), mode: match[2] as FileMode, body: unescapeBody(body) });
    open.lastIndex = end;
  }
  return files;
}
