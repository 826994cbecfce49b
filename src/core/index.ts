/**
 * The door into core for the layers above it: the CLI, the extension, the chat logic and the MCP
 * server import core only from here (a lint zone enforces it). What is exported here is the
 * pipeline's public surface; everything else in src/core is free to change shape.
 */

/** Packing: the engine, its request, options and result, and its errors. */
export { PackEngine, PackError, isAbortError, pack, packResultOf, SavedPacks } from './pack/index';
export type { PackDeps, PackErrorCode, PackOptions, PackProblem, PackResult, PackStages } from './pack/index';
export { withDefaults, DEFAULT_MAX_FILE_SIZE, type PackRequest, type PackScope } from './pack/request';
/** What an engine remembers between packs: facts about file contents, keyed by content hash. */
export { cacheScopeOf, DiskFactStore, MemoryFactStore, type FactKind, type FactStore, type FactTypes } from './facts';
/** Each root with the prefix its paths carry in a multi-root report (`api/`, `api-2/`). */
export { rootPrefixes, rootsWithPrefixes } from './scan';
/** Packing off the main thread (the extension's engine), and what its worker reports back. */
export { WorkerPackEngine } from './pack/worker/workerEngine';
export type { CacheWriteFailure } from './pack/worker/protocol';
/** Packing in parts that each fit a token budget (`tome pack --split`). */
export { packInParts, type PackPart, type SplitResult } from './split';

/** The report's vocabulary: what a pack returns and the stages it reports progress for. */
export type {
  Encoding,
  FileMode,
  OrderMode,
  OutputFormat,
  PackReport,
  PackStage,
  PackWarning,
  ProgressEvent,
  RedactedFile,
  ReportFile,
  RootPrefix,
  SelectionReason,
  SkipReason,
  SkippedFile,
} from './types';
export { folderTotals, type FolderTokens } from './report/folderTotals';
export { contextCounts, countedFile, type ContextCounts, type CountedFile, type CountedFolder } from './report/contextCounts';
export { formatExplainTable } from './select';

/** The import graph of a set of roots, and its Graphviz text (`tome graph`). */
export { graphOfRoots, type RootsGraph } from './pack/graph';
export { graphToDot } from './graph/dot';

/** Single stages the MCP tools call directly: token counting, reading, outlines and ranking. */
export { createTokenCounter, defaultTokenCacheDir, type TokenCounter, type TokenCounterOptions } from './tokenize';
export { outlineSource } from './outline';
export { FocusOutsideRootsError } from './select';
export { matchesQuery, rankFiles, type RankInput, type RankedFile } from './select/rank';
export { readFiles, StatIndex } from './read';

/** tome.config.json: finding, reading, merging and writing a project's packing rules. */
export {
  CONFIG_FILE_NAME,
  ConfigError,
  configTextWithPreset,
  configTextWithoutPreset,
  configTextWithPresetRenamed,
  findConfigFile,
  loadProjectConfig,
  mergeConfig,
  readConfigFile,
  starterConfigText,
  withProjectConfig,
  steeringRules,
  withSteering,
  type ConfigPreset,
  type PresetEdit,
  type SteeringRules,
  type ConfigProblem,
  type ModeRule,
  type TomeConfig,
} from './config';

/** Git: diffs and logs to pack, remote clones, and git's failures as data. */
export {
  defaultBaseBranch,
  GitError,
  isInsideWorkTree,
  parseRemoteSpec,
  withRemoteClone,
  type DiffSpec,
  type GitProblem,
  type GitRequest,
} from './git';

/** Writing files so a crash never leaves half of one (packed output, stored chats). */
export { nodeWriteFs, WriteFailure, writeFileAtomic, type WriteData, type WriteFailureKind, type WriteFs } from './write/atomicWrite';
export { piecesOf } from './write/pieces';
