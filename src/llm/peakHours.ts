/**
 * Which of a model's rates applies at a given instant. DeepSeek bills twice the off-peak rate on
 * Beijing-time weekdays 9:00–12:00 and 14:00–18:00; the clock is always passed in, so the choice
 * is the same on every machine whatever its time zone, and tests pin it to fixed instants.
 */
import type { ModelPrices, PeakHours } from './types';

/** Which rate a price was taken at; undefined for models with one rate all day. */
export type PriceRate = 'peak' | 'off-peak';

const HOUR_MS = 3_600_000;

/** True when `at` falls inside the peak hours. */
export function isPeakTime(at: Date, hours: PeakHours): boolean {
  // Shift the instant into the zone, then read it with the UTC getters: no host time zone involved.
  const local = new Date(at.getTime() + hours.utcOffsetMinutes * 60_000);
  const day = local.getUTCDay();
  if (hours.weekdaysOnly && (day === 0 || day === 6)) return false;
  const hour = (local.getTime() % (24 * HOUR_MS) + 24 * HOUR_MS) % (24 * HOUR_MS) / HOUR_MS;
  return hours.windows.some(([start, end]) => hour >= start && hour < end);
}

/** The flat prices in force at `at`, and which rate they are (for models priced by the hour). */
export function pricesAt(prices: ModelPrices, at: Date): { prices: ModelPrices; rate?: PriceRate } {
  const { offPeak, peakHours, ...flat } = prices;
  if (!offPeak || !peakHours) return { prices: flat };
  if (isPeakTime(at, peakHours)) return { prices: flat, rate: 'peak' };
  return { prices: { ...flat, ...offPeak }, rate: 'off-peak' };
}
