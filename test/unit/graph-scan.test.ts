import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractJsFacts, SCAN_MIN_CHARS } from '../../src/core/graph/extractJs';
import { scanJsSpecifiers } from '../../src/core/graph/jsScan';

/** Each case: a source and what the parser query reads from it (checked against the parser below). */
const CASES: [string, string, string[]][] = [
  ['static forms', "import a from './a';\nexport * as n from \"./n\";\nimport './side';\nexport { x } from './x';\nimport {\n  b,\n  c as d,\n} from './bc';", ['./a', './n', './side', './x', './bc']],
  ['calls', "const fs = require('fs');\nconst m = await import('./m');\nrequire /* why */ ( 'spaced' , 1); require(/* no */ 'x');", ['fs', './m', 'spaced']],
  ['calls that do not count', "x.require('a'); new require('b'); require('c' + d); import(`./e`); require(f); obj.import('g');", []],
  ['comments and strings', "// import a from './a'\n/* require('b') */\nconst s = \"import('c')\"; const t = 'require(\"d\")';", []],
  ['regex literal holding import( and quotes', "const r = /import\\('x'\\)|require\\(\"y\"/g;\nconst q = /[/'\"]/;\nrequire('z');", ['z']],
  ['division that looks like a regex start', "const a = b / 2, c = d / require('e');\nconst f = (g) / h / i;\nx++ / 2 / require('j');", ['e', 'j']],
  ['regex after a keyword and an operator', "function f() { return /'/.test(s) }\nconst g = x ? /\"/ : /`/;\nrequire('k');", ['k']],
  ['nested template literals', "const t = `a ${`b ${require('inner')} import('no')`} require('no') ${ {k: `}`}.k }`;\nimport('./after');", ['inner', './after']],
  ['from that is not an import clause', "const from = 'x';\nlet o = { from: 'y' };\nfoo(from, 'z');\nimport p from './p';", ['./p']],
  ['spread and private names', "class A { #require = 1; m() { return [...require('spread')]; } }", ['spread']],
];

describe('the lexer scan of JS/TS specifiers', () => {
  it('reads the import forms and skips comments, strings, templates and regexes', () => {
    for (const [name, source, expected] of CASES) expect(scanJsSpecifiers(source), name).toEqual(expected);
  });

  it('finds the same specifiers as the parser on every case', async () => {
    for (const [name, source] of CASES) {
      const parsed = await extractJsFacts(source, 'typescript', false);
      expect(scanJsSpecifiers(source), name).toEqual(parsed.specifiers);
    }
  });

  it('gives up on text it cannot read for sure', () => {
    expect(scanJsSpecifiers("const s = 'open\nrequire('a');")).toBeNull();
    expect(scanJsSpecifiers("/* never closed\nrequire('a');")).toBeNull();
    expect(scanJsSpecifiers('const t = `${a')).toBeNull();
    expect(scanJsSpecifiers("const r = /unclosed\nrequire('a');")).toBeNull();
  });

  it('is what extractJsFacts uses for long regions, with the parser result', async () => {
    // A long body ending in a require, so the import region is the whole file.
    const filler = "var s = 'import(\"no\")'; var r = /require\\('no'\\)/; var q = a / b / c; // require('no')\n";
    const text = `import x from './x';\n${filler.repeat(Math.ceil(SCAN_MIN_CHARS / filler.length))}var fs = require('fs');\n`;
    expect(text.length).toBeGreaterThan(SCAN_MIN_CHARS);
    const scanned = await extractJsFacts(text, 'javascript');
    expect(scanned.specifiers).toEqual(['./x', 'fs']);
    expect(scanned.specifiers).toEqual((await extractJsFacts(text, 'javascript', false)).specifiers);
  });

  it('falls back to the parser when the scan gives up', async () => {
    const text = `require('a');\n${'// filler\n'.repeat(SCAN_MIN_CHARS / 10)}const s = 'open\nrequire('b');\n`;
    const facts = await extractJsFacts(text, 'javascript');
    expect(facts.syntaxError).toBe(true);
    expect(facts.specifiers).toContain('a');
  });

  const libs = join(__dirname, '..', 'bench', '.cache', 'three-0.170.0', 'package', 'examples', 'jsm', 'libs');
  it.skipIf(!existsSync(libs))('agrees with the parser on the big generated files of three', async () => {
    const big = readdirSync(libs, { recursive: true, encoding: 'utf8' })
      .map((name) => join(libs, name))
      .filter((path) => path.endsWith('.js') && statSync(path).size > SCAN_MIN_CHARS);
    expect(big.length).toBeGreaterThan(0);
    for (const path of big) {
      const text = readFileSync(path, 'utf8');
      expect(scanJsSpecifiers(text), path).toEqual((await extractJsFacts(text, 'javascript', false)).specifiers);
    }
  });
});
