/**
 * Which files matter less to a reader by default: tests, fixtures, docs, examples and generated output.
 * They still pack when they fit; they just come after the code that does the work.
 */

const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'e2e', 'testing']);
const FIXTURE_FOLDERS = new Set(['fixtures', '__fixtures__', 'testdata', '__snapshots__', '__mocks__', 'mocks']);
const GENERATED_FOLDERS = new Set(['dist', 'build', 'out', 'vendor', 'generated', '__generated__', 'gen']);
const DOC_FOLDERS = new Set(['docs', 'doc', 'documentation']);
/** Example and demo code shows how the project is used, not how it works. */
const EXAMPLE_FOLDERS = new Set(['examples', 'example', 'playground', 'playgrounds', 'samples', 'sample', 'demo', 'demos', 'benchmarks', 'bench']);
const DOC_EXTENSIONS = /\.(md|mdx|markdown|rst|txt|adoc|html?)$/i;
const TEST_FILE = /(\.|_|-)(test|spec)\.[^/]+$|(^|\/)test_[^/]+\.py$|Tests?\.(java|kt|cs)$|_test\.go$/;
const GENERATED_FILE = /\.(min\.(js|css)|map|pb\.go|snap)$|_pb2\.py$|\.generated\.[^/]+$/;
const GENERATED_MARKER = /@generated|DO NOT EDIT|auto-?generated|automatically generated/i;

/** Why a file ranks lower, or null when it is ordinary source. */
export type LowerKind = 'test' | 'fixture' | 'doc' | 'generated' | 'example';

/** Classifies a file by its path and the first lines of its text. */
export function lowerKind(path: string, text: string): LowerKind | null {
  const folders = path.split('/').slice(0, -1).map((s) => s.toLowerCase());
  if (folders.some((f) => FIXTURE_FOLDERS.has(f))) return 'fixture';
  if (TEST_FILE.test(path) || folders.some((f) => TEST_FOLDERS.has(f))) return 'test';
  if (GENERATED_FILE.test(path) || folders.some((f) => GENERATED_FOLDERS.has(f))) return 'generated';
  if (GENERATED_MARKER.test(text.slice(0, 400))) return 'generated';
  if (DOC_EXTENSIONS.test(path) || folders.some((f) => DOC_FOLDERS.has(f))) return 'doc';
  if (folders.some((f) => EXAMPLE_FOLDERS.has(f))) return 'example';
  return null;
}
