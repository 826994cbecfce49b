/**
 * Token calibration: Tome counts with a tiktoken encoding, but each provider tokenizes its own
 * way. After each answer we compare our estimate of the prompt with the `prompt_tokens` the
 * provider billed, keep a smoothed ratio per model, and size later packs with it.
 */
import type { KeyValueState } from '../shared/keyValueState';

/** What is remembered for one model. */
export interface CalibrationRecord {
  /** Provider tokens per estimated token, smoothed. Above 1: our estimate undercounts. */
  ratio: number;
  /** Observations folded in so far. */
  samples: number;
}

/**
 * Where ratios live. The extension backs this with `globalState`; tests and the CLI use
 * {@link MemoryCalibrationStore}. `set` may be async; callers need not wait for it.
 */
export interface CalibrationStore {
  get(model: string): CalibrationRecord | undefined;
  set(model: string, record: CalibrationRecord): void | Promise<void>;
}

/** A {@link CalibrationStore} kept in memory. */
export class MemoryCalibrationStore implements CalibrationStore {
  private readonly records = new Map<string, CalibrationRecord>();
  get(model: string): CalibrationRecord | undefined {
    return this.records.get(model);
  }
  set(model: string, record: CalibrationRecord): void {
    this.records.set(model, record);
  }
}

/** The key-value state {@link stateCalibrationStore} keeps ratios in (VS Code's `Memento`). */
export type { KeyValueState };

function isRecord(value: unknown): value is CalibrationRecord {
  const record = value as Partial<CalibrationRecord> | null;
  return typeof record?.ratio === 'number' && Number.isFinite(record.ratio) && record.ratio > 0 && typeof record.samples === 'number';
}

/**
 * A {@link CalibrationStore} over a key-value state: all models under one key as
 * `{ [model]: { ratio, samples } }`. Anything malformed there (hand-edited, older format) reads
 * as "not calibrated yet" rather than failing.
 */
export function stateCalibrationStore(state: KeyValueState, key = 'tome.tokenCalibration'): CalibrationStore {
  const all = (): Record<string, unknown> => {
    const stored = state.get<unknown>(key);
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  };
  return {
    get(model) {
      const record = all()[model];
      return isRecord(record) ? record : undefined;
    },
    set(model, record) {
      return Promise.resolve(state.update(key, { ...all(), [model]: record }));
    },
  };
}

/** Weight of a new observation in the running ratio. */
export const CALIBRATION_SMOOTHING = 0.3;
/** Ratios outside this range are taken as a broken observation (wrong prompt measured), not a tokenizer. */
export const RATIO_LIMITS = { min: 0.5, max: 2.5 } as const;
/** Prompts smaller than this say more about the chat template than about the tokenizer. */
export const MIN_CALIBRATION_TOKENS = 1000;

/**
 * Folds one observation into a record. The first observation is taken as is; later ones move
 * the ratio by {@link CALIBRATION_SMOOTHING}. Observations that are too small or out of range
 * leave the record unchanged.
 */
export function updateCalibration(previous: CalibrationRecord | undefined, estimatedTokens: number, providerTokens: number, smoothing = CALIBRATION_SMOOTHING): CalibrationRecord | undefined {
  if (!(estimatedTokens >= MIN_CALIBRATION_TOKENS) || !(providerTokens > 0)) return previous;
  const observed = providerTokens / estimatedTokens;
  if (observed < RATIO_LIMITS.min || observed > RATIO_LIMITS.max) return previous;
  if (!previous) return { ratio: observed, samples: 1 };
  return { ratio: previous.ratio + smoothing * (observed - previous.ratio), samples: previous.samples + 1 };
}

/**
 * The pack budget, in Tome's own token estimate, that fills `windowTokens` of the provider's
 * tokens: `window / ratio`, with the ratio kept within {@link RATIO_LIMITS}. Without a ratio,
 * the window as is.
 */
export function calibratedBudget(windowTokens: number, ratio: number | undefined): number {
  if (ratio === undefined || !Number.isFinite(ratio) || ratio <= 0) return Math.max(0, Math.floor(windowTokens));
  const bounded = Math.min(RATIO_LIMITS.max, Math.max(RATIO_LIMITS.min, ratio));
  // The epsilon keeps float noise (110000 / 1.1000000000000001) from costing a token.
  return Math.max(0, Math.floor(windowTokens / bounded + 1e-6));
}

/** Calibration for several models over one store. */
export class TokenCalibrator {
  constructor(private readonly store: CalibrationStore) {}

  /** Records that a prompt Tome estimated at `estimatedTokens` was billed as `providerTokens`. */
  record(model: string, estimatedTokens: number, providerTokens: number): CalibrationRecord | undefined {
    const previous = this.store.get(model);
    const next = updateCalibration(previous, estimatedTokens, providerTokens);
    if (next && next !== previous) void this.store.set(model, next);
    return next;
  }

  /** The model's ratio, or undefined before the first usable observation. */
  ratio(model: string): number | undefined {
    return this.store.get(model)?.ratio;
  }

  /** {@link calibratedBudget} for this model. */
  budget(model: string, windowTokens: number): number {
    return calibratedBudget(windowTokens, this.ratio(model));
  }
}
