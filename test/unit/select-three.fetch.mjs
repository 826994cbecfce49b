// Fetches the `three` npm package (a real tree far larger than a 100K budget) into a
// git-ignored cache for test/unit/select-three.test.ts. Run once: node test/unit/select-three.fetch.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '0.170.0';
const cache = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench', '.cache', `three-${VERSION}`);
if (existsSync(join(cache, 'package', 'package.json'))) {
  console.log(`already fetched: ${cache}`);
} else {
  mkdirSync(cache, { recursive: true });
  execFileSync('npm', ['pack', `three@${VERSION}`, '--pack-destination', cache], { stdio: 'inherit' });
  const tarball = readdirSync(cache).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack produced no tarball');
  execFileSync('tar', ['-xzf', join(cache, tarball), '-C', cache], { stdio: 'inherit' });
  console.log(`fetched into ${cache}`);
}
