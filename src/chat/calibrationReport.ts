/**
 * The token calibration in words: what the per-model ratio is, how many answers it rests on, and
 * what it does to pack sizes. Shown in the token report, the status-bar tooltip and the log.
 * Pure formatting; the caller passes the translated sentences.
 */
import { calibratedBudget, type CalibrationRecord } from '../llm';

/** Translated sentences; `{…}` values are already formatted when these are called. */
export interface CalibrationStrings {
  /** Heading of the report section. */
  heading: string;
  /** Label before the model's name. */
  model: string;
  /** "1.07 provider tokens per Tome token, from 1 answer." */
  ratioOneAnswer(ratio: string): string;
  /** "1.07 provider tokens per Tome token, from 3 answers." */
  ratioAnswers(ratio: string, answers: number): string;
  /** "Packs for this model are sized 7% smaller." */
  smaller(percent: string): string;
  /** "Packs for this model are sized 8% larger." */
  larger(percent: string): string;
  /** The ratio is close enough to 1 that pack sizes do not change. */
  unchanged: string;
  /** No answer measured yet for this model. */
  notCalibrated: string;
}

/** The record if it is one Tome could have written; anything else counts as "not calibrated". */
export function usableRecord(value: unknown): CalibrationRecord | undefined {
  const record = value as Partial<CalibrationRecord> | null | undefined;
  if (typeof record?.ratio !== 'number' || !Number.isFinite(record.ratio) || record.ratio <= 0) return undefined;
  if (typeof record.samples !== 'number' || !Number.isFinite(record.samples) || record.samples < 1) return undefined;
  return { ratio: record.ratio, samples: Math.floor(record.samples) };
}

/** The ratio as shown: two decimals, a dot as separator whatever the locale. */
export function formatRatio(ratio: number): string {
  return ratio.toFixed(2);
}

/**
 * How much the calibration changes a pack, in whole percent: negative when packs are sized
 * smaller. Derived from {@link calibratedBudget} itself so it states what packing really does
 * (including the bounds it keeps the ratio within).
 */
export function packSizeChangePercent(ratio: number): number {
  const base = 1_000_000;
  const percent = Math.round(((calibratedBudget(base, ratio) - base) / base) * 100);
  return percent === 0 ? 0 : percent; // no "-0"
}

/** The ratio sentence: value and how many answers it rests on. */
export function ratioSentence(record: CalibrationRecord, strings: CalibrationStrings): string {
  const ratio = formatRatio(record.ratio);
  return record.samples === 1 ? strings.ratioOneAnswer(ratio) : strings.ratioAnswers(ratio, record.samples);
}

/** What the ratio does, in one sentence. */
export function meaningSentence(record: CalibrationRecord, strings: CalibrationStrings): string {
  const change = packSizeChangePercent(record.ratio);
  if (change < 0) return strings.smaller(`${-change}%`);
  if (change > 0) return strings.larger(`${change}%`);
  return strings.unchanged;
}

/** One line for the status-bar tooltip: ratio and meaning, or "not calibrated yet". */
export function calibrationLine(record: CalibrationRecord | undefined, strings: CalibrationStrings): string {
  const usable = usableRecord(record);
  return usable ? `${ratioSentence(usable, strings)} ${meaningSentence(usable, strings)}` : strings.notCalibrated;
}

function inlineCode(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}

/** The token report's "Model calibration" section as Markdown (starts with a blank line). */
export function calibrationMarkdown(model: string, record: CalibrationRecord | undefined, strings: CalibrationStrings): string {
  const usable = usableRecord(record);
  const lines = ['', `## ${strings.heading}`, '', `- ${strings.model}: ${inlineCode(model)}`];
  if (usable) lines.push(`- ${ratioSentence(usable, strings)}`, `- ${meaningSentence(usable, strings)}`);
  else lines.push(`- ${strings.notCalibrated}`);
  return `${lines.join('\n')}\n`;
}

/** Numbers of one update, for the log line. */
export interface CalibrationUpdate {
  model: string;
  estimatedTokens: number;
  billedTokens: number;
  previous: CalibrationRecord | undefined;
  next: CalibrationRecord | undefined;
}

/**
 * Whether an observation changed the stored ratio. Compared by value: ignored observations
 * (too small, out of range) hand back the record as it was, possibly as another object.
 */
export function calibrationChanged(update: Pick<CalibrationUpdate, 'previous' | 'next'>): boolean {
  const { previous, next } = update;
  if (!next) return false;
  return !previous || next.samples !== previous.samples || next.ratio !== previous.ratio;
}

/** The values of the log line, formatted: thousands with commas, the ratio as in the report. */
export function logLineValues(update: CalibrationUpdate): { model: string; estimated: string; billed: string; ratio: string; answers: number } {
  return {
    model: update.model,
    estimated: update.estimatedTokens.toLocaleString('en-US'),
    billed: update.billedTokens.toLocaleString('en-US'),
    ratio: update.next ? formatRatio(update.next.ratio) : '-',
    answers: update.next?.samples ?? 0,
  };
}
