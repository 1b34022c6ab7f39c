import type { ReportExport, ReportFormat, ReportOptions } from '../../contract/types.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { buildReport, type ReportData, type ReportSource } from './model.js';
import { headlessChromiumPdf, type PdfPrinter } from './pdf.js';

const mimeTypes: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json',
};

/** The JSON export: the report data itself, full outputs included. */
export function renderJson(r: ReportData): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

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

  /** Text formats as UTF-8, PDF as bytes. Full outputs only ever go into JSON. */
  async render(caseId: number, format: ReportFormat, options: ReportOptions = {}): Promise<Buffer> {
    const data = buildReport(this.source, caseId, { ...options, withOutputs: format === 'json' && options.withOutputs !== false });
    switch (format) {
      case 'md':
        return Buffer.from(renderMarkdown(data), 'utf8');
      case 'html':
        return Buffer.from(renderHtml(data), 'utf8');
      case 'json':
        return Buffer.from(renderJson(data), 'utf8');
      case 'pdf':
        return this.printPdf(renderHtml(data), options.paper ?? 'a4', `Case ${caseId}: ${data.header.title}`.slice(0, 120));
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
