/**
 * "Start from the template", filled from the case: what happened (the root problems, worst first,
 * and what they explain), when (the first and the last event), where (the nodes and services the
 * findings name), and the blanks only a person can fill (what fixed it, who was affected). Plain
 * Markdown the lead edits; nothing is claimed that the case log does not say.
 */
import type { CaseDetail, CaseFinding, TimelineEntry } from '../contract/types.js';
import { summarizeFindings } from './findings-summary.js';

const clock = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');

export function reportDraft(detail: Pick<CaseDetail, 'title' | 'clusterName' | 'runs'>, findings: CaseFinding[], timeline: TimelineEntry[]): { summary: string; impact: string } {
  const s = summarizeFindings(findings);
  const first = timeline.reduce<string | null>((m, e) => (m === null || e.at < m ? e.at : m), null);
  const last = timeline.reduce<string | null>((m, e) => (m === null || e.at > m ? e.at : m), null);
  const nodes = [...new Set(s.problems.flatMap((p) => [...p.nodes, ...p.consequences.flatMap((c) => c.nodes)]))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const playbooks = [...new Set(detail.runs.filter((r) => r.kind === 'playbook' && !r.title.startsWith('runbook-')).map((r) => r.title))];
  const where = detail.clusterName ? ` on ${detail.clusterName}` : '';
  const lines: string[] = [];
  if (s.problems.length) {
    const [top, ...rest] = s.problems;
    lines.push(`**What happened:** ${top?.title ?? ''}${where}.${top?.consequences.length ? ` Because of it: ${top.consequences.map((c) => c.title).join('; ')}.` : ''}`);
    if (rest.length) lines.push(`**Also found:** ${rest.map((p) => p.title).join('; ')}.`);
  } else {
    lines.push(`**What happened:** _the checks found no problem${where}; say what was reported._`);
  }
  lines.push(
    `**How it was found:** ${playbooks.length ? `${playbooks.join(', ')} (Stackscope)` : '_how it was noticed_'}${first ? `, first event ${clock(first)}` : ''}${last && last !== first ? `, last ${clock(last)}` : ''}.`,
  );
  if (s.notChecked.length) lines.push(`**Not checked:** ${s.notChecked.map((p) => p.title).join('; ')}.`);
  lines.push('**What fixed it:** _the action that ended the incident, and when_.');
  const services = [...new Set(s.problems.flatMap((p) => [p.lead, ...p.consequences.map((c) => c.lead)]).map((f) => f.playbook))];
  const impact = [
    `**Affected:** ${nodes.length ? nodes.join(', ') : '_nodes_'}${services.length ? ` (${services.join(', ')})` : ''}.`,
    '**Who noticed and for how long:** _users, tenants, instances; from when to when_.',
  ];
  return { summary: lines.join('\n\n'), impact: impact.join('\n\n') };
}
