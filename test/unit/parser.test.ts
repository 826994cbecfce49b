import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { compileQuery, languageForPath, parseSource, withSyntaxTree } from '../../src/core/parser';

describe('languageForPath', () => {
  it('maps extensions to shipped grammars and C to cpp', () => {
    expect(languageForPath('src/a.d.ts')).toBe('typescript');
    expect(languageForPath('src/a.mts')).toBe('typescript');
    expect(languageForPath('src/App.tsx')).toBe('tsx');
    expect(languageForPath('lib/x.cjs')).toBe('javascript');
    expect(languageForPath('include/util.h')).toBe('cpp');
    expect(languageForPath('Foo.CS')).toBe('csharp');
    expect(languageForPath('README.md')).toBeNull();
    expect(languageForPath('dir.v2/Makefile')).toBeNull();
  });
});

describe('parseSource', () => {
  it('parses each language into a tree without errors', async () => {
    const samples: [Parameters<typeof parseSource>[1], string][] = [
      ['typescript', 'import type { A } from "./a";\nexport const x: A = 1;'],
      ['python', 'from . import x\n'],
      ['go', 'package main\nimport "fmt"\n'],
      ['rust', 'mod foo;\nuse crate::a::b;\n'],
      ['java', 'package a.b;\nimport c.D;\nclass X {}\n'],
      ['cpp', '#include "x.h"\nint main() { return 0; }\n'],
      ['csharp', 'using A.B;\nnamespace C { class D {} }\n'],
      ['ruby', 'require_relative "x"\n'],
      ['php', '<?php require "a.php";\n'],
    ];
    for (const [lang, text] of samples) {
      const hasError = await withSyntaxTree(text, lang, (root) => root.hasError);
      expect(hasError, lang).toBe(false);
    }
  });

  it('runs a cached query and returns the same compiled query twice', async () => {
    const source = '(import_statement source: (string (string_fragment) @s))';
    const query = await compileQuery('typescript', source);
    expect(await compileQuery('typescript', source)).toBe(query);
    const tree = await parseSource('import a from "./a";\n// import b from "./b"\n', 'typescript');
    try {
      expect(query.captures(tree.rootNode).map((c) => c.node.text)).toEqual(['./a']);
    } finally {
      tree.delete();
    }
  });

  it('finds the grammars from a CommonJS bundle with wasm/ beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tome-parser-'));
    const root = join(__dirname, '..', '..');
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { withSyntaxTree } from ${JSON.stringify(join(root, 'src/core/parser'))};\n` +
        `withSyntaxTree('package main\\nimport "fmt"\\n', 'go', (r) => r.type).then((t) => process.stdout.write(t));\n`,
    );
    await esbuild.build({ entryPoints: [entry], outfile: join(dir, 'out', 'bundle.js'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
    cpSync(join(root, 'node_modules/@vscode/tree-sitter-wasm/wasm'), join(dir, 'out', 'wasm'), { recursive: true });
    expect(existsSync(join(dir, 'out', 'wasm', 'tree-sitter-go.wasm'))).toBe(true);
    // Run from a folder with no node_modules above it, so only out/wasm can be found.
    const output = execFileSync(process.execPath, [join(dir, 'out', 'bundle.js')], { cwd: dir, encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(output).toBe('source_file');
  });
});
