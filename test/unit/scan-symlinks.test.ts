import { describe, expect, it } from 'vitest';
import { scanFiles, type ScanOptions } from '../../src/core/scan';
import { fixturePath } from '../support/fixtureTree';

const options = (followSymlinks: boolean): ScanOptions => ({
  roots: [fixturePath('scan-symlinks')],
  include: [],
  exclude: [],
  useGitignore: true,
  followSymlinks,
  includeTests: true,
});

describe('scanFiles with symbolic links', () => {
  it('reads file links inside the root and records folder links without walking them', async () => {
    const { files, skipped } = await scanFiles(options(false));
    expect(files.map((f) => f.path)).toEqual(['link-file.ts', 'real/a.ts']);
    const byPath = Object.fromEntries(skipped.map((s) => [s.path, s]));
    expect(byPath['link-dir/']?.reason).toBe('symlink');
    expect(byPath['loop/']?.reason).toBe('symlink');
    expect(byPath['real/up/']?.reason).toBe('symlink');
    expect(byPath['outside.ts']).toMatchObject({ reason: 'symlink', detail: 'link to a file outside the root' });
    expect(byPath['broken.ts']).toMatchObject({ reason: 'symlink', detail: expect.stringMatching(/broken link/) });
  });

  it('follows folder links on request and never loops', async () => {
    const { files, skipped } = await scanFiles(options(true));
    expect(files.map((f) => f.path)).toEqual(['link-dir/a.ts', 'link-file.ts', 'outside.ts', 'real/a.ts']);
    const loops = skipped.filter((s) => s.detail?.startsWith('link loop')).map((s) => s.path);
    // `loop -> .` and `real/up -> ..` lead back to the root; `link-dir/up` does too.
    expect(loops).toEqual(['link-dir/up/', 'loop/', 'real/up/']);
  });
});
