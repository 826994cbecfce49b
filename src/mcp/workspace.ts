/**
 * The server's warm state: one PackEngine per set of roots (and encoding), kept between tool
 * calls, so a second call on the same tree re-reads only files whose size or mtime changed.
 * Calls run one at a time: an engine's memos belong to one pack at a time.
 */
import {
  createTokenCounter,
  PackEngine,
  readFiles,
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

export class McpWorkspace {
  private readonly engines = new Map<string, PackEngine>();
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

  /** Stops the token counter's workers. */
  async dispose(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.counter?.dispose();
  }

  private serial<T>(roots: string[], run: (engine: PackEngine, request: PackRequest) => Promise<T>, fields: RequestFields): Promise<{ result: T; stats: CallStats }> {
    const next = this.queue.then(async () => {
      const key = [...roots].sort().join('\0');
      const warm = this.engines.has(key);
      const engine = this.engineFor(key);
      const before = this.filesRead;
      const result = await run(engine, withDefaults({ ...fields, roots, encoding: this.options.encoding }));
      return { result, stats: { filesRead: this.filesRead - before, warm } };
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private engineFor(key: string): PackEngine {
    const existing = this.engines.get(key);
    if (existing) {
      // Most recently used last, so the oldest is the one dropped.
      this.engines.delete(key);
      this.engines.set(key, existing);
      return existing;
    }
    this.counter ??= createTokenCounter({ encoding: this.options.encoding, cacheDir: this.options.cacheDir, workers: 'auto' });
    const engine = new PackEngine({
      tokenCounter: this.counter,
      // Counting what is read from disk makes warmth observable: a warm call reads only changed files.
      stages: {
        readFiles: async (files, readOptions) => {
          const read = await readFiles(files, readOptions);
          this.filesRead += read.files.length;
          return read;
        },
      },
    });
    this.engines.set(key, engine);
    for (const old of this.engines.keys()) {
      if (this.engines.size <= ENGINE_LIMIT) break;
      this.engines.delete(old);
    }
    return engine;
  }
}
