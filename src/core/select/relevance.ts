/**
 * How much each file matters to a question, from several signals, and which signal counted most:
 * - words: BM25 over the identifiers in the text (`query-match`) and over the path (`path-match`),
 *   plus the question's code identifiers found verbatim and its words in the file's own name
 *   (see ./mentions);
 * - passages: the rare question words meet within a few lines of each other (`words-together`);
 * - definitions: the file declares a name made of question words, or a name the question writes
 *   as code (`defines-query`);
 * - tests: a matching test lends its score to the source file it tests (`tested-by-match`);
 * - folders: files in the folder where most strong hits fall score higher;
 * - neighbours: files that import, or are imported by, the strongest hits (`near-match`).
 */
import type { SelectionReason } from '../types';
import { codeIdentifiers } from './definitions';
import type { DeclarationFactsOf } from './fileFacts';
import { codeMentionScores, fileNameScores, moduleName } from './mentions';
import { alignedLower, idf, scoreQueryParts } from './queryMatch';
import { documentStems, queryStems } from './terms';
import { testSubjects } from './testSubjects';

/** What relevance needs about the tree: paths, texts, edges and what kind each file is. */
export interface RelevanceInput {
  files: readonly { path: string; text: string }[];
  /** Candidate indexes each file imports, and the reverse. */
  edges: { out: readonly (readonly number[])[]; in: readonly (readonly number[])[] };
  /** True for test files (their score becomes evidence for their subjects). */
  isTest: readonly boolean[];
  /** True for ordinary source (not tests, docs, fixtures or generated files). */
  isSource: readonly boolean[];
  /**
   * True for re-export indexes (see ./reexports): they keep their own score but neither take a
   * test's evidence by being imported, nor lend or take score as import neighbours, nor count
   * towards the folder the hits fall in. Absent: none are.
   */
  isReexport?: readonly boolean[];
  /** Each file's declared names and declaration count (see ./fileFacts). */
  declarations: DeclarationFactsOf;
}

/** One score per file (0 = unrelated) and, for files that scored, the signal that counted most. */
export interface Relevance {
  scores: number[];
  /** The words-only (BM25) part of each score. */
  lexical: number[];
  reasons: (SelectionReason | null)[];
}

/** A definition of a question word counts this many times the word's rarity (see `stemWeight`). */
const DEFINITION_WEIGHT = 1;
/** Defining a name the question spells out as code is the strongest single piece of evidence. */
const EXACT_DEFINITION_WEIGHT = 2.5;
/** A file declaring more than this many times the mean number of names among definers is crowded. */
const CROWD_FACTOR = 10;
/** The best passage (question words meeting within a few lines) counts this share of its rarity sum. */
const PASSAGE_WEIGHT = 1;
/** The best matching test of a file passes this share of its score to it. */
const TEST_EVIDENCE_WEIGHT = 0.5;
/** A code identifier of the question found verbatim in a file counts this many times its rarity. */
const CODE_MENTION_WEIGHT = 1;
/** A question word in the file's own name counts this many times its rarity among file names. */
const FILE_NAME_WEIGHT = 1;
/** This many of the best hits decide which folder the hits concentrate in. */
const FOLDER_HITS = 20;
/** A file's score grows by up to this factor times its folder's share of the best hits. */
const FOLDER_WEIGHT = 0.5;
/** This many of the best hits lend score to their import neighbours. */
const EXPANSION_HITS = 8;
/** A neighbour of a strong hit gets this share of the hit's score. */
const NEIGHBOUR_WEIGHT = 0.15;

const folderOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** Per file: the question stems among the stems of the names it defines, and the code identifiers it defines. */
function definitionHits(input: RelevanceInput, terms: readonly string[], identifiers: readonly string[]): { stems: string[][]; exact: string[][] } {
  const wanted = new Set(terms);
  // `-ies` stems (`property`) are looked for without their `y`, as in query matching.
  const needles = [...new Set([...terms.map((t) => (t.length > 3 && t.endsWith('y') ? t.slice(0, -1) : t)), ...identifiers.map((id) => id.toLowerCase())])];
  /** Per declared name: the wanted stems it holds, or null when it holds no needle (most names). */
  const memo = new Map<string, string[] | null>();
  const stems: string[][] = [];
  const exact: string[][] = [];
  for (const [index, file] of input.files.entries()) {
    // A module is the definition of its own name: `utils` in backticks names `utils.py`.
    const module = moduleName(file.path);
    const named = new Set<string>(identifiers.filter((id) => id === module));
    const found = new Set<string>();
    for (const name of input.declarations(index).names) {
      let hits = memo.get(name);
      if (hits === undefined) {
        // A stem a name holds is part of its lower-cased text, so a name holding no needle holds none.
        const lower = name.toLowerCase();
        hits = needles.some((t) => lower.includes(t)) ? documentStems(name).filter((s) => wanted.has(s)) : null;
        memo.set(name, hits);
      }
      if (hits === null) continue;
      for (const s of hits) found.add(s);
      for (const id of identifiers) if (name === id || (id.endsWith('_') && name.startsWith(id))) named.add(id);
    }
    stems.push([...found]);
    exact.push([...named]);
  }
  return { stems, exact };
}

/**
 * Definition scores with a file that declares far more names than the other definers (over
 * CROWD_FACTOR times their mean) divided by how far over it is: a module of hundreds of
 * declarations defines some question word for almost any question. Only outliers move, since a
 * large file is as often the answer as a small one.
 */
function crowdCorrected(input: RelevanceInput, raw: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const [i, score] of raw.entries()) if (score > 0) counts.set(i, input.declarations(i).declarations);
  if (counts.size === 0) return [...raw];
  const mean = Math.max(1, [...counts.values()].reduce((a, b) => a + b, 0) / counts.size);
  return raw.map((score, i) => score / Math.max(1, (counts.get(i) ?? 0) / (CROWD_FACTOR * mean)));
}

/** Document frequency of each key over per-file key lists. */
function frequencies(lists: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const list of lists) for (const key of list) df.set(key, (df.get(key) ?? 0) + 1);
  return df;
}

/** The indexes of the `count` highest positive scores among `allowed`, best first (ties by index). */
function topHits(scores: readonly number[], allowed: readonly boolean[], count: number): number[] {
  return scores
    .map((s, i) => [s, i] as const)
    .filter(([s, i]) => s > 0 && allowed[i])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, count)
    .map(([, i]) => i);
}

