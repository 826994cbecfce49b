/**
 * A fake OpenAI-compatible server on 127.0.0.1 for tests: the real wire protocol
 * (`POST /v1/chat/completions` as JSON or server-sent events, `GET /v1/models`), provider-shaped
 * errors, streams that die or stall, and a record of every request. Scripted with a queue of
 * replies, in process (`server.enqueue(...)`) or over HTTP on the same port for a server running
 * in another process (`POST /__control/enqueue`, `GET /__control/requests`, `POST /__control/reset`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { providerErrors, type ScriptedReply, type StreamReply } from './openaiServerReplies';
import { answerShapes, ollamaOpenAIBilled, type ListedModel, type ServerShapes } from './openaiServerShapes';
import { ChunkWriter, completionObject, defaultReply, usageObject, type ChatBody } from './openaiServerWire';

export { providerErrors, type ScriptedReply, type ScriptedUsage, type StreamReply } from './openaiServerReplies';
export type { ListedModel, OllamaModel, ServerShapes } from './openaiServerShapes';

/** One request the server received. */
export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. `/v1/chat/completions`. */
  path: string;
  /** Lower-cased header names, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The JSON body, or undefined when there was none or it was not JSON. */
  body: ChatBody;
}

/** How to start the server; everything is optional. */
export interface OpenAIServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Replies to serve first, in order. */
  replies?: ScriptedReply[];
  /** Served when the queue is empty (default: an echo-ish markdown answer). */
  fallback?: ScriptedReply;
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401. */
  apiKey?: string;
  /**
   * Models listed at `GET /v1/models` (and `/api/v1/models`, OpenRouter's path), default
   * `['tome-test-model']`; an object adds its fields (vLLM's `max_model_len`, OpenRouter's
   * `context_length` and `pricing`).
   */
  models?: Array<string | ListedModel>;
  /** Other servers' endpoints to answer (Ollama, LM Studio, llama.cpp, Gemini). */
  shapes?: ServerShapes;
}

/** A running fake server. */
export interface OpenAIServer {
  port: number;
  /** `http://127.0.0.1:PORT/v1`, the base URL to give a client. */
  baseURL: string;
  /** The same, spelled as the end-to-end harness spells it. */
  baseUrl: string;
  /** Adds replies to the end of the queue. */
  enqueue(...replies: ScriptedReply[]): void;
  /** Chat and model requests received so far (control calls are not recorded). */
  requests(): RecordedRequest[];
  /**
   * Only the chat requests (`POST …/chat/completions`, Ollama's `POST /api/chat`), without the
   * window and model-list probes a client makes on the side.
   */
  chatRequests(): RecordedRequest[];
  /** Streamed answers still being written (a client that hung up no longer counts). */
  activeStreams(): number;
  /** Empties the queue and the record, and restores the default fallback. */
  reset(): void;
  /** Closes every connection, hanging ones included, and the server. */
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes and waits until the data is handed to the socket, so a cut right after still delivers it. */
const writeFlushed = (res: ServerResponse, data: string): Promise<void> =>
  new Promise((resolve) => res.write(data, () => resolve()));

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Starts the server and resolves once it listens. */
export async function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const queue: ScriptedReply[] = [...(options.replies ?? [])];
  const recorded: RecordedRequest[] = [];
  let fallback: ScriptedReply | undefined = options.fallback;
  let nextId = 1;
  let streaming = 0;

  async function streamAnswer(req: IncomingMessage, res: ServerResponse, reply: StreamReply, body: ChatBody): Promise<void> {
    const writer = new ChunkWriter(`chatcmpl-${nextId++}`, body.model ?? 'unknown');
    let gone = false;
    streaming++;
    res.on('close', () => {
      gone = true;
      streaming--;
    });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    if (reply.keepAlive) {
      for (let waited = 0; waited < reply.keepAlive.forMs && !gone; waited += reply.keepAlive.everyMs) {
        await writeFlushed(res, ': keep-alive\n\n');
        await sleep(reply.keepAlive.everyMs);
      }
    }
    await writeFlushed(res, writer.chunk({ role: 'assistant', content: '' }));
    const field = reply.reasoningField ?? 'reasoning_content';
    const pieces = [...(reply.reasoning ?? []).map((text) => ({ [field]: text })), ...reply.chunks.map((text) => ({ content: text }))];
    let sent = 0;
    for (const delta of pieces) {
      if (reply.delayMs) await sleep(reply.delayMs);
      if (gone) return;
      if (reply.cutAfter !== undefined && sent >= reply.cutAfter) {
        req.socket.destroy();
        return;
      }
      if (reply.stallAfter !== undefined && sent >= reply.stallAfter) return;
      if (reply.errorAfter && sent >= reply.errorAfter.chunks) {
        res.end(`data: ${JSON.stringify({ error: { message: reply.errorAfter.message, code: reply.errorAfter.code ?? 'server_error' } })}\n\n`);
        return;
      }
      await writeFlushed(res, writer.chunk(delta));
      sent++;
    }
    if (reply.cutAfter !== undefined && sent >= reply.cutAfter) {
      req.socket.destroy();
      return;
    }
    const finish = reply.finishReason === undefined ? 'stop' : reply.finishReason;
    if (finish !== null) res.write(writer.chunk({}, finish));
    if (body.stream_options?.include_usage) res.write(writer.usage(usageObject(reply, body)));
    res.end('data: [DONE]\n\n');
  }

