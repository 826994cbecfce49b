import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextBudget, FRAMING_TOKENS, shrunkBudget } from '../../src/chat/chatMessages';
import { listFolders } from '../../src/chat/folderList';
import { absolutePathOf, isPackedFile, labelFor, packedFilesOf, packScope, requestForScope } from '../../src/chat/packScope';
import { rootsWithPrefixes } from '../../src/core/scan';
import type { PackRequest } from '../../src/core/pack/request';
import type { PackResult } from '../../src/core/pack/types';
import { folderTotals } from '../../src/core/report/folderTotals';
import { statusBarText, tokenReportMarkdown } from '../../src/chat/tokenReport';

const settings = { encoding: 'cl100k_base' as const, format: 'markdown' as const, exclude: ['*.log'], maxFileSize: 5000, includeTests: false };
const ws = join('/', 'ws');

describe('requestForScope', () => {
  it('packs every workspace folder for the workspace scope, with the settings', () => {
    const r = requestForScope({ scope: { kind: 'workspace' }, workspaceFolders: [ws, '/other'], settings, budget: 1000, reserve: 100, query: 'q' });
    expect(r).toMatchObject({ roots: [ws, '/other'], focus: [], encoding: 'cl100k_base', format: 'markdown', exclude: ['*.log'], maxFileSize: 5000, includeTests: false, budget: 1000, reserve: 100, query: 'q' });
  });

  it('packs a folder from its workspace folder, with focus on it and it as the scope', () => {
    const r = requestForScope({ scope: { kind: 'folder', absPath: join(ws, 'src'), label: 'src' }, workspaceFolders: [ws], settings, budget: null, reserve: 0, query: '' });
    expect(r).toMatchObject({ roots: [ws], focus: [join(ws, 'src')], include: [], scope: { paths: [join(ws, 'src')] } });
  });

  it('packs a folder outside the workspace on its own', () => {
    const r = requestForScope({ scope: { kind: 'folder', absPath: '/elsewhere/lib', label: 'lib' }, workspaceFolders: [ws], settings, budget: null, reserve: 0, query: '' });
    expect(r).toMatchObject({ roots: ['/elsewhere/lib'], focus: [] });
    expect(r.scope).toBeUndefined();
  });

  it('packs a file with its workspace folder and gives it focus', () => {
    const file = join(ws, 'src', 'a.ts');
    const r = requestForScope({ scope: { kind: 'file', absPath: file, label: 'src/a.ts' }, workspaceFolders: ['/elsewhere', ws], settings, budget: null, reserve: 0, query: '' });
    expect(r.roots).toEqual([ws]);
    expect(r.focus).toEqual([file]);
  });
});

describe('scoped packs', () => {
  it('packs a folder in one pack, with the folder as the request\'s scope', async () => {
    const requests: PackRequest[] = [];
    const pack = async (request: PackRequest): Promise<PackResult> => (requests.push(request), { chunks: [], text: '', report: {} as PackResult['report'] });
    await packScope(pack, { scope: { kind: 'folder', absPath: join(ws, 'src', 'model'), label: 'src/model' }, workspaceFolders: [ws], settings, budget: 5000, reserve: 100, query: 'q' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ roots: [ws], include: [], budget: 5000, reserve: 100, query: 'q', focus: [join(ws, 'src', 'model')], scope: { paths: [join(ws, 'src', 'model')] } });
  });

  it('packs the workspace in one go', async () => {
    const requests: PackRequest[] = [];
    await packScope(async (r) => (requests.push(r), { chunks: [], text: '', report: {} as PackResult['report'] }), { scope: { kind: 'workspace' }, workspaceFolders: [ws], settings, budget: null, reserve: 0, query: '' });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.scope).toBeUndefined();
  });
});

