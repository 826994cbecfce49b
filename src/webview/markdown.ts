/**
 * Markdown → HTML for model answers. Raw HTML in the markdown is escaped (markdown-it `html:
 * false`) and links may only be http(s), mailto or in-page anchors. The result is still passed
 * through DOMPurify (see sanitize.ts) before it touches the page: two locks, because model output
 * is whatever the packed codebase — or a prompt injected into it — made the model write.
 */
import MarkdownIt from 'markdown-it';
// The common bundle: ~35 languages people paste most, a fraction of the full set's size.
import hljs from 'highlight.js/lib/common';

/** Link targets an answer may carry; everything else renders as plain text. */
export const SAFE_LINK = /^(https?:|mailto:|#)/i;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Highlights a fenced block; unknown languages are escaped and left plain. */
function highlight(code: string, lang: string): string {
  const name = lang.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const known = name !== '' && hljs.getLanguage(name) !== undefined;
  const body = known ? hljs.highlight(code, { language: name, ignoreIllegals: true }).value : escapeHtml(code);
  const langClass = known ? ` language-${escapeHtml(name)}` : '';
  return `<pre class="code-block"><code class="hljs${langClass}">${body}</code></pre>`;
}

/** A markdown-it renderer configured for untrusted model output. */
export function createMarkdownRenderer(): (markdownText: string) => string {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: false, highlight });
  md.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());
  return (markdownText: string) => md.render(markdownText);
}
