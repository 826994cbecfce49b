import { writeFile } from 'node:fs/promises';

/** Writes to a stream, resolving once it is flushed. */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
}

/** Writes a file the user named, with a plain message when that fails. */
export async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`Could not write "${path}" (${reason}). Check that its folder exists and can be written to.`, {
      cause: error,
    });
  }
}
