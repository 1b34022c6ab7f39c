import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StackscopeError } from '../contract/errors.js';
import type { CaseStatus, Severity } from '../contract/types.js';
import { positiveInt } from './args.js';
import { call, clusterNamed, type Client } from './client.js';
import { summarizeFindings } from '../shared/findings-summary.js';
import { formatCase, formatCases, formatHitPlace, oneLine, toJson } from './format.js';
import { formatSummary } from './summary-format.js';

const caseIdOf = positiveInt('case id');

/** `30m`, `12h`, `7d`, `2w` → milliseconds. */
function ageMs(age: string): number {
  const m = /^(\d{1,5})([mhdw])$/.exec(age.trim());
  if (!m) throw new StackscopeError('INVALID_INPUT', `--older-than "${age}" must be a number and a unit: 30m, 12h, 7d, 2w`);
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm' | 'h' | 'd' | 'w'];
  return Number(m[1]) * unit;
}

/** TEXT as given, or @FILE for a file's contents (a summary written in an editor). */
function textOrFile(flag: string, value: string | undefined): string | undefined {
  if (value === undefined || !value.startsWith('@')) return value;
  const file = resolve(value.slice(1));
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new StackscopeError('INVALID_INPUT', `${flag}: cannot read ${file}: ${(err as Error).message}`);
  }
}

/** `stackscope cases …` (all of them) and `stackscope case …` (one). */
export function caseCommands(program: Command, open: () => Client): void {
  const cases = program.command('cases').description('list and search cases');
  cases
    .command('list', { isDefault: true })
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const list = await call(open(), 'cases.list', {});
      console.log(o.json ? toJson(list) : formatCases(list));
    });
  cases
    .command('search <text...>')
    .description('find past cases by what they recorded: titles, notes, findings, command output (the same search as the app)')
    .option('--limit <n>', 'at most this many hits', positiveInt('--limit'), 50)
    .option('--json', 'machine-readable output')
    .action(async (text: string[], o: { json?: boolean; limit: number }) => {
      const hits = await call(open(), 'cases.search', { query: text.join(' '), limit: o.limit });
      if (o.json) console.log(toJson(hits));
      else if (hits.length === 0) console.log('No match.');
      else for (const h of hits) console.log(`${formatHitPlace(h)}\n  ${oneLine(h.snippet.replace(/\u0002/g, '»').replace(/\u0003/g, '«').replace(/\r?\n/g, ' '))}`);
    });

  cases
    .command('close')
    .description('resolve old open cases in one go: stackscope cases close --older-than 7d --empty')
    .requiredOption('--older-than <age>', 'opened more than this long ago: 30m, 12h, 7d, 2w')
    .option('--empty', 'only cases no run was ever added to')
    .option('--dry-run', 'list what would be closed, close nothing')
    .action(async (o: { olderThan: string; empty?: boolean; dryRun?: boolean }) => {
      const client = open();
      const cutoff = new Date(Date.now() - ageMs(o.olderThan)).toISOString();
      const picked = (await call(client, 'cases.list', {})).filter((c) => c.status !== 'resolved' && c.openedAt < cutoff && (!o.empty || c.runCount === 0));
      if (!picked.length) return void console.log('No open case matches.');
      if (!o.dryRun) for (const c of picked) await call(client, 'cases.setStatus', { caseId: c.id, status: 'resolved' });
      console.log(`${o.dryRun ? 'Would resolve' : 'Resolved'} ${picked.length} case(s):\n${formatCases(picked)}`);
    });

  const kase = program.command('case').description('one case');
  kase
    .command('show <id>')
    .description('the case: its findings summarised (causes first), then its runs; --output adds what each step printed')
    .option('--output', 'print every step\'s recorded output after its run')
    .option('--json', 'machine-readable output (the case with its runs and their outputs)')
    .action(async (id: string, o: { json?: boolean; output?: boolean }) => {
      const client = open();
      const caseId = caseIdOf(id);
      const detail = await call(client, 'cases.get', o.json || o.output ? { caseId } : { caseId, outputTail: 0 });
      if (o.json) return void console.log(toJson(detail));
      const findings = await call(client, 'cases.findings', { caseId });
      const summary = formatSummary(summarizeFindings(findings), findings);
      console.log(formatCase(detail, { summary, withOutput: o.output === true }));
    });
  kase
    .command('new <title...>')
    .option('--cluster <name>', 'cluster the case is about')
    .addOption(new Option('--severity <level>').choices(['critical', 'warning', 'info']).default('warning'))
    .action(async (title: string[], o: { cluster?: string; severity: Severity }) => {
      const client = open();
      const clusterId = o.cluster ? (await clusterNamed(client, o.cluster)).id : null;
      const c = await call(client, 'cases.create', { title: title.join(' '), severity: o.severity, clusterId });
      console.log(`Opened case ${c.id}.`);
    });
  caseReportCommands(kase, open);
}

