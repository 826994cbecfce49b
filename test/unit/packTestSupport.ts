import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getEncoding } from 'js-tiktoken';
import type { TokenCounter } from '../../src/core/tokenize/counter';
import type { Encoding } from '../../src/core/types';

/** Absolute path of a fixture folder under test/fixtures. */
export function fixture(...parts: string[]): string {
  return resolve(__dirname, '..', 'fixtures', ...parts);
}

/** A copy of a fixture in a fresh temporary folder, for tests that change files. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `tome-${name}-`));
  await cp(fixture(name), dir, { recursive: true });
  return dir;
}

type Tiktoken = ReturnType<typeof getEncoding>;
const encodings = new Map<Encoding, Tiktoken>();

/** js-tiktoken's encoder, built once per test file (building one takes about half a second). */
function encoder(encoding: Encoding): Tiktoken {
  let enc = encodings.get(encoding);
  if (!enc) {
    enc = getEncoding(encoding);
    encodings.set(encoding, enc);
  }
  return enc;
}

/** Exact token count with js-tiktoken directly: the reference every total is checked against. */
export function referenceCount(text: string, encoding: Encoding = 'o200k_base'): number {
  return encoder(encoding).encode(text).length;
}

/** A plain in-thread counter over js-tiktoken that records how many texts it was asked to count. */
export function countingCounter(encoding: Encoding = 'o200k_base'): TokenCounter & { texts: number } {
  const enc = encoder(encoding);
  const counter = {
    encoding,
    texts: 0,
    async countMany(texts: readonly string[], signal?: AbortSignal): Promise<number[]> {
      signal?.throwIfAborted();
      counter.texts += texts.length;
      return texts.map((t) => enc.encode(t).length);
    },
    async dispose(): Promise<void> {},
  };
  return counter;
}
