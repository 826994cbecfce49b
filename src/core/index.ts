/**
 * The door into core for the layers above it (the MCP server first; the CLI and the extension
 * may move to it too). What is exported here is the pipeline's public surface: a pack engine,
 * the request and report types, token counting, outlines and the ranking selection uses.
 */
export { PackEngine, PackError, isAbortError, pack } from './pack/index';
export type { PackDeps, PackErrorCode, PackOptions, PackResult, PackStages } from './pack/index';
export { withDefaults, DEFAULT_MAX_FILE_SIZE, type PackRequest, type PackScope } from './pack/request';
export { rootsWithPrefixes } from './scan';
export { DiskFactStore, MemoryFactStore, type FactKind, type FactStore, type FactTypes } from './facts';
export { createTokenCounter, defaultTokenCacheDir, type TokenCounter, type TokenCounterOptions } from './tokenize';
export { outlineSource } from './outline';
export { FocusOutsideRootsError } from './select';
export { matchesQuery, rankFiles, type RankInput, type RankedFile } from './select/rank';
export { readFiles, StatIndex } from './read';
export { folderTotals, type FolderTokens } from './report/folderTotals';
export { contextCounts, countedFile, type ContextCounts, type CountedFile, type CountedFolder } from './report/contextCounts';
export type {
  Encoding,
  FileMode,
  OrderMode,
  OutputFormat,
  PackReport,
  PackStage,
  RedactedFile,
  ReportFile,
  RootPrefix,
  SelectionReason,
  SkipReason,
  SkippedFile,
} from './types';
