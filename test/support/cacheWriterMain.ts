/**
 * A child process for the concurrent-cache test: flushes `rounds` batches of entries into the
 * token cache at `dir`, as a second VS Code window (or the CLI) would. Entry counts are a
 * function of the hash, so any value read back can be checked.
 */
import { createHash } from 'node:crypto';
import { DiskTokenCache } from '../../src/core/tokenize/diskCache';

/** A 20-byte hash as the cache keys it, and the count stored under it. */
export function entry(writer: string, round: number, i: number): [string, number] {
  const digest = createHash('sha1').update(`${writer}/${round}/${i}`).digest();
  return [digest.toString('latin1'), digest.readUInt32LE(0) % 100_000];
}

async function main(): Promise<void> {
  const [dir, writer, rounds] = process.argv.slice(2);
  if (!dir || !writer || !rounds) throw new Error('usage: cacheWriterMain <dir> <writer> <rounds>');
  for (let round = 0; round < Number(rounds); round++) {
    const cache = new DiskTokenCache(dir);
    for (let i = 0; i < 200; i++) cache.add(...entry(writer, round, i));
    await cache.flush();
    if (cache.lastWriteFailure) throw cache.lastWriteFailure;
  }
}

if (require.main === module) void main();
