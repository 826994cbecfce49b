import { piecesOf } from '../core';

/** Writes to a stream, resolving once it is flushed. */
export function write(stream: NodeJS.WritableStream, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
}

/** Bytes written to a stream per call. */
const BYTE_PIECE = 1024 * 1024;

/**
 * Writes a text held as chunks (a pack's `chunks`) or as UTF-8 bytes (a saved pack's) to a stream
 * in order, a piece of about a megabyte at a time, each once the last is flushed: a slow reader (a
 * pipe into `less`) holds back the writing instead of the whole text piling up in the stream's buffer.
 */
export async function writeChunks(stream: NodeJS.WritableStream, text: readonly string[] | Uint8Array): Promise<void> {
  if (text instanceof Uint8Array) {
    for (let at = 0; at < text.length; at += BYTE_PIECE) await write(stream, text.subarray(at, at + BYTE_PIECE));
    return;
  }
  for (const piece of piecesOf(text)) await write(stream, piece);
}

export { writeOutput } from './outputFile';
