import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFiles, readOneFile } from '../../src/core/read';
import { scanFiles } from '../../src/core/scan';
import type { ScannedFile } from '../../src/core/types';
import { copyFixture, fixturePath } from '../support/fixtureTree';

const root = fixturePath('read-cases');
const scanned = (name: string): ScannedFile => ({ path: name, absPath: join(root, name), root, size: 0, mtimeMs: 0 });
const MB = 1024 * 1024;

describe('readOneFile', () => {
  it('keeps CRLF line endings and hashes the raw bytes', async () => {
    const file = await readOneFile(scanned('crlf.txt'), MB);
    const bytes = readFileSync(join(root, 'crlf.txt'));
    expect(file).toMatchObject({
      text: 'first line\r\nsecond line\r\nthird\n',
      invalidUtf8: false,
      size: bytes.length,
      hash: createHash('sha1').update(bytes).digest('hex'),
    });
  });

  it('strips a UTF-8 byte-order mark', async () => {
    expect(await readOneFile(scanned('bom.txt'), MB)).toMatchObject({ text: 'starts with a byte-order mark\n' });
  });

  it('decodes UTF-16 text that starts with its byte-order mark', async () => {
    expect(await readOneFile(scanned('utf16.txt'), MB)).toMatchObject({ text: 'utf-16 text, line one\n', invalidUtf8: false });
  });

  it('decodes invalid UTF-8 with replacement characters and flags it', async () => {
    const file = await readOneFile(scanned('invalid-utf8.txt'), MB);
    expect(file).toMatchObject({ invalidUtf8: true });
    expect('text' in file && file.text.startsWith('café then a broken byte \uFFFD')).toBe(true);
  });

  it('skips files with a NUL byte or mostly control bytes as binary', async () => {
    expect(await readOneFile(scanned('nul-byte.txt'), MB)).toEqual({ path: 'nul-byte.txt', reason: 'binary' });
    expect(await readOneFile(scanned('control-bytes.txt'), MB)).toEqual({ path: 'control-bytes.txt', reason: 'binary' });
  });

  it('skips a file over the size cap as too large', async () => {
    const size = readFileSync(join(root, 'oversize.txt')).length;
    expect(await readOneFile(scanned('oversize.txt'), 1024)).toEqual({
      path: 'oversize.txt', reason: 'too-large', detail: `${size} bytes, limit 1024`,
    });
    expect(await readOneFile(scanned('oversize.txt'), size)).toMatchObject({ size });
  });

  it('reads an empty file as empty text', async () => {
    expect(await readOneFile(scanned('empty.txt'), MB)).toMatchObject({ text: '', invalidUtf8: false });
  });

  it('says a folder found where a file was scanned is unreadable, with the errno', async () => {
    expect(await readOneFile(scanned('a-folder'), MB)).toEqual({ path: 'a-folder', reason: 'unreadable', detail: 'EISDIR' });
  });

  it('says a file below a path that is now a file is vanished', async () => {
    expect(await readOneFile(scanned('crlf.txt/inner'), MB)).toMatchObject({ reason: 'vanished', detail: 'ENOTDIR' });
  });
});

describe('readFiles', () => {
  it('reads what the scan found and records files removed since the scan as vanished', async () => {
    const copy = await copyFixture('read-cases');
    try {
      const scan = await scanFiles({ roots: [copy.root], include: [], exclude: [], useGitignore: false, followSymlinks: false, includeTests: true });
      await rm(join(copy.root, 'crlf.txt'));
      const progress: number[] = [];
      const { files, skipped } = await readFiles(scan.files, { maxFileSize: 1024, onProgress: (done) => progress.push(done) });
      expect(files.map((f) => f.path)).toEqual(['a-folder/inner.txt', 'bom.txt', 'empty.txt', 'invalid-utf8.txt', 'utf16.txt']);
      expect(skipped).toEqual([
        { path: 'control-bytes.txt', reason: 'binary' },
        { path: 'crlf.txt', reason: 'vanished', detail: 'ENOENT' },
        { path: 'nul-byte.txt', reason: 'binary' },
        { path: 'oversize.txt', reason: 'too-large', detail: expect.stringContaining('limit 1024') },
      ]);
      expect(progress.at(-1)).toBe(scan.files.length);
    } finally {
      await copy.remove();
    }
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(readFiles([scanned('crlf.txt')], { maxFileSize: MB, signal: controller.signal })).rejects.toThrow('cancelled');
  });
});
