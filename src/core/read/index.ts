/**
 * Read stage: bytes → text. Binary files, files over the size cap, unreadable files and files
 * that vanished since the scan each become a {@link SkippedFile}; nothing here throws for a
 * single bad file.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ReadFile, ScannedFile, SkippedFile } from '../types';
import { byteOrderMark, looksBinary } from './sniff';
import type { FileStamp, StatIndex } from './statIndex';

export { StatIndex, type StatIndexCounts } from './statIndex';

/** Options of {@link readFiles}. */
export interface ReadOptions {
  /** Files larger than this many bytes are skipped as `too-large` without being read. */
  maxFileSize: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Skips hashing and sniffing files whose stat is unchanged since an earlier pack, and learns the rest. */
  statIndex?: StatIndex;
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
}

function skippedFor(file: ScannedFile, error: unknown): SkippedFile {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { path: file.path, reason: 'vanished', detail: code };
  return { path: file.path, reason: 'unreadable', detail: code };
}

/** Decodes the bytes: a BOM picks UTF-16; otherwise UTF-8, with U+FFFD for invalid sequences. */
function decode(bytes: Uint8Array): { text: string; invalidUtf8: boolean } {
  const bom = byteOrderMark(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return { text: new TextDecoder(bom).decode(bytes), invalidUtf8: false };
  // TextDecoder drops a leading UTF-8 BOM by default and keeps line endings as they are.
  return { text: new TextDecoder('utf-8').decode(bytes), invalidUtf8: !isUtf8(bytes) };
}

/**
 * Reads one scanned file, or says why it cannot be packed.
 *
 * The I/O is synchronous on purpose: a small file in the page cache is opened, stat'ed and read
 * in microseconds, while each promise-based call is a thread-pool round trip (reading a 10k-file
 * tree took 2-3x as long that way). Packs run off the UI thread.
 */
export function readOneFile(file: ScannedFile, maxFileSize: number, statIndex?: StatIndex): ReadFile | SkippedFile {
  const readAtMs = Date.now();
  let fd: number;
  try {
    fd = openSync(file.absPath, 'r');
  } catch (error) {
    return skippedFor(file, error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { path: file.path, reason: 'unreadable', detail: 'EISDIR' };
    if (!stats.isFile()) return { path: file.path, reason: 'unreadable', detail: 'not a regular file' };
    if (stats.size > maxFileSize) return tooLarge(file, stats.size, maxFileSize);
    const stamp: FileStamp = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
    const known = statIndex?.lookup(file.absPath, stamp);
    if (known?.hash === null) return { path: file.path, reason: 'binary' };
    // Read at most one byte past the cap: a file that grew since the stat is caught without reading it all.
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxFileSize) return tooLarge(file, length, maxFileSize);
        closeQuietly(fd);
        fd = -1;
        return readOneFile(file, maxFileSize, statIndex);
      }
    }
    const bytes = buffer.subarray(0, length);
    // A file that changed length since its stat is not the file the index knows.
    if (known !== undefined && length === known.size) {
      return { ...file, size: length, mtimeMs: stats.mtimeMs, text: decode(bytes).text, hash: known.hash, invalidUtf8: known.invalidUtf8 };
    }
    const binary = looksBinary(bytes);
    if (binary) {
      if (length === stats.size) statIndex?.record(file.absPath, { ...stamp, hash: null, invalidUtf8: false }, readAtMs);
      return { path: file.path, reason: 'binary' };
    }
    const { text, invalidUtf8 } = decode(bytes);
    const hash = createHash('sha1').update(bytes).digest('hex');
    if (length === stats.size) statIndex?.record(file.absPath, { ...stamp, hash, invalidUtf8 }, readAtMs);
    return { ...file, size: length, mtimeMs: stats.mtimeMs, text, hash, invalidUtf8 };
  } catch (error) {
    return skippedFor(file, error);
  } finally {
    if (fd >= 0) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing to lose: the bytes are read, and a close error says nothing about them.
  }
}

function tooLarge(file: ScannedFile, size: number, maxFileSize: number): SkippedFile {
  return { path: file.path, reason: 'too-large', detail: `${size} bytes, limit ${maxFileSize}` };
}

function isSkipped(result: ReadFile | SkippedFile): result is SkippedFile {
  return 'reason' in result;
}

/** Files read between yields to the event loop, so a cancel or a progress listener gets a turn. */
const YIELD_EVERY = 128;

/** Reads `files` in order; `files` in the result keep the input order. */
export async function readFiles(
  files: readonly ScannedFile[],
  options: ReadOptions,
): Promise<{ files: ReadFile[]; skipped: SkippedFile[] }> {
  const read: ReadFile[] = [];
  const skipped: SkippedFile[] = [];
  for (let i = 0; i < files.length; i++) {
    if (i % YIELD_EVERY === 0 && i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
    const result = readOneFile(files[i] as ScannedFile, options.maxFileSize, options.statIndex);
    if (isSkipped(result)) skipped.push(result);
    else read.push(result);
    const done = i + 1;
    if (done % 64 === 0 || done === files.length) options.onProgress?.(done, files.length);
  }
  return { files: read, skipped };
}
