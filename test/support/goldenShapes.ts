/**
 * Request shapes whose packed text must stay byte-identical across refactors of the pipeline.
 * The same table runs against the code under test (test/unit/pack-identical.test.ts) and, once,
 * against the pre-restructure baseline commit to record the expected SHA-256 of each text. It
 * takes the pack API as a parameter, so it imports nothing from src/ itself.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** What a golden shape needs from the code under test. */
export interface GoldenApi {
  /** Packs a request (shapes are plain objects; the api fills in defaults). */
  pack: (request: Record<string, unknown>) => Promise<{ text: string }>;
  /** Packs a chat scope the way a folder- or file-scoped question does. */
  packScope: (input: { scope: { kind: 'folder' | 'file'; absPath: string; label: string }; workspaceFolders: string[]; budget: number | null; query: string }) => Promise<{ text: string }>;
}

/** One request: fixture trees (copied to fixed names under a base folder) and the request fields. */
export interface GoldenShape {
  name: string;
  /** Fixture folder (under test/fixtures) → the folder name it is copied to; one root each. */
  trees: { fixture: string; as: string }[];
  request?: Record<string, unknown>;
  /** A scoped question instead: the path (relative to the only root) and its kind. */
  scope?: { kind: 'folder' | 'file'; rel: string; budget: number | null; query: string };
}

export const GOLDEN_SHAPES: GoldenShape[] = [
  { name: 'pack-basic full xml', trees: [{ fixture: 'pack-basic', as: 'pack-basic' }] },
  { name: 'pack-basic markdown with line numbers', trees: [{ fixture: 'pack-basic', as: 'pack-basic' }], request: { format: 'markdown', lineNumbers: true } },
  { name: 'select-app budgeted with a query', trees: [{ fixture: 'select-app', as: 'select-app' }], request: { budget: 1500, query: 'shadow' } },
  { name: 'select-app plain with focus', trees: [{ fixture: 'select-app', as: 'select-app' }], request: { format: 'plain', budget: 1800, focus: ['src/app.ts'] } },
  {
    name: 'e2e-workspace outline and path-only modes',
    trees: [{ fixture: 'e2e-workspace', as: 'workspace' }],
    request: { modes: [{ pattern: 'src/util/**', mode: 'outline' }, { pattern: 'docs/**', mode: 'path-only' }], budget: 4000 },
  },
  { name: 'graph-ts-monorepo dependency order', trees: [{ fixture: 'graph-ts-monorepo', as: 'mono' }] },
  { name: 'graph-python', trees: [{ fixture: 'graph-python', as: 'py' }] },
  { name: 'graph-go', trees: [{ fixture: 'graph-go', as: 'go' }] },
  { name: 'graph-rust', trees: [{ fixture: 'graph-rust', as: 'rust' }] },
  { name: 'graph-java', trees: [{ fixture: 'graph-java', as: 'java' }] },
  { name: 'graph-mixed markdown', trees: [{ fixture: 'graph-mixed', as: 'mixed' }], request: { format: 'markdown' } },
  {
    name: 'multi-root budgeted',
    trees: [{ fixture: 'pack-basic', as: 'web' }, { fixture: 'golden-basic/input', as: 'api' }],
    request: { budget: 2500, query: 'config' },
  },
  {
    name: 'two roots with the same folder name and a focus in the second',
    trees: [{ fixture: 'pack-basic', as: 'one/app' }, { fixture: 'pack-basic', as: 'two/app' }],
    request: { budget: 3000, focus: ['@1/src/lib/strings.ts'] },
  },
  { name: 'folder-scoped question, no budget', trees: [{ fixture: 'e2e-workspace', as: 'workspace' }], scope: { kind: 'folder', rel: 'src/billing', budget: null, query: '' } },
  { name: 'folder-scoped question with a budget', trees: [{ fixture: 'e2e-workspace', as: 'workspace' }], scope: { kind: 'folder', rel: 'src/model', budget: 2000, query: 'shelf' } },
  { name: 'file-scoped question in a monorepo', trees: [{ fixture: 'graph-ts-monorepo', as: 'mono' }], scope: { kind: 'file', rel: 'packages/app/src/main.tsx', budget: null, query: '' } },
];

/** Copies the shape's trees under `base` (a fresh folder) and returns the absolute roots. */
export function placeTrees(shape: GoldenShape, fixtures: string, base: string): string[] {
  return shape.trees.map(({ fixture, as }) => {
    const dest = join(base, as);
    mkdirSync(dest, { recursive: true });
    cpSync(join(fixtures, fixture), dest, { recursive: true });
    return dest;
  });
}

/** Runs one shape over roots placed by {@link placeTrees}; returns the SHA-256 of the text. */
export async function goldenHash(api: GoldenApi, shape: GoldenShape, roots: string[]): Promise<string> {
  let text: string;
  if (shape.scope) {
    const root = roots[0] ?? '';
    const absPath = join(root, ...shape.scope.rel.split('/'));
    ({ text } = await api.packScope({ scope: { kind: shape.scope.kind, absPath, label: shape.scope.rel }, workspaceFolders: [root], budget: shape.scope.budget, query: shape.scope.query }));
  } else {
    // `@N/path` focus entries name a path inside the N-th root (absolute once placed).
    const request: Record<string, unknown> = { ...shape.request, roots };
    const focus = shape.request?.focus;
    if (Array.isArray(focus)) {
      request.focus = focus.map((f: string) => {
        const m = /^@(\d+)\/(.*)$/.exec(f);
        return m ? join(roots[Number(m[1])] ?? '', ...(m[2] ?? '').split('/')) : f;
      });
    }
    ({ text } = await api.pack(request));
  }
  return createHash('sha256').update(text).digest('hex');
}

/** Shapes over the bench corpora (present only where they were fetched); the root is the corpus. */
export interface CorpusShape {
  name: string;
  corpus: 'three' | 'sqlalchemy';
  request?: Record<string, unknown>;
  scope?: { kind: 'folder' | 'file'; rel: string; budget: number | null; query: string };
}

export const CORPUS_SHAPES: CorpusShape[] = [
  { name: 'three full xml', corpus: 'three' },
  { name: 'three budgeted with a query', corpus: 'three', request: { budget: 100_000, query: 'how does the renderer sort transparent objects' } },
  { name: 'three folder-scoped question', corpus: 'three', scope: { kind: 'folder', rel: 'src/math', budget: 200_000, query: 'quaternion slerp' } },
  { name: 'sqlalchemy full markdown', corpus: 'sqlalchemy', request: { format: 'markdown' } },
  { name: 'sqlalchemy budgeted with a query', corpus: 'sqlalchemy', request: { budget: 150_000, query: 'session flush unit of work' } },
  { name: 'sqlalchemy folder-scoped question', corpus: 'sqlalchemy', scope: { kind: 'folder', rel: 'lib/sqlalchemy/orm', budget: null, query: '' } },
];

/** Runs a corpus shape over the corpus folder `root`; returns the SHA-256 of the text. */
export function corpusHash(api: GoldenApi, shape: CorpusShape, root: string): Promise<string> {
  return goldenHash(api, { name: shape.name, trees: [], ...(shape.request ? { request: shape.request } : {}), ...(shape.scope ? { scope: shape.scope } : {}) }, [root]);
}
