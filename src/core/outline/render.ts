import type { OutlineLanguage } from './languages';
import type { SyntaxNode } from '../parser';

/** Literals longer than this many characters are shortened; short ones read as documentation. */
const LONG_LITERAL = 160;
/** What an omitted block or value becomes. */
const BRACE_MARKER = '{ … }';

/** A slice of the source replaced by shorter text. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `"…"`, `` `…` ``, `[ … ]`: a long literal keeps its delimiters so the outline still parses by eye. */
function literalMarker(text: string): string {
  const quote = /^[A-Za-z]*("""|'''|"|'|`)/.exec(text);
  if (quote?.[1] !== undefined) return `${text.slice(0, quote[0].length)}…${quote[1]}`;
  if (text.startsWith('[')) return '[ … ]';
  if (text.startsWith('(')) return '( … )';
  return BRACE_MARKER;
}

/** `/** First line. *\/` or the first line of a line-comment run: what the reader needs, no more. */
export function shortenComment(text: string): string {
  const lines = text.split('\n');
  if (lines.length <= 1) return text.trimEnd();
  if (!text.startsWith('/*')) return (lines[0] ?? '').trimEnd();
  const opener = text.startsWith('/**') ? '/**' : '/*';
  const first = lines
    .map((l) => l.replace(/^\s*\/\*+!?/, '').replace(/\*+\/\s*$/, '').replace(/^\s*\*+/, '').trim())
    .find((l) => l !== '');
  return first === undefined ? `${opener} */` : `${opener} ${first} */`;
}

/** Python keeps a docstring's first line, then `...`, at the block's indentation. */
function indentedMarker(body: SyntaxNode): string {
  const indent = ' '.repeat(body.startPosition.column);
  const first = body.namedChildren[0];
  const doc = first?.type === 'expression_statement' ? first.namedChildren[0] : undefined;
  if (doc?.type === 'string') {
    const quote = /^[A-Za-z]*("""|'''|"|')/.exec(doc.text)?.[1] ?? '"""';
    const line = doc.text.slice(doc.text.indexOf(quote) + quote.length).split('\n')[0]?.replace(quote, '').trim() ?? '';
    return `${quote}${line}${quote}\n${indent}...`;
  }
  return '...';
}

/** Collects the edits that turn `node`'s text into its outline form. */
function collectEdits(node: SyntaxNode, language: OutlineLanguage, edits: Edit[]): void {
  if (language.bodyOwners.has(node.type)) {
    const body = node.childForFieldName('body');
    if (body !== null) {
      const isBlock = body.type.includes('block') || body.type.includes('body') || body.type === 'compound_statement';
      if (isBlock || body.text.length > LONG_LITERAL) {
        const text = language.indentedBlocks ? indentedMarker(body) : isBlock ? (language.blockMarker ?? BRACE_MARKER) : '…';
        edits.push({ start: body.startIndex, end: body.endIndex, text });
      }
      for (const child of node.namedChildren) if (child !== null && child.id !== body.id) collectEdits(child, language, edits);
      return;
    }
  }
  if (language.literals.has(node.type) && node.endIndex - node.startIndex > LONG_LITERAL) {
    // Keep literals that hold functions (Vue-style objects, handler tables): their names are API.
    if (node.descendantsOfType([...language.bodyOwners]).length === 0) {
      edits.push({ start: node.startIndex, end: node.endIndex, text: literalMarker(node.text) });
      return;
    }
  }
  if (node.type.includes('comment') && node.startPosition.row !== node.endPosition.row) {
    edits.push({ start: node.startIndex, end: node.endIndex, text: shortenComment(node.text) });
    return;
  }
  let previous: SyntaxNode | null = null;
  for (const child of node.namedChildren) {
    if (child === null) continue;
    if (isCommentRunContinuation(previous, child)) {
      // Later lines of a `//` / `#` / `///` run go: the first line says what follows.
      edits.push({ start: previous?.endIndex ?? child.startIndex, end: child.endIndex, text: '' });
    } else collectEdits(child, language, edits);
    previous = child;
  }
}

/** True when `node` is a comment on the line right after the comment `previous` ends. */
function isCommentRunContinuation(previous: SyntaxNode | null, node: SyntaxNode): boolean {
  return (
    previous !== null &&
    previous.type.includes('comment') &&
    node.type.includes('comment') &&
    node.startPosition.row === previous.endPosition.row + 1
  );
}

/** The source of `node` with its edits applied. */
function renderNode(node: SyntaxNode, source: string, language: OutlineLanguage): string {
  const edits: Edit[] = [];
  collectEdits(node, language, edits);
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = node.startIndex;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at, node.endIndex);
}

/**
 * The outline of a parsed file: kept top-level statements with bodies and long literals
 * replaced by markers, each preceded by its doc comment (shortened). Blank lines between
 * statements survive as one blank line, so the outline keeps the file's grouping.
 */
export function renderOutline(root: SyntaxNode, source: string, language: OutlineLanguage): string {
  const parts: string[] = [];
  let pendingComment: SyntaxNode | null = null;
  let runEndRow = -2;
  let lastRow = -2;
  const emit = (text: string, startRow: number, endRow: number): void => {
    if (parts.length > 0) parts.push(startRow > lastRow + 1 ? '\n\n' : '\n');
    parts.push(text);
    lastRow = endRow;
  };
  for (const node of root.namedChildren) {
    if (node === null) continue;
    if (node.type.includes('comment')) {
      // Only the first comment of a run is kept: it is the one that says what follows.
      const continuesRun = pendingComment !== null && node.startPosition.row <= runEndRow + 1;
      if (!continuesRun) pendingComment = node;
      runEndRow = node.endPosition.row;
      continue;
    }
    if (!language.keepTopLevel(node)) {
      pendingComment = null;
      continue;
    }
    // A comment separated from the statement by a blank line (a licence header) is not its doc.
    if (pendingComment !== null && node.startPosition.row <= runEndRow + 1) emit(shortenComment(pendingComment.text), pendingComment.startPosition.row, pendingComment.endPosition.row);
    pendingComment = null;
    emit(renderNode(node, source, language), node.startPosition.row, node.endPosition.row);
  }
  return parts.length === 0 ? '' : `${parts.join('')}\n`;
}