describe('paths', () => {
  it('maps report paths back to disk for one and for several roots', () => {
    expect(absolutePathOf('src/a.ts', rootsWithPrefixes([ws]))).toBe(join(ws, 'src', 'a.ts'));
    expect(absolutePathOf('api/src/a.ts', rootsWithPrefixes(['/x/web', '/x/api']))).toBe(join('/x/api', 'src', 'a.ts'));
  });

  it('maps report paths of two roots with the same folder name to their own root', () => {
    const roots = rootsWithPrefixes(['/x/a/api', '/x/b/api', '/x/api-']);
    expect(roots.map((r) => r.prefix)).toEqual(['api/', 'api-2/', 'api-/']);
    expect(absolutePathOf('api/src/a.ts', roots)).toBe(join('/x/a/api', 'src', 'a.ts'));
    expect(absolutePathOf('api-2/src/a.ts', roots)).toBe(join('/x/b/api', 'src', 'a.ts'));
    expect(absolutePathOf('api-/src/a.ts', roots)).toBe(join('/x/api-', 'src', 'a.ts'));
  });

  it('labels paths relative to their workspace folder', () => {
    expect(labelFor(join(ws, 'src', 'util'), [ws])).toBe('src/util');
    expect(labelFor('/x/api/src', ['/x/web', '/x/api'])).toBe('api/src');
    expect(labelFor('/y/api/src', ['/x/api', '/y/api'])).toBe('api-2/src');
    expect(labelFor('/outside/a', [ws])).toBe('/outside/a');
  });

  it('opens only files that are in the packed list', () => {
    const files = [{ path: 'a.ts', absPath: join(ws, 'a.ts'), tokens: 1, mode: 'full' as const }];
    expect(isPackedFile(join(ws, 'a.ts'), files)).toBe(true);
    expect(isPackedFile('/etc/passwd', files)).toBe(false);
  });

  it('carries each file\'s selection reason to the chat\'s file list, when the report has one', () => {
    const report = { root: ws, roots: [ws], rootPrefixes: rootsWithPrefixes([ws]), encoding: 'o200k_base' as const, format: 'xml' as const, budget: 100, reserve: 0, totalTokens: 7, skipped: [], redactionCount: 0, warnings: [], cycles: [], timings: {} };
    const files = [
      { path: 'a.ts', tokens: 5, mode: 'full' as const, redactions: 0, reason: 'defines-query' as const },
      { path: 'b.ts', tokens: 0, mode: 'path-only' as const, redactions: 0 },
    ];
    expect(packedFilesOf({ ...report, files })).toEqual([
      { path: 'a.ts', absPath: join(ws, 'a.ts'), tokens: 5, mode: 'full', reason: 'defines-query' },
      { path: 'b.ts', absPath: join(ws, 'b.ts'), tokens: 0, mode: 'path-only' },
    ]);
  });
});

describe('budgets', () => {
  it('gives the answer its tokens and reserves the conversation plus framing', () => {
    expect(contextBudget(128_000, 8000, 1500)).toEqual({ budget: 120_000, reserve: 1500 + FRAMING_TOKENS });
  });

  it('never reserves more than the budget on a tiny window', () => {
    expect(contextBudget(1000, 2000, 50)).toEqual({ budget: 0, reserve: 0 });
  });

  it('shrinks the pack share to three quarters of what was packed', () => {
    const next = shrunkBudget({ budget: 100_000, reserve: 10_000 }, 80_000);
    expect(next).toEqual({ budget: 60_000 + 10_000, reserve: 10_000 });
  });
});

describe('token report', () => {
  const report = {
    totalTokens: 1000,
    skipped: [{ path: 'big.bin', reason: 'binary' as const }, { path: 'x.bin', reason: 'binary' as const }],
    files: [
      { path: 'src/a/x.ts', tokens: 300, mode: 'full' as const, redactions: 0 },
      { path: 'src/b.ts', tokens: 200, mode: 'outline' as const, redactions: 0 },
      { path: 'docs/readme|x.md', tokens: 400, mode: 'full' as const, redactions: 0 },
      { path: 'main.ts', tokens: 100, mode: 'full' as const, redactions: 0 },
    ],
  };

  it('sums tokens per top-level folder, largest first', () => {
    expect(folderTotals(report.files)).toEqual([
      { folder: 'src', tokens: 500, files: 2 },
      { folder: 'docs', tokens: 400, files: 1 },
      { folder: '.', tokens: 100, files: 1 },
    ]);
  });

  it('writes markdown tables with escaped cells and the skip reasons', () => {
    const labels = { title: 'T', summary: 'S', folders: 'Folders', files: 'Files', folder: 'Folder', file: 'File', tokens: 'Tokens', share: 'Share', mode: 'Mode', count: 'Count', skipped: 'Skipped' };
    const md = tokenReportMarkdown(report, labels);
    expect(md).toContain('| docs/readme\\|x.md | full | 400 | 40.0% |');
    expect(md).toContain('| src/b.ts | outline | 200 | 20.0% |');
    expect(md).toContain('- binary: 2');
    expect(md.indexOf('docs/readme')).toBeLessThan(md.indexOf('src/a/x.ts', md.indexOf('## Files')));
  });

  it('shows the workspace against the window and flags overflow', () => {
    expect(statusBarText(45_300, 128_000)).toEqual({ text: '$(book) 45k / 128k', overWindow: false });
    expect(statusBarText(2_400_000, 1_000_000).overWindow).toBe(true);
  });
});

describe('listFolders', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tome-folders-'));
    for (const d of ['src/app', 'src/util/deep/deeper', 'node_modules/x', '.git/objects', 'docs']) mkdirSync(join(root, d), { recursive: true });
    writeFileSync(join(root, 'src', 'file.ts'), '');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists folders to a depth, skipping dependencies, VCS and hidden folders', async () => {
    const labels = (await listFolders([root], 3)).map((f) => f.label);
    expect(labels).toEqual(['docs', 'src', 'src/app', 'src/util', 'src/util/deep']);
  });
});
