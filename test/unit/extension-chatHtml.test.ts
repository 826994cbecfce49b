import { describe, expect, it } from 'vitest';
import { chatCsp, chatHtml, createNonce } from '../../src/chat/chatHtml';

const input = { cspSource: 'https://file+.vscode-resource.example', scriptUri: 'https://r.example/dist/webview.js', styleUri: 'https://r.example/media/chat.css', codiconUri: 'https://r.example/dist/codicons/codicon.css', nonce: 'abc123', language: 'ko' };

describe('chat webview HTML', () => {
  it('allows only the nonce script and the extension\'s own resources', () => {
    const csp = chatCsp(input.cspSource, 'abc123');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'nonce-abc123'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(csp).not.toMatch(/https?:\/\/(?!file\+)/);
  });

  it('loads the script with the nonce and has no inline script', () => {
    const html = chatHtml(input);
    const scripts = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual([`<script nonce="abc123" src="${input.scriptUri}">`]);
    expect(html).not.toMatch(/\son\w+=/);
    expect(html).toContain('<html lang="ko">');
  });

  it('has the element ids the webview script and the end-to-end tests use', () => {
    const html = chatHtml(input);
    for (const id of ['chat-root', 'new-chat-button', 'history-button', 'history-list', 'scope', 'context-summary', 'files-toggle', 'file-list', 'untrusted-banner', 'messages', 'empty-state', 'composer', 'question-input', 'send-button', 'stop-button']) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('data-state="idle"');
  });

  it('escapes values placed in attributes', () => {
    expect(chatHtml({ ...input, language: '"><script>' })).not.toContain('"><script>');
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(createNonce()).not.toBe(a);
  });
});
