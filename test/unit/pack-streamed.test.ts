import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/cli/outputFile';
import { PackEngine } from '../../src/core/pack/index';
import { withDefaults } from '../../src/core/pack/request';
import { piecesOf } from '../../src/core/write/pieces';
import { fullDiskAfter } from '../support/failingFs';
import { countingCounter, fixture } from './packTestSupport';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tome-streamed-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('a pack written as its chunks', () => {
  it.each([
    ['pack-basic as xml', fixture('pack-basic'), 'xml'],
    ['pack-basic as markdown', fixture('pack-basic'), 'markdown'],
    ['select-app as plain', fixture('select-app'), 'plain'],
    ['text outside ASCII', tree({ 'a.ts': 'export const café = "naïve — 🙂";\n', 'b/c.py': 'print("한국어")\n', 'd.md': 'no final newline ✓' }), 'xml'],
  ] as const)('%s gives the file the joined text would', async (_name, root, format) => {
    const result = await new PackEngine({ tokenCounter: countingCounter() }).pack(withDefaults({ roots: [root], format }));
    expect(result.chunks.length).toBeGreaterThan(3);
    expect(result.chunks.join('')).toBe(result.text);
    const out = join(mkdtempSync(join(tmpdir(), 'tome-streamed-out-')), 'pack.txt');
    await writeOutput(out, result.chunks);
    expect(readFileSync(out)).toEqual(Buffer.from(result.text, 'utf8'));
  });

  it('has no chunks and an empty text when only the report is asked for', async () => {
    const result = await new PackEngine({ tokenCounter: countingCounter() }).pack(withDefaults({ roots: [fixture('pack-basic')] }), { reportOnly: true });
    expect(result.chunks).toEqual([]);
    expect(result.text).toBe('');
    expect(result.report.files.length).toBeGreaterThan(0);
  });

  it('writes chunks larger than a piece, and many small ones, byte for byte', async () => {
    const chunks = ['é'.repeat(700_000), '🙂'.repeat(400_000), ...Array.from({ length: 5000 }, (_, i) => `<file n="${i}">ü</file>\n`)];
    const out = join(mkdtempSync(join(tmpdir(), 'tome-streamed-big-')), 'pack.xml');
    await writeOutput(out, chunks);
    // Buffer.equals: a deep comparison of megabytes, byte by byte, takes vitest seconds.
    expect(readFileSync(out).equals(Buffer.from(chunks.join(''), 'utf8'))).toBe(true);
  });

  it('leaves nothing at the path when the disk fills halfway through the chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tome-streamed-full-'));
    await expect(writeOutput(join(dir, 'out.xml'), ['a'.repeat(3000), 'b'.repeat(3000)], fullDiskAfter(4000))).rejects.toThrow('the disk is full (ENOSPC)');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('piecesOf', () => {
  it('joins chunks in order into runs of at least the size, the last one shorter', () => {
    expect([...piecesOf(['ab', 'c', 'de', 'f', 'g'], 3)]).toEqual(['abc', 'def', 'g']);
  });

  it('passes a chunk of the size or more through on its own when no run is open', () => {
    expect([...piecesOf(['abcd', 'e', 'fghij', 'k'], 3)]).toEqual(['abcd', 'efghij', 'k']);
  });

  it('gives nothing for no chunks', () => {
    expect([...piecesOf([], 3)]).toEqual([]);
  });
});
