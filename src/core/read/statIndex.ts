/**
 * What the read stage learnt about each file, keyed by absolute path and trusted only while the
 * file's stat (size, mtime, ctime, inode) is unchanged, as git's index does: an unchanged file is
 * not hashed or sniffed again, and a binary one is not even read.
 *
 * Racy-git rule: a stat says nothing about edits made within the file system's timestamp
 * granularity of the moment the stat was taken (an edit in the same second on a coarse clock
 * keeps size, mtime and ctime). So an entry is trusted only when the file's mtime is older than
 * both the index file's own write time (git's rule) and, by a margin wider than the coarsest
 * common timestamp (FAT's 2 s), the moment the file was read. Anything else is read and hashed
 * again, which is always correct, merely slower. ctime is compared, not used for that rule: it
 * catches tools that write content and then restore an old mtime.
 *
 * Kept in one file beside the token cache, written whole through a temporary file and a rename
 * (see atomicWrite.ts) and checksummed: a damaged file is ignored as a whole, a crash mid-write
 * leaves the previous index.
 */
import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { scopedFileName } from '../facts/scope';
import { nodeWriteFs, WriteFailure, writeFailureOf, writeFileAtomic, type WriteFs } from '../write/atomicWrite';

/** The stat fields that must all match for an entry to apply. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What is remembered of a file with a given stamp. */
export interface StatEntry extends FileStamp {
  /** Hex SHA-1 of the bytes; null for a file found binary. */
  hash: string | null;
  invalidUtf8: boolean;
}

/** How lookups went since the index was opened (for the bench and tests). */
export interface StatIndexCounts {
  /** Unchanged and trusted: not hashed again. */
  trusted: number;
  /** Unchanged stat but changed too recently to trust: hashed again. */
  racy: number;
  /** Not in the index, or its stat changed. */
  missed: number;
}

/** The file name inside the cache folder. */
export const STAT_INDEX_FILE = 'stat-index.bin';
/** Wider than the coarsest timestamp granularity in common use (FAT: 2 s). */
export const RACY_MARGIN_MS = 3000;
/** Entries kept; the least recently recorded go first. */
const MAX_ENTRIES = 500_000;

const MAGIC = Buffer.from('TOMESTA1', 'latin1');
const CHECKSUM_BYTES = 20;
const HASH_BYTES = 20;
/** size, mtimeMs, ctimeMs, ino as float64, a flags byte, the hash. */
const FIXED_BYTES = 4 * 8 + 1 + HASH_BYTES;
const FLAG_BINARY = 1;
const FLAG_INVALID_UTF8 = 2;

