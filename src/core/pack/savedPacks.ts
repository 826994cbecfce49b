/**
 * Whole packs kept on disk, each under the key of everything it was made from (see
 * savedPackKey.ts): a pack of a tree in which nothing changed since a saved pack of the same
 * request is that pack's bytes, so it is neither read, parsed, counted nor rendered again; only
 * the tree is scanned and its stats compared, as `git status` does.
 *
 * One file per pack in a `packs` folder beside the token cache: MAGIC, the report's length, the
 * report as JSON, the text as UTF-8, and the SHA-1 of all before. Written through a temporary file
 * and a rename, so a crash mid-write leaves no half pack; checksummed, so a damaged one is a miss.
 * The folder is bounded: the most recently used {@link MAX_SAVED_PACKS} packs and
 * {@link MAX_SAVED_BYTES} bytes are kept, and a text over {@link MAX_PACK_BYTES} is not saved.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackReport } from '../types';
import { nodeWriteFs, WriteFailure, writeFailureOf, writeFileAtomic, type WriteFs } from '../write/atomicWrite';
import type { PackResult } from './types';

/** The folder inside the cache folder. */
export const SAVED_PACKS_FOLDER = 'packs';
/** Packs kept at most; the least recently used go first. */
export const MAX_SAVED_PACKS = 16;
/** Bytes kept at most over all packs. */
export const MAX_SAVED_BYTES = 256 * 1024 * 1024;
/** A pack whose text is larger is not saved: writing it twice would cost more than it saves. */
export const MAX_PACK_BYTES = 64 * 1024 * 1024;

const MAGIC = Buffer.from('TOMEPAK1', 'latin1');
const CHECKSUM_BYTES = 20;
const SUFFIX = '.pack';

/** Serializes a pack into the file layout. */
export function encodeSavedPack(text: Uint8Array, report: PackReport): Buffer {
  const json = Buffer.from(JSON.stringify(report), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length, 0);
  const body = Buffer.concat([MAGIC, length, json, text]);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/** Parses the file layout; null when it is damaged in any way. */
export function decodeSavedPack(bytes: Buffer): { text: Buffer; report: PackReport } | null {
  const end = bytes.length - CHECKSUM_BYTES;
  const head = MAGIC.length + 4;
  if (end < head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  if (!createHash('sha1').update(bytes.subarray(0, end)).digest().equals(bytes.subarray(end))) return null;
  const length = bytes.readUInt32LE(MAGIC.length);
  if (head + length > end) return null;
  try {
    const report = JSON.parse(bytes.toString('utf8', head, head + length)) as PackReport;
    if (typeof report !== 'object' || report === null || !Array.isArray(report.files)) return null;
    return { text: bytes.subarray(head + length, end), report };
  } catch {
    return null;
  }
}

/**
 * A {@link PackResult} over saved UTF-8 bytes: `bytes` is written as it is, and the text is
 * decoded only when `text` or `chunks` is first read (the clipboard, an editor).
 */
export function savedPackResult(bytes: Buffer, report: PackReport): PackResult {
  let text: string | undefined;
  const decoded = (): string => (text ??= bytes.toString('utf8'));
  return {
    bytes,
    get chunks(): readonly string[] {
      return bytes.length === 0 ? [] : [decoded()];
    },
    get text(): string {
      return decoded();
    },
    report,
  };
}

/** The saved packs of one cache folder; see the file comment. */
export class SavedPacks {
  private failure: WriteFailure | undefined;

  /** @param dir the cache folder; the packs live in its {@link SAVED_PACKS_FOLDER} folder. */
  constructor(
    dir: string,
    private readonly fs: WriteFs = nodeWriteFs,
  ) {
    this.folder = join(dir, SAVED_PACKS_FOLDER);
  }

  private readonly folder: string;

  /** The last failed save, if any (saved packs are only a speed-up: packing goes on without them). */
  get lastWriteFailure(): WriteFailure | undefined {
    return this.failure;
  }

  /** The pack saved under `key`, or undefined (none, unreadable or damaged). */
  async get(key: string): Promise<PackResult | undefined> {
    const path = this.pathOf(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      return undefined;
    }
    const decoded = decodeSavedPack(bytes);
    if (decoded === null) return undefined;
    // Used now: the last to be pruned. A failure only makes it older.
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
    return savedPackResult(decoded.text, decoded.report);
  }

  /** Saves `result` under `key` and prunes the folder; a failure is kept in {@link lastWriteFailure}. */
  async put(key: string, result: PackResult): Promise<void> {
    const text = result.bytes ?? Buffer.from(result.text, 'utf8');
    if (text.length > MAX_PACK_BYTES) return;
    const path = this.pathOf(key);
    try {
      await mkdir(this.folder, { recursive: true });
      await writeFileAtomic(path, encodeSavedPack(text, result.report), this.fs);
      await this.prune();
    } catch (error) {
      this.failure = error instanceof WriteFailure ? error : writeFailureOf(error, path);
    }
  }

  private pathOf(key: string): string {
    return join(this.folder, `${key}${SUFFIX}`);
  }

  /** Drops the least recently used packs beyond the count and byte bounds. */
  private async prune(): Promise<void> {
    const names = (await readdir(this.folder)).filter((n) => n.endsWith(SUFFIX));
    if (names.length <= 1) return;
    const entries = await Promise.all(
      names.map(async (name) => {
        const info = await stat(join(this.folder, name)).catch(() => null);
        return info === null ? null : { name, size: info.size, mtimeMs: info.mtimeMs };
      }),
    );
    const byRecency = entries.filter((e) => e !== null).sort((a, b) => b.mtimeMs - a.mtimeMs || (a.name < b.name ? -1 : 1));
    let bytes = 0;
    for (const [i, e] of byRecency.entries()) {
      bytes += e.size;
      if (i >= MAX_SAVED_PACKS || bytes > MAX_SAVED_BYTES) await unlink(join(this.folder, e.name)).catch(() => undefined);
    }
  }
}
