/**
 * Test files and folders, left out when a scan runs with `includeTests: false`. The names are
 * the conventions of the common test runners (Jest/Vitest, pytest, Go, JUnit, RSpec).
 */

const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__', 'spec', 'specs', 'e2e', 'testdata']);
const TEST_FILE = /[._-](test|spec)\.[^/.]+$|^test_[^/]+\.py$|_test\.(go|py|rb|exs?)$|Tests?\.(java|kt|cs|swift|scala)$/;

/** True when a folder of this name holds tests. */
export function isTestDir(name: string): boolean {
  return TEST_DIRS.has(name.toLowerCase());
}

/** True when a file of this name is a test by the usual naming conventions. */
export function isTestFile(name: string): boolean {
  return TEST_FILE.test(name);
}
