import fc from 'fast-check';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { isSafeJoin } from '../../src/core/tokenize';

const encoders = { o200k_base: new Tiktoken(o200k), cl100k_base: new Tiktoken(cl100k) };
const count = (enc: Tiktoken, text: string): number => enc.encode(text, [], []).length;

/** Text like a rendered block's insides: code, punctuation, whitespace, unicode. */
const blockText = fc
  .array(fc.constantFrom('a', 'Z', '1', ' ', '  ', '\t', '\n', '\r\n', ';', '}', '/', '//', '*', '<', '>', '"', "'s", 'é', '日', '🎉', '\u00a0'), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('isSafeJoin', () => {
  for (const [name, enc] of Object.entries(encoders)) {
    it(`keeps counts additive for every join it calls safe (${name})`, () => {
      const firstChar = fc.constantFrom('<', '#', '-', '=', '`', '"', '(', '{', 'a', 'Z', '1', '_', '日', '🎉', 'é', "'");
      fc.assert(
        fc.property(blockText, firstChar, blockText, (leftBody, first, rightBody) => {
          const left = `${leftBody}\n`;
          const right = first + rightBody;
          expect(isSafeJoin(left, right)).toBe(true);
          expect(count(enc, left) + count(enc, right)).toBe(count(enc, left + right));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('holds for blocks shaped like the xml, markdown and plain renderers', () => {
    const enc = encoders.o200k_base;
    const blocks = ['<file path="a.ts">\nconst a = 1;\n</file>\n', '## b.ts\n\n```ts\nexport {};\n```\n', '# c\n;\n', '---\nd\n'];
    for (const left of blocks) {
      for (const right of blocks) {
        expect(isSafeJoin(left, right)).toBe(true);
        expect(count(enc, left) + count(enc, right)).toBe(count(enc, left + right));
      }
    }
  });

  it('calls unsafe the joins that really change the count', () => {
    const enc = encoders.o200k_base;
    const unsafe: [string, string][] = [
      [';\n', '/ comment'], // o200k glues `/` to a punctuation piece ending in newlines
      ['x\n', '\ny'], // newlines merge into one whitespace piece
      ['x\n', ' \ny'],
      ['}\n\n', '\n\nx'],
    ];
    for (const [left, right] of unsafe) {
      expect(count(enc, left) + count(enc, right)).not.toBe(count(enc, left + right));
      expect(isSafeJoin(left, right)).toBe(false);
    }
  });

  it('treats a left part not ending in a newline as unsafe, and empty parts as safe', () => {
    expect(isSafeJoin('abc', 'def')).toBe(false);
    expect(isSafeJoin('', ' x')).toBe(true);
    expect(isSafeJoin('x\n', '')).toBe(true);
  });
});
