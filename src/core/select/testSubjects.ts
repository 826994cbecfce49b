/**
 * Which source files a test file tests. A test that matches a question is evidence for the code
 * it exercises (the answer usually lives there), not a reason to pack the test itself.
 */

/** Test markers around a file's base name: `foo_test.go`, `test_foo.py`, `foo.spec.ts`, `FooTest.java`. */
const TEST_NAME = [/^test_(.+)$/, /^(.+)_test$/, /^(.+)[.-](?:test|spec)$/, /^(.+?)Tests?$/];

/**
 * Names too common to tie a test to one file: `index.spec.ts` or `test_utils.py` say nothing
 * about which of the tree's many `index.ts` or `utils.py` they test.
 */
const GENERIC_NAMES = new Set(['index', 'main', 'mod', 'lib', 'init', '__init__', 'util', 'utils', 'helper', 'helpers', 'common', 'types', 'setup', 'app', 'core', 'base']);

/** The base name of a path without its extension, e.g. `src/a/foo.test.ts` → `foo.test`. */
function baseName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  const lastDot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, lastDot);
}

/**
 * Folders whose files are tests by place, not by name: a Rust crate's `tests/walk.rs`, a
 * `__tests__/css.ts`. Such a file is named after what it tests, with no marker.
 */
const TEST_PLACES = new Set(['tests', 'test', '__tests__']);

/**
 * The name a test file is named after (`foo` for `test_foo.py`, `tests/foo.rs`), or null when
 * it follows no convention.
 */
export function testedName(path: string): string | null {
  const base = baseName(path);
  for (const pattern of TEST_NAME) {
    const match = pattern.exec(base);
    const name = match?.[1]?.toLowerCase();
    if (name !== undefined) return GENERIC_NAMES.has(name) ? null : name;
  }
  const folder = path.split('/').at(-2);
  if (folder !== undefined && TEST_PLACES.has(folder)) {
    const name = base.toLowerCase();
    return GENERIC_NAMES.has(name) ? null : name;
  }
  return null;
}

/** Length of the shared leading folders of two paths. */
function sharedFolders(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  let n = 0;
  while (n < pa.length - 1 && n < pb.length - 1 && pa[n] === pb[n]) n++;
  return n;
}

/**
 * For each test (by index), the source files it tests: the source files named as the test is
 * named after (the nearest ones by folder when there are several), else the source files it
 * imports. `isTest` and `isSource` classify candidates; `imports` are candidate indexes.
 */
export function testSubjects(
  paths: readonly string[],
  isTest: readonly boolean[],
  isSource: readonly boolean[],
  imports: readonly (readonly number[])[],
): Map<number, number[]> {
  const byName = new Map<string, number[]>();
  paths.forEach((p, i) => {
    if (!isSource[i]) return;
    const name = baseName(p).toLowerCase();
    const list = byName.get(name);
    if (list) list.push(i);
    else byName.set(name, [i]);
  });
  const out = new Map<number, number[]>();
  paths.forEach((p, t) => {
    if (!isTest[t]) return;
    const name = testedName(p);
    const named = name === null ? [] : (byName.get(name) ?? []);
    if (named.length > 0) {
      const best = Math.max(...named.map((s) => sharedFolders(p, paths[s] ?? '')));
      out.set(t, named.filter((s) => sharedFolders(p, paths[s] ?? '') === best));
      return;
    }
    const imported = (imports[t] ?? []).filter((s) => isSource[s]);
    if (imported.length > 0) out.set(t, imported);
  });
  return out;
}
