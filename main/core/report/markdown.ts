import { formatDuration, healthyChecks, impactTemplate, severityOrder, summaryTemplate, type ReportData, type ReportTime } from './model.js';

/** Raw HTML from a note or an output shows as text, never as markup ("size < 3" stays readable). */
const noHtml = (s: string): string => s.replace(/&(?=#?\w+;)/g, '&amp;').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
/** A table cell: no pipes or line breaks break the row. */
const cell = (s: string): string => noHtml(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
/**
 * What a person wrote, as a block of the report: their lists and emphasis stay Markdown, but a
 * line cannot become one of the report's headings, open a code fence that swallows the rest, or
 * turn the line above it into a heading.
 */
function block(text: string): string {
  return noHtml(text)
    .split(/\r?\n/)
    .map((line) => line.replace(/^(\s{0,3})(#{1,6}(?=\s|$)|`{3,}|~{3,}|=+\s*$|-{2,}\s*$|>)/, '$1\\$2'))
    .join('\n');
}
/** Local time with UTC beside it (once, when the report is in UTC). */
const whenIn =
  (tz: string) =>
  (t: ReportTime | null): string =>
    !t ? '–' : tz === 'UTC' ? t.local : `${t.local} (${t.utc.replace('T', ' ').replace(/\.\d+Z$/, 'Z')})`;
/** A fence longer than any run of backticks inside, so quoted output cannot close it. */
function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text}\n${f}`;
}

/** GitHub/GitLab-flavoured Markdown: headings, tables, fenced evidence, a task list of follow-ups. */
export function renderMarkdown(r: ReportData): string {
  const h = r.header;
  const when = whenIn(r.timeZone);
  const utc = r.timeZone !== 'UTC';
  const out: string[] = [];
  out.push(`# Incident report: ${h.title}`, '');
  out.push(`Case ${h.caseId} · generated ${when(r.generatedAt)} · times in ${r.timeZone === 'UTC' ? 'UTC' : `${r.timeZone} and UTC`}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Cluster | ${cell(h.cluster ?? '–')} |`);
  out.push(`| Severity | ${h.severity} |`);
  out.push(`| Status | ${h.status} |`);
  out.push(`| Opened | ${when(h.opened)} |`);
  out.push(`| Mitigated | ${when(h.mitigated)} |`);
  out.push(`| Resolved | ${when(h.resolved)} |`);
  out.push(`| Duration | ${formatDuration(h.durationMs)}${h.resolved ? '' : ' (not resolved yet)'} |`);
  out.push(`| People involved | ${cell(h.people.join(', ') || '–')} |`, '');

  out.push('## Summary', '', r.summary.trim() ? block(r.summary.trim()) : `_${summaryTemplate}_`, '');
  out.push('## Impact', '', r.impact.trim() ? block(r.impact.trim()) : `_${impactTemplate}_`, '');

  out.push('## Timeline', '', `| Time (${cell(r.timeZone)}) |${utc ? ' UTC |' : ''} What | Who |`, `|---|${utc ? '---|' : ''}---|---|`);
  for (const t of r.timeline) out.push(`| ${t.at.local} |${utc ? ` ${t.at.utc} |` : ''} **${t.kind}** ${cell(t.text)} | ${cell(t.author ?? '–')} |`);
  out.push('');

  out.push('## Findings', '');
  if (!r.findings.some((f) => f.severity !== 'ok')) out.push('_No problems were found by the playbooks run in this case._', '');
  for (const sev of severityOrder) {
    const list = r.findings.filter((f) => f.severity === sev);
    if (list.length === 0) continue;
    out.push(`### ${sev.charAt(0).toUpperCase()}${sev.slice(1)} (${list.length})`, '');
    for (const f of list) {
      out.push(`#### ${f.title}`, '', `\`${f.check}\` · playbook \`${f.playbook}\` · ${f.status}`, '');
      if (f.explanation) out.push(f.explanation, '');
      for (const e of f.evidence) {
        out.push(`Evidence from **${e.node}** (step \`${e.step}\`${e.command ? `, command \`${e.command.replace(/`/g, "'")}\`` : ''}):`, '', fence(e.lines.join('\n'), 'text'), '');
      }
      if (f.likelyCause) out.push(`**Likely cause:** ${f.likelyCause}`, '');
      if (f.nextStep) out.push(`**Next step:** ${f.nextStep}`, '');
    }
  }

  const healthy = healthyChecks(r);
  if (healthy.length > 0) {
    out.push(`### Checked and healthy (${healthy.length})`, '');
    for (const c of healthy) out.push(`- ${c.title.replace(/\r?\n/g, ' ')} (\`${c.check}\`, playbook \`${c.playbook}\`)`);
    out.push('');
  }

  out.push('## Follow-up actions', '');
  if (r.followups.length === 0) out.push('_None recorded yet._');
  for (const f of r.followups) out.push(`- [${f.done ? 'x' : ' '}] ${noHtml(f.text).replace(/\r?\n/g, ' ')}`);
  out.push('');

  out.push('## Appendix: commands run per node', '');
  if (r.commands.length === 0) out.push('_No commands were run in this case._', '');
  for (const n of r.commands) {
    out.push(`### ${n.node}`, '', '| Started | Run | Step | Command | State | Exit | Duration |', '|---|---|---|---|---|---|---|');
    for (const s of n.steps) {
      out.push(`| ${s.startedAt?.local ?? '–'} | ${s.runId} | ${cell(s.step)} | \`${cell(s.command.replace(/`/g, "'"))}\` | ${s.state} | ${s.exitCode ?? '–'} | ${formatDuration(s.durationMs)} |`);
    }
    out.push('');
  }
  out.push('_Full command outputs are in the JSON export only._', '');
  return out.join('\n');
}
