import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pack } from '../../src/core/pack/index';
import { withDefaults } from '../../src/core/pack/request';
import type { OutputFormat } from '../../src/core/types';
import { countingCounter, fixture } from './packTestSupport';

const EXPECTED: Record<OutputFormat, string> = { xml: 'expected.xml', markdown: 'expected.md', plain: 'expected.txt' };

/**
 * The committed outputs pin every byte of each format. After an intended change to the output,
 * regenerate them with `UPDATE_GOLDEN=1` and review the diff.
 */
describe.each(Object.keys(EXPECTED) as OutputFormat[])('the %s output of golden-basic', (format) => {
  it('matches the committed expected output byte for byte', async () => {
    const request = withDefaults({ roots: [fixture('golden-basic', 'input')], format, order: 'path' });
    const { text } = await pack(request, { tokenCounter: countingCounter() });
    const expectedPath = fixture('golden-basic', EXPECTED[format]);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, text);
    expect(text).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
