import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/fixtures.js';

// Issue 12, item 5: `npm run check:electron` (in `npm test`) is the gate that keeps the shell's
// hardening from eroding. A gate that cannot fail is no gate: run it on small apps that break the
// rules and on one that keeps them, and check what it says and how it exits.

const root = join(import.meta.dirname, '..', '..');
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

let apps = 0;
function check(files: Record<string, string>): { status: number | null; out: string } {
  const dir = join(tmp.path, `app-${++apps}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'check-electron.mjs'), dir], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// A page with a CSP and a main process with navigation and permission handlers, so the global
// checks are satisfied and only the windows below decide.
const page = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"></head></html>\n`;
const main = (windows: string): string => `const { BrowserWindow, session } = require('electron');
session.defaultSession.setPermissionRequestHandler((_wc, _p, callback) => callback(false));
function guard(contents) { contents.on('will-navigate', (e) => e.preventDefault()); contents.setWindowOpenHandler(() => ({ action: 'deny' })); }
${windows}
`;

describe('npm run check:electron', () => {
  it('fails on a HIGH, on a non-negotiable MEDIUM even with a comment, and on an unexplained MEDIUM', () => {
    const { status, out } = check({
      'index.html': page,
      'main.js': main(`function isolationOff() {
  return new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true, disableBlinkFeatures: 'Auxclick' } });
}
function sandboxOff() {
  return new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: false, disableBlinkFeatures: 'Auxclick' } }); // eng-disable SANDBOX_JS_CHECK trust me
}
function middleClick() {
  return new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true } });
}`),
    });
    expect(status, out).toBe(1);
    expect(out).toMatch(/FIX +HIGH +CONTEXT_ISOLATION_JS_CHECK +\S*main\.js:5\n/);
    expect(out).toMatch(/FIX +MEDIUM +SANDBOX_JS_CHECK +\S*main\.js:8\n/);
    expect(out).toMatch(/FIX +MEDIUM +AUXCLICK_JS_CHECK +\S*main\.js:11\n/);
    expect(out).toMatch(/check:electron: FAILED: 1 high, 2 unexplained medium, 0 file\(s\) not read\./);
  });

  it('passes a hardened app whose remaining MEDIUM is explained on the line it flags', () => {
    const { status, out } = check({
      'index.html': page,
      'main.js': main(`function open() {
  return new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } }); // eng-disable AUXCLICK_JS_CHECK needed for paste
}`),
    });
    expect(status, out).toBe(0);
    expect(out).toMatch(/explained +MEDIUM +AUXCLICK_JS_CHECK +\S*main\.js:5\n/);
    expect(out).toMatch(/check:electron: ok: 0 high, 1 medium/);
  });
});
