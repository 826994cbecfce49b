/**
 * Which of a fixed set of keywords occur in a text, in any case, in one pass: an Aho–Corasick
 * automaton compiled into a dense transition table over the keywords' characters. A regular
 * expression alternation of some two hundred keywords is tried at every place in the text and
 * runs at a few hundred MB/s; the table makes one array read per character and needs no
 * lower-case copy of the text.
 */

/** Keywords as lower-case ASCII; compile once, scan many texts. */
export class KeywordScanner {
  /** Column of each ASCII code (upper case folded onto lower); 0 is every other character. */
  private readonly columnOf = new Uint8Array(128);
  /** next row = transitions[row + column], where a state's row is its number times the column count. */
  private readonly transitions: Int32Array;
  /** 1 at the row of each state where a keyword ends. */
  private readonly accepting: Uint8Array;
  /** Keyword indices found on reaching each state's row (its own and its suffixes'). */
  private readonly found = new Map<number, readonly number[]>();

  constructor(readonly keywords: readonly string[]) {
    for (const keyword of keywords) {
      if (!/^[\x20-\x7e]+$/.test(keyword) || keyword !== keyword.toLowerCase()) throw new Error(`keyword must be lower-case ASCII: ${keyword}`);
    }
    let columns = 1;
    for (const keyword of keywords) {
      for (const ch of keyword) {
        const code = ch.charCodeAt(0);
        if (this.columnOf[code] !== 0) continue;
        this.columnOf[code] = columns;
        const upper = ch.toUpperCase().charCodeAt(0);
        if (upper !== code) this.columnOf[upper] = columns;
        columns++;
      }
    }
    const { goto, output } = buildTrie(keywords, (code) => this.columnOf[code] as number);
    const transitions = compile(goto, output, columns);
    this.accepting = new Uint8Array(transitions.length);
    output.forEach((keywordsHere, state) => {
      if (keywordsHere.length === 0) return;
      this.accepting[state * columns] = 1;
      this.found.set(state * columns, keywordsHere);
    });
    // Rows instead of state numbers: one multiplication less per character.
    for (let i = 0; i < transitions.length; i++) transitions[i] = (transitions[i] as number) * columns;
    this.transitions = transitions;
  }

  /** Indices (into `keywords`) of the keywords that occur in `text`. */
  scan(text: string): Set<number> {
    const seen = new Set<number>();
    const { columnOf, transitions, accepting, found } = this;
    // `row` is the current state times the column count: the table holds rows, not state numbers.
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      row = transitions[row + (code < 128 ? (columnOf[code] as number) : 0)] as number;
      if (accepting[row] === 1) for (const k of found.get(row) ?? []) seen.add(k);
    }
    return seen;
  }
}

/** The keyword trie: child state per column, and the keywords ending at each state. */
function buildTrie(keywords: readonly string[], column: (code: number) => number): { goto: Map<number, number>[]; output: number[][] } {
  const goto: Map<number, number>[] = [new Map()];
  const output: number[][] = [[]];
  keywords.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const c = column(keyword.charCodeAt(i));
      let next = goto[state]?.get(c);
      if (next === undefined) {
        next = goto.length;
        goto.push(new Map());
        output.push([]);
        goto[state]?.set(c, next);
      }
      state = next;
    }
    output[state]?.push(index);
  });
  return { goto, output };
}

/**
 * Failure links by breadth-first search, folded into a full transition table of state numbers;
 * each state's output gains its failure state's, so reaching a state reports every keyword ending there.
 */
function compile(goto: Map<number, number>[], output: number[][], columns: number): Int32Array {
  const transitions = new Int32Array(goto.length * columns);
  const fail = new Int32Array(goto.length);
  const order: number[] = [];
  for (const [c, child] of goto[0] ?? []) {
    transitions[c] = child;
    order.push(child);
  }
  for (let at = 0; at < order.length; at++) {
    const state = order[at] as number;
    output[state]?.push(...(output[fail[state] as number] ?? []));
    for (let c = 0; c < columns; c++) {
      const child = goto[state]?.get(c);
      const viaFail = transitions[(fail[state] as number) * columns + c] as number;
      if (child === undefined) {
        transitions[state * columns + c] = viaFail;
      } else {
        fail[child] = viaFail;
        transitions[state * columns + c] = child;
        order.push(child);
      }
    }
  }
  return transitions;
}
