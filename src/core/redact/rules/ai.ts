/**
 * AI providers: OpenAI, Anthropic, Google AI (the `AIza` key, see cloud.ts), Hugging Face,
 * Replicate, Cohere, Groq, Mistral, DeepSeek, xAI, Perplexity, OpenRouter. The `sk-` family is
 * ordered most specific first: where findings overlap, the earlier rule names the kind.
 */
import type { SecretRule } from '../rule';
import { looksRandom } from '../entropy';
import { assignedTo, hasDigitAndLetter } from './checks';

export const AI_RULES: readonly SecretRule[] = [
  { kind: 'anthropic-api-key', keywords: ['sk-ant-'], pattern: /\b(?<secret>sk-ant-[A-Za-z0-9_-]{20,})/g },
  { kind: 'openrouter-api-key', keywords: ['sk-or-'], pattern: /\b(?<secret>sk-or-v1-[a-f0-9]{64})\b/g },
  { kind: 'deepseek-api-key', keywords: ['sk-'], pattern: /\b(?<secret>sk-[a-f0-9]{32})(?![A-Za-z0-9_-])/g },
  {
    kind: 'openai-api-key',
    keywords: ['sk-'],
    pattern: /\b(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,})/g,
    accept: (v) => hasDigitAndLetter(v) && looksRandom(v, 20),
  },
  { kind: 'huggingface-token', keywords: ['hf_', 'api_org_'], pattern: /\b(?<secret>(?:hf|api_org)_[A-Za-z]{34})(?![A-Za-z0-9])/g },
  { kind: 'replicate-api-token', keywords: ['r8_'], pattern: /\b(?<secret>r8_[A-Za-z0-9]{37})(?![A-Za-z0-9])/g },
  { kind: 'groq-api-key', keywords: ['gsk_'], pattern: /\b(?<secret>gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9])/g },
  { kind: 'xai-api-key', keywords: ['xai-'], pattern: /\b(?<secret>xai-[A-Za-z0-9]{80})(?![A-Za-z0-9])/g },
  { kind: 'perplexity-api-key', keywords: ['pplx-'], pattern: /\b(?<secret>pplx-[A-Za-z0-9]{48})(?![A-Za-z0-9])/g },
  {
    // Cohere and Mistral keys carry no prefix: the provider's name next to the assignment tells them apart.
    kind: 'cohere-api-key',
    keywords: ['cohere', 'co_api_key'],
    pattern: new RegExp(String.raw`${assignedTo('cohere|co_api_key')}(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9])`, 'gi'),
    accept: (v) => looksRandom(v),
  },
  {
    kind: 'mistral-api-key',
    keywords: ['mistral'],
    pattern: new RegExp(String.raw`${assignedTo('mistral')}(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])`, 'gi'),
    accept: (v) => looksRandom(v),
  },
];
