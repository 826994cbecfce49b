import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { buildRankIndex, lookupRank, parseRankIndex, serializeRankIndex, type TiktokenRanksJson } from '../../src/core/tokenize/rankIndex';

/** Every token of js-tiktoken's source with its rank, decoded independently of the index. */
function tokensOf(source: TiktokenRanksJson): Map<string, number> {
  const tokens = new Map<string, number>();
  for (const line of source.bpe_ranks.split('\n')) {
    const [, first, ...encoded] = line.split(' ');
    if (first === undefined) continue;
    encoded.forEach((b64, i) => tokens.set(Buffer.from(b64, 'base64').toString('latin1'), Number(first) + i));
  }
  return tokens;
}

describe('packed rank index', () => {
  for (const [name, source] of [['o200k_base', o200k], ['cl100k_base', cl100k]] as const) {
    it(`finds the rank of every ${name} token, and nothing for byte strings that are not one`, () => {
      const index = buildRankIndex(source);
      const tokens = tokensOf(source);
      expect(index.ranks.length).toBe(tokens.size);
      for (const [bytes, rank] of tokens) expect(lookupRank(index, bytes)).toBe(rank);
      for (const miss of ['', 'zzqxj', '\u00ff\u00fe\u00fd\u00fc', 'x'.repeat(300)]) {
        expect(tokens.has(miss)).toBe(false);
        expect(lookupRank(index, miss)).toBeUndefined();
      }
      expect(index.pattern).toBe(source.pat_str);
    });
  }

  it('reads back what it writes, at any alignment of the buffer', () => {
    const index = buildRankIndex(cl100k);
    const file = serializeRankIndex(index);
    const shifted = new Uint8Array(file.length + 1);
    shifted.set(file, 1);
    for (const copy of [file, shifted.subarray(1)]) {
      const read = parseRankIndex(copy);
      expect(read).toBeDefined();
      if (!read) return;
      expect(read.pattern).toBe(index.pattern);
      expect([...read.offsets]).toEqual([...index.offsets]);
      expect([...read.ranks]).toEqual([...index.ranks]);
      expect([...read.slots]).toEqual([...index.slots]);
      expect(Buffer.from(read.bytes).equals(Buffer.from(index.bytes))).toBe(true);
      expect(lookupRank(read, ' the')).toBe(lookupRank(index, ' the'));
    }
  });

  it('refuses a file cut short, of another format, or with a broken header', () => {
    const file = serializeRankIndex(buildRankIndex(cl100k));
    const text = Buffer.from(file);
    expect(parseRankIndex(file.subarray(0, file.length - 1))).toBeUndefined();
    expect(parseRankIndex(new Uint8Array(0))).toBeUndefined();
    expect(parseRankIndex(Buffer.from('tome-ranks 2\n{}\n'))).toBeUndefined();
    const headerEnd = text.indexOf(10, text.indexOf(10) + 1);
    const broken = Buffer.concat([Buffer.from('tome-ranks 1\n{"pattern":'), text.subarray(headerEnd)]);
    expect(parseRankIndex(broken)).toBeUndefined();
    const header = JSON.parse(text.subarray(text.indexOf(10) + 1, headerEnd).toString('utf8')) as Record<string, unknown>;
    const lying = Buffer.from(`tome-ranks 1\n${JSON.stringify({ ...header, tokens: (header.tokens as number) + 1 })}\n`);
    expect(parseRankIndex(Buffer.concat([lying, text.subarray(headerEnd + 1)]))).toBeUndefined();
  });
});
