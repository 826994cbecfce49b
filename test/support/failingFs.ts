/**
 * A WriteFs over the real file system that fails the way a full disk does: the first `bytes`
 * bytes of a file reach the disk, then the write throws ENOSPC, as `write(2)` does when the
 * disk fills mid-file.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import type { WriteFs } from '../../src/core/write/atomicWrite';

export function fullDiskAfter(bytes: number): WriteFs & { attempts: string[] } {
  const attempts: string[] = [];
  return {
    attempts,
    async writeFile(path, data) {
      attempts.push(path);
      const all = typeof data === 'string' ? Buffer.from(data) : data instanceof Uint8Array ? Buffer.from(data) : Buffer.from(data.join(''));
      await writeFile(path, all.subarray(0, bytes));
      if (all.length > bytes) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' });
    },
    rename: (from, to) => rename(from, to),
    rm: (path) => rm(path, { force: true }),
  };
}
