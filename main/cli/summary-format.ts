import type { CaseFinding } from '../contract/types.js';
import { withRefTitles, type FindingsSummary, type SummaryProblem } from '../shared/findings-summary.js';
import { bold, dim, green, oneLine, red, yellow } from './format.js';
import { formatFinding } from './playbook-command.js';

/** One problem with its evidence, and the failures it explains listed under it. */
function problemBlock(p: SummaryProblem, findings: CaseFinding[]): string {
  const f = p.lead;
  const text = formatFinding({ ...f, nextStep: withRefTitles(f.nextStep, findings), explanation: withRefTitles(f.explanation, findings) });
  const head = `${text.split('\n')[0]}  ${dim(`(${f.playbook})`)}`;
  const more = p.also.length ? [dim(`  also seen by: ${p.also.map((a) => `${a.playbook}${a.evidence[0]?.node ? ` on ${a.evidence[0].node}` : ''}`).join(', ')}`)] : [];
  const lines = [head, ...text.split('\n').slice(1), ...more];
  if (p.consequences.length) {
    lines.push(bold('  because of this:'));
    for (const c of p.consequences) lines.push(`    ${c.severity === 'critical' ? red('CRITICAL') : yellow('WARNING ')}  ${oneLine(c.lead.title)}  ${dim(`(${c.lead.playbook})`)}`);
  }
  return lines.join('\n');
}

/**
 * A case's summary as the terminal shows it (`check`, `case show`): problems worst first with what
 * each explains under it, then what could not be checked, then what was checked and healthy.
 */
export function formatSummary(s: FindingsSummary, findings: CaseFinding[]): string[] {
  const out: string[] = [];
  if (s.problems.length) out.push(s.problems.map((p) => problemBlock(p, findings)).join('\n\n'));
  if (s.notChecked.length) {
    out.push(`\n${bold('NOT CHECKED')} ${dim('(never counted as ok)')}`);
    for (const p of s.notChecked) {
      const by = [p.lead, ...p.also].map((f) => f.playbook);
      out.push(`  ${dim('·')} ${oneLine(p.title)}${by.length > 1 ? dim(` — ${[...new Set(by)].join(', ')}`) : ''}`);
    }
  }
  if (s.ruledOut.length) {
    out.push(`\n${bold('RULED OUT')} ${dim('(checked and healthy)')}`);
    for (const r of s.ruledOut) {
      const shown = r.checks.slice(0, 3).map((c) => oneLine(c.title));
      out.push(`  ${green('✓')} ${oneLine(r.playbook)}: ${shown.join('; ')}${r.checks.length > 3 ? dim(` (+${r.checks.length - 3} more)`) : ''}`);
    }
  }
  return out;
}
