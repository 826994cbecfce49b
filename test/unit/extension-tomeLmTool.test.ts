import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackEngine } from '../../src/core/pack/index';
import type { PackRequest } from '../../src/core/pack/request';
import { DEFAULT_TOOL_BUDGET, resolveToolInput, TomeToolRunner, ToolInputError } from '../../src/chat/tomeLmTool';
import { countingCounter, fixture } from './packTestSupport';

const ROOT = fixture('pack-basic');
const settings = { encoding: 'o200k_base' as const, format: 'xml' as const, exclude: [], maxFileSize: 1024 * 1024, includeTests: true };

function runner() {
  const engine = new PackEngine({ tokenCounter: countingCounter() });
  const requests: PackRequest[] = [];
  const tool = new TomeToolRunner({
    pack: (request, options) => {
      requests.push(request);
      return engine.pack(request, options);
    },
    workspaceFolders: () => [ROOT],
    packSettings: () => settings,
  });
  return { tool, requests };
}

describe('#tome tool input', () => {
  it('defaults to the whole workspace with the default budget', () => {
    expect(resolveToolInput({}, [ROOT])).toEqual({ ok: true, scope: { kind: 'workspace' }, query: '', budget: DEFAULT_TOOL_BUDGET });
  });

  it('resolves a workspace-relative folder or file', () => {
    expect(resolveToolInput({ scope: 'file', path: 'src/lib/math.ts', budget: 2000, query: 'sum' }, [ROOT])).toEqual({
      ok: true,
      scope: { kind: 'file', absPath: join(ROOT, 'src', 'lib', 'math.ts'), label: 'src/lib/math.ts' },
      query: 'sum',
      budget: 2000,
    });
    expect(resolveToolInput({ path: 'src' }, [ROOT])).toMatchObject({ ok: true, scope: { kind: 'folder', label: 'src' } });
  });

  it('refuses paths outside the workspace, and a folder scope without a path', () => {
    expect(resolveToolInput({ scope: 'file', path: '../../../etc/passwd' }, [ROOT])).toEqual({ ok: false, problem: { kind: 'outside-workspace', path: '../../../etc/passwd' } });
    expect(resolveToolInput({ scope: 'folder', path: '/etc' }, [ROOT])).toMatchObject({ ok: false, problem: { kind: 'outside-workspace' } });
    expect(resolveToolInput({ scope: 'folder' }, [ROOT])).toEqual({ ok: false, problem: { kind: 'needs-path', scope: 'folder' } });
    expect(resolveToolInput({}, [])).toEqual({ ok: false, problem: { kind: 'no-workspace' } });
  });
});

describe('#tome tool runner', () => {
  it('packs once for prepare and hands that pack to the invoke with the same input', async () => {
    const { tool, requests } = runner();
    const prepared = await tool.prepare({ scope: 'workspace', budget: 1500 });
    expect(prepared.result.report.totalTokens).toBeLessThanOrEqual(1500);
    const invoked = await tool.invoke({ scope: 'workspace', budget: 1500 });
    expect(invoked).toBe(prepared);
    expect(requests).toHaveLength(1);
    await tool.invoke({ scope: 'workspace', budget: 1500 });
    expect(requests).toHaveLength(2);
  });

  it('packs a file with what it imports, redacted', async () => {
    const { tool } = runner();
    const { result } = await tool.invoke({ scope: 'file', path: 'src/main.ts' });
    expect(result.report.files.map((f) => f.path).sort()).toEqual(['src/config.ts', 'src/lib/math.ts', 'src/main.ts']);
    expect(result.text).not.toContain('AKIAQWERTYUIOPASDFGH');
  });

  it('rejects bad input as data', async () => {
    const { tool } = runner();
    await expect(tool.invoke({ scope: 'file', path: '../outside.ts' })).rejects.toBeInstanceOf(ToolInputError);
  });
});
