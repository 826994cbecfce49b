import { piecesOf } from '../core';

/** Writes to a stream, resolving once it is flushed. */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
}

/**
 * Writes a text held as chunks (a pack's `chunks`) to a stream in order, a piece of about a
 * megabyte at a time, each once the last is flushed: a slow reader (a pipe into `less`) holds
 * back the writing instead of the whole text piling up in the stream's buffer.
 */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: readonly string[]): Promise<void> {
  for (const piece of piecesOf(chunks)) await write(stream, piece);
}

export { writeOutput } from './outputFile';
