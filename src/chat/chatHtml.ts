/**
 * The chat webview's HTML shell. The Content-Security-Policy allows only the extension's own
 * files (`cspSource`) and one nonce'd script; no remote origin, no inline script, no eval.
 * Element ids here are a contract with src/webview and the end-to-end tests.
 */
import { randomBytes } from 'node:crypto';

/** URIs (already converted with `asWebviewUri`) and values the shell needs. */
export interface ChatHtmlInput {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  nonce: string;
  /** BCP 47 language of the UI, e.g. `en` or `ko`. */
  language: string;
}

/** A fresh nonce for one page load: 128 random bits, base64url. */
export function createNonce(): string {
  return randomBytes(16).toString('base64url');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content-Security-Policy of the chat page. */
export function chatCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The whole page; the webview script fills it in after the host's `init`. */
export function chatHtml(input: ChatHtmlInput): string {
  const { nonce } = input;
  return `<!DOCTYPE html>
<html lang="${attr(input.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(chatCsp(input.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.codiconUri)}">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<title>Tome</title>
</head>
<body>
<div id="chat-root" data-state="idle">
  <header id="toolbar" role="toolbar">
    <button id="new-chat-button" class="icon-button labeled" type="button" aria-label="New Chat"><span class="codicon codicon-add" aria-hidden="true"></span></button>
    <button id="history-button" class="icon-button labeled" type="button" aria-label="Past chats" aria-expanded="false" aria-controls="history-panel"><span class="codicon codicon-history" aria-hidden="true"></span></button>
  </header>
  <section id="history-panel" hidden><ul id="history-list"></ul></section>
  <section id="context-bar" aria-live="polite">
    <div id="scope"></div>
    <span id="context-summary" data-status="idle"></span>
    <button id="files-toggle" class="icon-button labeled" type="button" aria-expanded="false" aria-controls="file-list" hidden><span class="codicon codicon-list-flat" aria-hidden="true"></span></button>
    <ul id="file-list" hidden></ul>
  </section>
  <div id="untrusted-banner" role="status" hidden></div>
  <section id="setup-card" aria-live="polite" hidden></section>
  <div id="empty-state"></div>
  <main id="messages" role="log" aria-live="polite"></main>
  <div id="composer">
    <textarea id="question-input" rows="3"></textarea>
    <div id="composer-actions">
      <button id="send-button" class="icon-button primary" type="button" aria-label="Send"></button>
      <button id="stop-button" class="icon-button" type="button" aria-label="Stop" hidden></button>
    </div>
  </div>
</div>
<script nonce="${attr(nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>`;
}
