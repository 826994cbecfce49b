import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeWriteFs, WriteFailure, writeFailureOf, writeFileAtomic, type WriteFs } from '../write/atomicWrite';
import { CONTENT_HASH_BYTES } from './contentHash';

/**
 * Shard file layout: MAGIC, then records of (20-byte content hash, uint32 LE count), then the
 * SHA-1 of everything before it. A file that fails any check is ignored as a whole (a miss).
 */
const MAGIC = Buffer.from('TOMETOK1', 'latin1');
const RECORD_BYTES = CONTENT_HASH_BYTES + 4;
const CHECKSUM_BYTES = 20;
/** Shards by the hash's first byte's high nibble: few files, and a flush rewrites only some. */
const SHARD_COUNT = 16;
/** Newest records kept per shard (~2.4 MB each at most). */
const MAX_RECORDS_PER_SHARD = 100_000;

/** The shard file (0–15) that holds `hash`. */
export function shardOf(hash: string): number {
  return hash.charCodeAt(0) >> 4;
}

/** Parses one shard file; null when the file is damaged in any way. */
export function decodeShard(bytes: Buffer): Map<string, number> | null {
  const bodyLength = bytes.length - CHECKSUM_BYTES;
  if (bodyLength < MAGIC.length || (bodyLength - MAGIC.length) % RECORD_BYTES !== 0) return null;
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const checksum = createHash('sha1').update(bytes.subarray(0, bodyLength)).digest();
  if (!checksum.equals(bytes.subarray(bodyLength))) return null;
  const out = new Map<string, number>();
  for (let at = MAGIC.length; at < bodyLength; at += RECORD_BYTES) {
    out.set(bytes.toString('latin1', at, at + CONTENT_HASH_BYTES), bytes.readUInt32LE(at + CONTENT_HASH_BYTES));
  }
  return out;
}

/** Serializes records (in insertion order) into the shard layout. */
export function encodeShard(records: ReadonlyMap<string, number>): Buffer {
  const body = Buffer.alloc(MAGIC.length + records.size * RECORD_BYTES);
  MAGIC.copy(body, 0);
  let at = MAGIC.length;
  for (const [hash, count] of records) {
    body.write(hash, at, CONTENT_HASH_BYTES, 'latin1');
    body.writeUInt32LE(count, at + CONTENT_HASH_BYTES);
    at += RECORD_BYTES;
  }
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/**
 * Token counts on disk, keyed by content hash, in a few shard files under `dir`.
 *
 * Safe with concurrent writers (several windows, the CLI): a flush re-reads the shard, merges,
 * writes a temporary file and renames it over the old one, so readers see a whole old or a whole
 * new file. When two flushes race, the last rename wins and the other's new entries are simply
 * counted again later. Damaged or unreadable files are treated as empty. A write that fails (a
 * full or read-only disk) leaves the old shard whole and is kept in {@link lastWriteFailure}, for
 * the caller to say once; counting goes on without the cache.
 */
export class DiskTokenCache {
  private readonly pending = new Map<number, Map<string, number>>();
  private failure: WriteFailure | undefined;

  constructor(
    private readonly dir: string,
    private readonly fs: WriteFs = nodeWriteFs,
  ) {}

  /** The last write that failed since the cache was made, if any. */
  get lastWriteFailure(): WriteFailure | undefined {
    return this.failure;
  }

  /** Every entry on disk (damaged shards skipped). */
  async load(): Promise<Map<string, number>> {
    const all = new Map<string, number>();
    const shards = await Promise.all(
      Array.from({ length: SHARD_COUNT }, (_, i) => this.readShard(i)),
    );
    for (const shard of shards) for (const [hash, count] of shard) all.set(hash, count);
    return all;
  }

  /** Queues an entry for the next flush. */
  add(hash: string, count: number): void {
    const shard = shardOf(hash);
    let entries = this.pending.get(shard);
    if (!entries) this.pending.set(shard, (entries = new Map()));
    entries.set(hash, count);
  }

  /** True when entries wait to be written. */
  get dirty(): boolean {
    return this.pending.size > 0;
  }

  /** Writes queued entries; on failure (read-only disk, full disk) they are dropped and the failure kept. */
  async flush(): Promise<void> {
    const work = [...this.pending];
    this.pending.clear();
    if (work.length === 0) return;
    try {
      await mkdir(this.dir, { recursive: true });
    } catch (error) {
      this.failure = writeFailureOf(error, this.dir);
      return;
    }
    await Promise.all(work.map(([shard, entries]) => this.writeShard(shard, entries)));
  }

  private shardPath(shard: number): string {
    return join(this.dir, `tokens-${shard.toString(16)}.bin`);
  }

  private async readShard(shard: number): Promise<Map<string, number>> {
    try {
      return decodeShard(await readFile(this.shardPath(shard))) ?? new Map();
    } catch {
      return new Map();
    }
  }

  private async writeShard(shard: number, entries: Map<string, number>): Promise<void> {
    const merged = await this.readShard(shard);
    for (const [hash, count] of entries) {
      merged.delete(hash);
      merged.set(hash, count);
    }
    let records = merged;
    if (merged.size > MAX_RECORDS_PER_SHARD) {
      records = new Map([...merged].slice(merged.size - MAX_RECORDS_PER_SHARD));
    }
    try {
      await writeFileAtomic(this.shardPath(shard), encodeShard(records), this.fs);
    } catch (error) {
      if (error instanceof WriteFailure) this.failure = error;
    }
  }
}
