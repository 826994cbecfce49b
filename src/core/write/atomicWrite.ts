/**
 * Writing a whole file or nothing: the bytes go to a temporary file next to the target, which is
 * renamed over it only once every byte is written. A full disk, a read-only folder or a crash in
 * between leaves the old file (or none), never a half-written one that looks complete; the
 * temporary file is removed. Rename is atomic within one folder on POSIX and NTFS.
 */
import { randomBytes } from 'node:crypto';
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { piecesOf } from './pieces';

/** Where a write really goes, and whether it can go through a temporary file. */
export interface WriteTarget {
  /** The path to replace: the target itself, or the file a symbolic link points at. */
  path: string;
  /**
   * True for a target that is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO): renaming
   * over it would replace the device with a file, so it is written in place.
   */
  inPlace: boolean;
}

/**
 * What a write takes: one string or buffer, or a text as its chunks in order (a pack's
 * `chunks`), written piece by piece so it is never joined whole.
 */
export type WriteData = string | Uint8Array | readonly string[];

/** The file-system calls a write makes; tests inject failures (a full disk) here. */
export interface WriteFs {
  writeFile(path: string, data: WriteData): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string): Promise<void>;
  /** What `path` is; absent means a plain path that does not exist yet or is a regular file. */
  target?(path: string): Promise<WriteTarget>;
}

/** The target of a write on the real file system. */
async function nodeTarget(path: string): Promise<WriteTarget> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { path, inPlace: !info.isDirectory() };
    // A link is kept a link: the file it points at is the one replaced.
    return { path: await realpath(path), inPlace: false };
  } catch {
    return { path, inPlace: false };
  }
}

function isChunks(data: WriteData): data is readonly string[] {
  return Array.isArray(data);
}

/** The real file system. */
export const nodeWriteFs: WriteFs = {
  // Node writes an iterable one element at a time, each after the last has reached the file.
  writeFile: (path, data) => writeFile(path, isChunks(data) ? piecesOf(data) : data),
  rename: (from, to) => rename(from, to),
  rm: (path) => rm(path, { force: true }),
  target: nodeTarget,
};

/** Why a write failed, as data: the edge chooses the words. */
export type WriteFailureKind = 'disk-full' | 'read-only' | 'no-permission' | 'no-folder' | 'other';

/** A failed write: nothing was written at `path` (an earlier file there is as it was). */
export class WriteFailure extends Error {
  constructor(
    readonly kind: WriteFailureKind,
    readonly path: string,
    /** The system's error code, e.g. `ENOSPC`. */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`${kind} writing ${path} (${code})`, options);
    this.name = 'WriteFailure';
  }
}

const KIND_OF_CODE: Record<string, WriteFailureKind> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EFBIG: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  ENOENT: 'no-folder',
  ENOTDIR: 'no-folder',
};

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
}

/** The {@link WriteFailure} for a system error met while writing `path`. */
export function writeFailureOf(error: unknown, path: string): WriteFailure {
  const code = codeOf(error);
  return new WriteFailure(KIND_OF_CODE[code] ?? 'other', path, code, { cause: error });
}

/** Writes `data` to `path` whole or not at all; throws a {@link WriteFailure}. */
export async function writeFileAtomic(path: string, data: WriteData, fs: WriteFs = nodeWriteFs): Promise<void> {
  const target = (await fs.target?.(path)) ?? { path, inPlace: false };
  if (target.inPlace) {
    try {
      await fs.writeFile(target.path, data);
      return;
    } catch (error) {
      throw writeFailureOf(error, path);
    }
  }
  const temp = `${target.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, target.path);
  } catch (error) {
    await fs.rm(temp).catch(() => undefined);
    throw writeFailureOf(error, path);
  }
}
