import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { confinePath, PathRefusedError } from '../../src/mcp/confine';

describe('confinePath', () => {
  let api: string;
  let web: string;
  let outside: string;

  beforeAll(() => {
    const parent = mkdtempSync(join(tmpdir(), 'tome-confine-'));
    api = join(parent, 'api');
    web = join(parent, 'web');
    outside = join(parent, 'outside');
    for (const dir of [join(api, 'src'), web, outside]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(api, 'src', 'a.ts'), 'export {};\n');
    writeFileSync(join(outside, 'b.ts'), 'export {};\n');
    symlinkSync(join(api, 'src'), join(web, 'shared'));
    symlinkSync(outside, join(api, 'out'));
  });

  const refusal = async (path: string, roots: string[]): Promise<string> => {
    try {
      await confinePath(path, roots);
    } catch (error) {
      if (error instanceof PathRefusedError) return error.kind;
      throw error;
    }
    return 'accepted';
  };

  it('maps a path to its root with one root, and with several by the root folder name', async () => {
    expect(await confinePath('src/a.ts', [api])).toEqual({ root: api, absPath: join(api, 'src', 'a.ts'), reportPath: 'src/a.ts' });
    expect(await confinePath('api/src/./a.ts', [api, web])).toEqual({ root: api, absPath: join(api, 'src', 'a.ts'), reportPath: 'api/src/a.ts' });
    expect(await confinePath('', [api])).toMatchObject({ root: api, reportPath: '' });
    expect(await confinePath('src\\a.ts', [api])).toMatchObject({ reportPath: 'src/a.ts' });
  });

  it('maps the numbered prefix of a second root with the same folder name to that root, as reports write it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tome-confine-same-'));
    const roots = [join(parent, 'a', 'api'), join(parent, 'b', 'api')];
    for (const root of roots) mkdirSync(join(root, 'src'), { recursive: true });
    await expect(confinePath('api-2/src/x.ts', roots)).resolves.toMatchObject({ root: roots[1], absPath: join(roots[1] ?? '', 'src', 'x.ts'), reportPath: 'api-2/src/x.ts' });
    await expect(confinePath('api/src/x.ts', roots)).resolves.toMatchObject({ root: roots[0], reportPath: 'api/src/x.ts' });
    await expect(confinePath('api-2', roots)).resolves.toMatchObject({ root: roots[1], reportPath: 'api-2' });
  });

  it('refuses absolute paths, climbing out, unknown roots and links out', async () => {
    expect(await refusal(join(api, 'src', 'a.ts'), [api])).toBe('absolute');
    expect(await refusal('~/secrets', [api])).toBe('absolute');
    expect(await refusal('src/../../outside/b.ts', [api])).toBe('climbs-out');
    expect(await refusal('src/a.ts', [api, web])).toBe('unknown-root');
    expect(await refusal('out/b.ts', [api])).toBe('symlink-out');
    expect(await refusal('out/not-yet-there.ts', [api])).toBe('symlink-out');
  });

  it('refuses a link from one root into another: each path stays inside its own root', async () => {
    expect(await refusal('web/shared/a.ts', [api, web])).toBe('symlink-out');
  });
});
