/** A mistake in the command line: exit code 2, message names the bad value and what is allowed. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes of the `tome` command. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;
