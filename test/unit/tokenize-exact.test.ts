import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { asciiPieceEnd, type PieceFlavor } from '../../src/core/tokenize/asciiPieces';
import { PieceCounter } from '../../src/core/tokenize/pieceCounter';
import type { Encoding } from '../../src/core/types';

const REPO = join(__dirname, '..', '..');
const TS_LIB = join(REPO, 'node_modules', 'typescript', 'lib');
const RANKS = { o200k_base: o200k, cl100k_base: cl100k } as const;
const ENCODINGS: Encoding[] = ['o200k_base', 'cl100k_base'];

/** Real code: TypeScript's lib .d.ts files (present after `npm ci`) and this repository's sources. */
function corpus(): { name: string; text: string }[] {
  const files = readdirSync(TS_LIB)
    .filter((f) => f.endsWith('.d.ts'))
    .map((f) => join(TS_LIB, f));
  const src = join(REPO, 'src', 'core');
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) files.push(join(entry.parentPath, entry.name));
  }
  return files.map((f) => ({ name: f, text: readFileSync(f, 'utf8') }));
}

const ADVERSARIAL = [
  '',
  ' ',
  '\n',
  '\r\n\r\n',
  'Hello, world!',
  "it's IT'S they'RE we'Ve I'M you'LL he'd 'S 's'",
  "don't DON'T Don'T x'sy 're're",
  'über Straße naïve café ÉCOLE ǅungla',
  '日本語のテキスト、中文文本，한국어 텍스트',
  'emoji 🎉🎉🎉 👩‍👩‍👧‍👦 🇰🇷 text',
  ' '.repeat(1000) + 'x' + '\t'.repeat(300) + '\n' + ' \n'.repeat(200),
  'a\u00a0b\u2028c\u3000d\ufeffe\u0085f',
  'line\r\nline\rline\n\n\n  \n\t\nend  ',
  'x = 12345678901234567890; y = ١٢٣٤٥ ٣',
  '/* comment */\n// another\n/// triple\n;\n/\n',
  '<|endoftext|> and <|endofprompt|> as plain text',
  'lone \ud800 surrogate \udc00 here',
  'combining e\u0301\u0301 marks\u0300 and ZWJ\u200d',
  'HTMLElement XMLHttpRequest getHTTPResponse ABCdef ABC_DEF a1b2c3',
  '\u0000\u0001\u001f\u007f control',
  "mixed: 'ŚS' 'Ñre' Ẁ've",
  'base64: ' + 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo='.repeat(40),
];

describe('PieceCounter counts exactly like js-tiktoken', () => {
  for (const encoding of ENCODINGS) {
    const reference = new Tiktoken(RANKS[encoding]);
    const expected = (text: string): number => reference.encode(text, [], []).length;

    // js-tiktoken itself counts ~1.5 MB/s, so the whole corpus for the default encoding and the
    // files under 100 kB for the other one; the timeout allows for a busy machine.
    it(`matches on every TypeScript lib and src/core file (${encoding})`, { timeout: 600_000 }, () => {
      const counter = new PieceCounter(encoding);
      const files = corpus().filter((f) => encoding === 'o200k_base' || f.text.length < 100_000);
      expect(files.length).toBeGreaterThan(50);
      const mismatches = files.filter((f) => counter.count(f.text) !== expected(f.text)).map((f) => f.name);
      expect(mismatches).toEqual([]);
    });

    it(`matches on adversarial strings (${encoding})`, () => {
      const counter = new PieceCounter(encoding);
      for (const text of ADVERSARIAL) expect(counter.count(text), JSON.stringify(text.slice(0, 40))).toBe(expected(text));
    });

    it(`matches on random strings mixing ASCII, whitespace and unicode (${encoding})`, () => {
      const counter = new PieceCounter(encoding);
      const alphabet = fc.constantFrom(
        ...'aZ Ab\'sSrReEvVlLdDmMtT09_/*;.,()<>#-\n\r\t\u000b\f'.split(''),
        'é', 'É', '日', '🎉', '\u00a0', '\u0301', '١',
      );
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
          const text = chars.join('');
          expect(counter.count(text)).toBe(expected(text));
        }),
        { numRuns: 3000 },
      );
    });
  }
});

describe('the ASCII scanner cuts where the regex cuts', () => {
  const flavors: [PieceFlavor, Encoding][] = [['o200k', 'o200k_base'], ['cl100k', 'cl100k_base']];
  for (const [flavor, encoding] of flavors) {
    it(`gives the same pieces as the regex on random ASCII (${flavor})`, () => {
      const pattern = new RegExp(RANKS[encoding].pat_str, 'gu');
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom(...' \t\n\r\u000baAzZ09\'sStTrReEvVlLdDmM/;._-()"\u0000'.split('')), maxLength: 40 }), (text) => {
          const ours: string[] = [];
          for (let i = 0; i < text.length; ) {
            const end = asciiPieceEnd(text, i, text.length, flavor);
            ours.push(text.slice(i, end));
            i = end;
          }
          expect(ours).toEqual([...text.matchAll(pattern)].map((m) => m[0]));
        }),
        { numRuns: 5000 },
      );
    });
  }
});
