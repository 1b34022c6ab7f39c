import type { CasesRepo } from '../../../db/cases-repo.js';
import { StackscopeError } from '../../contract/errors.js';
import type { MethodResults, ReportText } from '../../contract/api.js';
import type { Followup, ReportExport, ReportFormat, ReportOptions } from '../../contract/types.js';
import { reportDraft } from '../../shared/report-draft.js';
import { reportWords } from '../../shared/report-words.js';
import type { EventBus } from '../events.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { buildReport, prepareReport, type ReportData, type ReportSource } from './model.js';
import { headlessChromiumPdf, type PdfPrinter } from './pdf.js';

const mimeTypes: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json',
};

/** The JSON export of report data already in memory (outputs included if they are in it). */
export function renderJson(r: ReportData): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

/** JSON.stringify(value, null, 2), nested `depth` levels deep (its inner lines indented to match). */
const nested = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

/**
 * The largest report the app takes in one message (a string in memory, then IPC or WebSocket).
 * A bigger one is written by the CLI, which streams it to the file.
 */
export const MAX_IN_APP_REPORT_CHARS = 256 * 1024 * 1024;

/** Where the lead's own words of a report are kept: summary, impact, follow-ups. */
export type ReportFieldsStore = Pick<CasesRepo, 'require' | 'reportFields' | 'updateReportFields' | 'addFollowup' | 'toggleFollowup' | 'followups'>;

/** What the lead writes for the incident report: summary, impact, root cause, contributing factors, the follow-up checklist. */
export type ReportFields = MethodResults['cases.report'];

const caseNotFound = (caseId: number): StackscopeError => new StackscopeError('NOT_FOUND', `case ${caseId} does not exist`, { caseId });

/**
 * Incident reports of a case: what the lead writes for them (each change announced as
 * `case.changed`), and the report built and rendered from the case log.
 */
export class ReportService {
  constructor(
    private readonly source: ReportSource,
    private readonly written: { cases: ReportFieldsStore; events: EventBus },
    /** Headless Chromium in browser mode and the CLI; Electron's printToPDF in the desktop app. */
    private readonly printPdf: PdfPrinter = headlessChromiumPdf,
  ) {}

  fields(caseId: number): ReportFields {
    const fields = this.written.cases.reportFields(caseId);
    if (!fields) throw caseNotFound(caseId);
    return { ...fields, followups: this.written.cases.followups(caseId), draft: this.draft(caseId) };
  }

  /** A summary and impact drafted from the case: its top problems, when it started and what it touched. */
  draft(caseId: number): { summary: string; impact: string } {
    const detail = this.source.caseDetail(caseId);
    if (!detail) throw caseNotFound(caseId);
    return reportDraft(detail, this.source.findings(caseId), this.source.timeline(caseId));
  }

  /** Change the fields given (what is not given stays). */
  updateFields(caseId: number, fields: Partial<ReportText>): ReportText {
    if (!this.written.cases.updateReportFields(caseId, fields)) throw caseNotFound(caseId);
    this.written.events.emit('case.changed', { caseId });
    return this.written.cases.reportFields(caseId) ?? { summary: '', impact: '', rootCause: '', contributing: '' };
  }

  followups(caseId: number): Followup[] {
    this.written.cases.require(caseId);
    return this.written.cases.followups(caseId);
  }

  addFollowup(caseId: number, text: string, owner?: string, due?: string): Followup {
    this.written.cases.require(caseId);
    const followup = this.written.cases.addFollowup(caseId, text, owner ?? null, due ?? null);
    this.written.events.emit('case.changed', { caseId });
    return followup;
  }

  toggleFollowup(id: number, done: boolean): Followup {
    const followup = this.written.cases.toggleFollowup(id, done);
    if (!followup) throw new StackscopeError('NOT_FOUND', `follow-up ${id} does not exist`, { id });
    this.written.events.emit('case.changed', { caseId: followup.caseId });
    return followup;
  }

  data(caseId: number, options: ReportOptions = {}): ReportData {
    return buildReport(this.source, caseId, options);
  }

  /**
   * The JSON export, written piece by piece: the report first, then each step with its whole
   * output, read from the case log and redacted one step at a time. A case with gigabytes of
   * output never sits in memory at once. Same text as `renderJson` of the whole data.
   */
  writeJson(caseId: number, options: ReportOptions, write: (text: string) => void): void {
    const { data, scrub } = prepareReport(this.source, caseId, options);
    if (!options.withOutputs) return write(renderJson(data));
    const whole = JSON.stringify(data, null, 2);
    const commandsAt = whole.indexOf('\n  "commands": [');
    const followupsAt = whole.indexOf('\n  "followups": [');
    write(`${whole.slice(0, commandsAt)}\n  "commands": [`);
    data.commands.forEach((node, i) => {
      write(`${i ? ',' : ''}\n    {\n      "node": ${JSON.stringify(node.node)},\n      "steps": [`);
      node.steps.forEach((step, j) => {
        write(`${j ? ',' : ''}\n        ${nested({ ...step, ...scrub.deep(this.source.stepOutput(step.stepId)) }, 4)}`);
      });
      write(`${node.steps.length ? '\n      ' : ''}]\n    }`);
    });
    write(`${data.commands.length ? '\n  ' : ''}],${whole.slice(followupsAt)}\n`);
  }

  /** Text formats as UTF-8, PDF as bytes. Full outputs only ever go into JSON. */
  async render(caseId: number, format: ReportFormat, options: ReportOptions = {}): Promise<Buffer> {
    if (format === 'json') {
      const parts: Buffer[] = [];
      let chars = 0;
      this.writeJson(caseId, { ...options, withOutputs: options.withOutputs !== false }, (text) => {
        chars += text.length;
        if (chars > MAX_IN_APP_REPORT_CHARS) {
          throw new StackscopeError('INVALID_INPUT', `the outputs of case ${caseId} are too large to export here (over ${MAX_IN_APP_REPORT_CHARS >> 20} MB); write them with the CLI: stackscope report ${caseId} --format json --out FILE`);
        }
        parts.push(Buffer.from(text, 'utf8'));
      });
      return Buffer.concat(parts);
    }
    const data = buildReport(this.source, caseId, { ...options, withOutputs: false });
    switch (format) {
      case 'md':
        return Buffer.from(renderMarkdown(data, options), 'utf8');
      case 'html':
        return Buffer.from(renderHtml(data, options), 'utf8');
      case 'pdf': {
        const w = reportWords(data.lang);
        return this.printPdf(renderHtml(data, options), options.paper ?? 'a4', { left: `${w.caseLine(caseId)}: ${data.header.title}`.slice(0, 120), pageOf: w.pageOf });
      }
    }
  }

  async export(caseId: number, format: ReportFormat, options: ReportOptions = {}): Promise<ReportExport> {
    const bytes = await this.render(caseId, format, options);
    const binary = format === 'pdf';
    return {
      format,
      fileName: `case-${caseId}-report.${format}`,
      mimeType: mimeTypes[format],
      encoding: binary ? 'base64' : 'utf8',
      content: binary ? bytes.toString('base64') : bytes.toString('utf8'),
    };
  }
}
