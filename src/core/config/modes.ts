import ignore, { type Ignore } from 'ignore';
import type { ConfigMode, ModeRule } from './types';

/** The mode of a path under `modes` rules: the first rule whose glob matches, or undefined. */
export type ModeMatcher = (rootRelative: string, packPath: string) => ConfigMode | undefined;

/**
 * Compiles `modes` rules. Globs are gitignore-style (as `include` and `exclude`), relative to the
 * root; with several roots a glob may also start with the root's folder name.
 */
export function modeMatcher(rules: readonly ModeRule[]): ModeMatcher {
  const compiled: Array<{ rule: ModeRule; matcher: Ignore }> = rules.map((rule) => ({ rule, matcher: ignore().add(rule.pattern) }));
  return (rel, shown) => compiled.find(({ matcher }) => matcher.ignores(rel) || (shown !== rel && matcher.ignores(shown)))?.rule.mode;
}
