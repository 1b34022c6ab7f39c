// The desktop app prints reports with Electron's own Chromium (webContents.printToPDF), so the
// packaged app needs no second browser. Browser mode and the CLI use headless Chromium instead
// (main/core/report/pdf.ts); both share the margins and the "Page N of M" footer.
import { BrowserWindow, session, type Session } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printSettings, type PdfPrinter } from '../core/report/pdf.js';

const inches = (mm: number): number => mm / 25.4;

/** The report files being printed right now: the only pages the print session may load. */
const allowedPages = new Set<string>();
let printSession: Session | undefined;

/** One in-memory session (no "persist:": nothing of a report stays in a profile on disk), set up once. */
function sessionForPrinting(): Session {
  if (printSession) return printSession;
  const s = session.fromPartition('stackscope-report-print');
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedPages.has(details.url) && !details.url.startsWith('data:') }));
  printSession = s;
  return s;
}

export const electronPdf: PdfPrinter = async (html, paper, footer) => {
  // The page is written to a private temp file (a data: URL is capped at 2 MB by Chromium and a
  // report's appendix can be longer); that file is the only request the print session allows.
  const dir = mkdtempSync(join(tmpdir(), 'stackscope-print-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html, { mode: 0o600 });
  const allowed = pathToFileURL(file).toString();
  allowedPages.add(allowed);
  let win: BrowserWindow | undefined;
  try {
    win = new BrowserWindow({
      show: false,
      webPreferences: { session: sessionForPrinting(), javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, images: true, disableBlinkFeatures: 'Auxclick' },
    });
    // main.ts's web-contents-created guard has locked this window down already (security.ts); a
    // report page goes nowhere at all, not even to an app:// page that guard would allow.
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    await win.loadURL(allowed);
    const { marginsMm: m, ...rest } = printSettings(paper, footer);
    return await win.webContents.printToPDF({ ...rest, margins: { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right) } });
  } finally {
    win?.destroy();
    allowedPages.delete(allowed);
    rmSync(dir, { recursive: true, force: true });
  }
};