/**
 * What a lead writes into a case from a terminal, for its report: summary and impact, notes,
 * status, follow-ups. The same contract calls as the app (same checks, same redaction).
 */
function caseReportCommands(kase: Command, open: () => Client): void {
  kase
    .command('write <id>')
    .description('write the incident report\'s own fields: stackscope case write 3 --summary @summary.md --impact "API errors for 12 min" --root-cause "…"')
    .option('--summary <text>', 'the summary, or @FILE')
    .option('--impact <text>', 'the impact, or @FILE')
    .option('--root-cause <text>', 'the root cause (default in the report: the case\'s top finding), or @FILE')
    .option('--contributing <text>', 'contributing factors, one per line, or @FILE')
    .option('--draft', 'fill the summary and impact that are still empty with a draft from the case (top problems, first and last event, affected nodes)')
    .action(async (id: string, o: { summary?: string; impact?: string; rootCause?: string; contributing?: string; draft?: boolean }) => {
      const client = open();
      const caseId = caseIdOf(id);
      const fields: { summary?: string; impact?: string; rootCause?: string; contributing?: string } = {};
      for (const [key, flag] of [['summary', '--summary'], ['impact', '--impact'], ['rootCause', '--root-cause'], ['contributing', '--contributing']] as const) {
        const value = textOrFile(flag, o[key]);
        if (value !== undefined) fields[key] = value;
      }
      if (o.draft) {
        const now = await call(client, 'cases.report', { caseId });
        if (fields.summary === undefined && !now.summary.trim()) fields.summary = now.draft.summary;
        if (fields.impact === undefined && !now.impact.trim()) fields.impact = now.draft.impact;
      }
      if (!Object.keys(fields).length) throw new StackscopeError('INVALID_INPUT', o.draft ? 'the summary and impact are written already: nothing to draft' : 'give --summary, --impact, --root-cause, --contributing or --draft');
      await call(client, 'cases.updateReport', { caseId, ...fields }, { rootCause: '--root-cause' });
      console.log(`Saved the ${Object.keys(fields).map((k) => k.replace('rootCause', 'root cause')).join(', ')} of case ${id}.`);
    });
  kase
    .command('note <id> <text...>')
    .description('add a note to the case timeline (Markdown)')
    .action(async (id: string, text: string[]) => {
      const note = await call(open(), 'notes.add', { caseId: caseIdOf(id), text: text.join(' ') });
      console.log(`Added note ${note.id} to case ${id}.`);
    });
  kase
    .command('status <id> <status>')
    .description('open, mitigated or resolved (the report takes its times from these changes)')
    .action(async (id: string, status: string) => {
      // As typed: the contract's schema names the statuses when it is none of them.
      const c = await call(open(), 'cases.setStatus', { caseId: caseIdOf(id), status: status as CaseStatus });
      console.log(`Case ${id} is ${c.status}.`);
    });
  kase
    .command('followup <id> [text...]')
    .description('add a follow-up action, or list them: stackscope case followup 3 "Alert on wsrep_cluster_size < 3"')
    .option('--done <followupId>', 'tick a follow-up off (--undo to untick)')
    .option('--undo', 'with --done: mark it not done again')
    .option('--owner <who>', 'who does it (a name, a team)')
    .option('--due <date>', 'by when, YYYY-MM-DD')
    .action(async (id: string, text: string[], o: { done?: string; undo?: boolean; owner?: string; due?: string }) => {
      const client = open();
      if (o.done !== undefined) {
        const f = await call(client, 'followups.toggle', { id: Number(o.done), done: !o.undo });
        console.log(`[${f.done ? 'x' : ' '}] ${f.id} ${oneLine(f.text)}`);
      } else if (text.length > 0) {
        const f = await call(client, 'followups.add', { caseId: caseIdOf(id), text: text.join(' '), ...(o.owner !== undefined ? { owner: o.owner } : {}), ...(o.due !== undefined ? { due: o.due } : {}) }, { owner: '--owner', due: '--due' });
        console.log(`Added follow-up ${f.id} to case ${id}.`);
      } else {
        const list = await call(client, 'followups.list', { caseId: caseIdOf(id) });
        const who = (f: (typeof list)[number]): string => [f.owner && `owner ${oneLine(f.owner)}`, f.due && `due ${f.due}`].filter(Boolean).join(', ');
        console.log(list.length ? list.map((f) => `[${f.done ? 'x' : ' '}] ${f.id} ${oneLine(f.text)}${who(f) ? ` (${who(f)})` : ''}`).join('\n') : 'No follow-up actions yet.');
      }
    });
}
