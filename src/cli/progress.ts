import type { ProgressEvent } from '../core';

/** Shows progress on a terminal only, and only once a run has taken a moment. */
export class TerminalProgress {
  private readonly started = Date.now();
  private shown = false;
  private lastDraw = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  update(event: ProgressEvent): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < 400 || now - this.lastDraw < 80) return;
    this.lastDraw = now;
    this.shown = true;
    const count = event.total > 1 ? ` ${event.done}/${event.total}` : '';
    this.stream.write(`\r\x1b[2K${event.stage}…${count}`);
  }

  /** Clears the progress line so the summary starts on a clean line. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
