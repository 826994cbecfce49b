/** Slots in the table (a power of two); it is cleared when half full, to bound memory. */
const SLOTS = 1 << 19;
const MASK = SLOTS - 1;
const MAX_ENTRIES = SLOTS >> 1;

/**
 * Token counts of pieces, looked up by a range of a larger text without cutting the piece out
 * first. The scanner visits every piece of every file; slicing a string and hashing it in a Map
 * was most of the counting time, so this is an open-addressing table keyed by an FNV-1a hash
 * computed straight from the text's char codes.
 */
export class PieceMemo {
  private hashes = new Int32Array(SLOTS);
  private counts = new Int32Array(SLOTS);
  // Filled up front: a sparse array this large would fall back to slow dictionary storage.
  // A count of 0 marks an empty slot (every non-empty piece has at least one token).
  private keys: string[] = new Array<string>(SLOTS).fill('');
  private size = 0;

  /** Count of text[start, end), or -1 when unknown. */
  get(text: string, start: number, end: number): number {
    const hash = hashRange(text, start, end);
    let slot = hash & MASK;
    for (;;) {
      const count = this.counts[slot] as number;
      if (count === 0) return -1;
      if (this.hashes[slot] === hash && sameRange(this.keys[slot] as string, text, start, end)) return count;
      slot = (slot + 1) & MASK;
    }
  }

  /** Remembers the count of text[start, end). */
  set(text: string, start: number, end: number, count: number): void {
    if (this.size >= MAX_ENTRIES) this.clear();
    const hash = hashRange(text, start, end);
    let slot = hash & MASK;
    while (this.counts[slot] !== 0) slot = (slot + 1) & MASK;
    this.keys[slot] = detachedSlice(text, start, end);
    this.hashes[slot] = hash;
    this.counts[slot] = count;
    this.size++;
  }

  private clear(): void {
    this.hashes = new Int32Array(SLOTS);
    this.counts = new Int32Array(SLOTS);
    this.keys = new Array<string>(SLOTS).fill('');
    this.size = 0;
  }
}

/**
 * text[start, end) as a string of its own. V8 makes a slice of 13 characters or more a view
 * into the whole text, so a remembered piece would keep every file it was first seen in alive
 * (in the token worker: every block it was sent) until the table is cleared. Slicing a fresh
 * concatenation instead copies the piece into a string one character longer and views that.
 */
function detachedSlice(text: string, start: number, end: number): string {
  return (' ' + text.slice(start, end)).slice(1);
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function sameRange(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
