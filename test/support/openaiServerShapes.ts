/**
 * The fake server's other documented shapes, beside the OpenAI ones: vLLM's `max_model_len` in
 * `/v1/models`, OpenRouter's `/api/v1/models` with `context_length` and `pricing`, LM Studio's
 * `/api/v0/models`, llama.cpp's `/props`, Gemini's `models.get`, and Ollama's native API
 * (`/api/show`, `/api/ps`, `/api/tags`, and `/api/chat` streamed as NDJSON).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ScriptedReply, StreamReply } from './openaiServerReplies';
import { estimatePromptTokens, type ChatBody } from './openaiServerWire';

/** One model as a server lists it: the id plus whatever fields that server adds. */
export type ListedModel = { id: string } & Record<string, unknown>;

/** One model Ollama serves. */
export interface OllamaModel {
  name: string;
  /** `model_info["<arch>.context_length"]`: the context the model was trained for. */
  trainedContext?: number;
  /** `num_ctx` in the Modelfile parameters. */
  parameterNumCtx?: number;
  /** Listed by `/api/ps` with this `context_length` (a loaded model). */
  loadedContext?: number;
  /** Like real Ollama: prompts longer than this are cut silently, and only this many tokens are billed. */
  servedContext?: number;
}

/** The shapes a fake server takes on; everything is optional. */
export interface ServerShapes {
  /** `GET /api/v0/models` (LM Studio). */
  lmStudioModels?: ListedModel[];
  /** `GET /props` (llama.cpp). */
  props?: Record<string, unknown>;
  /** `GET /v1beta/models/{name}` (Gemini), keyed by name. */
  geminiModels?: Record<string, Record<string, unknown>>;
  /** Ollama's native API. */
  ollama?: OllamaModel[];
  /** Wait this long before answering any probe endpoint (a server that does not answer in time). */
  probeDelayMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function ollamaModel(shapes: ServerShapes, name: unknown): OllamaModel | undefined {
  return shapes.ollama?.find((model) => model.name === name || model.name === `${String(name)}:latest`);
}

/** Prompt tokens an Ollama model bills at its OpenAI-compatible endpoint: cut to its served context. */
export function ollamaOpenAIBilled(shapes: ServerShapes, body: ChatBody): number | undefined {
  const model = ollamaModel(shapes, body.model);
  return model?.servedContext !== undefined ? Math.min(estimatePromptTokens(body), model.servedContext) : undefined;
}

/** Ollama's `/api/chat`: one JSON object per line, the last with `done: true` and the token counts. */
async function ollamaChat(res: ServerResponse, reply: StreamReply, body: ChatBody, model: OllamaModel): Promise<void> {
  const sent = estimatePromptTokens(body);
  const numCtx = typeof (body.options as { num_ctx?: unknown } | undefined)?.num_ctx === 'number' ? (body.options as { num_ctx: number }).num_ctx : undefined;
  // Ollama cuts to num_ctx when given, else to the context it runs with; never past the trained context.
  const limit = Math.min(numCtx ?? model.servedContext ?? Number.POSITIVE_INFINITY, model.trainedContext ?? Number.POSITIVE_INFINITY);
  const billed = reply.usage?.promptTokens ?? Math.min(sent, limit);
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  const line = (object: Record<string, unknown>): void => void res.write(`${JSON.stringify({ model: model.name, created_at: new Date().toISOString(), ...object })}\n`);
  for (const text of reply.reasoning ?? []) line({ message: { role: 'assistant', content: '', thinking: text }, done: false });
  for (const text of reply.chunks) {
    if (reply.delayMs) await sleep(reply.delayMs);
    line({ message: { role: 'assistant', content: text }, done: false });
  }
  line({ message: { role: 'assistant', content: '' }, done: true, done_reason: reply.finishReason ?? 'stop', prompt_eval_count: billed, eval_count: reply.usage?.completionTokens ?? reply.chunks.length });
  res.end();
}

/**
 * Answers a request for one of these shapes; false when the path is none of them (the caller
 * goes on to its OpenAI routes). `nextReply` takes the next scripted reply, as chat does.
 */
export async function answerShapes(req: IncomingMessage, res: ServerResponse, path: string, body: ChatBody, shapes: ServerShapes, nextReply: () => ScriptedReply | undefined): Promise<boolean> {
  const probe = (): Promise<void> => (shapes.probeDelayMs ? sleep(shapes.probeDelayMs) : Promise.resolve());
  if (req.method === 'GET' && path === '/api/v0/models' && shapes.lmStudioModels) {
    await probe();
    sendJson(res, 200, { object: 'list', data: shapes.lmStudioModels.map((model) => ({ object: 'model', type: 'llm', ...model })) });
    return true;
  }
  if (req.method === 'GET' && path === '/props' && shapes.props) {
    await probe();
    sendJson(res, 200, shapes.props);
    return true;
  }
  const gemini = /^\/v1beta\/models\/([^/]+)$/.exec(path);
  if (req.method === 'GET' && gemini && shapes.geminiModels) {
    await probe();
    const found = shapes.geminiModels[decodeURIComponent(gemini[1] ?? '')];
    if (found) sendJson(res, 200, { name: `models/${gemini[1] ?? ''}`, ...found });
    else sendJson(res, 404, { error: { code: 404, message: `models/${gemini[1] ?? ''} is not found for API version v1beta`, status: 'NOT_FOUND' } });
    return true;
  }
  if (!shapes.ollama || !path.startsWith('/api/')) return false;
  if (req.method === 'POST' && path === '/api/show') {
    await probe();
    const model = ollamaModel(shapes, body.model);
    if (!model) sendJson(res, 404, { error: `model '${String(body.model)}' not found` });
    else {
      sendJson(res, 200, {
        parameters: model.parameterNumCtx ? `num_ctx                        ${model.parameterNumCtx}\nstop                           "<|im_end|>"` : 'stop                           "<|im_end|>"',
        details: { format: 'gguf', family: 'qwen2' },
        model_info: { 'general.architecture': 'qwen2', ...(model.trainedContext ? { 'qwen2.context_length': model.trainedContext } : {}) },
      });
    }
    return true;
  }
  if (req.method === 'GET' && path === '/api/ps') {
    await probe();
    sendJson(res, 200, { models: shapes.ollama.filter((model) => model.loadedContext).map((model) => ({ name: model.name, model: model.name, size: 1, context_length: model.loadedContext })) });
    return true;
  }
  if (req.method === 'GET' && path === '/api/tags') {
    sendJson(res, 200, { models: shapes.ollama.map((model) => ({ name: model.name, model: model.name, size: 1 })) });
    return true;
  }
  if (req.method === 'POST' && path === '/api/chat') {
    const model = ollamaModel(shapes, body.model);
    if (!model) {
      sendJson(res, 404, { error: `model "${String(body.model)}" not found, try pulling it first` });
      return true;
    }
    const reply = nextReply() ?? { kind: 'stream', chunks: ['## Answer\n\n', 'From the native API.'] };
    if (reply.kind === 'hang') return true;
    if (reply.kind === 'error') {
      sendJson(res, reply.status, reply.body ?? { error: `Error ${reply.status}` });
      return true;
    }
    await ollamaChat(res, reply, body, model);
    return true;
  }
  return false;
}
