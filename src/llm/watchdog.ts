/**
 * Aborts a request that goes silent: one timer for the first bytes of the answer, then one per
 * gap between pieces of it. Linked to the caller's signal so both a user stop and a timeout end the request,
 * while {@link Watchdog.fired} tells them apart.
 */
export class Watchdog {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onUserAbort = (): void => this.controller.abort(this.userSignal?.reason);
  private disposed = false;
  /** Set when a timer ran out: how long the silence was. */
  fired: { ms: number } | undefined;

  constructor(private readonly userSignal: AbortSignal | undefined) {
    if (userSignal?.aborted) this.controller.abort(userSignal.reason);
    else userSignal?.addEventListener('abort', this.onUserAbort, { once: true });
  }

  /** The signal to hand the request. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** (Re)starts the timer; a non-positive `ms` means no limit. */
  arm(ms: number): void {
    this.clearTimer();
    // A late piece of a finished body must not start a timer that keeps a CLI process alive.
    if (this.disposed || !(ms > 0) || !Number.isFinite(ms)) return;
    this.timer = setTimeout(() => {
      this.fired = { ms };
      this.controller.abort(new Error('timeout'));
    }, ms);
  }

  /** Stops the timers and lets go of the caller's signal; aborts the request if still open. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.userSignal?.removeEventListener('abort', this.onUserAbort);
    if (!this.controller.signal.aborted) this.controller.abort(new Error('finished'));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
