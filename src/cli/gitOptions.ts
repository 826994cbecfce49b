import type { DiffSpec, GitRequest } from '../core';
import { UsageError } from './errors';

/** The git options of `tome pack` as commander parses them. */
export interface GitOptions {
  /** `--diff` alone is true; `--diff main` is the base. */
  diff?: string | boolean;
  staged?: boolean;
  log?: number;
}

/** The git context `--diff [base]`, `--staged` and `--log N` ask for, or undefined. */
export function gitRequestFromOptions(o: GitOptions): GitRequest | undefined {
  if (o.staged && typeof o.diff === 'string') {
    throw new UsageError('--staged compares the index with HEAD; it cannot be combined with a base (--diff <base>). Use one or the other.');
  }
  const diff: DiffSpec | undefined = o.staged
    ? { kind: 'staged' }
    : typeof o.diff === 'string'
      ? { kind: 'base', base: o.diff }
      : o.diff === true
        ? { kind: 'worktree' }
        : undefined;
  if (diff === undefined && o.log === undefined) return undefined;
  return { ...(diff ? { diff } : {}), ...(o.log !== undefined ? { log: o.log } : {}) };
}
