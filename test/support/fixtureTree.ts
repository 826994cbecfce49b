/** Fixture trees for the scan, read and redact tests: where they live and private copies of them. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of `test/fixtures/<name>`. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/**
 * Copies `test/fixtures/<name>` into a fresh temporary folder (links copied as links) so a test
 * can add what git cannot store, such as a `.git` folder, or change files under the scan.
 */
export async function copyFixture(name: string): Promise<{ root: string; remove: () => Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), `tome-${name}-`));
  const root = join(parent, name);
  await cp(fixturePath(name), root, { recursive: true, verbatimSymlinks: true });
  return { root, remove: () => rm(parent, { recursive: true, force: true }) };
}
