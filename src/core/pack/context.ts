import type { Renderer } from '../render';
import type { TokenCounter } from '../tokenize/counter';
import type { FileMode } from '../types';
import { countBlocks } from './blocks';
import type { PackClock } from './clock';
import type { PackRequest } from './request';
import type { EngineState } from './state';
import type { PackStages } from './types';
import { outlineSource } from '../outline';
import { declarationFactsOf, type DeclarationFacts } from '../select';

/** What every stage helper of one pack shares: the request, the engine's state and the tools. */
export interface PackContext {
  request: PackRequest;
  state: EngineState;
  stages: PackStages;
  counter: TokenCounter;
  clock: PackClock;
  renderer: Renderer;
  /** Pack path → content hash of the file's bytes, for the facts of the files being packed. */
  hashes: ReadonlyMap<string, string>;
}

/** Exact tokens of one file's block (0 for path-only), through the block facts. */
export async function blockCost(ctx: PackContext, path: string, mode: FileMode, body: string): Promise<number> {
  if (mode === 'path-only') return 0;
  const hash = ctx.hashes.get(path) ?? '';
  const { tokens } = await countBlocks(ctx.renderer, [{ path, mode, body, hash }], ctx.counter, ctx.state.facts, { signal: ctx.clock.signal });
  return tokens[0] ?? 0;
}

/** A file's outline (null when its language has none), made once per content and path. */
export async function outlineOf(ctx: PackContext, candidate: { path: string; text: string; hash?: string }): Promise<string | null> {
  const hash = candidate.hash ?? ctx.hashes.get(candidate.path);
  if (hash === undefined) return outlineSource(candidate.path, candidate.text);
  const known = ctx.state.facts.get('outline', hash, candidate.path);
  if (known !== undefined) return known;
  const outline = await outlineSource(candidate.path, candidate.text);
  ctx.state.facts.set('outline', hash, candidate.path, outline);
  return outline;
}

/** A file's declaration facts (see declarationFactsOf), read once per content. */
export function declarationsOf(ctx: PackContext, candidate: { path: string; text: string; hash?: string }): DeclarationFacts {
  const hash = candidate.hash ?? ctx.hashes.get(candidate.path);
  if (hash === undefined) return declarationFactsOf(candidate.text);
  const known = ctx.state.facts.get('declarations', hash, '');
  if (known !== undefined) return known;
  const facts = declarationFactsOf(candidate.text);
  ctx.state.facts.set('declarations', hash, '', facts);
  return facts;
}
