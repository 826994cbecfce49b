/**
 * The English words of a {@link ChatProblem}: the CLI, logs and tests read these. The extension
 * does not: it words the same data through l10n (src/extension/llmClient.ts).
 */
import type { ChatProblem } from './errors';

/** A failure in words: what happened and what the user can do about it. */
export interface ChatProblemText {
  message: string;
  nextStep: string;
}

/** Long provider texts are cut so a refusal stays one readable line. */
function short(detail: string): string {
  return detail.length > 300 ? `${detail.slice(0, 300)}…` : detail;
}

/** Words `problem` in English; `detail` is the provider's own (redacted) text, quoted where it helps. */
export function describeChatProblem(problem: ChatProblem, detail = ''): ChatProblemText {
  switch (problem.kind) {
    case 'context-length':
      return { message: `The prompt is longer than ${problem.model} accepts.`, nextStep: 'Pack less (a folder, or a smaller budget) and ask again.' };
    case 'auth':
      return { message: `${problem.endpoint} rejected the API key (${problem.status}).`, nextStep: 'Set a valid key with "Tome: Set API Key".' };
    case 'model-not-found':
      return { message: `${problem.endpoint} does not offer the model "${problem.model}".`, nextStep: 'Pick a model the provider offers with "Tome: Select Model", or check the base URL.' };
    case 'rate-limit':
      return { message: `${problem.endpoint} is limiting requests (${problem.status}).`, nextStep: "Wait a minute and ask again, or check your plan's limits." };
    case 'server':
      return problem.status === undefined
        ? { message: `${problem.endpoint} reported an error while answering: ${detail}`, nextStep: 'Try again; if it persists, try another model.' }
        : { message: `${problem.endpoint} had a server error (${problem.status}).`, nextStep: "Try again in a few minutes; if it persists, check the provider's status page." };
    case 'bad-request':
      if ('badBaseUrl' in problem) return { message: `The base URL "${problem.badBaseUrl.slice(0, 200)}" is not an http(s) address.`, nextStep: "Set the provider's base URL, e.g. http://localhost:11434/v1, in the Tome settings." };
      return { message: `${problem.endpoint} refused the request (${problem.status}): ${short(detail)}`, nextStep: 'Check the model and provider settings, then ask again.' };
    case 'network':
      if (problem.cause === 'refused') return { message: `Nothing is answering at ${problem.endpoint}.`, nextStep: 'Start the model server (for Ollama: `ollama serve`) or check the base URL setting.' };
      if (problem.cause === 'unknown-host') return { message: `The host ${problem.endpoint} was not found.`, nextStep: 'Check the base URL setting for typos, and your connection.' };
      return { message: `Could not reach ${problem.endpoint}.`, nextStep: 'Check your connection, that the server is running, and the base URL setting.' };
    case 'timeout':
      return { message: `${problem.endpoint} ${problem.beforeText ? 'did not start answering' : 'stopped sending'} within ${problem.seconds} s.`, nextStep: 'Try again; for slow local models raise the timeout setting.' };
  }
}
