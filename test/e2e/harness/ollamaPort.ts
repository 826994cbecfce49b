import { createServer } from 'node:net';

/** The port Ollama listens on, and so the one Tome's Ollama preset checks. */
export const OLLAMA_PORT = 11434;

/**
 * Fails at once, saying why, when something already listens on 127.0.0.1:11434 (a real Ollama,
 * another run): a scenario that needs the port must not hang or talk to the wrong server.
 */
export function requireFreeOllamaPort(): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`Port ${OLLAMA_PORT} on 127.0.0.1 is taken (${error.code ?? error.message}): stop the Ollama or other server using it; this scenario serves a fake Ollama there.`)),
    );
    probe.listen(OLLAMA_PORT, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
