/**
 * One definition of test, fixture and generated files, read by the scan (`includeTests: false`)
 * and by selection's ranking. A real tree on disk shows both agree.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFiles } from '../../src/core/scan';
import { lowerKind } from '../../src/core/select/fileKind';

const TREE: Record<string, string> = {
  'src/app.ts': 'export const app = 1;\n',
  'src/app.test.ts': "import './app';\n",
  'Sources/Parser.swift': 'struct Parser {}\n',
  'Tests/ParserTests.swift': 'final class ParserTests {}\n',
  'src/Lexer.scala': 'object Lexer\n',
  'src/LexerTest.scala': 'class LexerTest\n',
  'api/openapi-spec.v2.yaml': 'openapi: 3.0.0\n',
  'fixtures/input.json': '{}\n',
  'src/__snapshots__/app.ts.snap': 'exports[`x`] = 1;\n',
  'mocks/server.ts': 'export {};\n',
  'testing/scheduler.ts': 'export class TestScheduler {}\n',
};

async function tree(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tome-kinds-'));
  for (const [path, text] of Object.entries(TREE)) {
    await mkdir(join(root, dirname(path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe('test and fixture files, one definition', () => {
  it('leaves tests and what they read out of a scan without tests, and keeps test helpers that ship', async () => {
    const root = await tree();
    const { files } = await scanFiles({ roots: [root], include: [], exclude: [], useGitignore: false, followSymlinks: false, includeTests: false });
    expect(files.map((f) => f.path).sort()).toEqual(['Sources/Parser.swift', 'api/openapi-spec.v2.yaml', 'src/Lexer.scala', 'src/app.ts', 'testing/scheduler.ts']);
  });

  it('ranks the same files as tests and fixtures, and test helpers as tests', () => {
    const kinds = Object.fromEntries(Object.entries(TREE).map(([path, text]) => [path, lowerKind(path, text)]));
    expect(kinds).toEqual({
      'src/app.ts': null,
      'src/app.test.ts': 'test',
      'Sources/Parser.swift': null,
      'Tests/ParserTests.swift': 'test',
      'src/Lexer.scala': null,
      'src/LexerTest.scala': 'test',
      'api/openapi-spec.v2.yaml': null,
      'fixtures/input.json': 'fixture',
      'src/__snapshots__/app.ts.snap': 'fixture',
      'mocks/server.ts': 'fixture',
      'testing/scheduler.ts': 'test',
    });
  });
});
