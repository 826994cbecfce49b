/** Writes to a stream, resolving once it is flushed. */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
}

export { writeOutput } from './outputFile';
