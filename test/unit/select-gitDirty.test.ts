import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uncommittedFiles } from '../../src/core/select';
import { parsePorcelainZ } from '../../src/core/select/gitDirty';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'ignore' });
}

/** A repository with committed files in the root and in `app/`, then some uncommitted changes. */
function repoWithChanges(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tome-dirty-'));
  mkdirSync(join(dir, 'app', 'src'), { recursive: true });
  for (const f of ['top.ts', 'app/src/clean.ts', 'app/src/edited.ts', 'app/src/old name.ts', 'app/src/staged.ts']) writeFileSync(join(dir, f), `// ${f}\n`);
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'start');
  writeFileSync(join(dir, 'top.ts'), '// changed\n');
  writeFileSync(join(dir, 'app/src/edited.ts'), '// changed\n');
  writeFileSync(join(dir, 'app/src/staged.ts'), '// changed\n');
  git(dir, 'add', 'app/src/staged.ts');
  renameSync(join(dir, 'app/src/old name.ts'), join(dir, 'app/src/new name.ts'));
  git(dir, 'add', '-A', 'app/src');
  writeFileSync(join(dir, 'app/src/untracked ü.ts'), '// new\n');
  return dir;
}

describe('uncommittedFiles', () => {
  it('lists modified, staged, renamed and untracked files relative to the root', async () => {
    const dir = repoWithChanges();
    expect([...(await uncommittedFiles(dir))].sort()).toEqual([
      'app/src/edited.ts',
      'app/src/new name.ts',
      'app/src/staged.ts',
      'app/src/untracked ü.ts',
      'top.ts',
    ]);
  });

  it('answers relative to a root inside the repository, leaving out changes above it', async () => {
    const dir = repoWithChanges();
    expect([...(await uncommittedFiles(join(dir, 'app')))].sort()).toEqual([
      'src/edited.ts',
      'src/new name.ts',
      'src/staged.ts',
      'src/untracked ü.ts',
    ]);
  });

  it('is an empty set, not an error, outside a git work tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tome-nogit-'));
    writeFileSync(join(dir, 'a.ts'), 'x');
    expect((await uncommittedFiles(dir)).size).toBe(0);
    expect((await uncommittedFiles(join(dir, 'missing-folder'))).size).toBe(0);
  });

  it('skips the original path of a rename in porcelain -z output', () => {
    expect([...parsePorcelainZ('R  new.ts\0old.ts\0 M b.ts\0?? c d.ts\0')]).toEqual(['new.ts', 'b.ts', 'c d.ts']);
    expect([...parsePorcelainZ(' M sub/x.ts\0 M other/y.ts\0', 'sub/')]).toEqual(['x.ts']);
  });
});
