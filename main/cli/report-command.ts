import { Option, type Command } from 'commander';
import { closeSync, fchmodSync, fstatSync, openSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReportFormat, ReportOptions } from '../contract/types.js';
import type { Core } from '../core/core.js';
import { positiveInt } from './args.js';
import { call, type Client } from './client.js';
import { oneLine } from './format.js';

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
  withCommands?: boolean;
  allEvents?: boolean;
}

/**
 * Open an export for writing, readable by its owner only (0600): a report quotes outputs, hosts and
 * notes. An existing file is tightened too (open's mode only applies to a new one); a device or a
 * pipe (`--out /dev/stdout`) keeps its mode. A file that cannot be written is a plain Error: the
 * command could not run (exit 1), the input was fine.
 */
function openPrivate(file: string): number {
  let fd: number;
  try {
    fd = openSync(file, 'w', 0o600);
  } catch (err) {
    throw new Error(`cannot write ${file}: ${(err as Error).message}`);
  }
  try {
    if (process.platform !== 'win32' && fstatSync(fd).isFile()) fchmodSync(fd, 0o600);
  } catch (err) {
    closeSync(fd);
    throw new Error(`cannot make ${file} private (chmod 600): ${(err as Error).message}`);
  }
  return fd;
}

function write(file: string, bytes: Buffer): void {
  const fd = openPrivate(file);
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  } catch (err) {
    throw new Error(`cannot write ${file}: ${(err as Error).message}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * The JSON export streamed into the file step by step (no size limit); the file is opened at the
 * first text, so a case that does not exist leaves it untouched, and no half file is left behind.
 */
function writeJsonFile(core: Core, file: string, id: number, options: ReportOptions): void {
  let fd: number | undefined;
  try {
    // The one call past the contract, on purpose: report.export returns the whole text (the app
    // stops at 256 MB), while a file written here has no size limit; the report service streams
    // it step by step with the same redaction and pseudonyms.
    core.reports.writeJson(id, { ...options, withOutputs: true }, (text) => {
      fd ??= openPrivate(file);
      const bytes = Buffer.from(text, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    });
    if (fd !== undefined) closeSync(fd);
  } catch (err) {
    if (fd !== undefined) {
      closeSync(fd);
      rmSync(file, { force: true });
    }
    throw err;
  }
}

/** `stackscope report CASE_ID --format md|html|pdf|json --out FILE`: the incident report of a case. */
export function reportCommand(program: Command, open: () => Client, openCore: () => Core): void {
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
    .option('--with-commands', 'add the appendix of every command run per node (md, html, pdf; it can be pages long)')
    .option('--all-events', 'every event in the timeline, not only root problems among the findings')
    .action(async (caseId: string, o: ReportFlags) => {
      const id = caseIdOf(caseId);
      const options = { timeZone: o.tz, hideIps: !!o.hideIps, hideHostnames: !!o.hideHostnames, hideUsers: !!o.hideUsers, paper: o.paper, lang: o.lang, withCommands: !!o.withCommands, allEvents: !!o.allEvents };
      const file = resolve(o.out);
      if (o.format === 'json') writeJsonFile(openCore(), file, id, options);
      else {
        // Rendered before the file is opened: an unknown case or a bad --tz leaves it untouched.
        const r = await call(open(), 'report.export', { caseId: id, format: o.format, options }, { timeZone: '--tz', paper: '--paper', lang: '--lang' });
        write(file, Buffer.from(r.content, r.encoding === 'base64' ? 'base64' : 'utf8'));
      }
      console.log(`Wrote the ${o.format} report of case ${id} to ${oneLine(file)}.`);
      if (o.withOutputs && o.format !== 'json') {
        const attachment = `${file}.outputs.json`;
        writeJsonFile(openCore(), attachment, id, options);
        console.log(`Wrote the full command outputs to ${oneLine(attachment)}.`);
      }
    });
}
