import type { FileMode } from '../types';
import { FullCosts, type FullCost } from './fullCosts';
import { roughOutlineChars } from './outlineEstimate';
import type { RankedFile } from './rank';

/**
 * What the fill needs to know about a candidate: its path, its text and its exact full cost
 * (absent when it is counted on demand, see {@link FillDeps.costs}).
 */
export interface FillCandidate {
  path: string;
  text: string;
  fullTokens?: number;
}

/** The current decision for one file. */
export interface Placement {
  mode: FileMode;
  body: string;
  tokens: number;
}

/** What the fill needs from the outside world. */
export interface FillDeps {
  /** Outline text of a candidate, or null when its language has no outline. */
  outlineOf: (index: number) => Promise<string | null>;
  blockCost: (path: string, mode: FileMode, body: string) => Promise<number>;
  signal?: AbortSignal;
  /**
   * Placements decided by an earlier pack that must stay as they are (candidate index →
   * placement); the fill only places the other files, in the room these leave.
   */
  kept?: ReadonlyMap<number, Placement>;
  /**
   * The candidates' full costs, counted as far as the fill asks; by default the candidates'
   * `fullTokens`, which must then all be given.
   */
  costs?: FullCosts;
}

/**
 * A single file may take at most this share of the room in full on the first pass (focus files
 * excepted), so one huge file cannot crowd out everything ranked after it; the last pass gives
 * it the room that is left.
 */
const FULL_SHARE_FIRST_PASS = 0.4;
/**
 * A lead (one of the strongest query matches) may take up to this share in full: the file a
 * question is about is often one large file, and its outline rarely answers the question.
 */
const LEAD_FULL_SHARE = 0.7;
/**
 * The strongest lead may take up to this share: when the question is about one module that is
 * most of a small budget (a 21K-token config loader at 27K), that module in full answers more
 * than its outline beside a handful of weaker matches.
 */
const FIRST_LEAD_FULL_SHARE = 0.9;
/**
 * When the matches cannot all go in full, they are placed by score per token, each counted as
 * costing at least this share of the room: a small file does not win on size alone, but one big
 * file no longer evicts several smaller matches that together say more. At large budgets most
 * files cost less than the floor, so the order there stays the rank order.
 */
const DENSITY_FLOOR_SHARE = 0.08;
/** An outline whose estimated cost exceeds the room by this factor is not worth counting. */
const ESTIMATE_SLACK = 1.5;
/** How far the parse-free outline estimate may overshoot before a file is skipped unparsed. */
const ROUGH_SLACK = 1.5;
/** Failed outline attempts in a row after which a pass stops trying outlines (see `misses`). */
const MAX_OUTLINE_MISSES = 256;
/** Outlines are never smaller than this share of the full file in practice; a cheap skip test. */
const MIN_OUTLINE_SHARE = 0.01;

/**
 * The query matches (tier 3) still path-only, in the order to try them in full: rank order when
 * they all fit in `left`, else by score per token with every cost raised to at least `floor`
 * (a stable sort, so equal densities keep rank order).
 */
function byValuePerToken(ranked: readonly RankedFile[], costs: FullCosts, placements: readonly Placement[], left: number, floor: number): RankedFile[] {
  const matches = ranked.filter((e) => e.tier === 3 && placements[e.index]?.mode !== 'full');
  const cost = (e: RankedFile): number => costs.known(e.index) ?? 0;
  if (matches.reduce((sum, e) => sum + cost(e), 0) <= left) return matches;
  const density = (e: RankedFile): number => (e.score ?? 0) / Math.max(1, floor, cost(e));
  return [...matches].sort((a, b) => density(b) - density(a));
}

/**
 * Greedy budget fill over `ranked` (most valuable first):
 * 1. focus files and their direct imports get their cheapest form (outline, else full) first,
 * 2. then, by rank, each file is upgraded to full when it fits, else outlined when that fits;
 *    query matches first all go in full where they fit (the leads, the strongest, with more
 *    room), and only then are the rest of them outlined,
 * 3. then whatever room is left upgrades outlines and listed files, again by rank.
 * Returns one placement per candidate index. The sum of `tokens` never exceeds `available`.
 */
