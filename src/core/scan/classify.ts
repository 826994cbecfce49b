/**
 * Why a folder or file is left out of a scan, or null when it stays in. The checks run in a fixed
 * order so the recorded reason is the most specific one the user can act on.
 */
import type { Ignore } from 'ignore';
import { isSecretFileName } from '../redact/secretFileName';
import type { SkipReason } from '../types';
import { isDefaultExcludedDir, isDefaultExcludedFile } from './defaults';
import type { IgnoreChain } from './ignoreRules';
import { isFixtureFolder, isTestFileName, isTestFolder } from './fileKinds';

/** The rules in force for one folder's entries. */
export interface EntryRules {
  git: IgnoreChain;
  tome: IgnoreChain;
  exclude: Ignore | null;
  include: Ignore | null;
  includeTests: boolean;
}

/** A skip verdict: the reason and an optional human detail. */
export interface Verdict {
  reason: SkipReason;
  detail?: string;
}

/** User globs may be written relative to the root or with the multi-root prefix; either matches. */
function matchesGlobs(rules: Ignore, rel: string, shown: string, isDir: boolean): boolean {
  const slash = isDir ? '/' : '';
  return rules.ignores(rel + slash) || (shown !== rel && rules.ignores(shown + slash));
}

/** The verdict for a folder named `name` at root-relative `rel` (shown to the user as `shown`). */
export function classifyDir(rules: EntryRules, name: string, rel: string, shown: string, siblings: ReadonlySet<string>): Verdict | null {
  if (isDefaultExcludedDir(name, siblings)) return { reason: 'default-excluded' };
  if (rules.git.ignores(rel, true)) return { reason: 'gitignored' };
  if (rules.tome.ignores(rel, true)) return { reason: 'tomeignored' };
  if (rules.exclude && matchesGlobs(rules.exclude, rel, shown, true)) return { reason: 'excluded' };
  if (!rules.includeTests && (isTestFolder(name) || isFixtureFolder(name))) return { reason: 'excluded', detail: 'test folder' };
  return null;
}

/** The verdict for a file named `name` at root-relative `rel` (shown to the user as `shown`). */
export function classifyFile(rules: EntryRules, name: string, rel: string, shown: string): Verdict | null {
  if (rules.git.ignores(rel, false)) return { reason: 'gitignored' };
  if (rules.tome.ignores(rel, false)) return { reason: 'tomeignored' };
  if (rules.exclude && matchesGlobs(rules.exclude, rel, shown, false)) return { reason: 'excluded' };
  if (rules.include && !matchesGlobs(rules.include, rel, shown, false)) return { reason: 'not-included' };
  if (isSecretFileName(rel)) return { reason: 'secret-file' };
  if (isDefaultExcludedFile(name)) return { reason: 'default-excluded' };
  if (!rules.includeTests && isTestFileName(name)) return { reason: 'excluded', detail: 'test file' };
  return null;
}
