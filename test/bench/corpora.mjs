// Benchmark corpora: real npm packages fetched with `npm pack` into test/bench/.cache, and
// generated trees (see generate.mjs). Nothing here is committed; every corpus is reproducible.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTree } from './generate.mjs';
import { generatePythonTree } from './generatePython.mjs';

/** The real-package corpora: npm spec and the folder inside the package that is packed. */
export const PACKAGES = [
  { name: 'three', spec: 'three@0.170.0', subdir: '' },
  { name: 'effect-src', spec: 'effect@3.10.0', subdir: 'src' },
  { name: 'rxjs-src', spec: 'rxjs@7.8.2', subdir: 'src' },
];

/**
 * Python corpora compared with repomix like the packages: sqlalchemy from a tarball kept beside
 * the repository (`../shared/bench-corpora`, skipped when absent) and a generated Python tree.
 */
export const PYTHON_CORPORA = [
  { name: 'sqlalchemy', tarball: join('..', 'shared', 'bench-corpora', 'sqlalchemy.tar.gz'), subdir: 'sqlalchemy' },
  { name: 'python-gen', files: 2_000, seed: 33 },
];

/** Generated trees: file count and seed. */
export const GENERATED = [
  { name: 'gen-10k', files: 10_000, seed: 10 },
  { name: 'gen-100k', files: 100_000, seed: 100 },
];

/**
 * Unpacks `spec` into cacheDir/<name> (once) and returns the folder to pack. A `.git` folder is
 * created there so the repository's own .gitignore (which ignores .cache/) does not apply.
 */
export function ensurePackage(cacheDir, { name, spec, subdir }) {
  const dest = join(cacheDir, 'corpora', name);
  const done = join(dest, '.complete');
  if (!existsSync(done)) {
    rmSync(dest, { recursive: true, force: true });
    const tarballs = join(cacheDir, 'tarballs');
    mkdirSync(tarballs, { recursive: true });
    mkdirSync(dest, { recursive: true });
    const file = execFileSync('npm', ['pack', spec, '--pack-destination', tarballs, '--silent'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['-xzf', join(tarballs, file), '-C', dest]);
    isolateFromRepository(join(dest, 'package'));
    writeFileSync(done, `${spec}\n`);
  }
  return subdir ? join(dest, 'package', subdir) : join(dest, 'package');
}

/** Generates (once) a tree of `files` files and returns its folder. */
export function ensureGenerated(cacheDir, { name, files, seed }) {
  const dest = join(cacheDir, 'corpora', name);
  const done = join(dest, '.complete');
  if (!existsSync(done)) {
    rmSync(dest, { recursive: true, force: true });
    const root = join(dest, 'tree');
    const stats = generateTree(root, files, seed);
    isolateFromRepository(root);
    writeFileSync(done, `${JSON.stringify(stats)}\n`);
  }
  return join(dest, 'tree');
}

/**
 * The folder of a Python corpus, unpacked or generated once; null (with the reason) when its
 * tarball is absent. `repo` is the repository root the tarball path is relative to.
 */
export function ensurePythonCorpus(cacheDir, repo, spec) {
  const dest = join(cacheDir, 'corpora', spec.name);
  const done = join(dest, '.complete');
  if (spec.tarball === undefined) {
    if (!existsSync(done)) {
      rmSync(dest, { recursive: true, force: true });
      const stats = generatePythonTree(join(dest, 'tree'), spec.files, spec.seed);
      isolateFromRepository(join(dest, 'tree'));
      writeFileSync(done, `${JSON.stringify(stats)}\n`);
    }
    return { dir: join(dest, 'tree') };
  }
  const tarball = join(repo, spec.tarball);
  if (!existsSync(done)) {
    if (!existsSync(tarball)) return { dir: null, reason: `${tarball} not found` };
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', dest]);
    isolateFromRepository(join(dest, spec.subdir));
    writeFileSync(done, `${tarball}\n`);
  }
  return { dir: join(dest, spec.subdir) };
}

/** Makes the folder its own git work tree (empty), so outer ignore files stop at it. */
function isolateFromRepository(dir) {
  if (readdirSync(dir).includes('.git')) return;
  execFileSync('git', ['init', '-q', dir]);
}
