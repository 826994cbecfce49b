import { describe, expect, it } from 'vitest';
import { buildImportGraph } from '../../src/core/graph';
import { graphToDot } from '../../src/core/graph/dot';
import { splitRustUse } from '../../src/core/graph/rustUse';
import { memoryFiles, nonEmpty } from './graphSupport';

async function graphOf(files: Record<string, string>) {
  return buildImportGraph(memoryFiles(files), { roots: ['/nonexistent-tome-tree'] });
}

describe('import extraction ignores what is not an import', () => {
  it('skips comments, strings and template literals in TS, but reads require() inside ${…}', async () => {
    const graph = await graphOf({
      'a.ts': [
        '// import x from "./b";',
        '/* export * from "./c"; */',
        'const s = "import y from \'./d\'";',
        "const t = `import z from './e'; require('./f')`;",
        "const u = `${require('./g')}`;",
        "const v = require(`./h`);",
        "const w = import('./i' + suffix);",
        "import real from './j';",
      ].join('\n'),
      'b.ts': '', 'c.ts': '', 'd.ts': '', 'e.ts': '', 'f.ts': '', 'g.ts': '', 'h.ts': '', 'i.ts': '', 'j.ts': '',
    });
    expect(graph.imports.get('a.ts')).toEqual(['g.ts', 'j.ts']);
  });

  it('reads every import form of TS: type-only, re-exports, import = require, dynamic import', async () => {
    const graph = await graphOf({
      'main.ts': [
        "import type { A } from './types';",
        "export { b } from './b.js';",
        "export * as ns from './ns';",
        "import fs = require('fs');",
        "import legacy = require('./legacy');",
        "const lazy = await import('./lazy/index.js');",
        "import './side-effect';",
      ].join('\n'),
      'types.d.ts': '', 'b.ts': '', 'ns/index.tsx': '', 'legacy.cjs': '', 'lazy/index.ts': '', 'side-effect.mjs': '',
    });
    expect(graph.imports.get('main.ts')).toEqual(['b.ts', 'lazy/index.ts', 'legacy.cjs', 'ns/index.tsx', 'side-effect.mjs', 'types.d.ts']);
    expect(graph.external.get('main.ts')).toEqual(['fs']);
  });

  it('ignores Python imports in strings and comments, and Go imports in raw strings', async () => {
    const graph = await graphOf({
      'pkg/__init__.py': '',
      'pkg/a.py': '# import pkg.b\nx = """\nfrom pkg import c\n"""\nimport pkg.d\n',
      'pkg/b.py': '', 'pkg/c.py': '', 'pkg/d.py': '',
    });
    expect(nonEmpty(graph.imports)).toEqual({ 'pkg/a.py': ['pkg/d.py'] });
  });

  it('keeps external package names, not their subpaths', async () => {
    const graph = await graphOf({ 'a.js': "import x from '@scope/pkg/deep/file.js';\nimport 'lodash/fp';\n" });
    expect(graph.external.get('a.js')).toEqual(['@scope/pkg', 'lodash']);
  });
});

describe('workspaces and components', () => {
  it('resolves an npm/yarn workspace package through main, mapped back to its sources', async () => {
    const graph = await graphOf({
      'package.json': '{ "private": true, "workspaces": ["libs/*"] }',
      'libs/a/package.json': '{ "name": "a", "main": "lib/index.js" }',
      'libs/a/src/index.ts': 'export const a = 1;',
      'libs/a/src/deep.ts': 'export const d = 1;',
      'app.ts': "import { a } from 'a';\nimport { d } from 'a/deep';\nimport 'left-pad';\n",
    });
    expect(graph.imports.get('app.ts')).toEqual(['libs/a/src/deep.ts', 'libs/a/src/index.ts']);
    expect(graph.external.get('app.ts')).toEqual(['left-pad']);
  });

  it('resolves Go imports across the modules of a go.work', async () => {
    const graph = await graphOf({
      'go.work': 'go 1.22\n\nuse (\n\t./svc\n\t./lib\n)\n',
      'svc/go.mod': 'module example.com/svc\n',
      'lib/go.mod': 'module example.com/lib\n',
      'svc/main.go': 'package main\n\nimport "example.com/lib/util"\n',
      'lib/util/u.go': 'package util\n',
    });
    expect(graph.imports.get('svc/main.go')).toEqual(['lib/util/u.go']);
  });

  it('reads every <script> block of a Svelte component', async () => {
    const graph = await graphOf({
      'App.svelte': '<script context="module">\n  import { x } from \'./x.js\';\n</script>\n<script lang="ts">\n  import y from \'./y\';\n</script>\n<p>import z from "./z"</p>\n',
      'x.js': '', 'y.ts': '', 'z.ts': '',
    });
    expect(graph.imports.get('App.svelte')).toEqual(['x.js', 'y.ts']);
  });
});

