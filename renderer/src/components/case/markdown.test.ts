import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown.js';

const html = (text: string): string => renderToStaticMarkup(createElement(Markdown, { text }));

describe('note Markdown', () => {
  it('renders the basics: headings, lists, quotes, code blocks, inline code, bold, italic, links with their address', () => {
    expect(html('# Galera\n\nRestarted **mariadb** on `controller-2`, *twice*.\nThen _waited_.')).toBe(
      '<div class="md"><h3>Galera</h3><p>Restarted <strong>mariadb</strong> on <code>controller-2</code>, <em>twice</em>.<br/>Then <em>waited</em>.</p></div>',
    );
    expect(html('- one\n- two\n\n1. first\n2. second')).toBe('<div class="md"><ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol></div>');
    expect(html('> quoted\n```\nmysql -e "SHOW STATUS"\n  <b>kept</b>\n```')).toBe(
      '<div class="md"><blockquote>quoted</blockquote><pre><code>mysql -e &quot;SHOW STATUS&quot;\n  &lt;b&gt;kept&lt;/b&gt;</code></pre></div>',
    );
    expect(html('see [runbook](https://wiki/x)')).toBe('<div class="md"><p>see <span class="md-link">runbook <span class="md-url">https://wiki/x</span></span></p></div>');
  });

  it('never turns note text into HTML', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)> **<i>b</i>** [x](javascript:alert(1))');
    expect(out).not.toMatch(/<script|<img|<i>|href=/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('<strong>&lt;i&gt;b&lt;/i&gt;</strong>');
  });

  it('leaves snake_case words and lone asterisks alone', () => {
    expect(html('wsrep_local_state_comment is 2 * 3')).toBe('<div class="md"><p>wsrep_local_state_comment is 2 * 3</p></div>');
  });
});
