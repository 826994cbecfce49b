/**
 * Runs the fake OpenAI-compatible server as its own process:
 * `node <bundle> [--port N] [--api-key KEY]`. Prints one JSON line `{"port":N,"baseURL":"…"}`
 * once it listens, then serves until SIGTERM/SIGINT. Scripted through the HTTP control API
 * (`/__control/enqueue`, `/__control/requests`, `/__control/reset`, `/__control/fallback`).
 * {@link spawnOpenAIServer} in openaiServerProcess.ts bundles and starts it.
 */
import { startOpenAIServer } from './openaiServer';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const apiKey = flag('--api-key');
  const server = await startOpenAIServer({ port: Number(flag('--port') ?? 0), ...(apiKey ? { apiKey } : {}) });
  process.stdout.write(`${JSON.stringify({ port: server.port, baseURL: server.baseURL })}\n`);
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`The fake model server could not start: ${String(error)}\n`);
  process.exit(1);
});
