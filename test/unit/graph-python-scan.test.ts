import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractOtherFacts } from '../../src/core/graph/extractOther';
import type { PythonImport } from '../../src/core/graph/facts';
import { scanPythonImports } from '../../src/core/graph/pyScan';
import { readTree } from './graphSupport';

const FIXTURE = join(__dirname, '..', 'fixtures', 'graph-python-scan');
/** sqlalchemy's source, kept beside the repository for the benchmark; the real-tree check skips without it. */
const SQLALCHEMY = join(__dirname, '..', '..', '..', 'shared', 'bench-corpora', 'sqlalchemy.tar.gz');
/** The benchmark's generated Python tree, present once `npm run bench` has run. */
const PYTHON_GEN = join(__dirname, '..', 'bench', '.cache', 'corpora', 'python-gen', 'tree');

const imp = (module: string, names: string[] = [], level = 0): PythonImport => ({ module, names, level });

/** Facts by the fast path and by tree-sitter alone, without the parser's syntax-error flag. */
async function bothPaths(text: string): Promise<[PythonImport[] | undefined, PythonImport[] | undefined]> {
  const fast = await extractOtherFacts(text, 'python', true);
  const parsed = await extractOtherFacts(text, 'python', false);
  return [fast.python, parsed.python];
}

/** Every .py file under `dir` agrees between the paths; returns how many the lexer read itself. */
async function expectAgreement(dir: string, include = (_path: string) => true): Promise<{ files: number; scanned: number }> {
  const files = readTree(dir).filter((f) => f.path.endsWith('.py') && include(f.path));
  let scanned = 0;
  for (const { path, text } of files) {
    const [fast, parsed] = await bothPaths(text);
    expect(fast, path).toEqual(parsed);
    if (scanPythonImports(text) !== null) scanned++;
  }
  return { files: files.length, scanned };
}

describe('the Python import lexer', () => {
  it('reads every statement form where a statement starts, and nothing in strings or comments', () => {
    const text = [
      '"""import no"""',
      "from __future__ import annotations",
      'import a.b as c, d',
      'from .. import (x as y,',
      '    z,  # trailing comma below',
      ')',
      'try: import e',
      'except ImportError: e = None',
      'if TYPE_CHECKING:',
      '    from f.g import H',
      "s = f'{a!r:>{w}} import q'",
      'def fn():',
      '    raise E from None; from .k import *',
      "t = rb'''",
      'import never',
      "'''",
      'from \\',
      '    m import n',
    ].join('\n');
    expect(scanPythonImports(text)).toEqual([
      imp('a.b'), imp('d'), imp('', ['x', 'z'], 2), imp('e'), imp('f.g', ['H']), imp('k', [], 1), imp('m', ['n']),
    ]);
    // A triple-quoted f-string may nest its own quote (sqlalchemy does), just not three of them.
    expect(scanPythonImports(`q = f"""'{v.replace("'", "''")}{""}'"""\nimport z\n`)).toEqual([imp('z')]);
  });

  it('gives up on text it cannot read for sure, so the parser reads it', () => {
    expect(scanPythonImports('x = (\nimport a\n')).toBeNull();
    expect(scanPythonImports('x = "unterminated\nimport a\n')).toBeNull();
    expect(scanPythonImports('s = """never closed\nimport a\n')).toBeNull();
    expect(scanPythonImports('x = 1 import a\n')).toBeNull();
    expect(scanPythonImports('import a . b\n')).toBeNull();
    expect(scanPythonImports('from a import b,\n')).toBeNull();
    expect(scanPythonImports('s = f"{x["k"]}"\nimport a\n')).toBeNull();
    expect(scanPythonImports(')\n')).toBeNull();
  });

  it('agrees with the parser on the fixture trees and reads them all itself', async () => {
    for (const dir of [FIXTURE, join(__dirname, '..', 'fixtures', 'graph-python')]) {
      const { files, scanned } = await expectAgreement(dir);
      expect(files).toBeGreaterThan(3);
      expect(scanned).toBe(files);
    }
  });

  it('agrees on hand-written edge cases, falling back where it must', async () => {
    const cases = [
      'from . import (a)\nfrom .import b\nfrom.c import d\n',
      'x = {"k": [1, 2]}\nif x: from y import z\nelse: import w\n',
      'def f():\n    return f"{x:{y}}" + "import a"\n\n\nimport late\n',
      'class C:\n    import inner\n    s = r"\\"import no"\n',
      's = """\nimport inside\n"""\n' + 'x = 1\n'.repeat(50) + 'import after\n',
      'print "py2"\nimport a\n',
      'q = f"""{a["k"]}{""}"""\nfrom b import c\n',
    ];
    for (const text of cases) {
      const [fast, parsed] = await bothPaths(text);
      expect(fast, text).toEqual(parsed);
    }
  });

  describe.skipIf(!existsSync(SQLALCHEMY))('on sqlalchemy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tome-sqlalchemy-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('agrees with the parser on every file and reads nearly all of them itself', async () => {
      execFileSync('tar', ['-xzf', SQLALCHEMY, '-C', dir]);
      const { files, scanned } = await expectAgreement(dir);
      expect(files).toBeGreaterThan(500);
      expect(scanned / files).toBeGreaterThan(0.99);
    }, 120_000);
  });

  // One subpackage in ten: the parser takes a minute over the whole 33 MB.
  it.skipIf(!existsSync(PYTHON_GEN))('agrees with the parser on the generated benchmark tree', async () => {
    const { files, scanned } = await expectAgreement(join(PYTHON_GEN, 'gen'), (path) => path.includes('/sub0/'));
    expect(files).toBeGreaterThan(100);
    expect(scanned).toBe(files);
  }, 120_000);
});
