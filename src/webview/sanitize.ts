/**
 * The last lock before model output reaches the page: DOMPurify with a tight allow-list.
 * No forms, styles, frames, event handlers, or non-http(s) links survive.
 */
import DOMPurify from 'dompurify';
import { SAFE_LINK } from './markdown';

const purify = DOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (!SAFE_LINK.test(href)) node.removeAttribute('href');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Sanitized HTML, ready for `innerHTML`. */
export function sanitizeHtml(html: string): string {
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'video', 'audio'],
    FORBID_ATTR: ['style', 'id', 'name', 'srcset', 'action', 'formaction'],
    ALLOW_DATA_ATTR: false,
  });
}
