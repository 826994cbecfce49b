/**
 * Markdown → HTML for model answers. Raw HTML in the markdown is escaped (markdown-it `html:
 * false`) and links may only be http(s), mailto or in-page anchors. The result is still passed
 * through DOMPurify (see sanitize.ts) before it touches the page: two locks, because model output
 * is whatever the packed codebase — or a prompt injected into it — made the model write.
 */
import MarkdownIt from 'markdown-it';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const LANGUAGES = { bash, c, cpp, csharp, css, diff, go, java, javascript, json, kotlin, markdown, php, python, ruby, rust, sql, swift, typescript, xml, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);

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
