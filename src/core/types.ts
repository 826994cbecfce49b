/**
 * Plain data passed between the pipeline stages:
 * scan → read → redact → tokenize → graph → order → select → render.
 *
 * Paths named `path` are always relative, with `/` separators. With one root they are relative
 * to it; with several roots each path starts with its root's folder name (`api/src/x.ts`).
 */
import type { GitReport } from './git/context';
import type { FileMode, SelectionReason } from '../shared/packReport';
import type { WordedWarning } from './warnings';

/** Declared in src/shared (the webview shows them too) so there is one definition of each. */
export type { FileMode, SelectionReason };

/** Tokenizer rank tables Tome can count with. */
export type Encoding = 'o200k_base' | 'cl100k_base';

/** Output formats of the rendered prompt. */
export type OutputFormat = 'xml' | 'markdown' | 'plain';

/** File order in the output. */
export type OrderMode = 'dependency' | 'path';

/** Why a file found on disk was left out of the pack. */
export type SkipReason =
  | 'gitignored'
  | 'tomeignored'
  | 'excluded'
  | 'default-excluded'
  | 'not-included'
  | 'binary'
  | 'too-large'
  | 'secret-file'
  | 'unreadable'
  /** The secret scan failed on it: it might hold secrets, so it stays out. */
  | 'redaction-failed'
  | 'vanished'
  | 'symlink';

/** A file left out, with the reason and an optional human detail (e.g. the errno). */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
  detail?: string;
}

/** A root being packed and the prefix its files' paths start with (`''` with one root). */
export interface RootPrefix {
  /** Absolute, resolved path of the root. */
  root: string;
  /** `''` for a single root; `name/` or `name-2/` with several (see scan's rootPrefixes). */
  prefix: string;
}

/** A candidate file found by the scan stage. */
export interface ScannedFile {
  /** Relative `/`-separated path (see module doc). */
  path: string;
  /** Absolute path on disk. */
  absPath: string;
  /** Absolute path of the root this file was found under. */
  root: string;
  size: number;
  mtimeMs: number;
  /**
   * The rest of the scan's stat, when it took one: with size and mtime, the stamp a stat index
   * trusts without reading the file (see read/statIndex.ts).
   */
  ctimeMs?: number;
  ino?: number;
}

/** A file whose bytes were read and decoded. */
export interface ReadFile extends ScannedFile {
  /** Decoded text, BOM stripped, line endings kept. */
  text: string;
  /** Hex SHA-1 of the raw bytes; a cache key, not a security measure. */
  hash: string;
  /** True when the bytes were not valid UTF-8 (decoded with U+FFFD replacements). */
  invalidUtf8: boolean;
}

/** A file after secret redaction. `text` holds the redacted text. */
export interface RedactedFile extends ReadFile {
  /** Number of values replaced by `[REDACTED:<kind>]`. */
  redactions: number;
  /** Redactions counted per kind, e.g. `{ "aws-access-key-id": 1 }`. */
  redactionKinds: Record<string, number>;
}

/** The import graph of the packed files (see src/core/graph). */
export interface ImportGraph {
  /** path → in-tree paths it imports, sorted, no duplicates, no self-edges. */
  imports: Map<string, string[]>;
  /** path → names it imports from outside the tree (npm packages, stdlib), sorted. */
  external: Map<string, string[]>;
  /** Problems met while building the graph; the pack still completes. */
  warnings: WordedWarning[];
  /** path → imports that look in-tree (relative paths, `mod foo;`) but lead to no packed file. */
  unresolved?: Map<string, string[]>;
}

/** A non-fatal problem the report carries to the user: its code and fields, and its English `message`. */
export type PackWarning = WordedWarning & {
  stage: PackStage;
  path?: string;
};

/**
 * The pipeline's stages, in order; used by progress events and timings. `git` runs only when asked;
 * `reuse` (loading a saved pack, see pack/savedPacks.ts) only in place of read through render.
 */
export type PackStage = 'scan' | 'read' | 'redact' | 'git' | 'tokenize' | 'graph' | 'order' | 'select' | 'render' | 'reuse';

/** Structured progress: `done` of `total` units of `stage` finished. */
export interface ProgressEvent {
  stage: PackStage;
  done: number;
  total: number;
}

/** One file as it appears in the report, in output order. */
export interface ReportFile {
  path: string;
  /** Exact tokens of this file's block in the rendered output. */
  tokens: number;
  mode: FileMode;
  redactions: number;
  /** Why selection gave this file its mode; present when a budget was applied. */
  reason?: SelectionReason;
  /** In-tree paths this file imports. */
  imports?: string[];
  /** Names imported from outside the tree. */
  external?: string[];
  /** True when the file was not valid UTF-8. */
  invalidUtf8?: boolean;
}

/**
 * The pack report. Field names `root`, `encoding`, `budget`, `totalTokens`, `files`
 * (`path`, `tokens`, `mode`, `redactions`) and `skipped` (`path`, `reason`) are a stable
 * contract read by other tools and tests.
 */
export interface PackReport {
  root: string;
  roots: string[];
  /** Each root with the prefix of its paths, as the scan gave them: how a report path maps back to disk. */
  rootPrefixes: RootPrefix[];
  encoding: Encoding;
  format: OutputFormat;
  budget: number | null;
  reserve: number;
  /** Exact token count of the whole rendered output. */
  totalTokens: number;
  files: ReportFile[];
  skipped: SkippedFile[];
  redactionCount: number;
  warnings: PackWarning[];
  /** Cycles found by dependency ordering, each a sorted list of paths. */
  cycles: string[][];
  /** The diff and log packed, when the request asked for them. */
  git?: GitReport;
  /** Milliseconds spent per stage. */
  timings: Partial<Record<PackStage, number>>;
}
