import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphInput } from '../../src/core/graph';
import { extractJsSpecifiers } from '../../src/core/graph/extractJs';
import { endsInsideOpenLiteral } from '../../src/core/graph/jsScan';
import { CANDIDATES, importRegion } from '../../src/core/graph/region';
import { languageForPath, withSyntaxTree } from '../../src/core/parser';
import { readTree } from './graphSupport';

/** A module whose last import-like text is an example inside its doc comment: the cut lands in the comment. */
const DOC_EXAMPLE = [
  "import { Subscriber } from './Subscriber';",
  "import { lift } from './util/lift';",
  '',
  '/**',
  ' * Example:',
  " * import { audit } from 'rxjs/operators';",
  ' * audit(() => interval(1000));',
  ' */',
  'export function audit(source: unknown): unknown {',
  '  return lift(source, new Subscriber());',
  '}',
  '',
].join('\n');

/** The same with the example in a template literal. */
const TEMPLATE_EXAMPLE = [
  "import { render } from './render';",
  'export const usage = `',
  "  import { thing } from 'pkg';",
  '`;',
  'export const x = render(usage);',
  '',
].join('\n');

/** A real import after a doc comment that merely mentions one: the cut is in code. */
const CLOSED = "/** see import('x') */\nimport { a } from './a';\nexport const b = a;\n";

describe('a cut that ends inside a comment or template', () => {
  it('is told apart from a cut in code', () => {
    for (const text of [DOC_EXAMPLE, TEMPLATE_EXAMPLE]) {
      const region = importRegion(text, CANDIDATES.js, 'string');
      expect(region?.truncated).toBe(true);
      expect(endsInsideOpenLiteral(region?.text ?? '')).toBe(true);
    }
    expect(endsInsideOpenLiteral(CLOSED)).toBe(false);
    expect(endsInsideOpenLiteral("const s = 'unterminated\nimport x from 'y';")).toBe(false);
    expect(endsInsideOpenLiteral('const t = `a ${b')).toBe(true);
  });

  it('reads the whole file at once, with the same facts and syntax verdict as the parser path', async () => {
    for (const text of [DOC_EXAMPLE, TEMPLATE_EXAMPLE]) {
      const fast = await extractJsSpecifiers(text, 'typescript', true);
      const parsed = await extractJsSpecifiers(text, 'typescript', false);
      expect(fast).toEqual(parsed);
      expect(fast).toEqual({ specifiers: text === DOC_EXAMPLE ? ['./Subscriber', './util/lift'] : ['./render'], syntaxError: false });
    }
  });

  it('never skips a prefix the parser could have read: on the fixture trees (and three/src when fetched) each such cut is a syntax error', async () => {
    const files: GraphInput[] = [];
    for (const name of ['graph-ts-monorepo', 'graph-mixed', 'pack-basic']) files.push(...readTree(join(__dirname, '..', 'fixtures', name)));
    const three = join(__dirname, '..', 'bench', '.cache', 'three-0.170.0', 'package', 'src');
    if (existsSync(three)) files.push(...readTree(three));
    let cuts = 0;
    for (const { path, text } of [...files, { path: 'doc.ts', text: DOC_EXAMPLE }, { path: 'tpl.ts', text: TEMPLATE_EXAMPLE }]) {
      const lang = languageForPath(path);
      const region = importRegion(text, CANDIDATES.js, 'string');
      if (lang === null || lang === 'tsx' || region === null || !region.truncated || !endsInsideOpenLiteral(region.text)) continue;
      cuts++;
      expect(await withSyntaxTree(region.text, lang, (root) => root.hasError), path).toBe(true);
      expect(await extractJsSpecifiers(text, lang, true), path).toEqual(await extractJsSpecifiers(text, lang, false));
    }
    expect(cuts).toBeGreaterThanOrEqual(2);
  });
});
