import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractJsFacts } from '../../src/core/graph/extractJs';
import { extractOtherFacts } from '../../src/core/graph/extractOther';
import type { FileFacts } from '../../src/core/graph/facts';
import { fastJsSpecifiers, fastPythonImports } from '../../src/core/graph/fastHeader';
import { importLanguageOf } from '../../src/core/graph/languages';
import { readTree } from './graphSupport';

async function facts(path: string, text: string, fastPath: boolean): Promise<FileFacts | null> {
  const lang = importLanguageOf(path);
  if (lang === null) return null;
  const found = lang.family === 'js'
    ? lang.grammar === 'component' ? await extractJsFacts(text, 'component') : await extractJsFacts(text, lang.grammar, fastPath)
    : await extractOtherFacts(text, lang.family, fastPath);
  const { syntaxError: _ignored, ...rest } = found;
  return rest;
}

const SAMPLES: Record<string, string> = {
  'a.ts': "#!/usr/bin/env node\n'use strict';\nimport {\n  a,\n  type B,\n} from './a';\nexport * as ns from \"./ns\";\nimport './side';\n// import './no';\nexport function f() {}\n",
  'b.py': 'from __future__ import annotations\nimport os.path as p, sys\nfrom .x import (a, b as c)\nfrom .. import y  # comment\n\ndef f():\n    pass\n',
  'c.go': 'package main\n\nimport (\n\t"fmt"\n\tio "io" // reader\n)\nimport "os"\n\nfunc main() {}\n',
  'd.rs': 'pub(crate) mod a;\nuse crate::{b, c::d as e};\nextern crate alloc;\n// use crate::x;\n\nfn main() {}\n',
  'E.java': 'package a.b;\n\nimport static c.D.e;\nimport f.*;\n\nclass E {}\n',
};

describe('the parser-free header path', () => {
  it('reads plain headers and refuses anything a parser could read differently', () => {
    expect(fastJsSpecifiers("import { a } from './a';\nimport b from \"./b\";")).toEqual(['./a', './b']);
    expect(fastJsSpecifiers("const s = 'x';\nimport { a } from './a';")).toBeNull();
    expect(fastJsSpecifiers("/* import './x' */\nimport { a } from './a';")).toBeNull();
    expect(fastJsSpecifiers("const t = `\nimport { a } from './a';\n`")).toBeNull();
    expect(fastPythonImports('"""doc"""\nimport os')).toBeNull();
    expect(fastPythonImports('from x import (\n  a,\n)')).toBeNull();
    // The samples below do take the fast path, so the comparison that follows is not parser vs parser.
    expect(fastJsSpecifiers((SAMPLES['a.ts'] ?? '').split('// import')[0] ?? '')).toEqual(['./a', './ns', './side']);
    expect(fastPythonImports((SAMPLES['b.py'] ?? '').split('\n\ndef')[0] ?? '')).toHaveLength(4);
  });

  it('agrees with the parser on hand-written headers, the fixture trees and three/src', async () => {
    const files = Object.entries(SAMPLES).map(([path, text]) => ({ path, text }));
    for (const name of ['graph-ts-monorepo', 'graph-python', 'graph-go', 'graph-rust', 'graph-java', 'graph-c', 'graph-mixed']) {
      files.push(...readTree(join(__dirname, '..', 'fixtures', name)));
    }
    const three = join(__dirname, '..', 'bench', '.cache', 'three-0.170.0', 'package', 'src');
    if (existsSync(three)) files.push(...readTree(three));
    for (const { path, text } of files) {
      expect(await facts(path, text, true), path).toEqual(await facts(path, text, false));
    }
  });
});
