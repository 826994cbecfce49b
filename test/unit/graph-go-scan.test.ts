import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractOtherFacts } from '../../src/core/graph/extractOther';
import { scanGoImports } from '../../src/core/graph/goScan';
import { readTree } from './graphSupport';

/** A real Go tree (gin's sources), copied there by hand; skipped without it, never committed. */
const LOCAL_TREE = join(__dirname, '..', 'bench', '.cache', 'trees', 'gin');

async function bothPaths(text: string): Promise<[string[], string[]]> {
  return [(await extractOtherFacts(text, 'go', true)).specifiers, (await extractOtherFacts(text, 'go', false)).specifiers];
}

const CGO = [
  '// Package c wraps a C library.',
  '/*',
  '#include <stdio.h>',
  'import "not/this"',
  '*/',
  'import "C"',
  '',
  'import (',
  '\t"fmt" /* why */; str "strings"',
  '\t_ "embed"',
  '\t. `raw/path`',
  ')',
  '',
  "var r = '\"'",
  'var s = "import \\"x\\""',
  'var t = `',
  'import "y"',
  '`',
  'func f() { fmt.Println(str.ToUpper(s)) }',
].join('\n');

describe('the Go import lexer', () => {
  it('reads every spec form and nothing in comments, strings or runes', () => {
    expect(scanGoImports(`package c\n\n${CGO}\n`)).toEqual(['C', 'fmt', 'strings', 'embed', 'raw/path']);
  });

  it('gives up on text it cannot read for sure', () => {
    expect(scanGoImports('package a\nfunc f() {\nimport "x"\n}\n')).toBeNull();
    expect(scanGoImports('package a\n/* never closed\nimport "x"\n')).toBeNull();
    expect(scanGoImports('package a\nimport x\n')).toBeNull();
    expect(scanGoImports('package a\nfunc f() {\n')).toBeNull();
  });

  it('agrees with the parser on headers the line reading refuses, and on the fixture tree', async () => {
    for (const text of [`package c\n\n${CGO}\n`, '/* docs */ package a\n\nimport "os" /* trailing */\n', 'package a\nimport ("a"; "b")\n']) {
      const [fast, parsed] = await bothPaths(text);
      expect(fast, text).toEqual(parsed);
    }
    for (const { path, text } of readTree(join(__dirname, '..', 'fixtures', 'graph-go')).filter((f) => f.path.endsWith('.go'))) {
      expect(scanGoImports(text), path).not.toBeNull();
      const [fast, parsed] = await bothPaths(text);
      expect(fast, path).toEqual(parsed);
    }
  });

  it.skipIf(!existsSync(LOCAL_TREE))('agrees with the parser on every file of a local real tree', async () => {
    const files = readTree(LOCAL_TREE).filter((f) => f.path.endsWith('.go'));
    expect(files.length).toBeGreaterThan(50);
    for (const { path, text } of files) {
      expect(scanGoImports(text), path).not.toBeNull();
      const [fast, parsed] = await bothPaths(text);
      expect(fast, path).toEqual(parsed);
    }
  }, 120_000);
});
