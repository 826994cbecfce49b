import { describe, expect, it } from 'vitest';
import { ThinkTagSplitter } from '../../src/llm/thinkTags';

function split(deltas: string[]): { reasoning: string; text: string } {
  const splitter = new ThinkTagSplitter();
  const pieces = [...deltas.flatMap((delta) => splitter.push(delta)), ...splitter.flush()];
  return {
    reasoning: pieces.filter((piece) => piece.type === 'reasoning').map((piece) => piece.text).join(''),
    text: pieces.filter((piece) => piece.type === 'text').map((piece) => piece.text).join(''),
  };
}

describe('ThinkTagSplitter', () => {
  it('moves a leading think block to reasoning, even with tags split across chunks', () => {
    expect(split(['\n<thi', 'nk>Let me', ' look.</th', 'ink>\n\nThe answer', ' is 42.'])).toEqual({ reasoning: 'Let me look.', text: 'The answer is 42.' });
  });

  it('leaves text without a think block alone', () => {
    expect(split(['<div>', 'html</div>'])).toEqual({ reasoning: '', text: '<div>html</div>' });
    expect(split(['Plain ', 'answer'])).toEqual({ reasoning: '', text: 'Plain answer' });
  });

  it('keeps a <think> that appears later in the answer as text', () => {
    expect(split(['Use the ', '<think>', ' tag.'])).toEqual({ reasoning: '', text: 'Use the <think> tag.' });
  });

  it('flushes an unfinished think block as reasoning when the stream ends', () => {
    expect(split(['<think>still thinking</thi'])).toEqual({ reasoning: 'still thinking</thi', text: '' });
  });

  it('yields reasoning as it comes instead of waiting for the closing tag', () => {
    const splitter = new ThinkTagSplitter();
    splitter.push('<think>');
    expect(splitter.push('first thought ')).toEqual([{ type: 'reasoning', text: 'first thought ' }]);
  });
});
