import { describe, expect, it } from 'vitest';
import { testedName } from '../../src/core/select/testSubjects';
import { candidateTrees, reasonRanking as ranking } from './select-support';

/** Writes `files` into a fresh temporary folder and loads them as candidates. */
const tree = candidateTrees('tome-weights-');

describe('how much a definition weighs', () => {
  it('counts defining a word the whole tree writes for less than defining a rare one', () => {
    const caller = (n: number): string => `export function step${n}() {\n  return resolve(${n});\n}\n`;
    const candidates = tree({
      // Each defines one question word; `resolve` is written in every file, `sourcemap` in two.
      'src/resolver.ts': 'export function resolveModule(id: string) {\n  return resolve(id);\n}\n',
      'src/maps.ts': 'export function sourcemapOf(code: string) {\n  return resolve(code);\n}\n',
      'src/a.ts': caller(1),
      'src/b.ts': caller(2),
      'src/c.ts': `${caller(3)}// the sourcemap comes later\n`,
    });
    expect(ranking(candidates, 'resolve the sourcemap')).toEqual([
      'src/maps.ts defines-query',
      // c.ts writes the rare word too: that outweighs declaring the common one.
      'src/c.ts query-match',
      'src/resolver.ts defines-query',
      'src/a.ts query-match',
      'src/b.ts query-match',
    ]);
  });

  it('takes a backticked name that is a module as naming that module', () => {
    const candidates = tree({
      'src/click/utils.py': 'def echo(message):\n    return message\n',
      'src/click/core.py': 'class Command:\n    def invoke(self):\n        return utils.echo(self.attributes)\n',
      'src/click/types.py': 'class ParamType:\n    pass\n',
    });
    expect(ranking(candidates, 'Add type annotations for instance attributes in `utils`')).toEqual([
      // types.py is named after the plain word `type`, which in a three-file tree weighs as
      // much as the backticked module; the module still comes before the file that uses it.
      'src/click/types.py path-match',
      'src/click/utils.py defines-query',
      'src/click/core.py query-match',
    ]);
  });
});

describe('tests named by their place', () => {
  it('ties a test in a tests folder, with no marker in its name, to the source file of that name', () => {
    expect(['crates/ignore/tests/walk.rs', 'src/__tests__/css.ts', 'tests/main.rs', 'src/walk.rs'].map(testedName)).toEqual(['walk', 'css', null, null]);
    const candidates = tree({
      'crates/ignore/src/walk.rs': 'pub fn walk_tree() {}\n',
      'crates/ignore/src/dir.rs': 'pub fn read_dir() {}\n',
      'crates/ignore/tests/walk.rs': `${'#[test]\nfn skips_hidden_entries() { assert!(hidden_entries_skipped()); }\n'.repeat(3)}`,
    });
    expect(ranking(candidates, 'skip hidden entries')).toEqual(['crates/ignore/src/walk.rs tested-by-match', 'crates/ignore/src/dir.rs fits', 'crates/ignore/tests/walk.rs query-match']);
  });
});

describe('test evidence', () => {
  it('counts the best matching test of a file, not the sum over every test that imports it', () => {
    const importer = (n: number): string => `import { setup } from '../helpers';\nit('case ${n} wraps long lines', () => setup());\n`;
    const candidates = tree({
      'src/helpers.ts': 'export function setup() {\n  return 1;\n}\n',
      'src/wrap.ts': 'export function fold(text: string) {\n  return text;\n}\n',
      'src/__tests__/wrap.spec.ts': "import { fold } from '../wrap';\nit('wraps long lines', () => fold('long lines'));\nit('wraps long lines twice', () => fold('long lines'));\n",
      ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`src/__tests__/case${n}.spec.ts`, importer(n)])),
    });
    // Six tests that each mention the words once would add up past wrap.spec.ts, which is about them.
    expect(ranking(candidates, 'wrap long lines').slice(0, 2)).toEqual(['src/wrap.ts path-match', 'src/helpers.ts tested-by-match']);
  });
});
