/** A mistake in the command line: exit code 2, message names the bad value and what is allowed. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The pack is larger than --max-tokens allows: exit code 3, nothing written. */
export class OverLimitError extends Error {
  override readonly name = 'OverLimitError';
  constructor(
    readonly totalTokens: number,
    readonly limit: number,
  ) {
    super(`The pack holds ${totalTokens} tokens, over --max-tokens ${limit}. Nothing was written.`);
  }
}

/** Exit codes of the `tome` command. */
export const EXIT = { ok: 0, failure: 1, usage: 2, overLimit: 3, interrupted: 130 } as const;
