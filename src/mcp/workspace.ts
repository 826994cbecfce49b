/**
 * The server's warm state: one PackEngine per set of roots (and encoding), kept between tool
 * calls, so a second call on the same tree re-reads only files whose size or mtime changed.
 * With a cache folder, each engine also has that tree's stat index and facts store on disk (the
 * files `tome pack` uses), so the first call of a new server does not hash, parse or scan for
 * secrets what an earlier run already learnt.
 * Calls run one at a time: an engine's memos belong to one pack at a time.
 */
import {
  cacheScopeOf,
  createTokenCounter,
  DiskFactStore,
  PackEngine,
  readFiles,
  StatIndex,
  withDefaults,
  type Encoding,
  type PackRequest,
  type PackResult,
  type RedactedFile,
  type SkippedFile,
  type TokenCounter,
} from '../core';

/** Engines kept at once; a model switching between a few folders keeps each warm. */
const ENGINE_LIMIT = 4;

/** What one call cost: files read from disk (0 when served warm: only new or changed files are read). */
export interface CallStats {
  filesRead: number;
  /** True when an engine for these roots already existed before this call. */
  warm: boolean;
}

/** Options of {@link McpWorkspace}. */
export interface WorkspaceOptions {
  /** The workspace roots, asked for on every call (they may change while the server runs). */
  roots: () => Promise<string[]>;
  /** Token cache folder, or null for memory only. */
  cacheDir: string | null;
  encoding: Encoding;
}

/** A pack request over `roots` with the server's defaults (the settings a CLI user would pass). */
export type RequestFields = Partial<Omit<PackRequest, 'roots' | 'encoding'>>;

/** One warm engine and the on-disk stores it was given (none without a cache folder). */
interface WarmEngine {
  engine: PackEngine;
  statIndex?: StatIndex;
  facts?: DiskFactStore;
}

export class McpWorkspace {
  private readonly engines = new Map<string, WarmEngine>();
  private counter: TokenCounter | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private filesRead = 0;

  constructor(private readonly options: WorkspaceOptions) {}

  /** The current workspace roots. */
  roots(): Promise<string[]> {
    return this.options.roots();
  }

  /** A full pack (text and report) of `roots`. */
  pack(roots: string[], fields: RequestFields, signal?: AbortSignal): Promise<{ result: PackResult; stats: CallStats }> {
    return this.serial(roots, (engine, request) => engine.pack(request, { ...(signal ? { signal } : {}) }), fields);
  }

  /** The files a pack of `roots` would hold, read and redacted, and those left out. */
  files(roots: string[], fields: RequestFields, signal?: AbortSignal): Promise<{ result: { files: RedactedFile[]; skipped: SkippedFile[] }; stats: CallStats }> {
    return this.serial(roots, (engine, request) => engine.files(request, { ...(signal ? { signal } : {}) }), fields);
  }

  /** Resolves when no call is running or queued. */
  async whenIdle(): Promise<void> {
    for (let seen = this.queue; ; seen = this.queue) {
      await seen.catch(() => undefined);
      if (seen === this.queue) return;
    }
  }

  /** Saves what the engines learnt to disk and stops the token counter's workers. */
  async dispose(): Promise<void> {
    await this.queue.catch(() => undefined);
    await Promise.all([...this.engines.values()].map((warm) => closeStores(warm)));
    this.engines.clear();
    await this.counter?.dispose();
  }

  private serial<T>(roots: string[], run: (engine: PackEngine, request: PackRequest) => Promise<T>, fields: RequestFields): Promise<{ result: T; stats: CallStats }> {
    const next = this.queue.then(async () => {
      const key = [...roots].sort().join('\0');
      const warm = this.engines.has(key);
      const entry = await this.engineFor(key, roots);
      const before = this.filesRead;
      try {
        const result = await run(entry.engine, withDefaults({ ...fields, roots, encoding: this.options.encoding }));
        return { result, stats: { filesRead: this.filesRead - before, warm } };
      } finally {
        // Saving is a no-op when nothing changed; a server that is killed keeps what it learnt.
        await entry.statIndex?.save();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async engineFor(key: string, roots: string[]): Promise<WarmEngine> {
    const existing = this.engines.get(key);
    if (existing) {
      // Most recently used last, so the oldest is the one dropped.
      this.engines.delete(key);
      this.engines.set(key, existing);
      return existing;
    }
    const { cacheDir } = this.options;
    this.counter ??= createTokenCounter({ encoding: this.options.encoding, cacheDir, workers: 'auto' });
    // The same per-tree files as `tome pack` on these roots (one file per set of roots).
    const scope = cacheScopeOf(roots);
    const statIndex = cacheDir === null ? undefined : await StatIndex.open(cacheDir, undefined, scope);
    const facts = cacheDir === null ? undefined : await DiskFactStore.open(cacheDir, { scope, writeBehind: true });
    const engine = new PackEngine({
      tokenCounter: this.counter,
      ...(facts ? { facts } : {}),
      // Counting what is read from disk makes warmth observable: a warm call reads only changed files.
      stages: {
        readFiles: async (files, readOptions) => {
          const read = await readFiles(files, { ...readOptions, ...(statIndex ? { statIndex } : {}) });
          this.filesRead += read.files.length;
          return read;
        },
      },
    });
    const entry: WarmEngine = { engine, ...(statIndex ? { statIndex } : {}), ...(facts ? { facts } : {}) };
    this.engines.set(key, entry);
    for (const [oldKey, old] of this.engines) {
      if (this.engines.size <= ENGINE_LIMIT) break;
      this.engines.delete(oldKey);
      void closeStores(old);
    }
    return entry;
  }
}

/** Writes an engine's stat index and facts (a failed write only costs speed next time). */
async function closeStores(warm: WarmEngine): Promise<void> {
  await Promise.all([warm.statIndex?.save(), warm.facts?.close()]).catch(() => undefined);
}
