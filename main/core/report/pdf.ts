import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Where headless Chromium is: $STACKSCOPE_CHROMIUM, or the distribution's package. */
export function chromiumPath(): string {
  const candidates = [process.env.STACKSCOPE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`no Chromium found to print the PDF (looked at ${candidates.join(', ')}); install chromium or set STACKSCOPE_CHROMIUM`);
  return found;
}

/**
 * Print the report's HTML to PDF with headless Chromium: the page is set from memory, every
 * network request is refused (the HTML is self-contained), and the footer numbers the pages.
 */
export async function htmlToPdf(html: string, paper: 'a4' | 'letter', footerLeft: string): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return await page.pdf({
      format: paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 14mm;display:flex;justify-content:space-between;color:#555"><span>${esc(footerLeft)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
    });
  } finally {
    await browser.close();
  }
}
