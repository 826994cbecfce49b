import fc from 'fast-check';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { countBytePairTokens } from '../../src/core/tokenize/bpe';
import { countBytePairTokensLong } from '../../src/core/tokenize/bpeHeap';
import { PieceCounter } from '../../src/core/tokenize/pieceCounter';
import { createRankTable } from '../../src/core/tokenize/ranks';

const ranks = createRankTable('o200k_base').rank;
const latin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

describe('byte-pair encoding of long pieces', () => {
  it('merges exactly like the array version on random pieces', () => {
    const piece = fc.array(fc.constantFrom('a', 'b', 'e', 'r', 't', 'x', '0', '1', '=', '+', '/', 'é', '日'), { minLength: 2, maxLength: 120 });
    fc.assert(
      fc.property(piece, (chars) => {
        const bytes = latin1(chars.join(''));
        expect(countBytePairTokensLong(bytes, ranks)).toBe(countBytePairTokens(bytes, ranks));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts long base64 and digit runs like js-tiktoken', { timeout: 300_000 }, () => {
    const reference = new Tiktoken(o200k);
    const counter = new PieceCounter('o200k_base');
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const base64 = Array.from({ length: 1500 }, () => alphabet[Math.floor(rand() * 64)]).join('');
    const texts = [`data = "${base64}";\n`, 'x'.repeat(1000), `${'ab'.repeat(400)}=`, `é${'日本'.repeat(200)}`];
    for (const text of texts) expect(counter.count(text)).toBe(reference.encode(text, [], []).length);
  });
});
