import { Option, type Command } from 'commander';
import { closeSync, fchmodSync, fstatSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { StackscopeError } from '../contract/errors.js';
import type { MethodName } from '../contract/methods.js';
import type { MethodResults } from '../contract/api.js';
import type { ReportFormat, ReportOptions } from '../contract/types.js';
import type { Core } from '../core/core.js';
import { positiveInt } from './args.js';
import { oneLine, terminalSafe } from './format.js';

const caseIdOf = positiveInt('case id');

interface ReportFlags {
  format: ReportFormat;
  out: string;
  tz?: string;
  hideIps?: boolean;
  hideHostnames?: boolean;
  hideUsers?: boolean;
  paper: 'a4' | 'letter';
  lang: 'en' | 'ko';
  withOutputs?: boolean;
}

/**
 * Open an export for writing, readable by its owner only (0600): a report quotes outputs, hosts and
 * notes. An existing file is tightened too (open's mode only applies to a new one); a device or a
 * pipe (`--out /dev/stdout`) keeps its mode.
 */
function openPrivate(file: string): number {
  let fd: number;
  try {
    fd = openSync(file, 'w', 0o600);
  } catch (err) {
    throw new StackscopeError('INVALID_INPUT', `cannot write ${file}: ${(err as Error).message}`);
  }
  try {
    if (process.platform !== 'win32' && fstatSync(fd).isFile()) fchmodSync(fd, 0o600);
  } catch (err) {
    closeSync(fd);
    throw new StackscopeError('INVALID_INPUT', `cannot make ${file} private (chmod 600): ${(err as Error).message}`);
  }
  return fd;
}

function write(file: string, bytes: Buffer): void {
  const fd = openPrivate(file);
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  } catch (err) {
    throw new StackscopeError('INVALID_INPUT', `cannot write ${file}: ${(err as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

/** The JSON export streamed into the file step by step (no size limit); no half file is left behind. */
function writeJsonFile(core: Core, file: string, id: number, options: ReportOptions): void {
  const fd = openPrivate(file);
  try {
    core.reports.writeJson(id, { ...options, withOutputs: true }, (text) => {
      const bytes = Buffer.from(text, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    });
    closeSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw err;
  }
}

/** `stackscope report CASE_ID --format md|html|pdf|json --out FILE`: the incident report of a case. */
export function reportCommand(program: Command, open: () => Core, exit: (code: number) => void): void {
  program
    .command('report <caseId>')
    .description('export the incident report of a case (redacted): stackscope report 3 --format pdf --out case-3.pdf')
    .addOption(new Option('--format <format>', 'md, html, pdf or json').choices(['md', 'html', 'pdf', 'json']).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write the report')
    .option('--tz <zone>', 'IANA time zone for local times (UTC is always shown too)', Intl.DateTimeFormat().resolvedOptions().timeZone)
    .option('--hide-ips', 'replace IP addresses by pseudonyms (ip-1, ip-2, …)')
    .option('--hide-hostnames', 'replace node names and host names by role-based pseudonyms (compute-1, …)')
    .option('--hide-users', 'replace user names by pseudonyms (user-1, …)')
    .addOption(new Option('--paper <size>', 'PDF paper size').choices(['a4', 'letter']).default('a4'))
    .addOption(new Option('--lang <lang>', "the report's own words (headings, timeline); findings stay as written").choices(['en', 'ko']).default('en'))
    .option('--with-outputs', 'full command outputs: in the JSON itself, or for other formats as FILE.outputs.json beside it')
    .action(async (caseId: string, o: ReportFlags) => {
      const id = caseIdOf(caseId);
      const core = open();
      if (!core.repos.cases.summary(id)) {
        process.stderr.write(`stackscope: case ${id} does not exist\n`);
        exit(1);
        return;
      }
      const options = { timeZone: o.tz, hideIps: !!o.hideIps, hideHostnames: !!o.hideHostnames, hideUsers: !!o.hideUsers, paper: o.paper, lang: o.lang };
      const file = resolve(o.out);
      try {
        if (o.format === 'json') writeJsonFile(core, file, id, options);
        else write(file, await core.reports.render(id, o.format, options));
        console.log(`Wrote the ${o.format} report of case ${id} to ${oneLine(file)}.`);
        if (o.withOutputs && o.format !== 'json') {
          const attachment = `${file}.outputs.json`;
          writeJsonFile(core, attachment, id, options);
          console.log(`Wrote the full command outputs to ${oneLine(attachment)}.`);
        }
      } catch (err) {
        process.stderr.write(`stackscope: ${terminalSafe((err as Error).message)}\n`);
        exit(1);
      }
    });
}

/** One contract call with its validation; a refusal becomes the error the CLI prints. */
async function call<M extends MethodName>(core: Core, method: M, input: unknown): Promise<MethodResults[M]> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new StackscopeError(r.error.code, r.error.message);
  return r.value as MethodResults[M];
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


/**
 * What a lead writes into a case from a terminal, for its report: summary and impact, notes,
 * status, follow-ups. The same contract calls as the app (same checks, same redaction).
 */
export function caseReportCommands(kase: Command, open: () => Core): void {
  kase
    .command('write <id>')
    .description('set the summary and/or impact of the incident report: stackscope case write 3 --summary @summary.md --impact "API errors for 12 min"')
    .option('--summary <text>', 'the summary, or @FILE')
    .option('--impact <text>', 'the impact, or @FILE')
    .action(async (id: string, o: { summary?: string; impact?: string }) => {
      const summary = textOrFile('--summary', o.summary);
      const impact = textOrFile('--impact', o.impact);
      if (summary === undefined && impact === undefined) throw new StackscopeError('INVALID_INPUT', 'give --summary and/or --impact');
      await call(open(), 'cases.updateReport', { id: caseIdOf(id), ...(summary !== undefined ? { summary } : {}), ...(impact !== undefined ? { impact } : {}) });
      console.log(`Saved the ${[summary !== undefined && 'summary', impact !== undefined && 'impact'].filter(Boolean).join(' and ')} of case ${id}.`);
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
      const c = await call(open(), 'cases.setStatus', { id: caseIdOf(id), status });
      console.log(`Case ${id} is ${c.status}.`);
    });
  kase
    .command('followup <id> [text...]')
    .description('add a follow-up action, or list them: stackscope case followup 3 "Alert on wsrep_cluster_size < 3"')
    .option('--done <followupId>', 'tick a follow-up off (--undo to untick)')
    .option('--undo', 'with --done: mark it not done again')
    .action(async (id: string, text: string[], o: { done?: string; undo?: boolean }) => {
      const core = open();
      if (o.done !== undefined) {
        const f = await call(core, 'followups.toggle', { id: Number(o.done), done: !o.undo });
        console.log(`[${f.done ? 'x' : ' '}] ${f.id} ${oneLine(f.text)}`);
      } else if (text.length > 0) {
        const f = await call(core, 'followups.add', { caseId: caseIdOf(id), text: text.join(' ') });
        console.log(`Added follow-up ${f.id} to case ${id}.`);
      } else {
        const list = await call(core, 'followups.list', { caseId: caseIdOf(id) });
        console.log(list.length ? list.map((f) => `[${f.done ? 'x' : ' '}] ${f.id} ${oneLine(f.text)}`).join('\n') : 'No follow-up actions yet.');
      }
    });
}
