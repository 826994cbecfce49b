/**
 * A {@link FactStore} that keeps the facts worth keeping across processes on disk, in one file
 * beside the token cache: import facts and outlines, which cost a parse per file, declaration
 * facts, which cost a pattern pass over the text at every question, and redaction
 * findings (what was replaced where; most files have none), which cost a secret scan. Redaction
 * and block facts stay in memory: they hold the file's whole text, which the read stage has
 * anyway, and writing every file's text to disk a second time would cost more than it saves.
 *
 * The file is loaded once when the store is opened and written behind: after a pack that learnt
 * something (a few seconds later in a long-lived engine) and on {@link DiskFactStore.close}. It is
 * written whole through a temporary file and a rename, so a crash mid-write leaves the previous
 * file, and checksummed, so a damaged file is ignored as a whole (its facts are computed again).
 *
 * Each kind's entries carry the version of the extractor that made them (see
 * IMPORT_FACTS_VERSION, OUTLINE_FACTS_VERSION, REDACTION_VERSION): after an upgrade that changes an extractor, its
 * old facts are dropped on load. The size is bounded: a fact no run used in the last
 * {@link RETAINED_RUNS} saved runs is forgotten.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { IMPORT_FACTS_VERSION } from '../graph/facts';
import { OUTLINE_FACTS_VERSION } from '../outline/version';
import { REDACTION_VERSION } from '../redact/version';
import { RENDER_VERSION } from '../render/version';
import { DECLARATION_FACTS_VERSION } from '../select/fileFacts';
import { scopedFileName } from './scope';
import { nodeWriteFs, WriteFailure, writeFailureOf, writeFileAtomic, type WriteFs } from '../write/atomicWrite';
import type { FactKind, FactStore, FactTypes } from './index';
import { MemoryFactStore } from './memoryStore';

/** The file name inside the cache folder (with no scope; see {@link DiskFactStore.open}). */
export const FACTS_FILE = 'facts.bin';
/** A fact no saved run used in this many saved runs is dropped. */
export const RETAINED_RUNS = 8;
/** Entries kept at most; the least recently used go first. */
const MAX_ENTRIES = 300_000;
/** A long-lived engine writes this long after the pack that learnt something, not at once. */
const WRITE_BEHIND_MS = 5000;

const MAGIC = Buffer.from('TOMEFCT1', 'latin1');
const CHECKSUM_BYTES = 20;

/**
 * The kinds kept on disk, each with the version of its extractor. Imports and outlines read the
 * redacted text, so the redaction version is part of each.
 */
const PERSISTED_VERSIONS: Partial<Record<FactKind, string>> = {
  findings: `${REDACTION_VERSION}`,
  // A block's text comes from the renderer and its body: the redacted text or the outline.
  // `.b`: rows may be lower bounds (`atLeast`), which a build before them would take for counts.
  blockTokens: `${RENDER_VERSION}.${REDACTION_VERSION}.${OUTLINE_FACTS_VERSION}.b`,
  imports: `${IMPORT_FACTS_VERSION}.${REDACTION_VERSION}`,
  outline: `${OUTLINE_FACTS_VERSION}.${REDACTION_VERSION}`,
  declarations: `${DECLARATION_FACTS_VERSION}.${REDACTION_VERSION}`,
};

/** One persisted fact: [kind, content hash, params, last run that used it, value]. */
type Row = [FactKind, string, string, number, unknown];

/** What the file holds. */
export interface FactsFileContent {
  /** The last run that saved the file. */
  run: number;
  /** The extractor version of each kind, when its rows were written. */
  versions: Partial<Record<FactKind, string>>;
  rows: Row[];
}

