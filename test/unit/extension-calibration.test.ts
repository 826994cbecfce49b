import { describe, expect, it } from 'vitest';
import { MemoryCalibrationStore, RATIO_LIMITS, TokenCalibrator } from '../../src/llm/calibration';
import {
  calibrationChanged,
  calibrationLine,
  calibrationMarkdown,
  formatRatio,
  logLineValues,
  meaningSentence,
  packSizeChangePercent,
  usableRecord,
  type CalibrationStrings,
} from '../../src/chat/calibrationReport';
import { tokenReportMarkdown, type TokenReportLabels } from '../../src/chat/tokenReport';

const strings: CalibrationStrings = {
  heading: 'Model calibration',
  model: 'Model',
  ratioOneAnswer: (ratio) => `${ratio} provider tokens per Tome token, measured on 1 answer.`,
  ratioAnswers: (ratio, answers) => `${ratio} provider tokens per Tome token, measured on ${answers} answers.`,
  smaller: (percent) => `Packs are sized ${percent} smaller.`,
  larger: (percent) => `Packs are sized ${percent} larger.`,
  unchanged: 'Pack sizes are not changed.',
  notCalibrated: 'Not calibrated yet.',
};

describe('packSizeChangePercent', () => {
  it('shrinks packs when the provider counts more tokens than Tome', () => {
    // window / 1.07 = 93.46% of the window
    expect(packSizeChangePercent(1.07)).toBe(-7);
    expect(packSizeChangePercent(1.25)).toBe(-20);
  });

  it('grows packs when the provider counts fewer tokens', () => {
    // window / 0.8 = 125% of the window
    expect(packSizeChangePercent(0.8)).toBe(25);
  });

  it('reports no change for a ratio of about 1', () => {
    expect(packSizeChangePercent(1)).toBe(0);
    expect(packSizeChangePercent(1.004)).toBe(0);
    expect(Object.is(packSizeChangePercent(1.004), -0)).toBe(false);
  });

  it('states what packing does, bounds included', () => {
    expect(packSizeChangePercent(RATIO_LIMITS.max * 2)).toBe(packSizeChangePercent(RATIO_LIMITS.max));
  });
});

describe('calibration sentences', () => {
  it('says how many answers the ratio rests on, singular and plural', () => {
    expect(calibrationLine({ ratio: 1.07, samples: 1 }, strings)).toBe('1.07 provider tokens per Tome token, measured on 1 answer. Packs are sized 7% smaller.');
    expect(calibrationLine({ ratio: 0.9, samples: 4 }, strings)).toBe('0.90 provider tokens per Tome token, measured on 4 answers. Packs are sized 11% larger.');
  });

  it('says pack sizes stay when the ratio rounds to 1', () => {
    expect(meaningSentence({ ratio: 1.002, samples: 2 }, strings)).toBe('Pack sizes are not changed.');
  });

  it('says "not calibrated" without a record or with a broken one', () => {
    expect(calibrationLine(undefined, strings)).toBe('Not calibrated yet.');
    expect(calibrationLine({ ratio: Number.NaN, samples: 3 }, strings)).toBe('Not calibrated yet.');
    expect(calibrationLine({ ratio: 1.1, samples: 0 }, strings)).toBe('Not calibrated yet.');
  });

  it('formats the ratio with two decimals', () => {
    expect(formatRatio(1.0666)).toBe('1.07');
    expect(formatRatio(1)).toBe('1.00');
  });
});

describe('usableRecord', () => {
  it('keeps records Tome writes and drops anything else', () => {
    expect(usableRecord({ ratio: 1.2, samples: 3 })).toEqual({ ratio: 1.2, samples: 3 });
    expect(usableRecord({ ratio: '1.2', samples: 3 })).toBeUndefined();
    expect(usableRecord({ ratio: -1, samples: 3 })).toBeUndefined();
    expect(usableRecord({ ratio: 1.2 })).toBeUndefined();
    expect(usableRecord(null)).toBeUndefined();
    expect(usableRecord('1.2')).toBeUndefined();
  });
});

describe('calibrationMarkdown', () => {
  it('lists model, ratio and meaning under its heading', () => {
    const md = calibrationMarkdown('gpt-4o', { ratio: 1.07, samples: 3 }, strings);
    expect(md.split('\n')).toEqual([
      '',
      '## Model calibration',
      '',
      '- Model: `gpt-4o`',
      '- 1.07 provider tokens per Tome token, measured on 3 answers.',
      '- Packs are sized 7% smaller.',
      '',
    ]);
  });

  it('says the model is not calibrated yet', () => {
    const md = calibrationMarkdown('local/qwen', undefined, strings);
    expect(md).toContain('- Model: `local/qwen`');
    expect(md).toContain('- Not calibrated yet.');
    expect(md).not.toContain('provider tokens per');
  });

  it('keeps a model name with backticks or newlines inside its code span', () => {
    const md = calibrationMarkdown('a`b\nc', undefined, strings);
    expect(md).toContain("- Model: `a'b c`");
  });

  it('follows the token report as its own section', () => {
    const labels: TokenReportLabels = { title: 'Report', summary: 'S', folders: 'Folders', files: 'Files', folder: 'Folder', file: 'File', tokens: 'Tokens', share: 'Share', mode: 'Mode', count: 'Count', skipped: 'Skipped' };
    const report = tokenReportMarkdown({ files: [{ path: 'src/a.ts', tokens: 10, mode: 'full', redactions: 0 }], skipped: [], totalTokens: 10 }, labels);
    const full = report + calibrationMarkdown('m', { ratio: 1.5, samples: 2 }, strings);
    expect(full).toMatch(/\| src\/a\.ts \| full \| 10 \| 100\.0% \|\n\n## Model calibration\n/);
    expect(full).toContain('Packs are sized 33% smaller.');
  });
});

describe('calibration updates', () => {
  it('sees a change when a usable answer is folded in, none when it is left out', () => {
    const calibrator = new TokenCalibrator(new MemoryCalibrationStore());
    const first = calibrator.record('m', 10_000, 10_700);
    expect(calibrationChanged({ previous: undefined, next: first })).toBe(true);
    const copy = first ? { ...first } : undefined;
    const ignored = calibrator.record('m', 100, 500); // too small to say anything
    expect(calibrationChanged({ previous: copy, next: ignored })).toBe(false);
    const second = calibrator.record('m', 10_000, 11_000);
    expect(calibrationChanged({ previous: copy, next: second })).toBe(true);
    expect(calibrationChanged({ previous: undefined, next: undefined })).toBe(false);
  });

  it('formats the log values from the new record', () => {
    const values = logLineValues({ model: 'm', estimatedTokens: 12_345, billedTokens: 13_210, previous: undefined, next: { ratio: 13_210 / 12_345, samples: 1 } });
    expect(values).toEqual({ model: 'm', estimated: '12,345', billed: '13,210', ratio: '1.07', answers: 1 });
  });
});
