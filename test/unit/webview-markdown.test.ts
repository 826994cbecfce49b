import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/webview/markdown';
import { fillPlaceholders, formatCost, formatTokens, newRequestId } from '../../src/webview/format';
import { isWebviewMessage } from '../../src/shared/protocol';

const render = createMarkdownRenderer();

describe('answer markdown', () => {
  it('escapes raw HTML instead of rendering it', () => {
    const html = render('Hi <img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
  });

  it('does not turn javascript:, data: or vbscript: targets into links', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:msgbox(1)', ' javascript:alert(1)']) {
      const html = render(`[click](${url})`);
      expect(html).not.toContain('<a');
    }
  });

  it('keeps http(s) and mailto links', () => {
    expect(render('[docs](https://example.com/a)')).toContain('<a href="https://example.com/a">docs</a>');
    expect(render('[mail](mailto:a@example.com)')).toContain('href="mailto:a@example.com"');
  });

  it('highlights a known language and escapes code in an unknown one', () => {
    const ts = render('```ts\nconst a: number = 1;\n```');
    expect(ts).toContain('<pre class="code-block"><code class="hljs language-ts">');
    expect(ts).toContain('<span class="hljs-keyword">const</span>');
    const odd = render('```klingon\n<b>tlhIngan</b>\n```');
    expect(odd).toContain('&lt;b&gt;tlhIngan&lt;/b&gt;');
    expect(odd).not.toContain('<b>');
  });

  it('cannot break out of a language tag', () => {
    const html = render('```"><img src=x onerror=alert(1)>\ncode\n```');
    expect(html).not.toContain('<img');
  });
});

describe('view formatting', () => {
  it('fills numbered placeholders and leaves unknown ones', () => {
    expect(fillPlaceholders('{0} of {1} ({2})', 3, 'ten')).toBe('3 of ten ({2})');
  });

  it('shortens token counts', () => {
    expect([formatTokens(999), formatTokens(12_345), formatTokens(128_000), formatTokens(1_500_000)]).toEqual(['999', '12.3k', '128k', '1.5M']);
  });

  it('shows small costs with enough digits', () => {
    expect([formatCost(0), formatCost(0.0042), formatCost(1.234)]).toEqual(['$0', '$0.0042', '$1.23']);
  });

  it('makes request ids the host accepts', () => {
    for (const r of [0, 0.5, 0.999999]) expect(isWebviewMessage({ type: 'stop', requestId: newRequestId(() => r) })).toBe(true);
  });
});
