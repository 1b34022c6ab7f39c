import { Option, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StackscopeError } from '../contract/errors.js';
import type { ReportFormat } from '../contract/types.js';
import type { Core } from '../core/core.js';

interface ReportFlags {
  format: ReportFormat;
  out: string;
  tz?: string;
  hideIps?: boolean;
  hideHostnames?: boolean;
  hideUsers?: boolean;
  paper: 'a4' | 'letter';
  withOutputs?: boolean;
}

function write(file: string, bytes: Buffer): void {
  try {
    writeFileSync(file, bytes);
  } catch (err) {
    throw new StackscopeError('INVALID_INPUT', `cannot write ${file}: ${(err as Error).message}`);
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
    .option('--with-outputs', 'full command outputs: in the JSON itself, or for other formats as FILE.outputs.json beside it')
    .action(async (caseId: string, o: ReportFlags) => {
      const id = Number(caseId);
      if (!Number.isInteger(id) || id <= 0) throw new StackscopeError('INVALID_INPUT', `case id must be a positive whole number, got "${caseId}"`);
      const core = open();
      if (!core.caselog.getCaseSummary(id)) {
        process.stderr.write(`stackscope: case ${id} does not exist\n`);
        exit(1);
        return;
      }
      const options = { timeZone: o.tz, hideIps: !!o.hideIps, hideHostnames: !!o.hideHostnames, hideUsers: !!o.hideUsers, paper: o.paper };
      const file = resolve(o.out);
      try {
        const bytes = await core.reports.render(id, o.format, { ...options, withOutputs: o.format === 'json' ? true : false });
        write(file, bytes);
        console.log(`Wrote the ${o.format} report of case ${id} to ${file}.`);
        if (o.withOutputs && o.format !== 'json') {
          const attachment = `${file}.outputs.json`;
          write(attachment, await core.reports.render(id, 'json', { ...options, withOutputs: true }));
          console.log(`Wrote the full command outputs to ${attachment}.`);
        }
      } catch (err) {
        process.stderr.write(`stackscope: ${(err as Error).message}\n`);
        exit(1);
      }
    });
}
