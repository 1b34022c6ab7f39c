import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../core/core.js';
import { tempDir } from '../core/testing/fixtures.js';
import { startBrowserServer, type BrowserServer } from './server.js';

let core: Core;
let server: BrowserServer;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  tmp = tempDir();
  const web = join(tmp.path, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title>');
  core = createCore({ dataDir: join(tmp.path, 'data'), mode: 'browser' });
  server = await startBrowserServer({ core, staticDir: web });
});

afterAll(async () => {
  await server.close();
  await core.close();
  tmp.remove();
});

/** Try a WebSocket handshake; resolves with 'open' or the HTTP status the server refused with. */
function handshake(token: string, origin: string, host?: string): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(token)}`, { origin, headers: host ? { host } : {} });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('browser-mode server', () => {
  const origin = (): string => `http://127.0.0.1:${server.port}`;

  it('binds to 127.0.0.1 and prints a tokenised URL', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('accepts the launch token from its own origin only', async () => {
    expect(await handshake(server.token, origin())).toBe('open');
    expect(await handshake('wrong-token', origin())).toBe(401);
    expect(await handshake(server.token, 'http://evil.example')).toBe(403);
    expect(await handshake(server.token, origin(), `rebind.example:${server.port}`)).toBe(403);
  });

  it('serves pages with a strict CSP and refuses foreign Host headers', async () => {
    const ok = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(ok.status).toBe(200);
    const csp = ok.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('carries calls and errors as {code, message}', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { origin: origin() });
    await new Promise((r) => ws.on('open', r));
    const reply = (id: number): Promise<unknown> =>
      new Promise((resolve) => ws.on('message', (m) => {
        const f = JSON.parse(String(m)) as { id?: number };
        if (f.id === id) resolve(f);
      }));
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'cases.get', input: { caseId: 999 } }));
    expect(await reply(1)).toEqual({ type: 'result', id: 1, ok: false, error: { code: 'NOT_FOUND', message: 'case 999 does not exist', detail: { caseId: 999 } } });
    ws.send(JSON.stringify({ type: 'call', id: 2, method: 'clusters.list', input: {} }));
    expect(await reply(2)).toEqual({ type: 'result', id: 2, ok: true, value: [] });
    ws.close();
  });
});
