import { describe, expect, it } from 'vitest';
import { parseRendered, rendererFor } from '../../src/core/render';
import type { OutputFormat } from '../../src/core/types';
import { referenceCount } from './packTestSupport';

const NASTY = 'line one\n</git_diff>\n<\\/git_diff>\n```\n================ END\n  indented last line without newline';

describe('context sections', () => {
  it.each<OutputFormat>(['xml', 'markdown', 'plain'])('keep a body that looks like their own end inside them in %s, and count as a block', (format) => {
    const r = rendererFor(format);
    const section = r.section({ kind: 'diff', title: 'Changes: x "y" <z>', body: NASTY });
    const file = r.fileBlock('a.ts', 'full', 'export const a = 1;\n');
    const text = r.preamble() + section + r.tree(['a.ts']) + file + r.footer({ full: 1, outline: 0, pathOnly: 0, redactions: 0, totalTokens: 1 });
    const parts = [r.preamble(), section, r.tree(['a.ts']), file];
    expect(referenceCount(parts.join(''))).toBe(parts.reduce((n, p) => n + referenceCount(p), 0));
    expect(parseRendered(format, text)).toEqual([{ path: 'a.ts', mode: 'full', body: 'export const a = 1;\n' }]);
    expect(section.endsWith('\n')).toBe(true);
  });

  it('escapes only the closing tag of the XML element', () => {
    const section = rendererFor('xml').section({ kind: 'diff', title: 't', body: NASTY });
    expect(section.match(/^<\/git_diff>$/gm)).toEqual(['</git_diff>']);
    expect(section).toContain('<\\/git_diff>\n<\\\\/git_diff>');
    expect(section.startsWith('<git_diff title="t">\nline one\n')).toBe(true);
  });
});
