import { withRefTitles } from '../../shared/findings-summary.js';
import { evidenceShown, formatSpan, FULL_PROBLEMS, reportSummary, reportWords, ruledOutByName, ruledOutLine, stateWord } from '../../shared/report-words.js';
import type { ReportData, ReportTime } from './model.js';

/** Text as HTML text or attribute value. */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const esc = escapeHtml;
/** Local time with UTC under it (once, when the report is in UTC). */
const whenIn =
  (tz: string) =>
  (t: ReportTime | null): string =>
    !t ? '–' : tz === 'UTC' ? esc(t.local) : `${esc(t.local)}<br><span class="utc">${esc(t.utc)}</span>`;
const para = (s: string): string => s.split(/\n{2,}/).map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('');
/** Inline Markdown people write (**bold**, *italic*, `code`) on already escaped text; links stay text. */
const inlineMd = (escaped: string): string =>
  escaped
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])\*([^*\s][^*\n]*)\*(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>');
/**
 * The summary and impact as the lead wrote them, in Markdown: paragraphs, `- ` / `1. ` lists and
 * inline emphasis. Everything is escaped first, so no HTML a person or a node wrote gets through.
 */
export function markdownBlock(text: string): string {
  const out: string[] = [];
  for (const chunk of text.trim().split(/\n{2,}/)) {
    const lines = chunk.split('\n');
    const bullet = /^\s*(?:[-*+]|\d+[.)])\s+/;
    if (lines.every((l) => bullet.test(l))) {
      const tag = /^\s*\d/.test(lines[0] ?? '') ? 'ol' : 'ul';
      out.push(`<${tag}>${lines.map((l) => `<li>${inlineMd(esc(l.replace(bullet, '')))}</li>`).join('')}</${tag}>`);
    } else {
      out.push(`<p>${lines.map((l) => inlineMd(esc(l.replace(/^#{1,6}\s+/, '')))).join('<br>')}</p>`);
    }
  }
  return out.join('');
}

