/**
 * Warm packs across runs (as the CLI makes them: a stat index and a facts store opened from the
 * cache folder, used, saved): unchanged files are neither hashed nor scanned for secrets again,
 * their remembered findings give the same text a fresh redaction does, and nothing that changed,
 * nor a damaged facts file, lets a secret through.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PackEngine, readFiles, withDefaults } from '../../src/core';
import { cacheScopeOf, DiskFactStore, FACTS_FILE, scopedFileName, type BlockTokensFact } from '../../src/core/facts';
import { decodeFactsFile, encodeFactsFile } from '../../src/core/facts/diskStore';
import { StatIndex } from '../../src/core/read';
import { applyRedactions, findSecrets, redactFile, redactText } from '../../src/core/redact';
import { fakeAwsKeyId } from './mcpTree';
import { countingCounter, fixture, referenceCount } from './packTestSupport';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

const HOUR = 3600_000;

/** Sets every file's mtime an hour back, so the racy-git rule lets the stat index trust them. */
function ageTree(dir: string, mtimeMs = Date.now() - HOUR): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), mtimeMs / 1000, mtimeMs / 1000);
  }
}

/** A copy of the redact-secrets fixture with a TypeScript file holding a fresh key, aged. */
function secretsTree(): { root: string; secret: string } {
  const root = tempDir('tome-warm-tree-');
  cpSync(fixture('redact-secrets'), root, { recursive: true });
  const secret = fakeAwsKeyId();
  writeFileSync(join(root, 'settings.ts'), `export const settings = { region: 'eu-west-1' };\nexport const spare = 'XXXXXXXXXXXXXXXXXXXX';\n`);
  writeFileSync(join(root, 'keys.ts'), `export const awsAccessKeyId = '${secret}';\n`);
  ageTree(root);
  return { root, secret };
}

/** One CLI-like run: open the cache folder's stat index and facts, pack, save them. */
async function run(root: string, cacheDir: string): Promise<{ text: string; scanned: string[]; trusted: number; redactions: number; counted: number; totalTokens: number }> {
  const scope = cacheScopeOf([root]);
  const statIndex = await StatIndex.open(cacheDir, undefined, scope);
  const facts = await DiskFactStore.open(cacheDir, { scope });
  const scanned: string[] = [];
  const counter = countingCounter();
  const engine = new PackEngine({
    tokenCounter: counter,
    facts,
    stages: {
      readFiles: (files, options) => readFiles(files, { ...options, statIndex }),
      redactFile: (file) => (scanned.push(file.path), redactFile(file)),
    },
  });
  const { text, report } = await engine.pack(withDefaults({ roots: [root] }));
  await Promise.all([statIndex.save(), facts.close()]);
  return { text, scanned: scanned.sort(), trusted: statIndex.lookups.trusted, redactions: report.redactionCount, counted: counter.texts, totalTokens: report.totalTokens };
}

