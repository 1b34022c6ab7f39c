import { formatDuration, healthyChecks, impactTemplate, severityOrder, summaryTemplate, type ReportData, type ReportTime } from './model.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** Local time with UTC under it (once, when the report is in UTC). */
const whenIn =
  (tz: string) =>
  (t: ReportTime | null): string =>
    !t ? '–' : tz === 'UTC' ? esc(t.local) : `${esc(t.local)}<br><span class="utc">${esc(t.utc)}</span>`;
const para = (s: string): string => s.split(/\n{2,}/).map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('');

const css = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans KR",sans-serif;color:#1d2430;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;border-bottom:2px solid #d8dde6;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}h4{margin:1rem 0 .3rem}
.meta{color:#5b6577;margin:0 0 1rem}.utc{color:#7a8496;font-size:.85em}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d8dde6;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f7}table.kv th{width:12rem}
pre{background:#f6f8fa;border:1px solid #d8dde6;padding:.5rem;white-space:pre-wrap;word-break:break-all;font:12px/1.4 ui-monospace,"DejaVu Sans Mono",monospace}
code{font:12px ui-monospace,"DejaVu Sans Mono",monospace;background:#f1f3f7;padding:0 .2rem;word-break:break-all}
.sev{display:inline-block;border-radius:3px;padding:0 .4rem;color:#fff;font-weight:600;font-size:.8em;text-transform:uppercase}
.sev-critical{background:#c62828}.sev-warning{background:#b26a00}.sev-info{background:#1565c0}.sev-ok{background:#2e7d32}
.finding{border-left:4px solid #d8dde6;padding-left:.8rem;margin:1rem 0;break-inside:avoid}
.finding.critical{border-color:#c62828}.finding.warning{border-color:#b26a00}
.template{color:#7a8496;font-style:italic}
.nowrap{white-space:nowrap}table.commands code{font-size:10px;background:none;padding:0}
ul.checklist{list-style:none;padding-left:0}ul.checklist li::before{content:"☐ ";}ul.checklist li.done::before{content:"☑ "}
@page{margin:16mm 14mm 18mm}
@media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}section.appendix{break-before:page}tr,pre{break-inside:avoid}a{color:inherit}}
`;

/** One self-contained page: inline CSS, no scripts, no external fonts or images. */
export function renderHtml(r: ReportData): string {
  const h = r.header;
  const when = whenIn(r.timeZone);
  const rows: Array<[string, string]> = [
    ['Cluster', esc(h.cluster ?? '–')],
    ['Severity', `<span class="sev sev-${h.severity}">${h.severity}</span>`],
    ['Status', esc(h.status)],
    ['Opened', when(h.opened)],
    ['Mitigated', when(h.mitigated)],
    ['Resolved', when(h.resolved)],
    ['Duration', esc(formatDuration(h.durationMs) + (h.resolved ? '' : ' (not resolved yet)'))],
    ['People involved', esc(h.people.join(', ') || '–')],
  ];
  const out: string[] = [];
  out.push('<!doctype html><html lang="en"><head><meta charset="utf-8">');
  out.push(`<meta name="viewport" content="width=device-width,initial-scale=1"><title>Incident report: ${esc(h.title)}</title><style>${css}</style></head><body>`);
  out.push(`<header><h1>Incident report: ${esc(h.title)}</h1><p class="meta">Case ${h.caseId} · generated ${esc(r.generatedAt.local)} · times in ${r.timeZone === 'UTC' ? 'UTC' : `${esc(r.timeZone)} and UTC`}</p></header>`);
  out.push(`<table class="kv">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`);
  out.push(`<section><h2>Summary</h2>${r.summary.trim() ? para(r.summary) : `<p class="template">${esc(summaryTemplate)}</p>`}</section>`);
  out.push(`<section><h2>Impact</h2>${r.impact.trim() ? para(r.impact) : `<p class="template">${esc(impactTemplate)}</p>`}</section>`);
  out.push(`<section><h2>Timeline</h2><table><thead><tr><th>Time (${esc(r.timeZone)})</th><th>What</th><th>Who</th></tr></thead><tbody>`);
  for (const t of r.timeline) out.push(`<tr><td>${when(t.at)}</td><td><strong>${esc(t.kind)}</strong> ${esc(t.text).replace(/\n/g, '<br>')}</td><td>${esc(t.author ?? '–')}</td></tr>`);
  out.push('</tbody></table></section><section><h2>Findings</h2>');
  if (!r.findings.some((f) => f.severity !== 'ok')) out.push('<p class="template">No problems were found by the playbooks run in this case.</p>');
  for (const sev of severityOrder) {
    const list = r.findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    out.push(`<h3><span class="sev sev-${sev}">${sev}</span> ${list.length} finding${list.length === 1 ? '' : 's'}</h3>`);
    for (const f of list) {
      out.push(`<div class="finding ${sev}"><h4>${esc(f.title)}</h4><p class="meta"><code>${esc(f.check)}</code> · playbook <code>${esc(f.playbook)}</code> · ${esc(f.status)}</p>`);
      if (f.explanation) out.push(para(f.explanation));
      for (const e of f.evidence) {
        out.push(`<p>Evidence from <strong>${esc(e.node)}</strong> (step <code>${esc(e.step)}</code>${e.command ? `, command <code>${esc(e.command)}</code>` : ''}):</p><pre>${esc(e.lines.join('\n'))}</pre>`);
      }
      if (f.likelyCause) out.push(`<p><strong>Likely cause:</strong> ${esc(f.likelyCause)}</p>`);
      if (f.nextStep) out.push(`<p><strong>Next step:</strong> ${esc(f.nextStep)}</p>`);
      out.push('</div>');
    }
  }
  const healthy = healthyChecks(r);
  if (healthy.length > 0) {
    out.push(`<h3><span class="sev sev-ok">ok</span> Checked and healthy (${healthy.length})</h3><ul class="healthy">`);
    for (const c of healthy) out.push(`<li>${esc(c.title)} <span class="meta">(<code>${esc(c.check)}</code>, playbook <code>${esc(c.playbook)}</code>)</span></li>`);
    out.push('</ul>');
  }
  out.push('</section><section><h2>Follow-up actions</h2>');
  out.push(r.followups.length ? `<ul class="checklist">${r.followups.map((f) => `<li${f.done ? ' class="done"' : ''}>${esc(f.text)}</li>`).join('')}</ul>` : '<p class="template">None recorded yet.</p>');
  out.push('</section><section class="appendix"><h2>Appendix: commands run per node</h2>');
  if (r.commands.length === 0) out.push('<p class="template">No commands were run in this case.</p>');
  for (const n of r.commands) {
    out.push(`<h3>${esc(n.node)}</h3><table class="commands"><thead><tr><th>Started</th><th>Run</th><th>Step and command</th><th>State</th><th>Exit</th><th>Duration</th></tr></thead><tbody>`);
    for (const s of n.steps) {
      out.push(`<tr><td class="nowrap">${s.startedAt ? esc(s.startedAt.local) : '–'}</td><td>${s.runId}</td><td><strong>${esc(s.step)}</strong><br><code>${esc(s.command)}</code></td><td>${esc(s.state)}</td><td>${s.exitCode ?? '–'}</td><td>${esc(formatDuration(s.durationMs))}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('<p class="meta">Full command outputs are in the JSON export only.</p></section></body></html>');
  return out.join('\n');
}
