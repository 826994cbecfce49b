import { MemoryFactStore, type FactStore } from '../facts';
import { RETAINED_PACKS } from '../facts/memoryStore';
import type { FileOrder } from '../order';
import type { PreviousPlacement } from '../select';
import type { ImportGraph, ReadFile } from '../types';
import type { FixedParts } from './fixedParts';

/** What a file looked like when last read: enough to tell, from a scan, that it did not change. */
export type StatEntry = Omit<ReadFile, 'text'>;

/**
 * absPath → the file as last read (size, mtime, content hash). A file whose size and mtime match
 * is not read again: its text comes from the redaction fact of its hash. Entries no pack has
 * looked at for {@link RETAINED_PACKS} packs are dropped (deleted files, other roots).
 */
export class StatIndex {
  private readonly entries = new Map<string, { stat: StatEntry; generation: number }>();
  private generation = 0;

  get(absPath: string): StatEntry | undefined {
    const entry = this.entries.get(absPath);
    if (entry === undefined) return undefined;
    entry.generation = this.generation;
    return entry.stat;
  }

  set(stat: StatEntry): void {
    this.entries.set(stat.absPath, { stat, generation: this.generation });
  }

  delete(absPath: string): void {
    this.entries.delete(absPath);
  }

  beginPack(): void {
    this.generation++;
  }

  endPack(): void {
    const oldest = this.generation - RETAINED_PACKS + 1;
    for (const [key, entry] of this.entries) if (entry.generation < oldest) this.entries.delete(key);
  }
}

/**
 * A small memo of the last few results by key. Callers interleave on one engine (status bar,
 * context view, the question), so one slot would be evicted by each of them in turn.
 */
export class RecentMemo<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 8) {}

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Refresh: the most recently used entry is the last one dropped.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }
}

/**
 * Everything a long-lived engine remembers between packs, in one place. Facts about file
 * contents live in the content-addressed {@link FactStore}; the rest are memos of whole-pack
 * results, each with one key (see ARCHITECTURE.md):
 * - `stats`: absolute path → size, mtime and hash of the last read;
 * - `graphs`: roots, every file's path and content hash, and the config files read for it;
 * - `orders`: order mode, the ordered paths and every in-tree import edge;
 * - `fixedParts`: format and variant, budget, the ordered paths and the context sections;
 * - `selections`: the whole request with its resolved focus (what a byte-stable follow-up needs).
 */
export class EngineState {
  readonly stats = new StatIndex();
  readonly graphs = new RecentMemo<ImportGraph>(4);
  readonly orders = new RecentMemo<FileOrder>(4);
  readonly fixedParts = new RecentMemo<FixedParts>(8);
  readonly selections = new RecentMemo<Map<string, PreviousPlacement>>(8);

  constructor(readonly facts: FactStore = new MemoryFactStore()) {}

  beginPack(): void {
    this.facts.beginPack();
    this.stats.beginPack();
  }

  endPack(): void {
    this.facts.endPack();
    this.stats.endPack();
  }
}
