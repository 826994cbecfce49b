import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeShard, DiskTokenCache } from '../../src/core/tokenize/diskCache';

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
    // 16,000 entries were written. A race can lose the other writer's newest batch (it is
    // counted again later); it never keeps a wrong count, and most entries survive.
    expect(entries.size).toBeGreaterThan(8000);
    expect(entries.size).toBeLessThanOrEqual(16_000);
    for (const [hash, count] of entries) expect(count).toBe(countOf(hash));
  });
});
