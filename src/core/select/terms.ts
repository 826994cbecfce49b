/**
 * Word splitting shared by query matching: identifiers and paths become lower-case word stems,
 * so `ShadowMapPass`, `shadow_map_pass` and `shadow-maps.ts` all yield `shadow`, `map`, `pass`.
 */

/** English filler words that say nothing about which file a question is about. */
const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'do', 'does', 'for', 'from', 'how',
  'i', 'if', 'in', 'is', 'it', 'its', 'me', 'my', 'of', 'on', 'or', 'so', 'that', 'the', 'this',
  'to', 'we', 'what', 'when', 'where', 'which', 'who', 'why', 'with', 'you', 'your', 'our',
  'there', 'their', 'them', 'they', 'was', 'were', 'will', 'would', 'should', 'could', 'about',
  'explain', 'work', 'works', 'implement', 'implemented', 'implementation', 'code', 'codebase',
  'please', 'show', 'tell', 'find', 'get', 'use', 'used', 'using', 'does', 'done', 'into', 'all',
]);

/** Splits camelCase / PascalCase / ACRONYMWord boundaries before lower-casing. */
function splitCamel(word: string): string[] {
  return word
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ');
}

/**
 * A light suffix stripper (plurals, -ing, -ed): `shadows`/`shadow` and `rendering`/`render`
 * agree, cheap enough to run over every identifier of a large tree. Agent nouns (`renderer`) are
 * left alone: stripping `-er` too would make `render` and `renderers` disagree.
 */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && /(s|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The word stems of one identifier or path fragment, e.g. `WebGLRenderer` → `webgl`, `render`. */
export function identifierStems(identifier: string): string[] {
  const out: string[] = [];
  for (const part of identifier.split(/[^A-Za-z0-9]+/)) {
    if (part === '') continue;
    for (const word of splitCamel(part)) {
      const lower = word.toLowerCase();
      if (lower.length >= 2) out.push(stem(lower));
    }
  }
  return out;
}

/**
 * The stems of an identifier found in a document, plus each adjacent pair joined, so a question
 * saying `webgl` or `shadowmap` matches `WebGLShadowMap` (split as `web`, `gl`, `shadow`, `map`).
 */
export function documentStems(identifier: string): string[] {
  const parts = identifierStems(identifier);
  const out = [...parts];
  for (let i = 1; i < parts.length; i++) out.push(stem(`${parts[i - 1] ?? ''}${parts[i] ?? ''}`));
  return out;
}

/** The stems of a path's folder and file names (pairs joined too), extension excluded. */
export function pathStems(path: string): string[] {
  const withoutExt = path.replace(/\.[A-Za-z0-9]+$/, '');
  return withoutExt.split('/').flatMap(documentStems);
}

/**
 * The distinct stems of the user's question, filler words dropped. A query written as one
 * identifier (`ShadowMap`) also keeps its joined form, which matches the identifier as a whole.
 */
export function queryStems(query: string): string[] {
  const stems = new Set<string>();
  for (const token of query.split(/[^A-Za-z0-9_$]+/)) {
    if (token === '') continue;
    const lower = token.toLowerCase();
    if (STOP_WORDS.has(lower)) continue;
    const parts = identifierStems(token).filter((s) => !STOP_WORDS.has(s));
    for (const s of parts) stems.add(s);
    if (parts.length > 1) stems.add(stem(lower.replace(/[^a-z0-9]/g, '')));
  }
  return [...stems].sort();
}
