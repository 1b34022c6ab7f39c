// The desktop shell's lock-down: who may call the contract, and where any web contents may go.
// Only types come from electron here (main.ts passes the real objects), so the checks run in
// plain Node tests: Electron's binary is not available in CI.
import type { Event as ElectronEvent, Session } from 'electron';

export const APP_ORIGIN = 'app://stackscope';

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Whether `url` is a page of the app itself (app://stackscope/…). Scheme and host are compared,
 * not `origin`: WHATWG URL gives every non-special scheme the opaque origin "null", so an origin
 * check refuses our own window (issue 12, item 4). A URL with userinfo or a port is not ours.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'app:' && parsed.host === 'stackscope' && parsed.username === '' && parsed.password === '';
}

/** What the sender check reads of an IPC event and of our window (Electron's own objects in main.ts). */
export interface IpcSender {
  readonly sender: unknown;
  readonly senderFrame: { readonly url: string } | null;
}
export interface OurWindow {
  readonly mainFrame: { readonly url: string };
}

/** Only our own window's main frame, showing our own page, may call the contract. */
export function isTrustedSender(event: IpcSender, window: OurWindow | null): boolean {
  const frame = event.senderFrame;
  if (!window || !frame || event.sender !== window) return false;
  if (frame !== window.mainFrame) return false;
  return isAppUrl(frame.url);
}

type Navigation = { readonly url: string; preventDefault(): void };

/** The parts of WebContents the lock-down sets (Electron's WebContents satisfies it). */
export interface LockableContents {
  readonly session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (details: Navigation) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: Navigation) => void): unknown;
  on(event: 'will-redirect', listener: (details: Navigation) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Pick<ElectronEvent, 'preventDefault'>) => void): unknown;
}

/**
 * Deny every permission, new window and webview, and any navigation or redirect that leaves the
 * app's own pages. Programmatic loads (loadURL) emit none of these events, so the PDF printer
 * can still load its temp file; its session allows nothing else (print-pdf.ts).
 */
export function lockDown(contents: LockableContents): void {
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (details: Navigation): void => {
    if (!isAppUrl(details.url)) details.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Lock down every web contents when it is created: the main window and any added later. */
export function guardEveryContents(app: { on(event: 'web-contents-created', listener: (event: unknown, contents: LockableContents) => void): unknown }): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}
