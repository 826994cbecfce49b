/**
 * What makes a file a test, a fixture or generated output: one definition, read by the scan
 * (which leaves tests out when a request says `includeTests: false`) and by selection (which
 * ranks tests, fixtures and generated files after the code that does the work). The names are
 * the conventions of the common test runners (Jest/Vitest, pytest, Go, JUnit, RSpec, XCTest).
 */

/** Folders that hold tests. */
const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'e2e']);
/**
 * Folders of helpers for tests. Often shipped code (rxjs's `testing/TestScheduler`, effect's
 * `internal/testing`), so a scan without tests keeps them; selection still ranks them as tests.
 */
const TEST_SUPPORT_FOLDERS = new Set(['testing']);
/** Folders that hold what tests read: fixtures, snapshots, mocks, test data. */
const FIXTURE_FOLDERS = new Set(['fixtures', '__fixtures__', 'testdata', '__snapshots__', '__mocks__', 'mocks']);
/** Folders of build output or code generators. */
const GENERATED_FOLDERS = new Set(['dist', 'build', 'out', 'vendor', 'generated', '__generated__', 'gen']);

/**
 * A test file's name: `foo.test.ts`, `foo_test.go`, `test_foo.py`, `FooTest.java`. One extension
 * after the marker, so names such as `api-spec.v2.yaml` or `jest-test.config.json` stay source.
 */
const TEST_FILE_NAME = /[._-](test|spec)\.[^/.]+$|^test_[^/]+\.py$|_test\.(go|py|rb|exs?)$|Tests?\.(java|kt|cs|swift|scala)$/;
/** Generated source by name: protobuf and snapshot output, `*.generated.*`, minified files and maps. */
const GENERATED_FILE_NAME = /\.(min\.(js|css)|map|pb\.go|snap)$|_pb2\.py$|\.generated\.[^/]+$/;
/** Markers code generators write at the top of a file. */
const GENERATED_MARKER = /@generated|DO NOT EDIT|auto-?generated|automatically generated/i;

/** The last segment of a `/`-separated path. */
function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folder names of a `/`-separated path, lower-cased. */
export function foldersOf(path: string): string[] {
  return path.split('/').slice(0, -1).map((s) => s.toLowerCase());
}

/** True when a folder of this name holds tests. */
export function isTestFolder(name: string): boolean {
  return TEST_FOLDERS.has(name.toLowerCase());
}

/** True when a folder of this name holds helpers for tests (see {@link TEST_SUPPORT_FOLDERS}). */
export function isTestSupportFolder(name: string): boolean {
  return TEST_SUPPORT_FOLDERS.has(name.toLowerCase());
}

/** True when a folder of this name holds fixtures, snapshots, mocks or test data. */
export function isFixtureFolder(name: string): boolean {
  return FIXTURE_FOLDERS.has(name.toLowerCase());
}

/** True when a folder of this name holds build output or generated code. */
export function isGeneratedFolder(name: string): boolean {
  return GENERATED_FOLDERS.has(name.toLowerCase());
}

/** True when a file (a name or a path) is a test by the usual naming conventions. */
export function isTestFileName(path: string): boolean {
  return TEST_FILE_NAME.test(nameOf(path));
}

/** True when a file's name says it is generated. */
export function isGeneratedFileName(path: string): boolean {
  return GENERATED_FILE_NAME.test(nameOf(path));
}

/** True when the first lines of a file's text say a generator wrote it. */
export function hasGeneratedMarker(text: string): boolean {
  return GENERATED_MARKER.test(text.slice(0, 400));
}
