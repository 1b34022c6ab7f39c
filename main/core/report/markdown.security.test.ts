import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { ReportData } from './model.js';
import { markdownBlock } from './html.js';
import { renderMarkdown } from './markdown.js';

// The Markdown export attacked through what people and nodes write: a note, the summary, a
// follow-up, a finding's words, a step's name. A link in it may point anywhere a browser goes
// without running code (http, https, mailto, a relative path); never to javascript:, vbscript:,
// data: and the like. The renderer is a pure function of the report data, so the data is built
// here as the report model hands it over.

const hostile = [
  '[plain](javascript:alert(1))',
  '[mixed case](JaVaScRiPt:alert(2))',
  '[entity](&#106;avascript:alert(3))',
  '[hex entity](&#x6A;avascript:alert(4))',
  '[named entity](javascript&colon;alert(5))',
  '[percent](%6Aavascript:alert(6))',
  '[escaped colon](javascript\\:alert(7))',
  '[leading space](< javascript:alert(8)>)',
  '[pointy](<javascript:alert(9)>)',
  '[title](javascript:alert(10) "click")',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=)',
  '[vbs](vbscript:msgbox(12))',
  '[file](file:///etc/passwd)',
  '<javascript:alert(13)>',
  '<JAVASCRIPT:alert(14)>',
  '![image](javascript:alert(15))',
  '![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTYpPg==)',
  '[reference][r1] and [collapsed][] and [shortcut]',
  '[r1]: javascript:alert(17)',
  '[collapsed]: vbscript:alert(18)',
  '[shortcut]:\n  data:text/html,<script>alert(19)</script>',
  '[nested [brackets]](javascript:alert(20))',
  '[tab](java\tscript:alert(21))',
  '[newline in pointy](<java\nscript:alert(22)>)',
].join('\n\n');

const safe = '[runbook](https://wiki.example.net/galera#bootstrap) and [ticket](mailto:ops@example.net) and [relative](../logs/nova.log)';

const at = { utc: '2024-05-02T10:00:00.000Z', local: '2024-05-02 10:00:00 UTC' };
const report: ReportData = {
  schemaVersion: 1,
  lang: 'en',
  generatedAt: at,
  timeZone: 'UTC',
  redaction: { hideIps: false, hideHostnames: false, hideUsers: false },
  header: { caseId: 7, title: 'Links [t](javascript:alert(0))', cluster: 'prod', severity: 'warning', status: 'open', opened: at, mitigated: null, resolved: null, durationMs: 1000, people: ['alice'] },
  summary: hostile,
  impact: `${safe}\n\n${hostile}`,
  rootCause: { text: `${hostile}`, fromFinding: false },
  contributing: { text: `[k](javascript:alert(33))\n${hostile}`, fromFindings: false },
  timeline: [
    { at, kind: 'note', author: 'alice', text: hostile },
    { at, kind: 'note', author: 'alice', text: safe },
  ],
  findings: [
    {
      id: 1,
      runId: 1,
      latest: true,
      explainedBy: [],
      severity: 'warning',
      status: 'FAILED',
      check: 'x.links',
      playbook: 'site',
      title: 'node says [t](javascript:alert(40))',
      explanation: hostile,
      likelyCause: '[c](javascript:alert(41))',
      nextStep: '[n](data:text/html,x)',
      evidence: [{ node: 'ctl-1', step: 'show', command: 'echo [e](javascript:alert(42))', lines: ['[e](javascript:alert(43))'] }],
    },
    { id: 2, runId: 1, latest: true, explainedBy: [], severity: 'ok', status: 'OK', check: 'x.ok', playbook: 'site', title: 'fine [h](javascript:alert(44))', explanation: '', likelyCause: '', nextStep: '', evidence: [] },
  ],
  commands: [{ node: 'ctl-1', steps: [{ runId: 1, stepId: 1, step: '[s](javascript:alert(45))', command: 'echo hi', state: 'succeeded', exitCode: 0, durationMs: 5, startedAt: at }] }],
  followups: [{ text: '[fix](javascript:alert(30)) <javascript:alert(31)>', done: false, owner: '[o](javascript:alert(32))', due: '2026-12-11' }],
};

/** What a browser makes of an href: C0 controls and spaces trimmed, tabs and newlines removed. */
function scheme(url: string): string | null {
  const u = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(u)?.[1] ?? null;
}

/** Every href and src a CommonMark renderer gives the Markdown, with markdown-it's own link filter off. */
function targets(md: string): string[] {
  const it = new MarkdownIt('default', { html: false, linkify: true });
  it.validateLink = () => true; // see what the Markdown itself says, not what one renderer filters
  const out: string[] = [];
  const walk = (tokens: ReturnType<typeof it.parse>): void => {
    for (const tok of tokens) {
      for (const name of ['href', 'src']) {
        const v = tok.attrGet(name);
        if (v !== null) out.push(v);
      }
      if (tok.children) walk(tok.children);
    }
  };
  walk(it.parse(md, {}));
  return out;
}

describe('links in the Markdown export', () => {
  it('never link to javascript:, vbscript:, data: or file:, whatever the spelling', () => {
    const md = renderMarkdown(report);
    const links = targets(md);
    const bad = links.filter((u) => !['http', 'https', 'mailto', null].includes(scheme(u)));
    expect(bad).toEqual([]);
    expect(md).not.toMatch(/<javascript:/i);
  });

  it('keeps safe links working and shows the neutralised ones as text', () => {
    const md = renderMarkdown(report);
    expect(targets(md)).toEqual(expect.arrayContaining(['https://wiki.example.net/galera#bootstrap', 'mailto:ops@example.net', '../logs/nova.log']));
    const renderer = new MarkdownIt('default', { html: false });
    renderer.validateLink = () => true;
    const text = renderer.render(md);
    expect(text).toContain('[plain](javascript:alert(1))');
    expect(text).toContain('node says [t](javascript:alert(40))');
  });
});

describe('the summary in the HTML export', () => {
  it('renders the Markdown a lead writes, and nothing a note or node could inject', () => {
    const html = markdownBlock('**What happened:** Galera lost `quorum`\n\n- bootstrapped *controller-1*\n- <img src=x onerror=alert(1)>\n\n# not a heading <script>alert(2)</script>');
    expect(html).toContain('<p><strong>What happened:</strong> Galera lost <code>quorum</code></p>');
    expect(html).toContain('<ul><li>bootstrapped <em>controller-1</em></li><li>&lt;img src=x onerror=alert(1)&gt;</li></ul>');
    expect(html).toContain('<p>not a heading &lt;script&gt;alert(2)&lt;/script&gt;</p>');
    expect(html).not.toMatch(/<(img|script)/);
  });
});
