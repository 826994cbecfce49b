import type { OutputFormat } from '../types';
import { markdownRenderer, parseMarkdown } from './markdown';
import { parsePlain, plainRenderer } from './plain';
import type { ParsedFile, Renderer } from './types';
import { parseXml, xmlRenderer } from './xml';

export type { ContextSection, FooterStats, ParsedFile, Renderer, SectionKind } from './types';
export { drawTree } from './tree';
export { numberLines, withLineNumbers } from './lineNumbers';

const RENDERERS: Record<OutputFormat, Renderer> = { xml: xmlRenderer, markdown: markdownRenderer, plain: plainRenderer };
const PARSERS: Record<OutputFormat, (text: string) => ParsedFile[]> = { xml: parseXml, markdown: parseMarkdown, plain: parsePlain };

/** The renderer for an output format. */
export function rendererFor(format: OutputFormat): Renderer {
  return RENDERERS[format];
}

/**
 * Recovers every file block (path, mode, exact text) from rendered output. Tome does not need it
 * to pack; it proves the escaping round-trips and lets tools read a pack back.
 */
export function parseRendered(format: OutputFormat, text: string): ParsedFile[] {
  return PARSERS[format](text);
}
