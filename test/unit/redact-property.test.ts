import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/core/redact';

/** Prose made of lower-case words and punctuation: no detector can match inside it. */
const prose = fc.stringMatching(/^[a-z .,\n]{0,200}$/);
const alnum = fc.stringMatching(/^[A-Za-z0-9]{36}$/);

describe('redactText properties', () => {
  it('leaves text without secrets byte-identical', async () => {
    await fc.assert(
      fc.asyncProperty(prose, async (text) => {
        expect(await redactText(text)).toEqual({ text, redactions: 0, kinds: {} });
      }),
    );
  });

  it('replaces exactly the token and keeps the text on both sides', async () => {
    await fc.assert(
      fc.asyncProperty(prose, alnum, prose, async (before, body, after) => {
        const result = await redactText(`${before} ghp_${body} ${after}`);
        expect(result.text).toBe(`${before} [REDACTED:github-token] ${after}`);
        expect(result.kinds).toEqual({ 'github-token': 1 });
      }),
    );
  });
});
