import { describe, expect, it } from 'vitest';
import { codeIdentifiers, definedNames } from '../../src/core/select/definitions';
import { fillBudget } from '../../src/core/select/fill';
import { lowerKind } from '../../src/core/select/fileKind';
import { scoreQuery } from '../../src/core/select/queryMatch';
import { rankFiles, type RankedFile } from '../../src/core/select/rank';
import { testedName, testSubjects } from '../../src/core/select/testSubjects';
import { candidateTrees, countingBlockCost, reasonRanking as ranking, relativeImportGraph } from './select-support';

/** Writes `files` into a fresh temporary folder and loads them as candidates. */
const tree = candidateTrees('tome-signals-');

const filler = (n: number): string => Array.from({ length: n }, (_, i) => `const value${i} = ${i};`).join('\n');

describe('definitions', () => {
  it('reads the names each language declares', () => {
    const ts = 'export function closeServer() {}\nexport class PreviewServer {\n  async restart(force: boolean): Promise<void> {\n    if (force) {\n    }\n  }\n}\nconst onClose = (x: number) => x;\nexport interface Hooks { a: 1 }\n';
    expect(definedNames(ts)).toEqual(['closeServer', 'PreviewServer', 'onClose', 'Hooks', 'restart']);
    expect(definedNames('class Pager:\n    def _pager_contextmanager(self):\n        pass\nasync def echo_via_pager(text): ...\n')).toEqual(['Pager', '_pager_contextmanager', 'echo_via_pager']);
    expect(definedNames('func (c *Context) SaveUploadedFile(f string) error {\n}\ntype Engine struct {}\n')).toEqual(['SaveUploadedFile', 'Engine']);
    expect(definedNames('pub fn walk_dir() {}\nstruct Walker;\nimpl<T> Iterator for Walker {}\n')).toEqual(['walk_dir', 'Walker']);
    // A keyword ends a comment line: the next line's declaration keeps its own name.
    expect(definedNames('// see #cross-fade-function\nconst cssNotProcessedRE = /x/;\n')).toEqual(['cssNotProcessedRE']);
  });

  it('takes code-looking words of the question as identifiers, plain words not', () => {
    expect(codeIdentifiers('skip chmod on pre-existing dirs in SaveUploadedFile')).toEqual(['SaveUploadedFile']);
    expect(codeIdentifiers('Resolve the pager command once, in `_pager_contextmanager`')).toEqual(['_pager_contextmanager']);
    expect(codeIdentifiers('use `import.meta.ROLLDOWN_FILE_URL_*` for assets')).toEqual(['ROLLDOWN_FILE_URL_', 'import', 'meta']);
    expect(codeIdentifiers('fix the pager')).toEqual([]);
  });
});

describe('ranking signals', () => {
  it('puts the file that defines a question word above files that only call it', () => {
    const candidates = tree({
      'src/cli.py': `from .pager import page\n${'page(text)\n'.repeat(6)}`,
      'src/pager.py': `def page(text):\n    return text\n${filler(3)}\n`,
      'src/other.py': 'def unrelated():\n    pass\n',
    });
    expect(ranking(candidates, 'page the output')).toEqual(['src/pager.py defines-query', 'src/cli.py query-match', 'src/other.py fits']);
  });

  it('puts the file that defines an identifier the question names first, with that reason', () => {
    const candidates = tree({
      'gin/context.go': `package gin\nfunc (c *Context) SaveUploadedFile(dst string) error {\n\treturn nil\n}\n${filler(40)}\n`,
      'gin/upload.go': `package gin\n// upload helpers call SaveUploadedFile, SaveUploadedFile, SaveUploadedFile\nfunc chmodDirs() {}\n`,
      'gin/render.go': 'package gin\nfunc Render() {}\n',
    });
    expect(ranking(candidates, 'skip chmod in SaveUploadedFile')).toEqual(['gin/context.go defines-query', 'gin/upload.go query-match', 'gin/render.go fits']);
  });

  it('counts a matching test as evidence for the file it tests, and ranks the test itself last', () => {
    const candidates = tree({
      'src/termui.py': `def render(x):\n    return x\n${filler(5)}\n`,
      'src/colors.py': 'def red():\n    return 1\n',
      'tests/test_termui.py': `${'def test_progress_bar_finishes():\n    assert progress_bar\n'.repeat(4)}`,
    });
    expect(ranking(candidates, 'progress bar finishes')).toEqual(['src/termui.py tested-by-match', 'src/colors.py fits', 'tests/test_termui.py query-match']);
  });

  it('pulls in the imports of the strongest hit before unrelated files', () => {
    const candidates = tree({
      'src/worker.ts': `import { id } from './names';\nexport function workerChunk() { return id; }\n// worker chunk worker chunk\n`,
      'src/names.ts': 'export const id = 1;\n',
      'src/zzz.ts': 'export const other = 2;\n',
      'src/aaa.ts': 'export const again = 3;\n',
    });
    expect(ranking(candidates, 'remove the worker chunk')).toEqual(['src/worker.ts path-match', 'src/names.ts near-match', 'src/aaa.ts fits', 'src/zzz.ts fits']);
  });

  it('ranks equal hits higher in the folder where most hits fall', () => {
    const hit = (n: number): string => `export function handleSocket${n}() {}\n// socket socket\n`;
    const candidates = tree({
      'lib/net/a.ts': hit(1),
      'lib/net/b.ts': hit(2),
      'lib/net/c.ts': hit(3),
      'lib/alpha/d.ts': hit(4),
    });
    // Path order would put lib/alpha first; the three hits in lib/net outweigh it.
    expect(ranking(candidates, 'socket handling')).toEqual(['lib/net/a.ts query-match', 'lib/net/b.ts query-match', 'lib/net/c.ts query-match', 'lib/alpha/d.ts query-match']);
    const order = rankFiles(candidates, relativeImportGraph(candidates), [], 'socket handling');
    expect(order.filter((r) => r.lead).map((r) => candidates[r.index]?.path)).toEqual(['lib/net/a.ts', 'lib/net/b.ts', 'lib/net/c.ts', 'lib/alpha/d.ts']);
  });

  it('ranks matching docs and examples after matching source, and before unrelated source', () => {
    const candidates = tree({
      'docs/sockets.md': '# Sockets\nHow sockets are opened and closed.\n',
      'examples/chat/socket.ts': 'export function openSocket() {}\n',
      'src/socket.ts': 'export function openSocket() {}\n',
      'src/unrelated.ts': 'export const x = 1;\n',
    });
    expect(ranking(candidates, 'open sockets')).toEqual([
      'src/socket.ts defines-query',
      'examples/chat/socket.ts defines-query',
      'docs/sockets.md path-match',
      'src/unrelated.ts fits',
    ]);
  });
});

