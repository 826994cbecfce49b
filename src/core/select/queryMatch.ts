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

const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*/g;

/**
 * Counts, per query stem, how often it occurs among the identifiers of `text`. `memo` remembers
 * which wanted stems each distinct identifier holds: identifiers repeat heavily across a tree,
 * and splitting each occurrence anew dominated the cost.
 */
function countIdentifierHits(text: string, wanted: ReadonlySet<string>, counts: Map<string, number>, memo: Map<string, string[]>): void {
  for (const match of text.matchAll(IDENTIFIER)) {
    const identifier = match[0];
    let hits = memo.get(identifier);
    if (hits === undefined) {
      hits = documentStems(identifier).filter((s) => wanted.has(s));
      memo.set(identifier, hits);
    }
    for (const s of hits) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
}

/**
 * Scores each document against `query` with BM25 over identifiers and path words (path hits
 * weighted up). Returns one score per document, in order; all zero for an empty or filler-only
 * query. Text that contains none of the query stems as a substring is never tokenised, which
 * keeps a 100k-file tree cheap.
 */
export function scoreQuery(documents: readonly QueryDocument[], query: string): number[] {
  const terms = queryStems(query);
  const scores = new Array<number>(documents.length).fill(0);
  if (terms.length === 0 || documents.length === 0) return scores;
  const wanted = new Set(terms);
  const memo = new Map<string, string[]>();

  const termFreqs: Map<string, number>[] = [];
  const docFreq = new Map<string, number>();
  let totalLength = 0;
  for (const doc of documents) {
    const counts = new Map<string, number>();
    for (const s of pathHits(doc.path, wanted, memo)) counts.set(s, (counts.get(s) ?? 0) + PATH_WEIGHT);
    const lower = doc.text.toLowerCase();
    if (terms.some((t) => lower.includes(t))) countIdentifierHits(doc.text, wanted, counts, memo);
    for (const t of counts.keys()) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    termFreqs.push(counts);
    totalLength += documentLength(doc);
  }

  const n = documents.length;
  const averageLength = totalLength / n || 1;
  documents.forEach((doc, i) => {
    const counts = termFreqs[i];
    if (counts === undefined || counts.size === 0) return;
    const norm = K1 * (1 - B + (B * documentLength(doc)) / averageLength);
    let score = 0;
    for (const [term, tf] of counts) {
      const df = docFreq.get(term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += (idf * tf * (K1 + 1)) / (tf + norm);
    }
    scores[i] = score;
  });
  return scores;
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

/** Length in rough words; characters / 6 is close enough for normalisation and costs nothing. */
function documentLength(doc: QueryDocument): number {
  return Math.max(1, doc.text.length / 6);
}
