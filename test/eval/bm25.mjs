// The retrieval baseline of the context eval: SWE-bench's setting, whole files in BM25 order
// until the budget is full (a file's cost is its characters / 4), words split as in that setting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const WORD = /[A-Za-z][a-z]+|[A-Z]+(?![a-z])|\d+/g;
const STOP = new Set('the a an of to in for on and or is be by with when not it its as at from that this does how do use'.split(' '));

function words(text) {
  const out = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (!STOP.has(word)) out.push(word);
  }
  return out;
}

function counts(list) {
  const map = new Map();
  for (const w of list) map.set(w, (map.get(w) ?? 0) + 1);
  return map;
}

/** Code points, as the baseline counts characters. */
function codePoints(text) {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) pairs++;
  }
  return text.length - pairs;
}

/** Documents of one tree, read once and kept: every case of a repository packs the same tree. */
const indexes = new Map();

function indexOf(tree, paths) {
  const key = `${tree}\0${paths.join('\0')}`;
  const known = indexes.get(key);
  if (known) return known;
  const docs = [];
  for (const path of paths) {
    let text;
    try {
      text = readFileSync(join(tree, path), 'utf8');
    } catch {
      continue;
    }
    const terms = counts([...words(text), ...words(path)]);
    let length = 0;
    for (const n of terms.values()) length += n;
    docs.push({ path, terms, length, cost: Math.floor(codePoints(text) / 4) });
  }
  const df = new Map();
  for (const d of docs) for (const t of d.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const average = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, docs.length);
  const index = { docs, df, average };
  indexes.clear();
  indexes.set(key, index);
  return index;
}

/** The paths BM25 packs in full for `query` within `budget`. */
export function bm25Pack(tree, paths, query, budget) {
  const { docs, df, average } = indexOf(tree, paths);
  const n = docs.length;
  const wanted = new Set(words(query));
  const score = (d) => {
    let s = 0;
    for (const t of wanted) {
      const tf = d.terms.get(t);
      if (tf === undefined) continue;
      const f = df.get(t) ?? 0;
      const idf = Math.log(1 + (n - f + 0.5) / (f + 0.5));
      s += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.length) / average));
    }
    return s;
  };
  const ranked = docs.map((d) => ({ d, s: score(d) })).sort((a, b) => b.s - a.s);
  const chosen = new Set();
  let used = 0;
  for (const { d } of ranked) {
    if (used + d.cost <= budget) {
      chosen.add(d.path);
      used += d.cost;
    }
  }
  return chosen;
}
