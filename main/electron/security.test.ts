import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardEveryContents, isAppUrl, isTrustedSender, lockDown, type LockableContents } from './security.js';

// Issue 12, items 4-5: the desktop window must be able to call the contract, and nothing else may.
// Electron's binary cannot run in CI, so these drive the checks with plain objects shaped like
// Electron's (a frame has a `url`, an IPC event a `sender` and a `senderFrame`, web contents emit
// navigation events); main.ts passes the real ones.

/** A window's web contents: its main frame and, optionally, a subframe (an <iframe>). */
function windowAt(url: string) {
  const mainFrame = { url };
  return { mainFrame, contents: { mainFrame } };
}

describe('isTrustedSender (item 4: who may call the contract over IPC)', () => {
  it("accepts our window's main frame at the URLs the app really shows", () => {
    for (const url of ['app://stackscope/index.html', 'app://stackscope/index.html#/cases/3', 'app://stackscope/index.html?x=1#/home', 'app://stackscope/']) {
      const w = windowAt(url);
      expect(isTrustedSender({ sender: w.contents, senderFrame: w.mainFrame }, w.contents), url).toBe(true);
    }
  });

  it('refuses a subframe of our window, even one showing our own page', () => {
    const w = windowAt('app://stackscope/index.html#/cases/3');
    const subframe = { url: 'app://stackscope/index.html' };
    expect(isTrustedSender({ sender: w.contents, senderFrame: subframe }, w.contents)).toBe(false);
    expect(isTrustedSender({ sender: w.contents, senderFrame: { url: 'https://evil.example/' } }, w.contents)).toBe(false);
  });

  it('refuses our main frame once it shows anything but app://stackscope', () => {
    const refused = [
      'file:///opt/Stackscope/resources/app.asar/dist/renderer/index.html',
      'app://other/index.html',
      'app://stackscope.evil/index.html',
      'app://stackscope:8080/index.html',
      'app://user:pass@stackscope/index.html',
      'app://user@stackscope/index.html',
      'https://stackscope/index.html',
      'http://127.0.0.1:8080/?token=abc',
      'about:blank',
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
    ];
    for (const url of refused) {
      const w = windowAt(url);
      expect(isTrustedSender({ sender: w.contents, senderFrame: w.mainFrame }, w.contents), url).toBe(false);
    }
  });

  it('refuses garbage and empty URLs without throwing', () => {
    for (const url of ['', 'app://', 'app:stackscope/index.html', '://stackscope/', 'app://[/', 'app://stack scope/', '\u0000']) {
      const w = windowAt(url);
      expect(isTrustedSender({ sender: w.contents, senderFrame: w.mainFrame }, w.contents), JSON.stringify(url)).toBe(false);
    }
  });

  it('refuses a sender that is not our window, and any call once the window is gone', () => {
    const ours = windowAt('app://stackscope/index.html');
    const other = windowAt('app://stackscope/index.html'); // e.g. the PDF printer's hidden window
    expect(isTrustedSender({ sender: other.contents, senderFrame: other.mainFrame }, ours.contents)).toBe(false);
    // A frame of another window that claims to be ours: the sender is what counts, not the frame.
    expect(isTrustedSender({ sender: other.contents, senderFrame: ours.mainFrame }, ours.contents)).toBe(false);
    expect(isTrustedSender({ sender: ours.contents, senderFrame: null }, ours.contents)).toBe(false);
    expect(isTrustedSender({ sender: ours.contents, senderFrame: ours.mainFrame }, null)).toBe(false);
  });
});

describe('isAppUrl (the one check behind IPC, will-navigate and will-redirect)', () => {
  it('compares scheme and host, because a custom scheme has no origin', () => {
    // The cause of item 4: WHATWG URL gives "null" as the origin of every non-special scheme.
    expect(new URL('app://stackscope/index.html').origin).toBe('null');
    expect(isAppUrl('app://stackscope/index.html#/cases/3')).toBe(true);
    expect(isAppUrl('app://stackscope.evil/')).toBe(false);
    expect(isAppUrl('app://evil/?app://stackscope/')).toBe(false);
    expect(isAppUrl('app://evil/#app://stackscope/')).toBe(false);
  });
});

/** Web contents as the lock-down sees them: events, a window-open handler, a session. */
class FakeContents extends EventEmitter implements LockableContents {
  windowOpen: (() => { action: 'deny' }) | undefined;
  permissionRequest: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheck: (() => boolean) | undefined;
  readonly session = {
    setPermissionRequestHandler: (h: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void) => {
      this.permissionRequest = h;
    },
    setPermissionCheckHandler: (h: () => boolean) => {
      this.permissionCheck = h;
    },
  };
  setWindowOpenHandler(h: () => { action: 'deny' }): void {
    this.windowOpen = h;
  }

  /** Emits a navigation-like event and says whether some guard prevented it. */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): 'blocked' | 'allowed' {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented ? 'blocked' : 'allowed';
  }
}

describe('lockDown (item 5: every web contents, the main window and any created later)', () => {
  it('lets the app move between its own pages and blocks navigation and redirects anywhere else', () => {
    const c = new FakeContents();
    lockDown(c);
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
      expect(c.attempt(event, 'app://stackscope/index.html#/cases/3'), event).toBe('allowed');
      for (const url of ['https://evil.example/', 'app://stackscope.evil/', 'app://user@stackscope/', 'file:///etc/passwd', 'app://other/', 'not a url']) {
        expect(c.attempt(event, url), `${event} ${url}`).toBe('blocked');
      }
    }
  });

  it('denies new windows, webview attachment and every permission', () => {
    const c = new FakeContents();
    lockDown(c);
    expect(c.windowOpen?.()).toEqual({ action: 'deny' });
    let prevented = false;
    c.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, { src: 'https://evil.example/' });
    expect(prevented).toBe(true);
    const answers: boolean[] = [];
    c.permissionRequest?.(c, 'media', (granted) => answers.push(granted));
    c.permissionRequest?.(c, 'openExternal', (granted) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(c.permissionCheck?.()).toBe(false);
  });

  it("applies the same lock-down to contents created after start (app 'web-contents-created')", () => {
    const app = new EventEmitter();
    guardEveryContents(app);
    // e.g. the hidden window that prints a PDF, a devtools window, anything a later feature adds
    const later = new FakeContents();
    app.emit('web-contents-created', {}, later);
    expect(later.attempt('will-navigate', 'https://evil.example/')).toBe('blocked');
    expect(later.attempt('will-redirect', 'http://169.254.169.254/latest/meta-data/')).toBe('blocked');
    expect(later.windowOpen?.()).toEqual({ action: 'deny' });
    expect(later.permissionCheck?.()).toBe(false);
  });

  it("leaves a programmatic load alone: the PDF printer's loadURL of its own temp file emits no will-navigate", () => {
    // Electron emits will-navigate/will-frame-navigate only for navigations the page starts
    // (links, window.location), never for webContents.loadURL; the print session's webRequest
    // filter (print-pdf.ts) is what limits that window to its own file. So the guard cannot block
    // the printer, and blocks the report page if it tries to go anywhere, including its own file.
    const printer = new FakeContents();
    lockDown(printer);
    expect(printer.attempt('will-navigate', 'file:///tmp/stackscope-print-abc/report.html')).toBe('blocked');
    expect(printer.attempt('will-redirect', 'https://evil.example/')).toBe('blocked');
  });
});