describe('warm packs over remembered redaction findings', () => {
  it('neither hashes nor scans unchanged files again, and gives the text of a fresh redaction', async () => {
    const { root, secret } = secretsTree();
    const cacheDir = tempDir('tome-warm-cache-');
    const cold = await run(root, cacheDir);
    expect(cold.scanned.length).toBeGreaterThan(5);
    expect(cold.redactions).toBeGreaterThan(5);
    expect(cold.text).toContain('[REDACTED:aws-access-key-id]');
    expect(cold.text).not.toContain(secret);

    const warm = await run(root, cacheDir);
    expect(warm.scanned).toEqual([]);
    expect(warm.trusted).toBe(cold.scanned.length);
    // Block counts come from the store too: only the fixed parts and the footer are counted.
    expect(cold.counted).toBeGreaterThan(cold.scanned.length);
    expect(warm.counted).toBeLessThan(cold.counted - cold.scanned.length + 1);
    expect(warm.text).toBe(cold.text);
    expect(warm.redactions).toBe(cold.redactions);

    // And the same as packing with no cache at all.
    const fresh = await new PackEngine({ tokenCounter: countingCounter() }).pack(withDefaults({ roots: [root] }));
    expect(warm.text).toBe(fresh.text);
  }, 60_000);

  it('applies remembered findings to give exactly what redacting the text again gives, file by file', async () => {
    const dir = fixture('redact-secrets');
    let withSecrets = 0;
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      const spans = await findSecrets(text, name);
      if (spans.length > 0) withSecrets++;
      const again = applyRedactions(text, JSON.parse(JSON.stringify(spans)));
      expect(again).toEqual(await redactText(text, name));
      expect(again.redactions).toBe(spans.length);
    }
    expect(withSecrets).toBeGreaterThan(3);
  });

  it('counts a block again when its remembered length does not match the block rendered now', async () => {
    const { root } = secretsTree();
    const cacheDir = tempDir('tome-warm-cache-');
    const cold = await run(root, cacheDir);
    const factsPath = join(cacheDir, scopedFileName(FACTS_FILE, cacheScopeOf([root])));
    const content = decodeFactsFile(readFileSync(factsPath));
    if (content === null) throw new Error('no facts file');
    let tampered = 0;
    for (const row of content.rows) {
      if (row[0] !== 'blockTokens') continue;
      const fact = row[4] as BlockTokensFact;
      row[4] = { length: fact.length + 1, tokens: 1 };
      tampered++;
    }
    expect(tampered).toBe(cold.scanned.length);
    writeFileSync(factsPath, encodeFactsFile(content));
    const warm = await run(root, cacheDir);
    expect(warm.counted).toBeGreaterThanOrEqual(tampered);
    expect(warm.text).toBe(cold.text);
    expect(warm.totalTokens).toBe(referenceCount(warm.text));
  });

  it('scans a same-size edit that adds a secret, even with its old mtime put back (ctime differs)', async () => {
    const { root } = secretsTree();
    const cacheDir = tempDir('tome-warm-cache-');
    await run(root, cacheDir);
    const path = join(root, 'settings.ts');
    const before = statSync(path);
    const added = fakeAwsKeyId();
    const edited = readFileSync(path, 'utf8').replace('XXXXXXXXXXXXXXXXXXXX', added);
    writeFileSync(path, edited);
    utimesSync(path, before.atime, before.mtime);
    const after = statSync(path);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    expect(after.ctimeMs).not.toBe(before.ctimeMs);

    const warm = await run(root, cacheDir);
    expect(warm.scanned).toEqual(['settings.ts']);
    expect(warm.text).not.toContain(added);
    expect(warm.text).toContain("spare = '[REDACTED:aws-access-key-id]'");
  });

  it('loses nothing to a damaged or cut-short facts file: every file is scanned again', async () => {
    const { root, secret } = secretsTree();
    const cacheDir = tempDir('tome-warm-cache-');
    const cold = await run(root, cacheDir);
    const factsPath = join(cacheDir, scopedFileName(FACTS_FILE, cacheScopeOf([root])));
    const whole = readFileSync(factsPath);

    writeFileSync(factsPath, whole.subarray(0, Math.floor(whole.length / 2)));
    const afterCut = await run(root, cacheDir);
    expect(afterCut.scanned).toEqual(cold.scanned);
    expect(afterCut.text).toBe(cold.text);

    const flipped = Buffer.from(whole);
    const at = flipped.indexOf('findings');
    flipped[at] = 'F'.charCodeAt(0);
    writeFileSync(factsPath, flipped);
    const afterFlip = await run(root, cacheDir);
    expect(afterFlip.scanned).toEqual(cold.scanned);
    expect(afterFlip.text).toBe(cold.text);
    expect(afterFlip.text).not.toContain(secret);
  });

  it('keeps one stat index and facts file per tree, so a small tree does not load a big one', async () => {
    const big = secretsTree().root;
    const small = tempDir('tome-warm-small-');
    writeFileSync(join(small, 'a.ts'), 'export const a = 1;\n');
    ageTree(small);
    const cacheDir = tempDir('tome-warm-cache-');
    await run(big, cacheDir);
    await run(small, cacheDir);
    const names = readdirSync(cacheDir).sort();
    expect(names).toEqual(
      [
        scopedFileName(FACTS_FILE, cacheScopeOf([big])),
        scopedFileName(FACTS_FILE, cacheScopeOf([small])),
        scopedFileName('stat-index.bin', cacheScopeOf([big])),
        scopedFileName('stat-index.bin', cacheScopeOf([small])),
      ].sort(),
    );
    const reopened = await DiskFactStore.open(cacheDir, { scope: cacheScopeOf([small]) });
    // At most a.ts's own facts (findings, imports, outline, block tokens), none of the big tree's.
    expect(reopened.lookups.loaded).toBeLessThanOrEqual(4);
    const bigStore = await DiskFactStore.open(cacheDir, { scope: cacheScopeOf([big]) });
    expect(bigStore.lookups.loaded).toBeGreaterThan(reopened.lookups.loaded + 5);
  });
});
