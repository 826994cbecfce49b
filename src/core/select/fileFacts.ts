/**
 * What selection reads from a file's text whatever the question: the names it declares, how many
 * keyword declarations it holds and whether it is a re-export index. Each costs a pattern pass
 * over the whole text, and they are a pure function of it, so a pack keeps them in its facts
 * store by content hash (on disk too): a new question about an unchanged tree runs none of those
 * patterns again, and only the question's own words are looked up.
 */
import { declarationCount, definedNames } from './definitions';
import { isReexportIndex } from './reexports';

/** The question-independent facts of one file's (redacted) text. */
export interface DeclarationFacts {
  /** The distinct names the text declares (see definedNames). */
  names: readonly string[];
  /** Keyword declarations in the text (see declarationCount). */
  declarations: number;
  /** True for a re-export index (see isReexportIndex). */
  reexport: boolean;
}

/**
 * The version of what {@link declarationFactsOf} produces. Raise it whenever the patterns change
 * for any text: facts persisted under another version are dropped, not trusted.
 */
export const DECLARATION_FACTS_VERSION = 1;

/** The declaration facts of `text`. */
export function declarationFactsOf(text: string): DeclarationFacts {
  return { names: definedNames(text), declarations: declarationCount(text), reexport: isReexportIndex(text) };
}

/** Declaration facts by candidate index. */
export type DeclarationFactsOf = (index: number) => DeclarationFacts;

/** `factsOf`, asked at most once per index. */
export function onceEach(factsOf: DeclarationFactsOf): DeclarationFactsOf {
  const made = new Map<number, DeclarationFacts>();
  return (index) => {
    let facts = made.get(index);
    if (facts === undefined) {
      facts = factsOf(index);
      made.set(index, facts);
    }
    return facts;
  };
}
