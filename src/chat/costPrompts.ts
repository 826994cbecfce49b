/**
 * Questions waiting for the cost guard's answer, one per request id. The webview answers with
 * `costAnswer`; Stop (the request's abort signal) answers "cancel", so nothing waits forever.
 */
import type { CostChoice } from '../shared/model';

/** Pending cost confirmations. */
export class CostPrompts {
  private readonly waiting = new Map<string, (choice: CostChoice) => void>();

  /** Resolves with the user's choice for `requestId`, or `cancel` once `signal` aborts. */
  wait(requestId: string, signal: AbortSignal): Promise<CostChoice> {
    if (signal.aborted) return Promise.resolve('cancel');
    return new Promise((resolve) => {
      const done = (choice: CostChoice): void => {
        this.waiting.delete(requestId);
        signal.removeEventListener('abort', onAbort);
        resolve(choice);
      };
      const onAbort = (): void => done('cancel');
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(requestId, done);
    });
  }

  /** Delivers the user's choice; an unknown id (already answered, or never asked) is ignored. */
  answer(requestId: string, choice: CostChoice): void {
    this.waiting.get(requestId)?.(choice);
  }
}
