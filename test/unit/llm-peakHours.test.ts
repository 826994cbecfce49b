import { describe, expect, it } from 'vitest';
import { costAt, DEEPSEEK_PEAK_HOURS, isPeakTime, pricesAt, resolveModel } from '../../src/llm';

const flash = resolveModel('deepseek', 'deepseek-flash').prices;
if (!flash) throw new Error('deepseek-flash has no prices');

/** Instants written in Beijing time (UTC+8) and the same instants in UTC. */
const cases: Array<{ beijing: string; utc: string; peak: boolean; why: string }> = [
  // Tuesday 1 December 2026.
  { beijing: '2026-12-01T08:59:59+08:00', utc: '2026-12-01T00:59:59Z', peak: false, why: 'a second before 9:00' },
  { beijing: '2026-12-01T09:00:00+08:00', utc: '2026-12-01T01:00:00Z', peak: true, why: '9:00 opens the morning peak' },
  { beijing: '2026-12-01T11:59:59+08:00', utc: '2026-12-01T03:59:59Z', peak: true, why: 'the last second before 12:00' },
  { beijing: '2026-12-01T12:00:00+08:00', utc: '2026-12-01T04:00:00Z', peak: false, why: '12:00 closes the morning peak' },
  { beijing: '2026-12-01T13:59:59+08:00', utc: '2026-12-01T05:59:59Z', peak: false, why: 'the lunch gap' },
  { beijing: '2026-12-01T14:00:00+08:00', utc: '2026-12-01T06:00:00Z', peak: true, why: '14:00 opens the afternoon peak' },
  { beijing: '2026-12-01T17:59:59+08:00', utc: '2026-12-01T09:59:59Z', peak: true, why: 'the last second before 18:00' },
  { beijing: '2026-12-01T18:00:00+08:00', utc: '2026-12-01T10:00:00Z', peak: false, why: '18:00 closes the afternoon peak' },
  // Monday 9:30 in Beijing is still Sunday in UTC: the Beijing weekday counts.
  { beijing: '2026-11-30T09:30:00+08:00', utc: '2026-11-30T01:30:00Z', peak: true, why: 'Monday morning in Beijing, Monday 01:30 UTC' },
  { beijing: '2026-11-30T07:30:00+08:00', utc: '2026-11-29T23:30:00Z', peak: false, why: 'Monday 7:30 in Beijing is Sunday night in UTC' },
  // Saturday 5 and Sunday 6 December 2026: off-peak all day.
  { beijing: '2026-12-05T10:00:00+08:00', utc: '2026-12-05T02:00:00Z', peak: false, why: 'Saturday morning' },
  { beijing: '2026-12-06T15:00:00+08:00', utc: '2026-12-06T07:00:00Z', peak: false, why: 'Sunday afternoon' },
  // Friday 18:00 in Beijing ends the week's peak; Saturday 1:00 UTC is Saturday 9:00 Beijing.
  { beijing: '2026-12-04T17:00:00+08:00', utc: '2026-12-04T09:00:00Z', peak: true, why: 'Friday afternoon' },
  { beijing: '2026-12-05T09:00:00+08:00', utc: '2026-12-05T01:00:00Z', peak: false, why: 'Saturday 9:00' },
];

describe('DeepSeek peak and off-peak hours', () => {
  for (const { beijing, utc, peak, why } of cases) {
    it(`${peak ? 'bills peak' : 'bills off-peak'} at ${beijing} (${why})`, () => {
      const fromBeijing = new Date(beijing);
      const fromUtc = new Date(utc);
      expect(fromBeijing.getTime()).toBe(fromUtc.getTime());
      expect(isPeakTime(fromBeijing, DEEPSEEK_PEAK_HOURS)).toBe(peak);
      expect(isPeakTime(fromUtc, DEEPSEEK_PEAK_HOURS)).toBe(peak);
      expect(pricesAt(flash, fromUtc).rate).toBe(peak ? 'peak' : 'off-peak');
    });
  }

  it('charges twice as much for the same usage at peak', () => {
    const usage = { promptTokens: 90_000, completionTokens: 2_000, totalTokens: 92_000, cachedPromptTokens: 40_000, uncachedPromptTokens: 50_000 };
    const peak = costAt(usage, flash, new Date('2026-12-01T10:00:00+08:00'));
    const offPeak = costAt(usage, flash, new Date('2026-12-01T20:00:00+08:00'));
    expect(peak.rate).toBe('peak');
    expect(offPeak.rate).toBe('off-peak');
    // 50,000 × $0.15 + 40,000 × $0.003 + 2,000 × $0.6 per million, off-peak.
    expect(offPeak.cost).toBeCloseTo((50_000 * 0.15 + 40_000 * 0.003 + 2_000 * 0.6) / 1e6, 12);
    expect(peak.cost).toBeCloseTo(offPeak.cost * 2, 12);
  });

  it('names no rate for a model with one price all day', () => {
    const prices = resolveModel('openai', 'gpt-5.5').prices;
    if (!prices) throw new Error('gpt-5.5 has no prices');
    const usage = { promptTokens: 1_000_000, completionTokens: 0, totalTokens: 1_000_000, cachedPromptTokens: 0, uncachedPromptTokens: 1_000_000 };
    expect(costAt(usage, prices, new Date('2026-12-01T10:00:00+08:00'))).toEqual({ cost: 5 });
  });
});
