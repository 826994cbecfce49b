/**
 * Starts the fake OpenAI-compatible server in a child process and talks to it over its HTTP
 * control API, for tests whose model server must live outside the test process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import type { RecordedRequest } from './openaiServer';
import type { ScriptedReply } from './openaiServerReplies';

/** A fake server running in another process. */
export interface OpenAIServerProcess {
  port: number;
  baseURL: string;
  enqueue(...replies: ScriptedReply[]): Promise<void>;
  /** Sets the reply used when the queue is empty. */
  setFallback(reply: ScriptedReply): Promise<void>;
  requests(): Promise<RecordedRequest[]>;
  reset(): Promise<void>;
  /** Ends the child process and removes its bundle. */
  stop(): Promise<void>;
}

/** Bundles openaiServerMain.ts with esbuild and runs it under the current Node. */
export async function spawnOpenAIServer(options: { apiKey?: string } = {}): Promise<OpenAIServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'tome-openai-server-'));
  const outfile = join(dir, 'server.cjs');
  await build({ entryPoints: [resolve(__dirname, 'openaiServerMain.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  const child = spawn(process.execPath, [outfile, ...(options.apiKey ? ['--api-key', options.apiKey] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<{ port: number; baseURL: string }>((done, fail) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => done(JSON.parse(line) as { port: number; baseURL: string }));
    child.once('exit', (code) => fail(new Error(`The fake model server exited before listening (code ${code}).`)));
  });
  const control = async (path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`http://127.0.0.1:${ready.port}/__control/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    return response.json() as Promise<unknown>;
  };
  return {
    ...ready,
    enqueue: async (...replies) => void (await control('enqueue', replies)),
    setFallback: async (reply) => void (await control('fallback', reply)),
    requests: async () => (await control('requests')) as RecordedRequest[],
    reset: async () => void (await control('reset', {})),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