const css = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans KR",sans-serif;color:#1d2430;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;border-bottom:2px solid #d8dde6;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}h4{margin:1rem 0 .3rem}
.meta{color:#5b6577;margin:0 0 1rem}.utc{color:#7a8496;font-size:.85em}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d8dde6;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f7}table.kv th{width:12rem}table.timeline td:first-child{white-space:nowrap}
pre{background:#f6f8fa;border:1px solid #d8dde6;padding:.5rem;white-space:pre-wrap;word-break:break-all;font:12px/1.4 ui-monospace,"DejaVu Sans Mono",monospace}
code{font:12px ui-monospace,"DejaVu Sans Mono",monospace;background:#f1f3f7;padding:0 .2rem;word-break:break-all}
.sev{display:inline-block;border-radius:3px;padding:0 .4rem;color:#fff;font-weight:600;font-size:.8em;text-transform:uppercase}
.sev-critical{background:#c62828}.sev-warning{background:#b26a00}.sev-info{background:#1565c0}.sev-ok{background:#2e7d32}
.finding{border-left:4px solid #d8dde6;padding-left:.8rem;margin:1rem 0}
.finding.critical{border-color:#c62828}.finding.warning{border-color:#b26a00}
.finding h3{margin-top:.4rem}p.ev{margin:.4rem 0 .1rem;font-size:.9em;color:#5b6577}ul.unchecked li{color:#5b6577}ul.consequences{margin-top:0}
.template{color:#7a8496;font-style:italic}
.nowrap{white-space:nowrap}table.commands code{font-size:10px;background:none;padding:0}
ul.checklist{list-style:none;padding-left:0}ul.checklist li::before{content:"☐ ";}ul.checklist li.done::before{content:"☑ "}
@page{margin:16mm 14mm 18mm}
@media print{body{margin:0;max-width:none;font-size:10.5px}pre{font-size:10px;padding:.3rem}h2{margin-top:1.2rem}h2{break-after:avoid}section.appendix{break-before:page}tr,pre{break-inside:avoid}a{color:inherit}}
`;

/** One self-contained page: inline CSS, no scripts, no external fonts or images. */
export function renderHtml(r: ReportData, o: { withCommands?: boolean } = {}): string {
  const h = r.header;
  const w = reportWords(r.lang);
  const c = w.columns;
  const when = whenIn(r.timeZone);
  const rows: Array<[string, string]> = [
    [w.cluster, esc(h.cluster ?? '–')],
    [w.severity, `<span class="sev sev-${h.severity}">${esc(w.caseSeverities[h.severity])}</span>`],
    [w.status, esc(w.statuses[h.status])],
    [w.opened, when(h.opened)],
    [w.mitigated, when(h.mitigated)],
    [w.resolved, when(h.resolved)],
    [w.duration, esc(formatSpan(h.durationMs, w) + (h.resolved ? '' : ` ${w.notResolvedYet}`))],
    [w.people, esc(h.people.join(', ') || '–')],
  ];
  const out: string[] = [];
  out.push(`<!doctype html><html lang="${r.lang}"><head><meta charset="utf-8">`);
  out.push(`<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(w.title(h.title))}</title><style>${css}</style></head><body>`);
  out.push(`<header><h1>${esc(w.title(h.title))}</h1><p class="meta">${esc(w.caseLine(h.caseId))} · ${w.generated} ${esc(r.generatedAt.local)} · ${esc(w.timesIn(r.timeZone))}</p></header>`);
  out.push(`<table class="kv">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>`);
  out.push(`<section><h2>${w.summary}</h2>${r.summary.trim() ? markdownBlock(r.summary) : `<p class="template">${esc(w.summaryTemplate)}</p>`}</section>`);
  out.push(`<section><h2>${w.impact}</h2>${r.impact.trim() ? markdownBlock(r.impact) : `<p class="template">${esc(w.impactTemplate)}</p>`}</section>`);
  out.push(
    `<section><h2>${esc(w.rootCause)}</h2>${r.rootCause.text.trim() ? `${markdownBlock(r.rootCause.text)}${r.rootCause.fromFinding ? `<p class="template">${esc(w.fromTopFinding)}</p>` : ''}` : `<p class="template">${esc(w.noContributing)}</p>`}</section>`,
  );
  const factors = r.contributing.text.split('\n').filter((l) => l.trim());
  out.push(`<section><h2>${esc(w.contributing)}</h2>${factors.length ? `<ul>${factors.map((l) => `<li>${esc(l.replace(/^\s*[-*]\s+/, ''))}</li>`).join('')}</ul>` : `<p class="template">${esc(w.noContributing)}</p>`}</section>`);
  out.push(`<section><h2>${w.timeline}</h2><table class="timeline"><thead><tr><th>${esc(w.time(r.timeZone))}</th><th>${w.what}</th><th>${w.who}</th></tr></thead><tbody>`);
  for (const t of r.timeline) out.push(`<tr><td>${when(t.at)}</td><td><strong>${esc(w.kinds[t.kind])}</strong> ${esc(t.text).replace(/\n/g, '<br>')}</td><td>${esc(t.author ?? '–')}</td></tr>`);
  out.push(`</tbody></table></section><section><h2>${w.findings}</h2>`);
  const sum = reportSummary(r);
  if (!sum.problems.length) out.push(`<p class="template">${esc(w.noProblems)}</p>`);
  for (const p of sum.problems.slice(0, FULL_PROBLEMS)) {
    const f = p.lead;
    out.push(`<div class="finding ${f.severity}"><h3><span class="sev sev-${f.severity}">${esc(w.severities[f.severity])}</span> ${esc(p.title)}</h3><p class="meta">${w.playbook} <code>${esc(f.playbook)}</code> · <code>${esc(f.check)}</code></p>`);
    if (f.explanation) out.push(para(withRefTitles(f.explanation, r.findings)));
    // Where the lines came from (node, playbook, step), never the generated script (that is the appendix, --with-commands).
    for (const e of evidenceShown(f)) out.push(`<p class="ev">${esc(w.evidenceFrom)} <strong>${esc(e.node)}</strong> · <code>${esc(f.playbook)}</code> ${w.step} <code>${esc(e.step)}</code></p><pre>${esc(e.lines.join('\n'))}</pre>`);
    if (f.likelyCause) out.push(`<p><strong>${esc(w.likelyCause)}</strong> ${esc(f.likelyCause)}</p>`);
    if (f.nextStep) out.push(`<p><strong>${esc(w.nextStep)}</strong> ${esc(withRefTitles(f.nextStep, r.findings))}</p>`);
    if (p.consequences.length) {
      out.push(`<p><strong>${esc(w.becauseOfThis)}</strong></p><ul class="consequences">`);
      for (const c of p.consequences) out.push(`<li><span class="sev sev-${c.severity}">${esc(w.severities[c.severity])}</span> ${esc(c.title)} <span class="meta">(<code>${esc(c.lead.playbook)}</code>)</span></li>`);
      out.push('</ul>');
    }
    out.push('</div>');
  }
  const others = sum.problems.slice(FULL_PROBLEMS);
  if (others.length) {
    out.push(`<h3>${esc(w.otherProblems(others.length))}</h3><ul class="others">`);
    for (const p of others) {
      const because = p.consequences.length ? ` — ${esc(w.becauseOfThis)} ${esc(p.consequences.map((c) => c.title).join('; '))}` : '';
      out.push(`<li><span class="sev sev-${p.severity}">${esc(w.severities[p.severity])}</span> ${esc(p.title)} <span class="meta">(<code>${esc(p.lead.playbook)}</code>)</span>${because}</li>`);
    }
    out.push('</ul>');
  }
  if (sum.notChecked.length) {
    const item = (p: (typeof sum.notChecked)[number]): string => `${esc(p.title)} <span class="meta">(${[...new Set([p.lead, ...p.also].map((x) => x.playbook))].map((x) => `<code>${esc(x)}</code>`).join(', ')})</span>`;
    out.push(`<h3>${esc(w.notChecked(sum.notChecked.length))}</h3>`);
    // Every item stays; a report with problems runs them on as one paragraph when the catalogue is large.
    if (ruledOutByName(sum)) out.push(`<p class="unchecked">${sum.notChecked.map(item).join(' · ')}</p>`);
    else out.push(`<ul class="unchecked">${sum.notChecked.map((p) => `<li>${item(p)}</li>`).join('')}</ul>`);
  }
  if (sum.ruledOut.length) {
    out.push(`<h3><span class="sev sev-ok">${esc(w.severities.ok)}</span> ${esc(w.checkedHealthy(sum.counts.ok))}</h3>`);
    if (ruledOutByName(sum)) out.push(`<p class="healthy">${sum.ruledOut.map((x) => `<code>${esc(x.playbook)}</code>`).join(', ')}. ${esc(w.ruledOutByName(sum.counts.ok))}</p>`);
    else {
      out.push('<ul class="healthy">');
      for (const x of sum.ruledOut) out.push(`<li><code>${esc(x.playbook)}</code>: ${esc(ruledOutLine(x.checks, w.moreChecks))}</li>`);
      out.push('</ul>');
    }
  }
  if (sum.superseded) out.push(`<p class="meta">${esc(w.superseded(sum.superseded))}</p>`);
  out.push(`</section><section><h2>${esc(w.actionItems)}</h2>`);
  out.push(
    r.followups.length
      ? `<table><thead><tr><th>${esc(w.done)}</th><th>${esc(w.actionItems)}</th><th>${esc(w.owner)}</th><th>${esc(w.due)}</th></tr></thead><tbody>${r.followups
          .map((f) => `<tr><td>${f.done ? '☑' : '☐'}</td><td>${esc(f.text)}</td><td>${esc(f.owner ?? '–')}</td><td class="nowrap">${esc(f.due ?? '–')}</td></tr>`)
          .join('')}</tbody></table>`
      : `<p class="template">${esc(w.noneYet)}</p>`,
  );
  if (!o.withCommands) {
    out.push(`</section><p class="meta">${esc(w.commandsLeftOut(r.commands.reduce((n, c) => n + c.steps.length, 0), r.commands.length))}</p></body></html>`);
    return out.join('\n');
  }
  out.push(`</section><section class="appendix"><h2>${esc(w.appendix)}</h2>`);
  if (r.commands.length === 0) out.push(`<p class="template">${esc(w.noCommands)}</p>`);
  for (const n of r.commands) {
    out.push(`<h3>${esc(n.node)}</h3><table class="commands"><thead><tr><th>${c.started}</th><th>${c.run}</th><th>${c.stepAndCommand}</th><th>${c.state}</th><th>${c.exit}</th><th>${c.duration}</th></tr></thead><tbody>`);
    for (const s of n.steps) {
      out.push(`<tr><td class="nowrap">${s.startedAt ? esc(s.startedAt.local) : '–'}</td><td>${s.runId}</td><td><strong>${esc(s.step)}</strong><br><code>${esc(s.command)}</code></td><td>${esc(stateWord(w, s.state))}</td><td>${s.exitCode ?? '–'}</td><td>${esc(formatSpan(s.durationMs, w))}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push(`<p class="meta">${esc(w.outputsInJson)}</p></section></body></html>`);
  return out.join('\n');
}
