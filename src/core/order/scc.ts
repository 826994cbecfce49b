/**
 * Strongly connected components by Tarjan's algorithm, iterative so that deep import chains in
 * large trees cannot overflow the stack. `edges[i]` lists the node indexes node i points to.
 * Components come out in reverse topological order: each one after every component it points to,
 * so for import edges a dependency's component precedes its dependents'.
 */
export function stronglyConnectedComponents(edges: readonly (readonly number[])[]): number[][] {
  const count = edges.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  const work: { node: number; next: number }[] = [];
  let counter = 0;
  for (let start = 0; start < count; start++) {
    if (index[start] !== -1) continue;
    work.push({ node: start, next: 0 });
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: number; next: number };
      const targets = edges[frame.node] ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as number;
        if (index[target] === -1) {
          index[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          work.push({ node: target, next: 0 });
        } else if (onStack[target] === 1) {
          low[frame.node] = Math.min(low[frame.node] as number, index[target] as number);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low[parent.node] = Math.min(low[parent.node] as number, low[frame.node] as number);
      if (low[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop() as number;
          onStack[member] = 0;
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
