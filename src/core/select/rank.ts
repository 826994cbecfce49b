import type { ImportGraph, SelectionReason } from '../types';
import { importCentrality, percentiles } from './centrality';
import { lowerKind } from './fileKind';
import { queryRelevance } from './relevance';
import { declarationFactsOf, onceEach, type DeclarationFactsOf } from './fileFacts';

/** What ranking needs to know about one file. */
export interface RankInput {
  path: string;
  text: string;
  mtimeMs: number;
}

/** One file's place in the priority list. */
export interface RankedFile {
  /** Index into the candidates. */
  index: number;
  /** Why it ranks where it does; the report's reason when the file is packed. */
  reason: SelectionReason;
  /** 0 focus, 1 its imports, 2 its importers, 3 query matches, 4 the rest, 5 tests/docs/generated. */
  tier: number;
  /** Import hops from the nearest focus file (tiers 1–2), else 0. */
  distance: number;
  /**
   * One of the few strongest query matches: at a small budget these are placed in full before
   * anything else is outlined, since a few needed files in full beat many outlines.
   */
  lead?: boolean;
  /** The query score of a match (tier 3), which the fill weighs against its cost at small budgets. */
  score?: number;
}

/** The reasons that say a file matches the question (one signal or another). */
const QUERY_REASONS: ReadonlySet<SelectionReason> = new Set(['query-match', 'path-match', 'defines-query', 'words-together', 'tested-by-match', 'near-match']);

/**
 * True for a file that matches the question: a ranked match, or a test, doc or generated file
 * that matches (those rank last, but still match). Weak matches below the match share are not.
 */
export function matchesQuery(entry: RankedFile): boolean {
  return QUERY_REASONS.has(entry.reason) && (entry.tier === 3 || entry.tier === 5);
}

/** Importers of focus files this many hops away still count as related. */
const DEPENDENT_DEPTH = 2;
/** A file scoring at least this share of the best query score counts as a match. */
const MATCH_SHARE = 0.2;
/**
 * Docs that match still rank among the matches, at this share of their score: they explain how
 * a thing is used, the code says how it works. (Examples keep their score, since some trees keep
 * real library code there, but lend none: no lead, test evidence, folder or neighbour signal.)
 */
const DOC_MATCH_WEIGHT = 0.3;
/** Matches scoring at least this share of the best are leads (see {@link RankedFile.lead}). */
const LEAD_SHARE = 0.5;
/** At most this many leads. */
const LEAD_COUNT = 6;
/** Centrality outweighs recency: what many files build on matters more than what moved last. */
const CENTRALITY_WEIGHT = 0.8;
/** Rest-tier files at or above this importance percentile (and imported twice) are `central`. */
const CENTRAL_PERCENTILE = 0.8;

/** Breadth-first hop counts from `sources` along `edges`; -1 where unreachable. */
function hops(sources: readonly number[], edges: readonly (readonly number[])[], limit: number): number[] {
  const distance = new Array<number>(edges.length).fill(-1);
  let frontier = [...sources];
  for (const s of sources) distance[s] = 0;
  for (let depth = 1; depth <= limit && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const from of frontier) {
      for (const to of edges[from] ?? []) {
        if (distance[to] !== -1) continue;
        distance[to] = depth;
        next.push(to);
      }
    }
    frontier = next;
  }
  return distance;
}

/** The graph's edges as candidate indexes, plus the reverse edges. */
function indexEdges(files: readonly RankInput[], graph: ImportGraph): { out: number[][]; in: number[][] } {
  const indexByPath = new Map(files.map((f, i) => [f.path, i]));
  const out = files.map(() => [] as number[]);
  const into = files.map(() => [] as number[]);
  files.forEach((f, i) => {
    for (const target of graph.imports.get(f.path) ?? []) {
      const j = indexByPath.get(target);
      if (j === undefined || j === i) continue;
      out[i]?.push(j);
      into[j]?.push(i);
    }
  });
  return { out, in: into };
}

/**
 * Orders files by how much a reader asking `query` about `focus` needs them: focus files, what
 * they import (nearest first), what imports them, query matches, then the rest by import
 * centrality and recency, with tests, fixtures, docs and generated files last (matching ones
 * first among them). Ties break by path, so the same input always gives the same order.
 * `declarationsOf` gives each file's declaration facts (a pack's facts store remembers them);
 * by default they are read from the texts.
 */
