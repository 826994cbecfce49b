import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeShard, DiskTokenCache, shardOf } from '../../src/core/tokenize/diskCache';
import { entry } from '../support/cacheWriterMain';

let dir: string;
let script: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tome-cache-race-'));
  script = join(dir, 'writer.cjs');
  await build({ entryPoints: [join(__dirname, '..', 'support', 'cacheWriterMain.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runWriter(cacheDir: string, writer: string, rounds: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, cacheDir, writer, String(rounds)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited ${code}: ${stderr}`))));
  });
}

/** The count the writers store under a hash (see cacheWriterMain.ts). */
const countOf = (hash: string): number => Buffer.from(hash, 'latin1').readUInt32LE(0) % 100_000;

describe('two processes writing the token cache at once', () => {
  it('leave every shard whole and every entry right', { timeout: 60_000 }, async () => {
    const cacheDir = join(dir, 'cache');
    await Promise.all([runWriter(cacheDir, 'window-a', 40), runWriter(cacheDir, 'window-b', 40)]);

    const files = readdirSync(cacheDir).sort();
    expect(files.filter((f) => !/^tokens-[0-9a-f]\.bin$/.test(f))).toEqual([]);
    for (const file of files) expect(decodeShard(readFileSync(join(cacheDir, file))), file).not.toBeNull();

    const entries = await new DiskTokenCache(cacheDir).load();
    // 16,000 entries were written. A race can lose the other writer's newer entries (they are
    // counted again later), and how many depends on timing; it never keeps a wrong count, and
    // in every shard the writer that renamed last kept its whole final batch.
    expect(entries.size).toBeLessThanOrEqual(16_000);
    for (const [hash, count] of entries) expect(count).toBe(countOf(hash));
    const finalBatch = (writer: string) => Array.from({ length: 200 }, (_, i) => entry(writer, 39, i)[0]);
    for (let shard = 0; shard < 16; shard++) {
      const kept = (writer: string) => finalBatch(writer).filter((hash) => shardOf(hash) === shard).every((hash) => entries.has(hash));
      expect(kept('window-a') || kept('window-b'), `shard ${shard}`).toBe(true);
    }
  });
});
