/**
 * The key of a saved pack (see savedPacks.ts): everything a pack's bytes are a function of,
 * hashed. That is the build (its code, rank tables and grammars), the request, what the scan
 * found and left out, and each file's stat stamp with the content hash a stat index vouches for
 * (the git index's rule: a file whose stamp is unchanged and not racy is not read). A pack whose
 * inputs cannot all be named this way, or that reads anything else, has no key and is not saved:
 * git context and `volatileLast` read the repository's state; a file the index cannot vouch for
 * (new, changed, racy) must be read.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileStamp } from '../read/statIndex';
import type { RootPrefix, ScannedFile, SkippedFile } from '../types';
import type { PackRequest } from './request';

/** Bump when what a key covers changes. */
const KEY_VERSION = 1;

/**
 * What a stat index vouches for: the content hash of the file at `absPath` with this exact
 * stamp, null for a file known to be binary, undefined when it must be read to know.
 */
export type VouchedHash = (absPath: string, stamp: FileStamp) => string | null | undefined;

/** What a key is made of besides the build. */
export interface SavedPackInputs {
  request: PackRequest;
  roots: readonly RootPrefix[];
  /** The files the scan kept and the mode rules did not exclude, in scan order. */
  files: readonly ScannedFile[];
  /** Everything the scan and the mode rules left out. */
  skipped: readonly SkippedFile[];
  /** The left-out config files the graph stage reads (see graphStage.ts), stat'ed now. */
  configs: readonly ScannedFile[];
}

/** True when a pack of `request` reads nothing but the tree and the request. */
export function isSaveable(request: PackRequest): boolean {
  const git = request.git;
  const readsGit = git !== undefined && (git.diff !== undefined || (git.log !== undefined && git.log > 0));
  return !readsGit && !request.volatileLast;
}

/** The key of a pack of `inputs`, or null when some file must be read to know its content. */
export function savedPackKey(inputs: SavedPackInputs, vouched: VouchedHash): string | null {
  const hash = createHash('sha1').update(`tome-pack ${KEY_VERSION}\0${buildIdentity()}\0`);
  hash.update(JSON.stringify([inputs.request, inputs.roots, inputs.skipped]));
  for (const list of [inputs.files, inputs.configs]) {
    hash.update('\0\0');
    for (const f of list) {
      const stamp = stampOf(f);
      if (stamp === undefined) return null;
      // The read stage skips a file over the cap by its stat alone.
      const content = f.size > inputs.request.maxFileSize ? 'too-large' : vouched(f.absPath, stamp);
      if (content === undefined) return null;
      hash.update(`\0${f.path}\0${f.absPath}\0${stamp.size}\0${stamp.mtimeMs}\0${stamp.ctimeMs}\0${stamp.ino}\0${content ?? 'binary'}`);
    }
  }
  return hash.digest('hex');
}

function stampOf(f: ScannedFile): FileStamp | undefined {
  if (f.ctimeMs === undefined || f.ino === undefined) return undefined;
  return { size: f.size, mtimeMs: f.mtimeMs, ctimeMs: f.ctimeMs, ino: f.ino };
}

let identity: string | undefined;

/**
 * What names this build: the running bundle's bytes and the name, size and mtime of every file
 * beside it (token rank tables, worker scripts, grammars). Run from source (tests), a new name
 * per process, so no saved pack outlives the code that made it.
 */
export function buildIdentity(): string {
  identity ??= bundleIdentity() ?? `source ${randomUUID()}`;
  return identity;
}

function bundleIdentity(): string | undefined {
  if (typeof __filename !== 'string' || !__filename.endsWith('.js')) return undefined;
  try {
    const hash = createHash('sha1').update(readFileSync(__filename));
    const here = dirname(__filename);
    for (const folder of [here, join(here, 'wasm')]) {
      let names: string[];
      try {
        names = readdirSync(folder).sort();
      } catch {
        continue;
      }
      for (const name of names) {
        const info = statSync(join(folder, name));
        if (info.isFile()) hash.update(`\0${folder === here ? '' : 'wasm/'}${name}\0${info.size}\0${info.mtimeMs}`);
      }
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}
