import { describe, expect, it } from 'vitest';
import { needsServerCheck, setupStep, setupView, type SetupFacts } from '../../src/chat/setupState';

const hosted: SetupFacts = { providerChosen: true, provider: 'deepseek', apiKey: 'required', local: false, hasKey: true, baseUrl: 'https://api.deepseek.com', model: '', defaultModel: 'deepseek-flash' };
const ollama: SetupFacts = { providerChosen: true, provider: 'ollama', apiKey: 'none', local: true, hasKey: false, baseUrl: 'http://localhost:11434', model: '', defaultModel: '' };
const providers = [{ id: 'deepseek', label: 'DeepSeek', local: false }, { id: 'ollama', label: 'Ollama', local: true }];

describe('setup card state', () => {
  it('asks for a provider while none is set in user settings, whatever the default would be', () => {
    expect(setupStep({ ...hosted, providerChosen: false })).toEqual({ step: 'choose-provider' });
    expect(setupStep({ ...ollama, providerChosen: false, server: { kind: 'answered', models: ['llama3'] } })).toEqual({ step: 'choose-provider' });
  });

  it('asks for the key of a hosted provider that has none, and is ready once it has one', () => {
    expect(setupStep({ ...hosted, hasKey: false })).toEqual({ step: 'enter-key' });
    expect(setupStep(hosted)).toEqual({ step: 'ready' });
  });

  it('never asks a local server for a key', () => {
    expect(setupStep({ ...ollama, server: { kind: 'answered', models: ['llama3'] } }).step).toBe('choose-model');
  });

  it('checks a local server, says when nothing answers, and lists what it serves', () => {
    expect(setupStep(ollama)).toEqual({ step: 'checking-server' });
    expect(setupStep({ ...ollama, server: { kind: 'unreachable' } })).toEqual({ step: 'server-unreachable' });
    expect(setupStep({ ...ollama, server: { kind: 'answered', models: ['llama3', 'qwen3'] } })).toEqual({ step: 'choose-model', models: ['llama3', 'qwen3'] });
  });

  it('is ready when the chosen model is one the server lists, and asks again when it is not', () => {
    expect(setupStep({ ...ollama, model: 'qwen3', server: { kind: 'answered', models: ['llama3', 'qwen3'] } })).toEqual({ step: 'ready' });
    expect(setupStep({ ...ollama, model: 'gone', server: { kind: 'answered', models: ['llama3'] } })).toEqual({ step: 'choose-model', models: ['llama3'] });
  });

  it('trusts a named model on a server that lists none, and asks for a name when there is none', () => {
    expect(setupStep({ ...ollama, model: 'mine', server: { kind: 'answered', models: [] } })).toEqual({ step: 'ready' });
    expect(setupStep({ ...ollama, server: { kind: 'answered', models: [] } })).toEqual({ step: 'choose-model', models: [] });
  });

  it('asks Custom for its URL first, and takes a key as optional', () => {
    const custom: SetupFacts = { ...ollama, provider: 'custom', local: false, apiKey: 'optional', baseUrl: '' };
    expect(setupStep(custom)).toEqual({ step: 'need-url' });
    expect(setupStep({ ...custom, baseUrl: 'http://127.0.0.1:9000/v1', model: 'm', server: { kind: 'answered', models: ['m'] } })).toEqual({ step: 'ready' });
    // A gateway may serve names it does not list, so a named model is not checked; without one it asks.
    expect(setupStep({ ...custom, baseUrl: 'http://127.0.0.1:9000/v1', model: 'alias' })).toEqual({ step: 'ready' });
    expect(setupStep({ ...custom, baseUrl: 'http://127.0.0.1:9000/v1', model: 'alias', server: { kind: 'unreachable' } })).toEqual({ step: 'ready' });
    expect(setupStep({ ...custom, baseUrl: 'http://127.0.0.1:9000/v1' })).toEqual({ step: 'checking-server' });
    expect(setupStep({ ...custom, baseUrl: 'http://127.0.0.1:9000/v1', server: { kind: 'answered', models: ['m'] } })).toEqual({ step: 'choose-model', models: ['m'] });
  });

  it('gives the webview the step, the provider and the models, or nothing when ready', () => {
    expect(setupView(hosted, providers)).toBeNull();
    expect(setupView({ ...hosted, providerChosen: false }, providers)).toEqual({ step: 'choose-provider', providers, baseUrl: 'https://api.deepseek.com' });
    expect(setupView({ ...ollama, server: { kind: 'answered', models: ['llama3'] } }, providers)).toEqual({ step: 'choose-model', provider: 'ollama', providers, baseUrl: 'http://localhost:11434', models: ['llama3'] });
  });

  it('asks the server only for a chosen local or custom provider with a URL, and only until it answered', () => {
    expect(needsServerCheck(ollama)).toBe(true);
    expect(needsServerCheck({ ...ollama, server: { kind: 'unreachable' } })).toBe(false);
    expect(needsServerCheck({ ...ollama, providerChosen: false })).toBe(false);
    expect(needsServerCheck(hosted)).toBe(false);
    expect(needsServerCheck({ ...ollama, provider: 'custom', local: false, baseUrl: '' })).toBe(false);
    expect(needsServerCheck({ ...ollama, provider: 'custom', local: false, baseUrl: 'http://127.0.0.1:9000/v1', model: 'm' })).toBe(false);
    expect(needsServerCheck({ ...ollama, server: { kind: 'checking' } })).toBe(true);
  });
});
