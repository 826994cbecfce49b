/**
 * The local OpenAI-compatible model server the scenarios point Tome at: the shared fake server
 * from test/support, running inside the test process so scenarios script it and read its record.
 */
export {
  startOpenAIServer as startModelServer,
  providerErrors,
  type OpenAIServer as ModelServer,
  type OpenAIServerOptions as ModelServerOptions,
  type RecordedRequest,
  type ScriptedReply,
} from '../../support/openaiServer';