const sameStamp = (a: FileStamp, b: FileStamp): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** Serializes entries (in their order) into the file layout: MAGIC, records, SHA-1 of all before. */
export function encodeStatIndex(entries: ReadonlyMap<string, StatEntry>): Buffer {
  const parts: Buffer[] = [MAGIC];
  for (const [path, e] of entries) {
    const name = Buffer.from(path, 'utf8');
    const record = Buffer.alloc(4 + name.length + FIXED_BYTES);
    let at = record.writeUInt32LE(name.length, 0);
    at += name.copy(record, at);
    for (const n of [e.size, e.mtimeMs, e.ctimeMs, e.ino]) at = record.writeDoubleLE(n, at);
    at = record.writeUInt8((e.hash === null ? FLAG_BINARY : 0) | (e.invalidUtf8 ? FLAG_INVALID_UTF8 : 0), at);
    if (e.hash !== null) record.write(e.hash, at, HASH_BYTES, 'hex');
    parts.push(record);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/** Parses the file layout; null when it is damaged in any way. */
export function decodeStatIndex(bytes: Buffer): Map<string, StatEntry> | null {
  const end = bytes.length - CHECKSUM_BYTES;
  if (end < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  if (!createHash('sha1').update(bytes.subarray(0, end)).digest().equals(bytes.subarray(end))) return null;
  const entries = new Map<string, StatEntry>();
  let at = MAGIC.length;
  while (at < end) {
    if (at + 4 > end) return null;
    const nameLength = bytes.readUInt32LE(at);
    at += 4;
    if (at + nameLength + FIXED_BYTES > end) return null;
    const path = bytes.toString('utf8', at, at + nameLength);
    at += nameLength;
    const [size, mtimeMs, ctimeMs, ino] = [0, 1, 2, 3].map((k) => bytes.readDoubleLE(at + k * 8)) as [number, number, number, number];
    const flags = bytes.readUInt8(at + 32);
    const hash = flags & FLAG_BINARY ? null : bytes.toString('hex', at + 33, at + 33 + HASH_BYTES);
    entries.set(path, { size, mtimeMs, ctimeMs, ino, hash, invalidUtf8: (flags & FLAG_INVALID_UTF8) !== 0 });
    at += FIXED_BYTES;
  }
  return entries;
}

/** The stat index of one cache folder; see the file comment for when an entry is trusted. */
export class StatIndex {
  private readonly counts: StatIndexCounts = { trusted: 0, racy: 0, missed: 0 };
  private changed = false;
  private failure: WriteFailure | undefined;

  private constructor(
    private readonly path: string,
    private readonly entries: Map<string, StatEntry>,
    /** The loaded file's mtime: entries changed at or after it are racy. */
    private readonly writtenAtMs: number,
    private readonly fs: WriteFs,
  ) {}

  /**
   * Loads the index in `dir`; a missing, unreadable or damaged file gives an empty index.
   * `scope` (see cacheScopeOf) keeps one tree's entries in their own file.
   */
  static async open(dir: string, fs: WriteFs = nodeWriteFs, scope?: string): Promise<StatIndex> {
    const path = join(dir, scopedFileName(STAT_INDEX_FILE, scope));
    try {
      const handle = await open(path, 'r');
      try {
        // The file's own mtime, from the same clock as the files' stamps (git compares the same two).
        const { mtimeMs } = await handle.stat();
        const entries = decodeStatIndex(await handle.readFile());
        if (entries !== null) return new StatIndex(path, entries, mtimeMs, fs);
      } finally {
        await handle.close();
      }
    } catch {
      // No index yet, or one that cannot be read: start empty.
    }
    return new StatIndex(path, new Map(), 0, fs);
  }

  /** Files the index knows (0 for a tree never packed with it). */
  get size(): number {
    return this.entries.size;
  }

  /** Lookup outcomes so far. */
  get lookups(): Readonly<StatIndexCounts> {
    return this.counts;
  }

  /** The last failed save, if any (the index is only a speed-up: packing goes on without it). */
  get lastWriteFailure(): WriteFailure | undefined {
    return this.failure;
  }

  /** What is known of `absPath` with this exact stamp, or undefined when it must be read and hashed. */
  lookup(absPath: string, stamp: FileStamp): StatEntry | undefined {
    const entry = this.entries.get(absPath);
    if (entry === undefined || !sameStamp(entry, stamp)) {
      this.counts.missed++;
      return undefined;
    }
    if (entry.mtimeMs >= this.writtenAtMs) {
      this.counts.racy++;
      return undefined;
    }
    this.counts.trusted++;
    return entry;
  }

  /**
   * What the index vouches for now, as {@link lookup} but without counting: the entry of this
   * exact stamp, when it is not racy.
   */
  vouch(absPath: string, stamp: FileStamp): StatEntry | undefined {
    const entry = this.entries.get(absPath);
    return entry !== undefined && sameStamp(entry, stamp) && entry.mtimeMs < this.writtenAtMs ? entry : undefined;
  }

  /**
   * The entry of this exact stamp, racy or not: what the index will vouch for once saved, since
   * an entry is only recorded when its file changed well before it was read (see {@link record}).
   */
  known(absPath: string, stamp: FileStamp): StatEntry | undefined {
    const entry = this.entries.get(absPath);
    return entry !== undefined && sameStamp(entry, stamp) ? entry : undefined;
  }

  /**
   * Remembers what reading `absPath` found. `readAtMs` is when its stat was taken: a file changed
   * within {@link RACY_MARGIN_MS} of it is not remembered, since a same-tick edit could follow.
   */
  record(absPath: string, entry: StatEntry, readAtMs: number): void {
    const previous = this.entries.get(absPath);
    this.entries.delete(absPath);
    if (entry.mtimeMs >= readAtMs - RACY_MARGIN_MS) {
      if (previous !== undefined) this.changed = true;
      return;
    }
    this.entries.set(absPath, entry);
    // A racy entry confirmed is saved again: the new file's write time makes it trusted.
    if (previous === undefined || previous.hash !== entry.hash || !sameStamp(previous, entry) || previous.mtimeMs >= this.writtenAtMs) this.changed = true;
  }

  /** Writes the index if anything changed; a failed write is kept in {@link lastWriteFailure}. */
  async save(): Promise<void> {
    if (!this.changed) return;
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    try {
      await mkdir(join(this.path, '..'), { recursive: true });
      await writeFileAtomic(this.path, encodeStatIndex(this.entries), this.fs);
      this.changed = false;
    } catch (error) {
      this.failure = error instanceof WriteFailure ? error : writeFailureOf(error, this.path);
    }
  }
}
