/** A binary min-heap of strings by UTF-16 code-unit order (deterministic on every machine). */
export class StringHeap {
  private readonly items: string[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: string): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as string;
      if (p <= item) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  /** Removes and returns the smallest item, or undefined when empty. */
  pop(): string | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && (items[right] as string) < (items[left] as string) ? right : left;
      if ((items[child] as string) >= last) break;
      items[i] = items[child] as string;
      i = child;
    }
    items[i] = last;
    return top;
  }

  peek(): string | undefined {
    return this.items[0];
  }
}
