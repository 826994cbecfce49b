/**
 * Two cheap signals that the words-only BM25 folds away:
 * - a code identifier the question writes (`ROLLDOWN_FILE_URL_`, `SaveUploadedFile`) found
 *   verbatim in a file: BM25 sees only its common parts (`file`, `url`), but the identifier
 *   itself is often in two files of thousands;
 * - a question word in a file's own name (`types` → `default_types.rs`): BM25 adds a path hit to
 *   the text's count, so a file that writes the word a hundred times gains nothing from being
 *   named after it.
 * Each counts the rarity of what matched among the files that have it, like a BM25 term.
 */
import { idf, isIdentifierCode } from './queryMatch';
import { documentStems } from './terms';

/** True when `text` holds `id` as a whole identifier; an `id` ending in `_` names a prefix (`ROLLDOWN_FILE_URL_<id>`). */
function holdsIdentifier(text: string, id: string): boolean {
  for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + 1)) {
    if (at > 0 && isIdentifierCode(text.charCodeAt(at - 1))) continue;
    if (id.endsWith('_') || !isIdentifierCode(text.charCodeAt(at + id.length))) return true;
  }
  return false;
}

/** Per file, the sum of the rarities (BM25 idf over these files) of the keys it has. */
function raritySums(keys: readonly (readonly string[])[]): number[] {
  const df = new Map<string, number>();
  for (const list of keys) for (const key of list) df.set(key, (df.get(key) ?? 0) + 1);
  return keys.map((list) => list.reduce((sum, key) => sum + idf(keys.length, df.get(key) ?? 0), 0));
}

/**
 * Per file, the summed rarity of the question's code identifiers (see `codeIdentifiers`) that
 * its text holds verbatim, case and all. Identifiers every file holds (`import`) add nearly nothing.
 */
export function codeMentionScores(texts: readonly string[], identifiers: readonly string[]): number[] {
  if (identifiers.length === 0) return texts.map(() => 0);
  return raritySums(texts.map((text) => identifiers.filter((id) => holdsIdentifier(text, id))));
}

/** A file's name without folders or extensions: `src/click/utils.py` → `utils`. */
export function moduleName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

/**
 * Per file, the summed rarity, among file names, of the question stems its own name holds
 * (`default_types.rs` holds `default`, `type`, `defaulttype`); folders are left to BM25's path part.
 */
export function fileNameScores(paths: readonly string[], stems: readonly string[]): number[] {
  const wanted = new Set(stems);
  const memo = new Map<string, string[]>();
  return raritySums(
    paths.map((path) => {
      const name = moduleName(path);
      let hits = memo.get(name);
      if (hits === undefined) {
        hits = [...new Set(documentStems(name).filter((s) => wanted.has(s)))];
        memo.set(name, hits);
      }
      return hits;
    }),
  );
}