export async function fillBudget(
  candidates: readonly FillCandidate[],
  ranked: readonly RankedFile[],
  available: number,
  deps: FillDeps,
): Promise<Placement[]> {
  const kept = deps.kept ?? new Map<number, Placement>();
  const costs = deps.costs ?? new FullCosts(candidates);
  const placements: Placement[] = candidates.map((_, i) => kept.get(i) ?? { mode: 'path-only', body: '', tokens: 0 });
  const outlineBodies = new Map<number, string | null>();
  const outlineTokens = new Map<number, number>();
  const roughCosts = new Map<number, number>();
  const roughChars = new Map<number, number>();
  const roughCharsOf = (index: number): number => {
    let chars = roughChars.get(index);
    if (chars === undefined) roughChars.set(index, (chars = roughOutlineChars(candidates[index]?.text ?? '')));
    return chars;
  };
  /** Parses and block counts done so far: the costly steps. */
  let work = 0;
  let left = available - placements.reduce((sum, p) => sum + p.tokens, 0);

  /**
   * The outline's exact cost, or null when there is none or it clearly cannot fit in `room`.
   * `full` is the file's full cost as far as it was counted: every test below that a lower bound
   * already fails is tried with it first, and only a file that passes them is counted exactly.
   */
  const outlineWithin = async (index: number, room: number, full: FullCost, exact = false): Promise<{ body: string; tokens: number } | null> => {
    const candidate = candidates[index];
    if (candidate === undefined || (!exact && full.tokens * MIN_OUTLINE_SHARE > room) || outlineBodies.get(index) === null) return null;
    if (!full.exact && !outlineBodies.has(index) && (full.tokens * roughCharsOf(index)) / Math.max(1, candidate.text.length) > room * ROUGH_SLACK) return null;
    const fullTokens = full.exact ? full.tokens : await costs.exact(index);
    // Real outlines keep more than a few percent of a file: skip parsing what cannot fit.
    if (!exact && fullTokens * MIN_OUTLINE_SHARE > room) return null;
    let body = outlineBodies.get(index);
    if (body === undefined && !exact) {
      // Parsing is the costly step: skip files whose declaration lines alone clearly overflow.
      let rough = roughCosts.get(index);
      if (rough === undefined) {
        rough = (fullTokens * roughCharsOf(index)) / Math.max(1, candidate.text.length);
        roughCosts.set(index, rough);
      }
      if (rough > room * ROUGH_SLACK) return null;
    }
    if (body === undefined) {
      work++;
      body = await deps.outlineOf(index);
      if (body !== null && body.length >= candidate.text.length) body = null;
      outlineBodies.set(index, body);
    }
    if (body === null) return null;
    let tokens = outlineTokens.get(index);
    if (tokens === undefined) {
      const estimate = (fullTokens * body.length) / Math.max(1, candidate.text.length);
      if (!exact && estimate > room * ESTIMATE_SLACK + 16) return null;
      work++;
      tokens = await deps.blockCost(candidate.path, 'outline', body);
      outlineTokens.set(index, tokens);
    }
    return tokens < fullTokens ? { body, tokens } : null;
  };

  const place = (index: number, next: Placement): void => {
    const current = placements[index];
    if (current === undefined) return;
    left -= next.tokens - current.tokens;
    placements[index] = next;
  };

  /**
   * Costly outline attempts (a parse or a count) that failed in a row in this pass. Past {@link MAX_OUTLINE_MISSES} the room
   * left is smaller than what hundreds of files in a row needed: stop parsing for this pass
   * (full placements, which cost nothing to check, go on).
   */
  let misses = 0;

  /**
   * How far {@link upgrade} needs a file's full cost counted, now: up to what fits in full, and
   * when an outline may be tried, up to what the outline tests (share, rough estimate) let through.
   * Above that the file can be neither placed in full nor outlined, whatever its exact cost.
   */
  const upgradeLimit = (index: number, fullCap: number): number => {
    const current = placements[index];
    const room = left + (current?.tokens ?? 0);
    const fullLimit = Math.min(room, fullCap);
    const body = outlineBodies.get(index);
    if (current?.mode === 'outline' || misses >= MAX_OUTLINE_MISSES || body === null) return fullLimit;
    let outlineLimit = room / MIN_OUTLINE_SHARE;
    const declarations = body === undefined ? roughCharsOf(index) : 0;
    if (declarations > 0) outlineLimit = Math.min(outlineLimit, (room * ROUGH_SLACK * Math.max(1, candidates[index]?.text.length ?? 0)) / declarations);
    return Math.max(fullLimit, outlineLimit);
  };

  /** The files after position `from` of `list` that {@link upgrade} may ask about next, with their limits now. */
  const upcoming = (list: readonly RankedFile[], from: number, capOf: (entry: RankedFile) => number) =>
    function* (): Generator<readonly [number, number]> {
      for (let k = from + 1; k < list.length; k++) {
        const entry = list[k] as RankedFile;
        const current = placements[entry.index];
        if (current === undefined || current.mode === 'full' || kept.has(entry.index)) continue;
        yield [entry.index, upgradeLimit(entry.index, capOf(entry))];
      }
    };

  /**
   * Tries to move a file up to full (or, from path-only, to outline) within the room left. Its
   * full cost is counted only as far as that decision needs (`upgradeLimit`), together with the
   * files `ahead`.
   */
  const upgrade = async (entry: RankedFile, fullCap: number, ahead?: () => Iterable<readonly [number, number]>): Promise<void> => {
    deps.signal?.throwIfAborted();
    const candidate = candidates[entry.index];
    const current = placements[entry.index];
    if (candidate === undefined || current === undefined || current.mode === 'full' || kept.has(entry.index)) return;
    const room = left + current.tokens;
    const full = await costs.within(entry.index, upgradeLimit(entry.index, fullCap), ahead);
    // Within the limit, so exact.
    if (full.tokens <= room && full.tokens <= fullCap) {
      place(entry.index, { mode: 'full', body: candidate.text, tokens: full.tokens });
      return;
    }
    if (current.mode === 'outline' || misses >= MAX_OUTLINE_MISSES) return;
    const workBefore = work;
    const outline = await outlineWithin(entry.index, room, full);
    if (outline !== null && outline.tokens <= room) {
      place(entry.index, { mode: 'outline', ...outline });
      misses = 0;
    } else if (work > workBefore) misses++;
  };

  // 1. The floor: what the user is looking at and what it uses directly, in the cheapest form
  //    (no parsing at all when they all fit in full; pass 2 then places them in full).
  const isCore = (entry: RankedFile): boolean => entry.tier === 0 || (entry.tier === 1 && entry.distance === 1);
  const core = ranked.filter((e) => isCore(e) && !kept.has(e.index)).map((e) => e.index);
  await costs.countExactly(core);
  const coreFull = core.reduce((sum, index) => sum + (costs.known(index) ?? 0), 0);
  for (const entry of coreFull <= left ? [] : ranked) {
    deps.signal?.throwIfAborted();
    if (!isCore(entry)) break;
    const candidate = candidates[entry.index];
    if (candidate === undefined || kept.has(entry.index)) continue;
    const fullTokens = await costs.exact(entry.index);
    const outline = await outlineWithin(entry.index, left, { tokens: fullTokens, exact: true }, true);
    if (outline !== null && outline.tokens <= left) place(entry.index, { mode: 'outline', ...outline });
    else if (fullTokens <= left) place(entry.index, { mode: 'full', body: candidate.text, tokens: fullTokens });
  }

  /** Places a file in full when it fits the room left and `cap`; never outlines. Its cost must be known. */
  const fullOnly = (entry: RankedFile, cap: number): void => {
    const candidate = candidates[entry.index];
    const current = placements[entry.index];
    const fullTokens = costs.known(entry.index);
    if (candidate === undefined || current === undefined || fullTokens === undefined || current.mode === 'full' || kept.has(entry.index)) return;
    if (fullTokens <= left + current.tokens && fullTokens <= cap) {
      place(entry.index, { mode: 'full', body: candidate.text, tokens: fullTokens });
    }
  };

  misses = 0;
  // 2. By rank: full where it fits (no single non-focus file takes most of the room), else
  //    outline. Focus and its closure go first as they are; on reaching the query matches, the
  //    leads and then every match are placed in full where they fit before any match is
  //    outlined: a few needed files in full beat many outlines.
  let matchesPlaced = false;
  const firstPassCap = (entry: RankedFile): number => (entry.tier === 0 ? Number.POSITIVE_INFINITY : available * FULL_SHARE_FIRST_PASS);
  for (const [position, entry] of ranked.entries()) {
    if (!matchesPlaced && entry.tier >= 3) {
      matchesPlaced = true;
      // The matches are weighed against each other by their exact costs.
      await costs.countExactly(ranked.filter((e) => e.tier === 3 && placements[e.index]?.mode !== 'full' && !kept.has(e.index)).map((e) => e.index));
      let first = true;
      for (const lead of ranked) {
        if (lead.lead !== true) continue;
        fullOnly(lead, available * (first ? FIRST_LEAD_FULL_SHARE : LEAD_FULL_SHARE));
        first = false;
      }
      for (const match of byValuePerToken(ranked, costs, placements, left, available * DENSITY_FLOOR_SHARE)) fullOnly(match, available * FULL_SHARE_FIRST_PASS);
    }
    await upgrade(entry, firstPassCap(entry), upcoming(ranked, position, firstPassCap));
  }

  // 3. The room that is left.
  misses = 0;
  const noCap = (): number => Number.POSITIVE_INFINITY;
  for (const [position, entry] of ranked.entries()) {
    if (left <= 0) break;
    await upgrade(entry, Number.POSITIVE_INFINITY, upcoming(ranked, position, noCap));
  }
  return placements;
}