describe('bad input gives warnings and still a graph', () => {
  it('warns about a broken tsconfig and keeps resolving relative imports', async () => {
    const graph = await graphOf({ 'tsconfig.json': '{ "compilerOptions": { "paths": ', 'a.ts': "import './b';\nimport '@app/c';\n", 'b.ts': '' });
    expect(graph.imports.get('a.ts')).toEqual(['b.ts']);
    expect(graph.warnings.some((w) => w.message.includes('tsconfig.json is not valid JSON'))).toBe(true);
    expect(graph.warnings).toContainEqual(expect.objectContaining({ code: 'config-not-json', file: 'tsconfig.json', config: 'tsconfig' }));
  });

  it('warns about a paths entry that points nowhere', async () => {
    const graph = await graphOf({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@gone/*": ["missing/*"], "@ok/*": ["src/*"] } } }',
      'src/a.ts': "import '@ok/b';\nimport '@gone/x';\n",
      'src/b.ts': '',
    });
    expect(graph.imports.get('src/a.ts')).toEqual(['src/b.ts']);
    expect(graph.warnings.filter((w) => w.message.includes('"@gone/*"'))).toHaveLength(1);
    expect(graph.warnings.filter((w) => w.code === 'paths-match-nothing' && w.pattern === '@gone/*')).toHaveLength(1);
    expect(graph.warnings.some((w) => w.message.includes('"@ok/*"'))).toBe(false);
  });

  it('warns about files with syntax the parser could not read and keeps the imports it found', async () => {
    const graph = await graphOf({
      'broken.ts': "import { a } from './a';\nlet = ;\nexport { b } from './b';\n",
      'b.ts': '',
      'a.ts': '',
      'bad.py': 'def f(:\n    pass\nimport os\n',
      'late.ts': "import './a';\nconst x = 1;\nfunction (((\n",
    });
    expect(graph.imports.get('broken.ts')).toEqual(['a.ts', 'b.ts']);
    const warning = graph.warnings.find((w) => w.message.includes('syntax'))?.message;
    expect(graph.warnings.find((w) => w.code === 'syntax-errors')?.message).toBe(warning);
    expect(warning).toContain('broken.ts');
    expect(warning).toContain('bad.py');
    // Syntax after the last import is never read, so it cannot be reported.
    expect(warning).not.toContain('late.ts');
  });

  it('records relative imports that lead nowhere as unresolved, not as external', async () => {
    const graph = await graphOf({ 'a.ts': "import './missing';\n" });
    expect(graph.imports.get('a.ts')).toEqual([]);
    expect(graph.external.get('a.ts')).toEqual([]);
    expect(graph.unresolved?.get('a.ts')).toEqual(['./missing']);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const files = memoryFiles(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}.ts`, ''])));
    await expect(buildImportGraph(files, { roots: [], signal: controller.signal })).rejects.toThrow('stop');
  });
});

describe('Rust use lists', () => {
  it('expands nested braces, aliases, self and globs', () => {
    expect(splitRustUse('crate::a::{b, c::{d as e, self}, f::*}')).toEqual([
      ['crate', 'a', 'b'], ['crate', 'a', 'c', 'd'], ['crate', 'a', 'c'], ['crate', 'a', 'f'],
    ]);
  });
});

describe('graphToDot', () => {
  it('draws every edge, marks cycle edges red and quotes awkward names', async () => {
    const graph = await graphOf({ 'a "x".ts': "import './b';", 'b.ts': "import './a \"x\"';", 'c.ts': "import './b';" });
    const dot = graphToDot(graph, [['a "x".ts', 'b.ts']]);
    expect(dot).toContain('"a \\"x\\".ts" -> "b.ts" [color=red];');
    expect(dot).toContain('"c.ts" -> "b.ts";');
    expect(dot).toContain('subgraph cluster_cycle_0');
    expect(dot.startsWith('digraph imports {')).toBe(true);
  });
});
