/**
 * Some local servers (Ollama, LM Studio and vLLM without a reasoning parser) put a reasoning
 * model's thoughts inline, as `<think>…</think>` at the start of the answer. This splits them
 * out of the text stream as reasoning, across chunk boundaries. Only a block that opens the
 * answer counts: a `<think>` later on is the model writing about the tag, and stays text.
 */
import type { ChatEvent } from './types';

type Piece = Extract<ChatEvent, { type: 'text' | 'reasoning' }>;

const OPEN = '<think>';
const CLOSE = '</think>';

/** Splits streamed answer text into reasoning (inside a leading think block) and text. */
export class ThinkTagSplitter {
  /** `after`: the block just closed; blank lines before the answer are dropped. */
  private state: 'start' | 'thinking' | 'after' | 'text' = 'start';
  private pending = '';

  /** Feeds one text delta; returns the pieces that are certain so far. */
  push(delta: string): Piece[] {
    this.pending += delta;
    const out: Piece[] = [];
    if (this.state === 'start') {
      const trimmed = this.pending.trimStart();
      if (trimmed.length < OPEN.length && OPEN.startsWith(trimmed)) return out;
      if (trimmed.startsWith(OPEN)) {
        this.state = 'thinking';
        this.pending = trimmed.slice(OPEN.length);
      } else {
        this.state = 'text';
      }
    }
    if (this.state === 'thinking') {
      const end = this.pending.indexOf(CLOSE);
      if (end < 0) {
        // Hold back what could be the start of `</think>`.
        const keep = partialSuffix(this.pending, CLOSE);
        const sure = this.pending.slice(0, this.pending.length - keep);
        if (sure) out.push({ type: 'reasoning', text: sure });
        this.pending = this.pending.slice(sure.length);
        return out;
      }
      if (end > 0) out.push({ type: 'reasoning', text: this.pending.slice(0, end) });
      this.pending = this.pending.slice(end + CLOSE.length);
      this.state = 'after';
    }
    if (this.state === 'after') {
      this.pending = this.pending.replace(/^\s+/, '');
      if (!this.pending) return out;
      this.state = 'text';
    }
    if (this.pending) out.push({ type: 'text', text: this.pending });
    this.pending = '';
    return out;
  }

  /** Whatever is still held back when the stream ends. */
  flush(): Piece[] {
    const rest = this.pending;
    this.pending = '';
    if (!rest) return [];
    return [{ type: this.state === 'thinking' ? 'reasoning' : 'text', text: rest }];
  }
}

/** Length of the longest end of `text` that is a proper start of `tag`. */
function partialSuffix(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}
