/** A scripted reply of the test model server. */
export type ScriptedReply =
  | { kind: 'stream'; chunks: string[]; delayMs?: number }
  | { kind: 'error'; status: number; body: unknown };

/** One request the server received. */
export interface RecordedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: { model?: string; messages?: Array<{ role: string; content: unknown }>; [key: string]: unknown };
}

/** The local OpenAI-compatible server as the scenarios see it. */
export interface ModelServer {
  port: number;
  /** e.g. http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  requests(): RecordedRequest[];
  stop(): Promise<void>;
}

export interface ModelServerOptions {
  replies: ScriptedReply[];
  fallback?: ScriptedReply;
}

export declare function startModelServer(options: ModelServerOptions): Promise<ModelServer>;
