/**
 * A text held as many small chunks (one per packed file), regrouped for writing: each write then
 * carries about {@link PIECE_CHARS} characters, so a 100,000-file pack is not 100,000 system
 * calls, and at most one piece is ever joined and encoded at a time.
 */

/** Characters per piece: large enough that a call's overhead vanishes, small against the text. */
export const PIECE_CHARS = 1 << 20;

/** `chunks` in order, joined into runs of at least `size` characters (the last one may be shorter). */
export function* piecesOf(chunks: Iterable<string>, size: number = PIECE_CHARS): Generator<string> {
  let run: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (chunk.length >= size && run.length === 0) {
      yield chunk;
      continue;
    }
    run.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield run.join('');
      run = [];
      length = 0;
    }
  }
  if (run.length > 0) yield run.join('');
}
