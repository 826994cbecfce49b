/**
 * Facts about the fixture workspace (test/fixtures/e2e-workspace) the scenarios check against.
 * Each file is recognised by a line that only its own text holds (its definition, not an import).
 */
export const FIXTURE_FILES = {
  ids: { path: 'src/util/ids.ts', marker: 'export function newBookId(' },
  log: { path: 'src/util/log.ts', marker: 'export function logLine(' },
  book: { path: 'src/model/book.ts', marker: 'export function makeBook(' },
  shelf: { path: 'src/model/shelf.ts', marker: 'export class Shelf' },
  credentials: { path: 'src/settings/credentials.ts', marker: 'A fake credential' },
  server: { path: 'src/app/server.ts', marker: 'export function startCatalogue(' },
  invoice: { path: 'src/billing/invoice.ts', marker: 'export function lateFee(' },
  main: { path: 'src/main.ts', marker: 'const shelf = startCatalogue();' },
} as const;

/** Pairs [dependency, dependent]: the first must come before the second in dependency order. */
export const DEPENDENCY_EDGES: ReadonlyArray<readonly [keyof typeof FIXTURE_FILES, keyof typeof FIXTURE_FILES]> = [
  ['ids', 'book'],
  ['book', 'shelf'],
  ['book', 'server'],
  ['shelf', 'server'],
  ['log', 'server'],
  ['credentials', 'server'],
  ['server', 'main'],
  ['invoice', 'main'],
  ['log', 'main'],
];

/** The fake token in src/settings/credentials.ts: it must never leave the machine. */
export const FAKE_SECRET = 'ghp_Zt9QwErTyUiOpAsDfGhJkLzXcVbNm1234567';

/** Only the git-ignored generated/bundle.js holds this. */
export const IGNORED_MARKER = 'GENERATED_BUNDLE_MARKER';