export function rankFiles(files: readonly RankInput[], graph: ImportGraph, focus: readonly number[], query: string, declarationsOf?: DeclarationFactsOf): RankedFile[] {
  const declarations = onceEach(declarationsOf ?? ((i) => declarationFactsOf(files[i]?.text ?? '')));
  const edges = indexEdges(files, graph);
  const depHops = hops(focus, edges.out, Number.POSITIVE_INFINITY);
  const dependentHops = hops(focus, edges.in, DEPENDENT_DEPTH);
  const kinds = files.map((f) => lowerKind(f.path, f.text));
  const isSource = kinds.map((k) => k === null);
  // Only ordinary source can be an index worth telling apart; the check reads every line.
  const isReexport = files.map((_f, i) => isSource[i] === true && query !== '' && declarations(i).reexport);
  const relevance = queryRelevance({ files, edges, isTest: kinds.map((k) => k === 'test'), isSource, isReexport, declarations }, query);
  const queryScores = relevance.scores.map((s, i) => (kinds[i] === 'doc' ? s * DOC_MATCH_WEIGHT : s));
  const matchable = kinds.map((k) => k === null || k === 'doc' || k === 'example');
  const bestQuery = queryScores.reduce((best, s, i) => (matchable[i] ? Math.max(best, s) : best), 0);
  const bestLexical = relevance.lexical.reduce((best, s, i) => (matchable[i] ? Math.max(best, s) : best), 0);
  /** A match by all signals together, or by its words alone (the other signals only ever add). */
  const isMatch = (i: number): boolean =>
    matchable[i] === true &&
    ((relevance.scores[i] ?? 0) >= bestQuery * MATCH_SHARE || (bestLexical > 0 && (relevance.lexical[i] ?? 0) >= bestLexical * MATCH_SHARE));
  const leads = new Set(
    queryScores
      .map((s, i) => [s, i] as const)
      // An index that re-exports the answer is not the answer: it is never a lead.
      .filter(([s, i]) => isSource[i] && !isReexport[i] && bestQuery > 0 && s >= bestQuery * LEAD_SHARE)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .slice(0, LEAD_COUNT)
      .map(([, i]) => i),
  );
  const central = percentiles(importCentrality(edges.out));
  const recent = percentiles(files.map((f) => f.mtimeMs));
  const importance = central.map((c, i) => CENTRALITY_WEIGHT * c + (1 - CENTRALITY_WEIGHT) * (recent[i] ?? 0));
  const focusOrder = new Map(focus.map((f, i) => [f, i]));

  const ranked: RankedFile[] = files.map((_file, index) => {
    const focusAt = focusOrder.get(index);
    if (focusAt !== undefined) return { index, reason: 'focus', tier: 0, distance: focusAt };
    const dep = depHops[index] ?? -1;
    if (dep > 0) return { index, reason: 'dependency-of-focus', tier: 1, distance: dep };
    const dependent = dependentHops[index] ?? -1;
    if (dependent > 0) return { index, reason: 'dependent-of-focus', tier: 2, distance: dependent };
    const matchReason = relevance.reasons[index] ?? 'query-match';
    // Docs join the matches by their own score, and rank among them by the weighed one.
    if (bestQuery > 0 && isMatch(index)) {
      return { index, reason: matchReason, tier: 3, distance: 0, score: queryScores[index] ?? 0, ...(leads.has(index) ? { lead: true } : {}) };
    }
    if (!isSource[index]) return { index, reason: (queryScores[index] ?? 0) > 0 ? matchReason : 'fits', tier: 5, distance: 0 };
    // Weak matches (a neighbour of a hit, say) still come first among the rest, for that reason.
    if ((queryScores[index] ?? 0) > 0) return { index, reason: matchReason, tier: 4, distance: 0 };
    const isCentral = (central[index] ?? 0) >= CENTRAL_PERCENTILE && (edges.in[index]?.length ?? 0) >= 2;
    return { index, reason: isCentral ? 'central' : 'fits', tier: 4, distance: 0 };
  });

  return ranked.sort((a, b) => {
    if (a.tier !== b.tier) return a.tier - b.tier;
    if (a.distance !== b.distance) return a.distance - b.distance;
    const byQuery = (queryScores[b.index] ?? 0) - (queryScores[a.index] ?? 0);
    if (byQuery !== 0) return byQuery;
    const byImportance = (importance[b.index] ?? 0) - (importance[a.index] ?? 0);
    if (byImportance !== 0) return byImportance;
    const pa = files[a.index]?.path ?? '';
    const pb = files[b.index]?.path ?? '';
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
}
