import { StackscopeError } from '../../contract/errors.js';
import { reportWords } from '../../shared/report-words.js';
import type { ReportExport, ReportFormat, ReportOptions } from '../../contract/types.js';
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

/** Builds and renders incident reports of a case. */
export class ReportService {
  constructor(
    private readonly source: ReportSource,
    /** Headless Chromium in browser mode and the CLI; Electron's printToPDF in the desktop app. */
    private readonly printPdf: PdfPrinter = headlessChromiumPdf,
  ) {}

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
        return Buffer.from(renderMarkdown(data), 'utf8');
      case 'html':
        return Buffer.from(renderHtml(data), 'utf8');
      case 'pdf': {
        const w = reportWords(data.lang);
        return this.printPdf(renderHtml(data), options.paper ?? 'a4', { left: `${w.caseLine(caseId)}: ${data.header.title}`.slice(0, 120), pageOf: w.pageOf });
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