describe('test subjects', () => {
  it('names the tested file by convention, leaving generic names to imports', () => {
    expect(['pkg/server_test.go', 'tests/test_termui.py', 'src/__tests__/css.spec.ts', 'src/WalkerTest.java', 'src/__tests__/index.spec.ts'].map(testedName)).toEqual(['server', 'termui', 'css', 'walker', null]);
    const paths = ['src/node/css.ts', 'src/other/css.ts', 'src/node/__tests__/css.spec.ts', 'src/node/__tests__/index.spec.ts', 'src/node/index.ts'];
    const isTest = paths.map((p) => p.includes('__tests__'));
    const subjects = testSubjects(paths, isTest, isTest.map((t) => !t), [[], [], [], [4], []]);
    expect([...subjects]).toEqual([
      [2, [0]],
      [3, [4]],
    ]);
  });
});

describe('example folders', () => {
  it('classifies playgrounds and examples as examples', () => {
    expect(lowerKind('playground/alias/main.ts', 'x')).toBe('example');
    expect(lowerKind('examples/basic/app.go', 'x')).toBe('example');
    expect(lowerKind('src/exampleParser.ts', 'x')).toBeNull();
  });
});

describe('query words inside identifiers', () => {
  it('finds a stem in identifiers that spell it differently (plural -ies, joined words)', () => {
    const [plural = 0, none = 0] = scoreQuery(
      [
        { path: 'a.ts', text: 'export function getProperties() {}' },
        { path: 'b.ts', text: 'export const x = 1;' },
      ],
      'property',
    );
    expect(plural).toBeGreaterThan(0);
    expect(none).toBe(0);
  });
});

describe('full beats outline for the leads', () => {
  it('places a lead in full even when it is past the usual share, before lower ranks are outlined', async () => {
    const file = (name: string, fullTokens: number): { path: string; text: string; fullTokens: number } => ({ path: `src/${name}.ts`, text: `export function ${name}() {}\n${Array.from({ length: fullTokens / 2 }, (_, i) => `run${i}();`).join('\n')}\n`, fullTokens });
    const candidates = [file('big', 600), file('mid', 350), file('small', 300)];
    const ranked: RankedFile[] = [
      { index: 0, reason: 'defines-query', tier: 3, distance: 0, lead: true },
      { index: 1, reason: 'query-match', tier: 3, distance: 0 },
      { index: 2, reason: 'query-match', tier: 3, distance: 0 },
    ];
    const deps = { outlineOf: async (): Promise<string> => 'export function x() { … }\n', blockCost: countingBlockCost() };
    // 600 of 1000 is past the 40% any other file may take in full on the first pass.
    const placements = await fillBudget(candidates, ranked, 1000, deps);
    expect(placements.map((p) => p.mode)).toEqual(['full', 'full', 'outline']);
    const withoutLead = await fillBudget(candidates, ranked.map((r) => ({ ...r, lead: false })), 1000, deps);
    expect(withoutLead.map((p) => p.mode)).toEqual(['outline', 'full', 'full']);
  });
});
