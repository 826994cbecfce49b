import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFiles } from '../../src/core/read';
import { encodeStatIndex, STAT_INDEX_FILE, StatIndex, type StatEntry } from '../../src/core/read/statIndex';
import type { ReadFile, ScannedFile } from '../../src/core/types';
import { nodeWriteFs, type WriteFs } from '../../src/core/write/atomicWrite';

let tree: string;
let cache: string;
beforeEach(() => {
  tree = mkdtempSync(join(tmpdir(), 'tome-stat-tree-'));
  cache = mkdtempSync(join(tmpdir(), 'tome-stat-cache-'));
});
afterEach(() => {
  rmSync(tree, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

const HOUR = 3600_000;
const sha1 = (data: string | Buffer): string => createHash('sha1').update(data).digest('hex');

/** Writes `path` with `text`, its mtime `ageMs` in the past. */
function put(path: string, text: string | Buffer, ageMs = HOUR, sameMtimeAs?: number): void {
  const abs = join(tree, path);
  writeFileSync(abs, text);
  const mtime = (sameMtimeAs ?? Date.now() - ageMs) / 1000;
  utimesSync(abs, mtime, mtime);
}

function scanned(path: string): ScannedFile {
  const abs = join(tree, path);
  const info = statSync(abs);
  return { path, absPath: abs, root: tree, size: info.size, mtimeMs: info.mtimeMs } as ScannedFile;
}

/** One pack's read stage through a freshly opened index, saved afterwards. */
async function readWithIndex(paths: string[], fs?: WriteFs): Promise<{ files: ReadFile[]; index: StatIndex }> {
  const index = await StatIndex.open(cache, fs);
  const { files } = await readFiles(paths.map(scanned), { maxFileSize: 1e6, statIndex: index });
  await index.save();
  return { files, index };
}

describe('the stat index of the read stage', () => {
  it('trusts a file whose stat is unchanged and older than the index, with the same hash and text', async () => {
    put('a.ts', 'export const a = 1;\n');
    const first = await readWithIndex(['a.ts']);
    expect(first.index.lookups).toEqual({ trusted: 0, racy: 0, missed: 1 });
    const second = await readWithIndex(['a.ts']);
    expect(second.index.lookups).toEqual({ trusted: 1, racy: 0, missed: 0 });
    expect(second.files[0]?.hash).toBe(sha1('export const a = 1;\n'));
    expect(second.files[0]?.text).toBe('export const a = 1;\n');
  });

  it('sees an edit made within the same second as the previous pack, even with size and mtime restored', async () => {
    put('a.ts', 'const a = 1;\n', 0);
    const mtime = statSync(join(tree, 'a.ts')).mtimeMs;
    await readWithIndex(['a.ts']);
    put('a.ts', 'const b = 2;\n', 0, mtime);
    const second = await readWithIndex(['a.ts']);
    expect(second.files[0]?.text).toBe('const b = 2;\n');
    expect(second.files[0]?.hash).toBe(sha1('const b = 2;\n'));
    expect(second.index.lookups.trusted).toBe(0);
  });

  it('sees a same-size edit whose old mtime was put back (ctime differs)', async () => {
    put('a.ts', 'const a = 1;\n');
    const mtime = statSync(join(tree, 'a.ts')).mtimeMs;
    await readWithIndex(['a.ts']);
    put('a.ts', 'const b = 2;\n', 0, mtime);
    const second = await readWithIndex(['a.ts']);
    expect(second.files[0]?.hash).toBe(sha1('const b = 2;\n'));
    expect(second.index.lookups).toEqual({ trusted: 0, racy: 0, missed: 1 });
  });

  it('re-checks by content an entry whose mtime is not older than the index file (racy git)', async () => {
    put('a.ts', 'const a = 1;\n');
    const info = statSync(join(tree, 'a.ts'));
    // An index claiming a wrong hash for the file's exact stamp, written before the file changed.
    const stale: StatEntry = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, hash: sha1('other'), invalidUtf8: false };
    const indexPath = join(cache, STAT_INDEX_FILE);
    writeFileSync(indexPath, encodeStatIndex(new Map([[join(tree, 'a.ts'), stale]])));
    const before = (info.mtimeMs - 1000) / 1000;
    utimesSync(indexPath, before, before);
    const read = await readWithIndex(['a.ts']);
    expect(read.index.lookups).toEqual({ trusted: 0, racy: 1, missed: 0 });
    expect(read.files[0]?.hash).toBe(sha1('const a = 1;\n'));
  });

  it('skips a known binary file without taking it for text', async () => {
    put('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    await readWithIndex(['logo.png']);
    const index = await StatIndex.open(cache);
    const { files, skipped } = await readFiles([scanned('logo.png')], { maxFileSize: 1e6, statIndex: index });
    expect(files).toEqual([]);
    expect(skipped).toEqual([{ path: 'logo.png', reason: 'binary' }]);
    expect(index.lookups.trusted).toBe(1);
  });

  it('ignores a corrupted index file and loses nothing', async () => {
    put('a.ts', 'const a = 1;\n');
    put('b.py', 'import os\n');
    await readWithIndex(['a.ts', 'b.py']);
    const indexPath = join(cache, STAT_INDEX_FILE);
    const bytes = readFileSync(indexPath);
    bytes.writeUInt8((bytes.readUInt8(bytes.length - 30) ^ 0xff), bytes.length - 30);
    writeFileSync(indexPath, bytes);
    const again = await readWithIndex(['a.ts', 'b.py']);
    expect(again.index.lookups).toEqual({ trusted: 0, racy: 0, missed: 2 });
    expect(again.files.map((f) => [f.path, f.text, f.hash])).toEqual([
      ['a.ts', 'const a = 1;\n', sha1('const a = 1;\n')],
      ['b.py', 'import os\n', sha1('import os\n')],
    ]);
    // Rewritten whole: the next pack trusts it again.
    expect((await readWithIndex(['a.ts', 'b.py'])).index.lookups.trusted).toBe(2);
  });

  it('keeps the previous index when a save dies halfway through writing its temporary file', async () => {
    put('a.ts', 'const a = 1;\n');
    await readWithIndex(['a.ts']);
    put('b.ts', 'const b = 2;\n');
    const crashing: WriteFs = {
      ...nodeWriteFs,
      writeFile: async (path, data) => {
        await writeFile(path, data.slice(0, Math.floor(data.length / 2)));
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
      // The process died: nothing cleans up after it.
      rm: async () => undefined,
    };
    const crashed = await readWithIndex(['a.ts', 'b.ts'], crashing);
    expect(crashed.index.lastWriteFailure?.kind).toBe('disk-full');
    expect(readdirSync(cache).some((name) => name.endsWith('.tmp'))).toBe(true);
    const after = await readWithIndex(['a.ts', 'b.ts']);
    expect(after.index.lookups).toEqual({ trusted: 1, racy: 0, missed: 1 });
    expect(after.files.map((f) => f.hash)).toEqual([sha1('const a = 1;\n'), sha1('const b = 2;\n')]);
  });
});
