// The desktop shell: one hardened window, the renderer served from app://, and the contract over
// IPC. Everything else is the core, shared with browser mode and the CLI.
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage } from 'electron';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core/core.js';
import { resolveDataDir } from '../core/paths.js';
import { APP_ORIGIN, CSP, guardEveryContents, isTrustedSender } from './security.js';
import { desktopSecretStore } from './keychain.js';
import { electronPdf } from './print-pdf.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
// Before any window exists: every web contents (this window, the PDF printer's, any added later)
// is locked down the moment it is created.
guardEveryContents(app);

let core: Core | undefined;
let mainWindow: BrowserWindow | null = null;

function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'stackscope') return new Response('not found', { status: 404 });
    const file = normalize(join(rendererRoot, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererRoot + sep)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow(): BrowserWindow {
  // Auxclick stays on (AUXCLICK_JS_CHECK): xterm.js uses it for middle-click paste on Linux, and a
  // middle-click cannot open a window anyway: lockDown's window-open handler denies every one.
  const win = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
    width: 1400,
    height: 900,
    title: 'Stackscope',
    webPreferences: {
      // Reviewed (PRELOAD_JS_CHECK): sandboxed; exposes one function per allow-listed contract
      // method and allow-listed events, never ipcRenderer itself (main/preload/preload.ts).
      preload: join(here, '..', 'preload', 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    },
  });
  // `npm run demo` opens the lab's case: only a case number is taken from the environment.
  const openCase = /^\d+$/.test(process.env.STACKSCOPE_OPEN_CASE ?? '') ? `#/cases/${process.env.STACKSCOPE_OPEN_CASE}` : '';
  void win.loadURL(`${APP_ORIGIN}/index.html${openCase}`);
  return win;
}

app.whenReady().then(() => {
  const dataDir = resolveDataDir(process.env.STACKSCOPE_HOME);
  const notice = (line: string): void => void process.stderr.write(`stackscope: ${line}\n`);
  const { secrets, keychainUnavailable } = desktopSecretStore(dataDir, safeStorage, process.platform, notice);
  core = createCore({ dataDir, mode: 'desktop', secrets, keychainUnavailable, printPdf: electronPdf });
  serveRenderer();
  mainWindow = createWindow();

  ipcMain.handle('stackscope:call', async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, mainWindow?.webContents ?? null)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'IPC call from an untrusted frame was refused' } };
    }
    return core?.dispatch(method, input) ?? { ok: false, error: { code: 'UNAVAILABLE', message: 'Stackscope is shutting down' } };
  });
  core.events.subscribe((name, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send('stackscope:event', name, payload);
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}, (err: unknown) => {
  console.error(`stackscope: cannot start: ${err instanceof Error ? err.message : String(err)}`);
  app.exit(1);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  // Let running steps record how they ended before the case log closes.
  event.preventDefault();
  quitting = true;
  void core.close().finally(() => app.quit());
});