/** Scores every file against `query`; all zero (and no reasons) for an empty or filler-only query. */
export function queryRelevance(input: RelevanceInput, query: string): Relevance {
  const n = input.files.length;
  const terms = queryStems(query);
  const identifiers = codeIdentifiers(query);
  if (terms.length === 0 && identifiers.length === 0) return { scores: new Array<number>(n).fill(0), lexical: new Array<number>(n).fill(0), reasons: new Array<null>(n).fill(null) };
  const lowered = input.files.map((f) => alignedLower(f.text));
  const { scores: lexical, pathScores, passageScores, docFreq } = scoreQueryParts(input.files, query, lowered);
  const definitions = definitionHits(input, terms, identifiers);
  // A word's weight as a definition is its rarity among the files that define it and in the
  // whole tree, half each: `resolve` is declared in few files of a bundler but written in most,
  // so defining it says less than defining the rare `sourcemap`.
  const definerDf = frequencies(definitions.stems);
  const stemWeight = (s: string): number => (idf(n, definerDf.get(s) ?? 0) + idf(n, docFreq.get(s) ?? 0)) / 2;
  const exactDf = frequencies(definitions.exact);
  const rawDefined = definitions.stems.map(
    (stems, i) =>
      DEFINITION_WEIGHT * stems.reduce((sum, s) => sum + stemWeight(s), 0) +
      EXACT_DEFINITION_WEIGHT * (definitions.exact[i] ?? []).reduce((sum, id) => sum + idf(n, exactDf.get(id) ?? 0), 0),
  );
  const defined = crowdCorrected(input, rawDefined);
  // Tests are left out: they put a command's name beside its arguments on every line, so their
  // passages say little (and would pass that on to their subjects as evidence).
  const passage = passageScores.map((s, i) => (input.isTest[i] === true ? 0 : PASSAGE_WEIGHT * s));
  const mentioned = codeMentionScores(input.files.map((f) => f.text), identifiers).map((s) => CODE_MENTION_WEIGHT * s);
  // Only the question's plain words: the parts of a code identifier it names (`upload` of
  // `SaveUploadedFile`) say little about file names, and the identifier has its own signals.
  const plainTerms = queryStems(identifiers.reduce((q, id) => q.split(id).join(' '), query));
  const named = fileNameScores(input.files.map((f) => f.path), plainTerms).map((s) => FILE_NAME_WEIGHT * s);
  const base = lexical.map((s, i) => s + (defined[i] ?? 0) + (passage[i] ?? 0) + (mentioned[i] ?? 0) + (named[i] ?? 0));

  const isReexport = input.isReexport ?? new Array<boolean>(n).fill(false);
  /** Source that may carry graph evidence: everything but re-export indexes. */
  const isHub = input.isSource.map((source, i) => source && !isReexport[i]);
  const evidence = new Array<number>(n).fill(0);
  for (const [test, subjects] of testSubjects(input.files.map((f) => f.path), input.isTest, isHub, input.edges.out)) {
    const share = (TEST_EVIDENCE_WEIGHT * (base[test] ?? 0)) / subjects.length;
    // The best test counts, not their sum: a helper that fifty tests import is not fifty times
    // the answer.
    for (const s of subjects) evidence[s] = Math.max(evidence[s] ?? 0, share);
  }
  const withEvidence = base.map((s, i) => (input.isSource[i] ? s + (evidence[i] ?? 0) : s));

  const folderScore = new Map<string, number>();
  let hitTotal = 0;
  for (const i of topHits(withEvidence, isHub, FOLDER_HITS)) {
    const folder = folderOf(input.files[i]?.path ?? '');
    folderScore.set(folder, (folderScore.get(folder) ?? 0) + (withEvidence[i] ?? 0));
    hitTotal += withEvidence[i] ?? 0;
  }
  const concentrated = withEvidence.map((s, i) => {
    if (s <= 0 || !input.isSource[i] || hitTotal <= 0) return s;
    return s * (1 + (FOLDER_WEIGHT * (folderScore.get(folderOf(input.files[i]?.path ?? '')) ?? 0)) / hitTotal);
  });

  const near = new Array<number>(n).fill(0);
  for (const hit of topHits(concentrated, isHub, EXPANSION_HITS)) {
    const lent = NEIGHBOUR_WEIGHT * (concentrated[hit] ?? 0);
    for (const j of [...(input.edges.out[hit] ?? []), ...(input.edges.in[hit] ?? [])]) {
      if (isHub[j] === true && j !== hit) near[j] = Math.max(near[j] ?? 0, lent);
    }
  }
  const scores = concentrated.map((s, i) => s + (near[i] ?? 0));

  const reasons = scores.map((score, i): SelectionReason | null => {
    if (score <= 0) return null;
    const parts: [SelectionReason, number][] = [
      ['query-match', (lexical[i] ?? 0) - (pathScores[i] ?? 0) + (mentioned[i] ?? 0)],
      ['path-match', (pathScores[i] ?? 0) + (named[i] ?? 0)],
      ['defines-query', defined[i] ?? 0],
      ['words-together', passage[i] ?? 0],
      ['tested-by-match', input.isSource[i] ? (evidence[i] ?? 0) : 0],
      ['near-match', near[i] ?? 0],
    ];
    return parts.reduce((best, part) => (part[1] > best[1] ? part : best))[0];
  });
  return { scores, lexical, reasons };
}
