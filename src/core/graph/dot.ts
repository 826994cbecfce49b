import type { ImportGraph } from '../types';

/** A DOT string literal: quotes and backslashes escaped, line breaks kept out. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/**
 * The import graph in Graphviz DOT: one node per file, an edge from each file to what it imports,
 * and each cycle drawn as a red cluster so it stands out. Output is sorted, so the same graph
 * always gives the same text.
 */
export function graphToDot(graph: ImportGraph, cycles: readonly (readonly string[])[]): string {
  const lines = ['digraph imports {', '  rankdir=LR;', '  node [shape=box, fontname="monospace"];'];
  const cycleOf = new Map<string, number>();
  cycles.forEach((cycle, i) => cycle.forEach((path) => cycleOf.set(path, i)));
  cycles.forEach((cycle, i) => {
    lines.push(`  subgraph cluster_cycle_${i} {`, `    label=${quote(`cycle ${i + 1}`)};`, '    color=red;');
    for (const path of cycle) lines.push(`    ${quote(path)};`);
    lines.push('  }');
  });
  const paths = [...graph.imports.keys()].sort();
  for (const path of paths) if (!cycleOf.has(path)) lines.push(`  ${quote(path)};`);
  for (const path of paths) {
    for (const target of graph.imports.get(path) ?? []) {
      const cyclic = cycleOf.has(path) && cycleOf.get(path) === cycleOf.get(target);
      lines.push(`  ${quote(path)} -> ${quote(target)}${cyclic ? ' [color=red]' : ''};`);
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
