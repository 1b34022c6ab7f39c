import { withRefTitles } from '../../shared/findings-summary.js';
import { evidenceShown, formatSpan, FULL_PROBLEMS, reportSummary, reportWords, ruledOutByName, ruledOutLine, stateWord } from '../../shared/report-words.js';
import type { ReportData, ReportTime } from './model.js';

/** Schemes a link in the report may keep: a browser goes there without running anything. */
const safeSchemes = new Set(['http', 'https', 'mailto']);

/** The scheme a browser would see in a link destination written `dest` in Markdown, if any. */
function schemeOf(dest: string): string | null {
  const decoded = dest
    .replace(/\\([!-/:-@[-`{-~])/g, '$1') // backslash escapes
    .replace(/&amp;/gi, '&')
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&(?:tab|newline);/gi, '')
    .replace(/^[\u0000-\u0020]+/, '') // browsers trim leading C0 controls and spaces…
    .replace(/[\t\n\r]/g, '') // …and drop tabs and line breaks anywhere
    .toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(decoded)?.[1] ?? null;
}

/**
 * Links in what people and nodes wrote keep working when they go to the web or to a mail address;
 * one to javascript:, vbscript:, data:, file: (inline, image or reference definition) becomes text:
 * its `]` is escaped, so no Markdown renderer sees a link. Autolinks `<javascript:…>` cannot form
 * because `noHtml` escapes the `<`. The HTML export shows every link as text.
 */
function neutraliseLinks(s: string): string {
  return s.replace(/(\\*)\]([(:])([ \t]*\n?[ \t]*)(<[^>]*>?|[^\s)]*)/g, (m, slashes: string, kind: string, gap: string, dest: string) => {
    if (slashes.length % 2 === 1) return m; // `\]` is text already
    const target = dest.startsWith('<') ? dest.slice(1) : dest;
    const scheme = schemeOf(target);
    return scheme === null || safeSchemes.has(scheme) ? m : `${slashes}\\]${kind}${gap}${dest}`;
  });
}

/** Raw HTML from a note or an output shows as text, never as markup ("size < 3" stays readable). */
const noHtml = (s: string): string => s.replace(/&(?=#?\w+;)/g, '&amp;').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
/** Free text on one line (a title, a node's name): no markup, no dangerous link, no line break. */
const inline = (s: string): string => neutraliseLinks(noHtml(s)).replace(/\r?\n/g, ' ');
/** A table cell: no pipes or line breaks break the row. */
const cell = (s: string): string => neutraliseLinks(noHtml(s).replace(/\\/g, '\\\\')).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
/**
 * What a person wrote, as a block of the report: their lists and emphasis stay Markdown, but a
 * line cannot become one of the report's headings, open a code fence that swallows the rest, or
 * turn the line above it into a heading.
 */
function block(text: string): string {
  return neutraliseLinks(noHtml(text))
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
export function renderMarkdown(r: ReportData, o: { withCommands?: boolean } = {}): string {
  const h = r.header;
  const w = reportWords(r.lang);
  const when = whenIn(r.timeZone);
  const utc = r.timeZone !== 'UTC';
  const c = w.columns;
  const out: string[] = [];
  out.push(`# ${w.title(inline(h.title))}`, '');
  out.push(`${w.caseLine(h.caseId)} · ${w.generated} ${when(r.generatedAt)} · ${w.timesIn(r.timeZone)}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| ${w.cluster} | ${cell(h.cluster ?? '–')} |`);
  out.push(`| ${w.severity} | ${w.caseSeverities[h.severity]} |`);
  out.push(`| ${w.status} | ${w.statuses[h.status]} |`);
  out.push(`| ${w.opened} | ${when(h.opened)} |`);
  out.push(`| ${w.mitigated} | ${when(h.mitigated)} |`);
  out.push(`| ${w.resolved} | ${when(h.resolved)} |`);
  out.push(`| ${w.duration} | ${formatSpan(h.durationMs, w)}${h.resolved ? '' : ` ${w.notResolvedYet}`} |`);
  out.push(`| ${w.people} | ${cell(h.people.join(', ') || '–')} |`, '');

  out.push(`## ${w.summary}`, '', r.summary.trim() ? block(r.summary.trim()) : `_${w.summaryTemplate}_`, '');
  out.push(`## ${w.impact}`, '', r.impact.trim() ? block(r.impact.trim()) : `_${w.impactTemplate}_`, '');
  out.push(`## ${w.rootCause}`, '', r.rootCause.text.trim() ? `${block(r.rootCause.text.trim())}${r.rootCause.fromFinding ? ` _${w.fromTopFinding}_` : ''}` : `_${w.noContributing}_`, '');
  const factors = r.contributing.text.split('\n').filter((l) => l.trim());
  out.push(`## ${w.contributing}`, '', ...(factors.length ? factors.map((l) => `- ${inline(l.replace(/^\s*[-*]\s+/, ''))}`) : [`_${w.noContributing}_`]), '');

  out.push(`## ${w.timeline}`, '', `| ${cell(w.time(r.timeZone))} |${utc ? ' UTC |' : ''} ${w.what} | ${w.who} |`, `|---|${utc ? '---|' : ''}---|---|`);
  for (const t of r.timeline) out.push(`| ${t.at.local} |${utc ? ` ${t.at.utc} |` : ''} **${w.kinds[t.kind]}** ${cell(t.text)} | ${cell(t.author ?? '–')} |`);
  out.push('');

  out.push(`## ${w.findings}`, '');
  const sum = reportSummary(r);
  if (!sum.problems.length) out.push(`_${w.noProblems}_`, '');
  for (const p of sum.problems.slice(0, FULL_PROBLEMS)) {
    const f = p.lead;
    out.push(`### ${w.severities[f.severity].toUpperCase()}: ${inline(p.title)}`, '', `${w.playbook} \`${f.playbook}\` · \`${f.check}\``, '');
    if (f.explanation) out.push(block(withRefTitles(f.explanation, r.findings)), '');
    for (const e of evidenceShown(f)) {
      // Where the lines came from (node, playbook, step), never the generated script: that is in the appendix (--with-commands).
      out.push(`${w.evidenceFrom} **${inline(e.node)}** · \`${f.playbook}\` ${w.step} \`${e.step}\`:`, '', fence(e.lines.join('\n'), 'text'), '');
    }
    if (f.likelyCause) out.push(`**${w.likelyCause}** ${inline(f.likelyCause)}`, '');
    if (f.nextStep) out.push(`**${w.nextStep}** ${inline(withRefTitles(f.nextStep, r.findings))}`, '');
    if (p.consequences.length) {
      out.push(`**${w.becauseOfThis}**`, '');
      for (const c of p.consequences) out.push(`- ${w.severities[c.severity]}: ${inline(c.title)} (\`${c.lead.playbook}\`)`);
      out.push('');
    }
  }
  const others = sum.problems.slice(FULL_PROBLEMS);
  if (others.length) {
    out.push(`### ${w.otherProblems(others.length)}`, '');
    for (const p of others) out.push(`- ${w.severities[p.severity]}: ${inline(p.title)} (\`${p.lead.playbook}\`)${p.consequences.length ? ` — ${w.becauseOfThis} ${p.consequences.map((c) => inline(c.title)).join('; ')}` : ''}`);
    out.push('');
  }
  if (sum.notChecked.length) {
    out.push(`### ${w.notChecked(sum.notChecked.length)}`, '');
    const item = (p: (typeof sum.notChecked)[number]): string => `${inline(p.title)} (${[...new Set([p.lead, ...p.also].map((x) => `\`${x.playbook}\``))].join(', ')})`;
    // Every item stays; a report with problems runs them on as one paragraph when the catalogue is large.
    if (ruledOutByName(sum)) out.push(sum.notChecked.map(item).join(' · '));
    else for (const p of sum.notChecked) out.push(`- ${item(p)}`);
    out.push('');
  }
  if (sum.ruledOut.length) {
    out.push(`### ${w.checkedHealthy(sum.counts.ok)}`, '');
    if (ruledOutByName(sum)) out.push(`${sum.ruledOut.map((x) => `\`${x.playbook}\``).join(', ')}. ${inline(w.ruledOutByName(sum.counts.ok))}`);
    else for (const x of sum.ruledOut) out.push(`- \`${x.playbook}\`: ${inline(ruledOutLine(x.checks, w.moreChecks))}`);
    out.push('');
  }
  if (sum.superseded) out.push(`_${w.superseded(sum.superseded)}_`, '');

  out.push(`## ${w.actionItems}`, '');
  if (r.followups.length === 0) out.push(`_${w.noneYet}_`);
  else {
    out.push(`| ${w.done} | ${w.actionItems} | ${w.owner} | ${w.due} |`, '|---|---|---|---|');
    for (const f of r.followups) out.push(`| ${f.done ? '☑' : '☐'} | ${cell(f.text)} | ${cell(f.owner ?? '–')} | ${f.due ?? '–'} |`);
  }
  out.push('');

  if (!o.withCommands) {
    out.push(`_${w.commandsLeftOut(r.commands.reduce((n, c) => n + c.steps.length, 0), r.commands.length)}_`, '');
    return out.join('\n');
  }
  out.push(`## ${w.appendix}`, '');
  if (r.commands.length === 0) out.push(`_${w.noCommands}_`, '');
  for (const n of r.commands) {
    out.push(`### ${inline(n.node)}`, '', `| ${c.started} | ${c.run} | ${c.step} | ${c.command} | ${c.state} | ${c.exit} | ${c.duration} |`, '|---|---|---|---|---|---|---|');
    for (const s of n.steps) {
      out.push(`| ${s.startedAt?.local ?? '–'} | ${s.runId} | ${cell(s.step)} | \`${cell(s.command.replace(/`/g, "'"))}\` | ${stateWord(w, s.state)} | ${s.exitCode ?? '–'} | ${formatSpan(s.durationMs, w)} |`);
    }
    out.push('');
  }
  out.push(`_${w.outputsInJson}_`, '');
  return out.join('\n');
}
