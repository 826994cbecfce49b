/**
 * Facts about one file's content, remembered between packs. Each fact is a pure function of the
 * file's bytes (its content hash) and of a few parameters that name what else it depends on, so
 * one store serves every caller of a long-lived engine (status bar, context view, the question)
 * without their packs evicting each other, and a persistent backend can later serve the same keys.
 */
import type { FileFacts } from '../graph/facts';
import type { RedactionSpan } from '../redact/findings';
import type { DeclarationFacts } from '../select/fileFacts';

/** A file's redacted text and what redaction replaced (see src/core/redact). */
export interface RedactionFact {
  text: string;
  redactions: number;
  redactionKinds: Record<string, number>;
}

/** The exact token count of a rendered file block, and the block's length as a check. */
export interface BlockTokensFact {
  /** The block's length in UTF-16 units: a block rendered otherwise than counted does not match. */
  length: number;
  tokens: number;
  /**
   * True when `tokens` is only a lower bound: the count of a prefix that proved the block over a
   * budgeted pack's limit (see countBlocksWithin). Such a fact never stands in for a count.
   */
  atLeast?: true;
}

/** A rendered file block and its exact token count. */
export interface BlockFact {
  /** The body the block was rendered from, to check the key's promise before trusting it. */
  body: string;
  block: string;
  tokens: number;
}

/**
 * The kinds of fact, each with its value and the parameters of its key:
 * - `redaction`: params = the file's path (redaction rules read the name: `.env`, key files).
 * - `findings`: where redaction replaced what in the decoded text (params = the path, as for
 *   `redaction`); kept on disk in place of the redacted text, which the read stage has anyway.
 * - `imports`: params = the import language (family and grammar) the path gives; null = unparsable.
 * - `outline`: params = the file's path (the outliner picks the language by name); null = no outline.
 * - `block`: params = format, renderer variant, mode and path, which the block text holds, and
 *   the encoding of its count.
 * - `blockTokens`: the same params; the count alone, kept on disk, so a warm pack in a new
 *   process neither hashes nor counts an unchanged file's block.
 * - `declarations`: params = '' (the names a text declares do not depend on its path); what
 *   selection reads from a text whatever the question (see select/fileFacts).
 */
export interface FactTypes {
  redaction: RedactionFact;
  findings: readonly RedactionSpan[];
  imports: FileFacts;
  outline: string | null;
  block: BlockFact;
  blockTokens: BlockTokensFact;
  declarations: DeclarationFacts;
}

/** One kind of fact. */
export type FactKind = keyof FactTypes;

/**
 * Where facts live. `hash` is the content hash of the file's raw bytes (see ReadFile.hash).
 * Values are plain JSON-able data, so a backend may keep them on disk. `get` and `set` are
 * synchronous, as they are called per file in tight loops: a disk backend loads what it holds up
 * front (as the token disk cache loads its shards) and writes behind, at `endPack`.
 */
export interface FactStore {
  get<K extends FactKind>(kind: K, hash: string, params: string): FactTypes[K] | undefined;
  set<K extends FactKind>(kind: K, hash: string, params: string, value: FactTypes[K]): void;
  /** Marks the start of a pack, so the store can tell which facts are still in use. */
  beginPack(): void;
  /** Marks the end of a pack: a store may now forget facts no recent pack asked for. */
  endPack(): void;
}

export { MemoryFactStore } from './memoryStore';
export { DiskFactStore, FACTS_FILE, RETAINED_RUNS as RETAINED_FACT_RUNS, type DiskFactCounts } from './diskStore';
export { cacheScopeOf, scopedFileName } from './scope';
