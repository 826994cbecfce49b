import type { FactStore } from '../facts';
import type { Renderer } from '../render';
import type { TokenCounter } from '../tokenize/counter';
import type { RedactedFile } from '../types';
import { countBlocks, type CountedBlocks } from './blocks';
import type { PackClock } from './clock';

/** What counting full blocks needs of the pack. */
export interface FullCountsDeps {
  renderer: Renderer;
  counter: TokenCounter;
  facts: FactStore;
  clock: PackClock;
}

interface Batch {
  paths: string[];
  counted: Promise<CountedBlocks>;
}

/**
 * Every file's full block, rendered and counted (what selection prices files by, when there is no
 * budget), started file by file as the read stage redacts them. The token workers then count while
 * this thread still reads and redacts the rest, instead of waiting for the whole tree; counts are
 * exact either way, so the result is the same as counting after the read.
 */
export class FullBlockCounts {
  private readonly batches: Batch[] = [];
  private readonly added = new Set<string>();
  private stage: Promise<Map<string, number>> | null = null;
  private settle: ((work: Promise<Map<string, number>>) => void) | null = null;

  constructor(private readonly deps: FullCountsDeps) {}

  /** Starts counting the blocks of `files` (freshly redacted, say); a path given twice counts once. */
  add(files: readonly RedactedFile[]): void {
    const fresh = files.filter((f) => !this.added.has(f.path));
    if (fresh.length === 0) return;
    this.startStage();
    for (const f of fresh) this.added.add(f.path);
    const { renderer, counter, facts, clock } = this.deps;
    const requests = fresh.map((f) => ({ path: f.path, mode: 'full' as const, body: f.text, hash: f.hash }));
    const counted = countBlocks(renderer, requests, counter, facts, { signal: clock.signal });
    // Seen by finish(); a batch that fails before then (a cancelled pack) is not unhandled meanwhile.
    counted.catch(() => undefined);
    this.batches.push({ paths: fresh.map((f) => f.path), counted });
  }

  /**
   * The full-block count of each of `files`, keyed by path: those not added yet are counted now,
   * and what was added for files no longer among them is dropped. Timed as the `tokenize` stage,
   * from the first file added.
   */
  finish(files: readonly RedactedFile[]): Promise<Map<string, number>> {
    this.add(files);
    this.startStage();
    this.settle?.(this.collect(files));
    return this.stage as Promise<Map<string, number>>;
  }

  private startStage(): void {
    if (this.stage) return;
    const settled = new Promise<Map<string, number>>((resolve) => {
      this.settle = resolve;
    });
    this.stage = this.deps.clock.time('tokenize', () => settled, true);
  }

  private async collect(files: readonly RedactedFile[]): Promise<Map<string, number>> {
    const { clock } = this.deps;
    const total = this.batches.reduce((sum, b) => sum + b.paths.length, 0);
    const counts = new Map<string, number>();
    clock.progress('tokenize', 0, total);
    for (const batch of this.batches) {
      const { tokens } = await batch.counted;
      clock.checkpoint();
      batch.paths.forEach((path, i) => counts.set(path, tokens[i] ?? 0));
      clock.progress('tokenize', counts.size, total);
    }
    return new Map(files.map((f) => [f.path, counts.get(f.path) ?? 0]));
  }
}