/** Serializes the content into the file layout: MAGIC, UTF-8 JSON, the SHA-1 of all before. */
export function encodeFactsFile(content: FactsFileContent): Buffer {
  const body = Buffer.concat([MAGIC, Buffer.from(JSON.stringify(content), 'utf8')]);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/** Parses the file layout; null when it is damaged in any way. */
export function decodeFactsFile(bytes: Buffer): FactsFileContent | null {
  const end = bytes.length - CHECKSUM_BYTES;
  if (end < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  if (!createHash('sha1').update(bytes.subarray(0, end)).digest().equals(bytes.subarray(end))) return null;
  try {
    const content = JSON.parse(bytes.toString('utf8', MAGIC.length, end)) as FactsFileContent;
    if (typeof content.run !== 'number' || !Array.isArray(content.rows) || typeof content.versions !== 'object') return null;
    return content;
  } catch {
    return null;
  }
}

interface Entry {
  kind: FactKind;
  hash: string;
  params: string;
  value: unknown;
  lastRun: number;
}

const keyOf = (kind: FactKind, hash: string, params: string): string => `${kind}\0${hash}\0${params}`;

/** The rows of `content` whose kind is persisted and was written by today's extractor. */
function currentEntries(content: FactsFileContent | null): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  if (content === null) return entries;
  for (const [kind, hash, params, lastRun, value] of content.rows) {
    const version = PERSISTED_VERSIONS[kind];
    if (version === undefined || content.versions[kind] !== version) continue;
    entries.set(keyOf(kind, hash, params), { kind, hash, params, value, lastRun });
  }
  return entries;
}

/** How the store answered since it was opened (for the bench and tests). */
export interface DiskFactCounts {
  /** Facts loaded from the file when opened. */
  loaded: number;
  /** Persisted-kind lookups answered. */
  hits: number;
  /** Persisted-kind lookups not answered. */
  misses: number;
}

/** The facts store of one cache folder; see the file comment. */
export class DiskFactStore implements FactStore {
  private readonly memory = new MemoryFactStore();
  private readonly counts: DiskFactCounts = { loaded: 0, hits: 0, misses: 0 };
  private dirty = false;
  private failure: WriteFailure | undefined;
  private saving: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The facts on disk and those learnt since; null until the first lookup reads the file. */
  private loadedEntries: Map<string, Entry> | null = null;
  /** This run's number: one past the last saved run (known once the file is read). */
  private run = 1;

  private constructor(
    private readonly path: string,
    private readonly fs: WriteFs,
    /** Write behind a few seconds after a pack (long-lived engines) rather than only on close. */
    private readonly writeBehind: boolean,
  ) {}

  /**
   * The store in `dir`; a missing, unreadable or damaged file gives an empty store. The file is
   * read on the first lookup, not here: a run answered by a saved pack looks nothing up, and the
   * facts of a large tree take long to decode (100k files: 55 MB, about a second and 500 MB).
   * @param options.writeBehind also write a few seconds after each pack that learnt something
   *   (for long-lived engines); otherwise only {@link close} writes.
   * @param options.scope keep the facts of one tree in their own file (see cacheScopeOf), so a
   *   run over a small tree does not load and rewrite the facts of every tree ever packed.
   */
  static async open(dir: string, options: { fs?: WriteFs; writeBehind?: boolean; scope?: string } = {}): Promise<DiskFactStore> {
    const path = join(dir, scopedFileName(FACTS_FILE, options.scope));
    return new DiskFactStore(path, options.fs ?? nodeWriteFs, options.writeBehind === true);
  }

  /** The entries, read from the file on first use. */
  private get entries(): Map<string, Entry> {
    if (this.loadedEntries === null) {
      const content = readContent(this.path);
      this.loadedEntries = currentEntries(content);
      this.run = (content?.run ?? 0) + 1;
      this.counts.loaded = this.loadedEntries.size;
    }
    return this.loadedEntries;
  }

  /** Lookup outcomes so far (reading the file, if no lookup has yet). */
  get lookups(): Readonly<DiskFactCounts> {
    void this.entries;
    return this.counts;
  }

  /** The last failed write, if any (the store is only a speed-up: packing goes on without it). */
  get lastWriteFailure(): WriteFailure | undefined {
    return this.failure;
  }

  get<K extends FactKind>(kind: K, hash: string, params: string): FactTypes[K] | undefined {
    if (PERSISTED_VERSIONS[kind] === undefined) return this.memory.get(kind, hash, params);
    const entry = this.entries.get(keyOf(kind, hash, params));
    if (entry === undefined) {
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    // A fact still in use is written again before it would age out, even by runs that learnt nothing.
    if (entry.lastRun <= this.run - RETAINED_RUNS / 2) this.dirty = true;
    entry.lastRun = this.run;
    return entry.value as FactTypes[K];
  }

  set<K extends FactKind>(kind: K, hash: string, params: string, value: FactTypes[K]): void {
    if (PERSISTED_VERSIONS[kind] === undefined) return this.memory.set(kind, hash, params, value);
    this.entries.set(keyOf(kind, hash, params), { kind, hash, params, value, lastRun: this.run });
    this.dirty = true;
  }

  beginPack(): void {
    this.memory.beginPack();
  }

  endPack(): void {
    this.memory.endPack();
    if (!this.writeBehind || !this.dirty || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, WRITE_BEHIND_MS);
    // A pending write-behind must not keep a process alive; close() writes what is left.
    this.timer.unref?.();
  }

  /** Writes what was learnt, if anything; a failed write is kept in {@link lastWriteFailure}. */
  flush(): Promise<void> {
    this.saving = this.saving.then(() => this.save());
    return this.saving;
  }

  /** Writes what is left to write; the store stays usable. */
  async close(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const run = this.run;
    // Another process (a second window, the CLI) may have saved since: keep what it learnt too.
    const onDisk = readContent(this.path);
    for (const [key, entry] of currentEntries(onDisk)) if (!this.entries.has(key)) this.entries.set(key, entry);
    const savedRun = Math.max(run, onDisk?.run ?? 0);
    this.prune(savedRun);
    const rows: Row[] = [];
    for (const e of this.entries.values()) rows.push([e.kind, e.hash, e.params, e.lastRun, e.value]);
    try {
      await mkdir(join(this.path, '..'), { recursive: true });
      await writeFileAtomic(this.path, encodeFactsFile({ run: savedRun, versions: PERSISTED_VERSIONS, rows }), this.fs);
      // Later lookups belong to the next run, so what they use counts as used again.
      this.run = savedRun + 1;
    } catch (error) {
      this.failure = error instanceof WriteFailure ? error : writeFailureOf(error, this.path);
    }
  }

  /** Drops facts no run used in the last {@link RETAINED_RUNS} runs, then the oldest beyond the cap. */
  private prune(run: number): void {
    const oldest = run - RETAINED_RUNS + 1;
    for (const [key, entry] of this.entries) if (entry.lastRun < oldest) this.entries.delete(key);
    if (this.entries.size <= MAX_ENTRIES) return;
    const byAge = [...this.entries].sort((a, b) => b[1].lastRun - a[1].lastRun);
    for (const [key] of byAge.slice(MAX_ENTRIES)) this.entries.delete(key);
  }
}

/** The facts file's content; decoding is synchronous anyway, so the read is too. */
function readContent(path: string): FactsFileContent | null {
  try {
    return decodeFactsFile(readFileSync(path));
  } catch {
    // No file yet, or one that cannot be read: start empty.
    return null;
  }
}
