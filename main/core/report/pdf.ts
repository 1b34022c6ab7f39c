import { existsSync } from 'node:fs';
import { escapeHtml } from './html.js';

export type Paper = 'a4' | 'letter';

/** What the footer of every page says: the case on the left, the page counter on the right. */
export interface PdfFooter {
  left: string;
  /** `page` and `total` are placeholders the printer fills in. */
  pageOf: (page: string, total: string) => string;
}

/** Turns the report's self-contained HTML into PDF bytes. */
export type PdfPrinter = (html: string, paper: Paper, footer: PdfFooter) => Promise<Buffer>;

/** What every printer is given, so the PDF looks the same from Electron and from headless Chromium. */
export interface PrintSettings {
  pageSize: 'A4' | 'Letter';
  printBackground: true;
  displayHeaderFooter: true;
  headerTemplate: string;
  /** The case on the left, "Page N of M" on the right. */
  footerTemplate: string;
  marginsMm: { top: number; bottom: number; left: number; right: number };
}

export function printSettings(paper: Paper, footer: PdfFooter): PrintSettings {
  const marginsMm = { top: 16, bottom: 18, left: 14, right: 14 };
  return {
    pageSize: paper === 'letter' ? 'Letter' : 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: `<div style="font-size:8px;width:100%;padding:0 ${marginsMm.left}mm;display:flex;justify-content:space-between;color:#555"><span>${escapeHtml(footer.left)}</span><span>${footer.pageOf('<span class="pageNumber"></span>', '<span class="totalPages"></span>')}</span></div>`,
    marginsMm,
  };
}

/** Where headless Chromium is: $STACKSCOPE_CHROMIUM, or the distribution's package. */
export function chromiumPath(): string {
  const candidates = [process.env.STACKSCOPE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`no Chromium found to print the PDF (looked at ${candidates.join(', ')}); install chromium or set STACKSCOPE_CHROMIUM`);
  return found;
}

/**
 * Browser mode and the CLI: print with headless Chromium. The page is set from memory, every
 * network request is refused (the HTML is self-contained), and the footer numbers the pages.
 * The desktop app prints with Electron's own `printToPDF` instead (main/electron/print-pdf.ts).
 */
export const headlessChromiumPdf: PdfPrinter = async (html, paper, footer) => {
  // Loaded on first use: the desktop app never needs it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const { pageSize, marginsMm: m, ...rest } = printSettings(paper, footer);
    return await page.pdf({ ...rest, format: pageSize, margin: { top: `${m.top}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm`, right: `${m.right}mm` } });
  } finally {
    await browser.close();
  }
};
