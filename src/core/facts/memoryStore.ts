import type { FactKind, FactStore, FactTypes } from './index';

interface Entry {
  value: unknown;
  /** The pack that last read or wrote the entry. */
  generation: number;
}

/**
 * Facts not asked for in this many packs are forgotten. Interleaved callers (status bar,
 * context view, the question) each touch what they pack, so a few packs of one do not drop
 * another's facts; old versions of edited files go once nothing reads them.
 */
export const RETAINED_PACKS = 16;

/** The in-memory {@link FactStore} of one engine. */
export class MemoryFactStore implements FactStore {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(private readonly retainedPacks = RETAINED_PACKS) {}

  get<K extends FactKind>(kind: K, hash: string, params: string): FactTypes[K] | undefined {
    const entry = this.entries.get(keyOf(kind, hash, params));
    if (entry === undefined) return undefined;
    entry.generation = this.generation;
    return entry.value as FactTypes[K];
  }

  set<K extends FactKind>(kind: K, hash: string, params: string, value: FactTypes[K]): void {
    this.entries.set(keyOf(kind, hash, params), { value, generation: this.generation });
  }

  beginPack(): void {
    this.generation++;
  }

  endPack(): void {
    const oldest = this.generation - this.retainedPacks + 1;
    for (const [key, entry] of this.entries) if (entry.generation < oldest) this.entries.delete(key);
  }

  /** Facts held, for tests and diagnostics. */
  get size(): number {
    return this.entries.size;
  }
}

function keyOf(kind: FactKind, hash: string, params: string): string {
  return `${kind}\0${hash}\0${params}`;
}
