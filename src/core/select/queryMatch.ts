import { bestPassage, PASSAGE_CHARS, type StemHit } from './passages';
import { documentStems, queryStems } from './terms';

/** A document query matching can score: a path and its text. */
export interface QueryDocument {
  path: string;
  text: string;
}

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** A hit in the path counts as this many hits in the text: names say what a file is about. */
const PATH_WEIGHT = 6;

/** True for A–Z, a–z, 0–9, `_` and `$` (by char code: this runs for every character around every hit). */
export function isIdentifierCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

/**
 * What to look for in lower-cased text so that every identifier holding a stem is found: the
 * stem itself, or for stems made from `-ies` (`property` from `properties`) the part before `y`.
 */
function needleOf(term: string): string {
  return term.length > 3 && term.endsWith('y') ? term.slice(0, -1) : term;
}

/**
 * Counts, per query stem, how often it occurs among the identifiers of `text`. Only identifiers
 * that contain a stem's text can hold it, so instead of splitting every identifier, each
 * occurrence of a stem in `lower` (the text lower-cased) is widened to its identifier and split
 * once. `memo` remembers which wanted stems each distinct identifier holds.
 */
function countIdentifierHits(text: string, lower: string, needles: readonly string[], wanted: ReadonlySet<string>, counts: Map<string, number>, memo: Map<string, string[]>): StemHit[] {
  const positions: StemHit[] = [];
  const starts = new Map<number, number>();
  for (const needle of needles) {
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      let start = at;
      while (start > 0 && isIdentifierCode(text.charCodeAt(start - 1))) start--;
      if (starts.has(start)) continue;
      let end = at + needle.length;
      while (end < text.length && isIdentifierCode(text.charCodeAt(end))) end++;
      starts.set(start, end);
    }
  }
  for (const [start, end] of starts) {
    // An identifier cannot start with a digit: skip the leading digits, as the tokenizer would.
    let from = start;
    while (from < end && text.charCodeAt(from) >= 48 && text.charCodeAt(from) <= 57) from++;
    if (from >= end) continue;
    const identifier = text.slice(from, end);
    let hits = memo.get(identifier);
    if (hits === undefined) {
      hits = documentStems(identifier).filter((s) => wanted.has(s));
      memo.set(identifier, hits);
    }
    for (const s of hits) {
      counts.set(s, (counts.get(s) ?? 0) + 1);
      positions.push({ at: from, stem: s });
    }
  }
  return positions.sort((a, b) => a.at - b.at);
}

/** BM25's inverse document frequency of a term found in `df` of `n` documents. */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Scores each document against `query` with BM25 over identifiers and path words (path hits
 * weighted up). Returns one score per document, in order; all zero for an empty or filler-only
 * query. Text that contains none of the query stems as a substring is never tokenised, which
 * keeps a 100k-file tree cheap.
 */
export function scoreQuery(documents: readonly QueryDocument[], query: string): number[] {
  return scoreQueryParts(documents, query).scores;
}

/** BM25 scores, and the part of each score that came from hits in the path. */
export interface QueryScores {
  scores: number[];
  pathScores: number[];
  /**
   * Per document, its best passage (see ./passages): the summed rarity of the distinct question
   * stems that meet within a few lines of each other; 0 where no two meet, and less in a file
   * shorter than two passages (none in one no longer than one).
   */
  passageScores: number[];
  /** How many documents hold each query stem (in text or path): how common the word is here. */
  docFreq: ReadonlyMap<string, number>;
}

/**
 * {@link scoreQuery}, with each score's path part kept apart (to say why a file matched).
 * `lowered` may hold each text already passed through {@link alignedLower}, to spare doing it twice.
 */
export function scoreQueryParts(documents: readonly QueryDocument[], query: string, lowered?: readonly string[]): QueryScores {
  const terms = queryStems(query);
  const scores = new Array<number>(documents.length).fill(0);
  const pathScores = new Array<number>(documents.length).fill(0);
  const passageScores = new Array<number>(documents.length).fill(0);
  if (terms.length === 0 || documents.length === 0) return { scores, pathScores, passageScores, docFreq: new Map() };
  const wanted = new Set(terms);
  const needles = [...new Set(terms.map(needleOf))];
  const memo = new Map<string, string[]>();

  const termFreqs: Map<string, number>[] = [];
  const pathFreqs: Map<string, number>[] = [];
  const stemHits: (StemHit[] | null)[] = [];
  const docFreq = new Map<string, number>();
  let totalLength = 0;
  for (const [index, doc] of documents.entries()) {
    const counts = new Map<string, number>();
    const inPath = new Map<string, number>();
    for (const s of pathHits(doc.path, wanted, memo)) inPath.set(s, (inPath.get(s) ?? 0) + PATH_WEIGHT);
    for (const [s, n] of inPath) counts.set(s, n);
    pathFreqs.push(inPath);
    const lower = lowered?.[index] ?? alignedLower(doc.text);
    stemHits.push(needles.some((t) => lower.includes(t)) ? countIdentifierHits(doc.text, lower, needles, wanted, counts, memo) : null);
    for (const t of counts.keys()) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    termFreqs.push(counts);
    totalLength += documentLength(doc);
  }

  const n = documents.length;
  const averageLength = totalLength / n || 1;
  const rarity = (term: string): number => idf(n, docFreq.get(term) ?? 0);
  documents.forEach((doc, i) => {
    const counts = termFreqs[i];
    if (counts === undefined || counts.size === 0) return;
    const norm = K1 * (1 - B + (B * documentLength(doc)) / averageLength);
    let score = 0;
    let fromPath = 0;
    for (const [term, tf] of counts) {
      const part = (rarity(term) * tf * (K1 + 1)) / (tf + norm);
      score += part;
      fromPath += (part * (pathFreqs[i]?.get(term) ?? 0)) / tf;
    }
    scores[i] = score;
    pathScores[i] = fromPath;
    const hits = stemHits[i];
    // A passage only tells something whole-file matching does not when there is more file
    // around it: in a file no longer than one passage, words side by side are the whole file.
    const outside = Math.min(1, doc.text.length / PASSAGE_CHARS - 1);
    if (hits && hits.length > 1 && outside > 0) passageScores[i] = outside * bestPassage(hits, rarity);
  });
  return { scores, pathScores, passageScores, docFreq };
}

/**
 * The wanted stems in a path's folder and file names (extension dropped); names repeat across a
 * tree, so they share the identifier memo.
 */
function pathHits(path: string, wanted: ReadonlySet<string>, memo: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const name of path.replace(/\.[A-Za-z0-9]+$/, '').split('/')) {
    let hits = memo.get(name);
    if (hits === undefined) {
      hits = documentStems(name).filter((s) => wanted.has(s));
      memo.set(name, hits);
    }
    out.push(...hits);
  }
  return out;
}

/**
 * `text` lower-cased with every character where it was, so positions found in one hold in the
 * other (a few letters lower-case to two code units: then only A–Z are lowered).
 */
export function alignedLower(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** Length in rough words; characters / 6 is close enough for normalisation and costs nothing. */
function documentLength(doc: QueryDocument): number {
  return Math.max(1, doc.text.length / 6);
}
