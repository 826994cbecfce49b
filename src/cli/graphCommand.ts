import { graphToDot, graphOfRoots, withDefaults } from '../core';
import { resolveRoots } from './roots';

/** Options of `tome graph`. */
export interface GraphCommandOptions {
  dot?: boolean;
  gitignore: boolean;
  include?: string[];
  exclude?: string[];
}

/** `tome graph [dir]`: the import graph as JSON (default) or Graphviz DOT, cycles listed. */
export async function runGraphCommand(dir: string | undefined, o: GraphCommandOptions, signal: AbortSignal): Promise<void> {
  const request = withDefaults({ roots: resolveRoots(dir ? [dir] : []), useGitignore: o.gitignore, include: o.include ?? [], exclude: o.exclude ?? [] });
  const { graph, cycles, paths } = await graphOfRoots(request, signal);
  let out: string;
  if (o.dot) {
    out = graphToDot(graph, cycles);
  } else {
    const files = paths.map((path) => ({ path, imports: graph.imports.get(path) ?? [], external: graph.external.get(path) ?? [] }));
    out = `${JSON.stringify({ root: request.roots[0], files, cycles, warnings: graph.warnings.map((w) => w.message) }, null, 2)}\n`;
  }
  await new Promise<void>((resolve, reject) => process.stdout.write(out, (e) => (e ? reject(e) : resolve())));
}
