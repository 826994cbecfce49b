import { createReadStream, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheWarning, writeOutput } from '../../src/cli/outputFile';
import { WriteFailure, writeFileAtomic } from '../../src/core/write/atomicWrite';
import { decodeShard, DiskTokenCache } from '../../src/core/tokenize/diskCache';
import { fullDiskAfter } from '../support/failingFs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tome-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const hash = (n: number): string => Buffer.alloc(20, n).toString('latin1');

describe('writeFileAtomic on a full disk', () => {
  it('writes the whole file when there is room', async () => {
    await writeFileAtomic(join(dir, 'out.txt'), 'all of it');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('all of it');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('leaves no file, not even the part written, and says the disk is full', async () => {
    const target = join(dir, 'pack.xml');
    const error = await writeFileAtomic(target, 'x'.repeat(10_000), fullDiskAfter(4096)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteFailure);
    expect(error).toMatchObject({ kind: 'disk-full', code: 'ENOSPC', path: target });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps an earlier file whole', async () => {
    const target = join(dir, 'pack.xml');
    writeFileSync(target, 'the earlier pack');
    await expect(writeFileAtomic(target, 'y'.repeat(10_000), fullDiskAfter(100))).rejects.toThrow(WriteFailure);
    expect(readFileSync(target, 'utf8')).toBe('the earlier pack');
    expect(readdirSync(dir)).toEqual(['pack.xml']);
  });
});

describe('tome pack -o on a full disk', () => {
  it('fails with a plain message and leaves nothing at the path', async () => {
    const target = join(dir, 'out.xml');
    await expect(writeOutput(target, 'z'.repeat(5000), fullDiskAfter(10))).rejects.toThrow(
      `Could not write "${target}": the disk is full (ENOSPC). Nothing was written; free some space or choose another place.`,
    );
    expect(existsSync(target)).toBe(false);
  });
});

describe('the token cache on a full disk', () => {
  it('keeps the shard it had, reports the failure once, and still reads', async () => {
    const cacheDir = join(dir, 'cache');
    const first = new DiskTokenCache(cacheDir);
    first.add(hash(1), 11);
    await first.flush();
    expect(first.lastWriteFailure).toBeUndefined();

    const full = new DiskTokenCache(cacheDir, fullDiskAfter(12));
    full.add(hash(2), 22);
    await full.flush();
    expect(full.lastWriteFailure).toMatchObject({ kind: 'disk-full', code: 'ENOSPC' });
    expect(readdirSync(cacheDir)).toEqual(['tokens-0.bin']);
    expect(await new DiskTokenCache(cacheDir).load()).toEqual(new Map([[hash(1), 11]]));
    expect(cacheWarning(full.lastWriteFailure)).toMatch(/^Warning: Could not write the token cache in .*: the disk is full \(ENOSPC\)\. .* The pack is complete; the next run counts tokens again\.\n$/);
    expect(cacheWarning(first.lastWriteFailure)).toBeUndefined();
  });

  it('treats a shard cut short as empty rather than reading part of it', async () => {
    const cacheDir = join(dir, 'cache');
    const cache = new DiskTokenCache(cacheDir);
    for (let i = 0; i < 10; i++) cache.add(hash(i), i);
    await cache.flush();
    const shard = readFileSync(join(cacheDir, 'tokens-0.bin'));
    expect(decodeShard(shard.subarray(0, shard.length - 30))).toBeNull();
  });
});

describe('writeFileAtomic on targets that are not plain files', () => {
  it('writes into a FIFO in place and leaves it a FIFO, as it must for /dev/null or /dev/stdout', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const received = new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      createReadStream(fifo)
        .on('data', (chunk) => chunks.push(Buffer.from(chunk)))
        .on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
        .on('error', reject);
    });
    await writeFileAtomic(fifo, 'through the pipe');
    expect(await received).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('keeps a symbolic link a link and replaces the file it points at', async () => {
    const real = join(dir, 'real.txt');
    const link = join(dir, 'link.txt');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'real.txt']);
  });
});
