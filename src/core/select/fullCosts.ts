/**
 * Counts candidates' full blocks (by candidate index), each up to its limit: the exact count when
 * it is at most the limit, else any number above the limit (a lower bound of the count).
 */
export type CountFullWithin = (indexes: readonly number[], limits: readonly number[]) => Promise<number[]>;

/** A full cost as far as one look-up knows it. */
export interface FullCost {
  /** The exact count when `exact`, else a lower bound of it. */
  tokens: number;
  exact: boolean;
}

/** Candidates counted in one round trip to the counter, at most. */
const BATCH_FILES = 1024;
/**
 * Text (UTF-16 units, each file's share capped by what its limit needs) counted in one round
 * trip, at most: a batch stays quick to answer, so the fill waits little for the one it asked.
 */
const BATCH_CHARS = 2 * 1024 * 1024;
/** Units of text a limit of one token needs, roughly: what a batch's size is reckoned by. */
const CHARS_PER_LIMIT_TOKEN = 16;
/** Upcoming candidates looked at for one batch, at most (most may be known already). */
const AHEAD_WINDOW = 8192;

/**
 * Each candidate's full cost, counted only as far as selection needs it. Candidates with a
 * `fullTokens` are known from the start; the others are counted on demand, with a limit: a file
 * that cannot fit the room left is proven too big by a short count, never counted through. A
 * count made under one limit answers every later question with a limit no larger; a larger one
 * counts again.
 */
export class FullCosts {
  private readonly tokens: (number | undefined)[];
  /** The limit each count was made under: a count above it is only a lower bound. */
  private readonly limits: number[];

  constructor(
    private readonly candidates: readonly { text: string; fullTokens?: number }[],
    private readonly countWithin?: CountFullWithin,
  ) {
    this.tokens = candidates.map((c) => c.fullTokens);
    this.limits = candidates.map(() => Number.POSITIVE_INFINITY);
  }

  /** The exact cost of `index`, when it is known. */
  known(index: number): number | undefined {
    const tokens = this.tokens[index];
    return tokens !== undefined && tokens <= (this.limits[index] ?? Number.POSITIVE_INFINITY) ? tokens : undefined;
  }

  /** Counts the exact costs of `indexes` not known yet, in one round trip. */
  async countExactly(indexes: readonly number[]): Promise<void> {
    const missing = [...new Set(indexes)].filter((i) => this.known(i) === undefined);
    await this.count(missing.map((i) => [i, Number.POSITIVE_INFINITY]));
  }

  /** The exact cost of `index`. */
  async exact(index: number): Promise<number> {
    await this.countExactly([index]);
    return this.known(index) ?? 0;
  }

  /**
   * The cost of `index` as far as `limit` needs: exact when at most `limit`, else a lower bound
   * above it. A count is a round trip to the counter, so what `ahead` yields (the candidates
   * asked next, each with the limit it would be asked with now) is counted in the same trip;
   * the fill's room only shrinks, so those limits are never smaller than the later questions'.
   */
  async within(index: number, limit: number, ahead?: () => Iterable<readonly [number, number]>): Promise<FullCost> {
    if (!this.answers(index, limit)) {
      const batch: (readonly [number, number])[] = [[index, limit]];
      let chars = this.share(index, limit);
      let looked = 0;
      for (const [i, l] of ahead?.() ?? []) {
        if (batch.length >= BATCH_FILES || chars >= BATCH_CHARS || ++looked > AHEAD_WINDOW) break;
        if (i === index || this.answers(i, l)) continue;
        batch.push([i, l]);
        chars += this.share(i, l);
      }
      await this.count(batch);
    }
    const tokens = this.tokens[index] ?? 0;
    return { tokens, exact: tokens <= (this.limits[index] ?? Number.POSITIVE_INFINITY) };
  }

  /** True when what is known of `index` decides whether its cost is at most `limit`. */
  private answers(index: number, limit: number): boolean {
    const tokens = this.tokens[index];
    if (tokens === undefined) return false;
    const countedTo = this.limits[index] ?? Number.POSITIVE_INFINITY;
    return tokens <= countedTo || limit <= countedTo;
  }

  /** Roughly how much text counting `index` to `limit` reads. */
  private share(index: number, limit: number): number {
    return Math.min(this.candidates[index]?.text.length ?? 0, CHARS_PER_LIMIT_TOKEN * (limit + 1));
  }

  private async count(batch: readonly (readonly [number, number])[]): Promise<void> {
    if (batch.length === 0) return;
    if (!this.countWithin) throw new Error('A candidate has no fullTokens and selection was given no way to count it.');
    const counts = await this.countWithin(
      batch.map(([i]) => i),
      batch.map(([, l]) => l),
    );
    batch.forEach(([i, l], j) => {
      this.tokens[i] = counts[j] ?? 0;
      this.limits[i] = l;
    });
  }
}
