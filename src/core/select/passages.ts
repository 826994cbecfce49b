/**
 * Where in a file the question's words meet. Whole-file BM25 divides by length, so the one
 * function of a 2,000-line module that does what the question says (`bundle.generate(…)` then
 * `bundle.close()` for "close bundles when generation fails") scores below a short file that
 * says `bundle` often. Scoring the best short passage instead, by the rare question words it
 * holds together, finds that function whatever the size of the file around it.
 */

/** One occurrence of a question stem: where it starts in the text and which stem it is. */
export interface StemHit {
  at: number;
  stem: string;
}

/**
 * A passage spans this many characters (about fifteen lines of code): a function body or a
 * paragraph, long enough for a call and its error path, short enough that the words meeting
 * there still say one thing.
 */
export const PASSAGE_CHARS = 900;

/**
 * The best passage's weight: the largest sum, over any `span` characters of the text, of the
 * weights of the distinct stems that occur in it. A passage that holds a single stem scores 0:
 * that is what whole-file matching already counts. `hits` must be sorted by position.
 */
export function bestPassage(hits: readonly StemHit[], weight: (stem: string) => number, span = PASSAGE_CHARS): number {
  const inWindow = new Map<string, number>();
  let sum = 0;
  let distinct = 0;
  let best = 0;
  let from = 0;
  for (const hit of hits) {
    const count = inWindow.get(hit.stem) ?? 0;
    if (count === 0) {
      sum += weight(hit.stem);
      distinct++;
    }
    inWindow.set(hit.stem, count + 1);
    for (; from < hits.length; from++) {
      const first = hits[from];
      if (first === undefined || hit.at - first.at < span) break;
      const left = (inWindow.get(first.stem) ?? 1) - 1;
      inWindow.set(first.stem, left);
      if (left === 0) {
        sum -= weight(first.stem);
        distinct--;
      }
    }
    if (distinct >= 2 && sum > best) best = sum;
  }
  return best;
}
