/**
 * Which files matter less to a reader by default: tests, fixtures, docs, examples and generated output.
 * They still pack when they fit; they just come after the code that does the work. What a test,
 * fixture or generated file is comes from scan/fileKinds.ts, the one definition the scan uses too.
 */
import { foldersOf, hasGeneratedMarker, isFixtureFolder, isGeneratedFileName, isGeneratedFolder, isTestFileName, isTestFolder, isTestSupportFolder } from '../scan/fileKinds';

const DOC_FOLDERS = new Set(['docs', 'doc', 'documentation']);
/** Example and demo code shows how the project is used, not how it works. */
const EXAMPLE_FOLDERS = new Set(['examples', 'example', 'playground', 'playgrounds', 'samples', 'sample', 'demo', 'demos', 'benchmarks', 'bench']);
const DOC_EXTENSIONS = /\.(md|mdx|markdown|rst|txt|adoc|html?)$/i;

/** Why a file ranks lower, or null when it is ordinary source. */
export type LowerKind = 'test' | 'fixture' | 'doc' | 'generated' | 'example';

/** Classifies a file by its path and the first lines of its text. */
export function lowerKind(path: string, text: string): LowerKind | null {
  const folders = foldersOf(path);
  if (folders.some(isFixtureFolder)) return 'fixture';
  if (isTestFileName(path) || folders.some((f) => isTestFolder(f) || isTestSupportFolder(f))) return 'test';
  if (isGeneratedFileName(path) || folders.some(isGeneratedFolder)) return 'generated';
  if (hasGeneratedMarker(text)) return 'generated';
  if (DOC_EXTENSIONS.test(path) || folders.some((f) => DOC_FOLDERS.has(f))) return 'doc';
  if (folders.some((f) => EXAMPLE_FOLDERS.has(f))) return 'example';
  return null;
}