  async function answerChat(req: IncomingMessage, res: ServerResponse, body: ChatBody): Promise<void> {
    const reply = queue.shift() ?? fallback ?? defaultReply(body);
    if (reply.kind === 'hang') return;
    if (reply.kind === 'error') return sendJson(res, reply.status, reply.body ?? { error: { message: `Error ${reply.status}` } }, reply.headers);
    const cut = options.shapes ? ollamaOpenAIBilled(options.shapes, body) : undefined;
    const billed: ScriptedReply = cut !== undefined && reply.usage?.promptTokens === undefined ? { ...reply, usage: { ...reply.usage, promptTokens: cut } } : reply;
    if (billed.kind !== 'stream') return;
    if (body.stream === true) return streamAnswer(req, res, billed, body);
    sendJson(res, 200, completionObject(`chatcmpl-${nextId++}`, billed, body));
  }

  async function control(path: string, req: IncomingMessage, res: ServerResponse, text: string): Promise<void> {
    const parsed = parseJson(text);
    if (req.method === 'GET' && path === '/__control/requests') return sendJson(res, 200, recorded);
    if (req.method === 'POST' && path === '/__control/reset') {
      server.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/__control/enqueue' && parsed && typeof parsed === 'object') {
      server.enqueue(...(Array.isArray(parsed) ? (parsed as ScriptedReply[]) : [parsed as ScriptedReply]));
      return sendJson(res, 200, { queued: queue.length });
    }
    if (req.method === 'POST' && path === '/__control/fallback' && parsed && typeof parsed === 'object') {
      fallback = parsed as ScriptedReply;
      return sendJson(res, 200, { ok: true });
    }
    sendJson(res, 400, { error: { message: `Unknown control call ${req.method} ${path}` } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const text = await readBody(req);
    if (path.startsWith('/__control/')) return control(path, req, res, text);
    const body = (parseJson(text) ?? {}) as ChatBody;
    recorded.push({ method: req.method ?? 'GET', path, headers: { ...req.headers }, body });
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      const invalid = providerErrors.invalidKey();
      if (invalid.kind === 'error') sendJson(res, invalid.status, invalid.body);
      return;
    }
    if (options.shapes && (await answerShapes(req, res, path, body, options.shapes, () => queue.shift() ?? fallback))) return;
    if (req.method === 'GET' && /^(\/api)?(\/v1)?\/models$/.test(path)) {
      const models = options.models ?? ['tome-test-model'];
      const entry = (model: string | ListedModel): ListedModel => (typeof model === 'string' ? { id: model } : model);
      return sendJson(res, 200, { object: 'list', data: models.map((model) => ({ object: 'model', created: 1_700_000_000, owned_by: 'tome-test', ...entry(model) })) });
    }
    if (req.method === 'POST' && /^(\/v1)?\/chat\/completions$/.test(path)) {
      if (!parseJson(text)) return sendJson(res, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error', param: null, code: null } });
      return answerChat(req, res, body);
    }
    sendJson(res, 404, { error: { message: `Unknown request URL: ${req.method} ${path}.`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
  }

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error) } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const baseURL = `http://127.0.0.1:${port}/v1`;

  const isChatRequest = (request: RecordedRequest): boolean =>
    request.method === 'POST' && (request.path.endsWith('/chat/completions') || request.path === '/api/chat');
  const server: OpenAIServer = {
    port,
    baseURL,
    baseUrl: baseURL,
    enqueue: (...replies) => void queue.push(...replies),
    requests: () => recorded.map((request) => ({ ...request })),
    chatRequests: () => recorded.filter(isChatRequest).map((request) => ({ ...request })),
    activeStreams: () => streaming,
    reset: () => {
      queue.length = 0;
      recorded.length = 0;
      fallback = options.fallback;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
  return server;
}
