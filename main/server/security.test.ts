import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/core.js';
import { tempDir } from '../core/testing/fixtures.js';
import { startBrowserServer, type BrowserServer } from './server.js';
import { ContractClient, getIndex, rawRequest, resetAfterWriting, spawnServe, type ServeProcess } from './testing/attack.js';

// Issue 12, items 1-3: no request and no frame may take browser mode down. The reproductions run
// against the real `stackscope serve` process, so "still alive" is a fact about a process.

const root = join(import.meta.dirname, '..', '..');
let tmp: ReturnType<typeof tempDir>;
let serve: ServeProcess | null = null;

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  tmp = tempDir();
});

afterEach(async () => {
  await serve?.stop();
  serve = null;
});

afterAll(() => tmp.remove());

let runs = 0;
async function startServe(): Promise<ServeProcess> {
  serve = await spawnServe(join(tmp.path, `data-${++runs}`));
  return serve;
}

/** The process lives, still serves the page and still answers an authenticated call. */
async function expectStillServing(s: ServeProcess): Promise<void> {
  expect(s.alive(), s.stderr()).toBe(true);
  expect(await getIndex(s.port)).toBe(200);
  const client = await ContractClient.open(s.port, s.token);
  expect(await client.call('clusters.list', {})).toEqual({ type: 'result', id: 1, ok: true, value: [] });
  client.ws.close();
}

const upgradeHeaders = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';

describe('browser mode survives hostile requests (stackscope serve)', () => {
  it('answers a malformed percent-encoding in the path with 400 and a log line (item 1)', async () => {
    const s = await startServe();
    const host = `Host: 127.0.0.1:${s.port}\r\n`;
    // What `curl --path-as-is http://127.0.0.1:PORT/%E0%A4%A` sends, and what <img src=".../%"> fetches.
    const curl = await rawRequest(s.port, `GET /%E0%A4%A HTTP/1.1\r\n${host}User-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n`);
    expect(curl.status, curl.error ?? curl.text).toBe(400);
    const img = await rawRequest(s.port, `GET /% HTTP/1.1\r\n${host}Accept: image/avif,image/webp,*/*\r\nSec-Fetch-Dest: image\r\n\r\n`);
    expect(img.status, img.error ?? img.text).toBe(400);
    await s.logged(/\[serve\] 400 for GET "\/%E0%A4%A" from 127\.0\.0\.1: malformed URL/);
    // The launch token travels in the query: a malformed request carrying it must not put it in the log.
    expect((await rawRequest(s.port, `GET /%E0?token=${s.token} HTTP/1.1\r\n${host}\r\n`)).status).toBe(400);
    await s.logged(/400 for GET "\/%E0" from/);
    expect(s.stderr()).not.toContain(s.token);
    await expectStillServing(s);
  });

  it('answers an unparsable request target with 400 (item 2, plain request)', async () => {
    const s = await startServe();
    const reply = await rawRequest(s.port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n\r\n`);
    expect(reply.status, reply.error ?? reply.text).toBe(400);
    await s.logged(/400 for GET "http:\/\/\[" from 127\.0\.0\.1: malformed URL/);
    await expectStillServing(s);
  });

  it('answers an unparsable WebSocket upgrade target with 400 (item 2, upgrade)', async () => {
    const s = await startServe();
    const reply = await rawRequest(s.port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nOrigin: http://127.0.0.1:${s.port}\r\n${upgradeHeaders}\r\n`);
    expect(reply.status, reply.error ?? reply.text).toBe(400);
    await s.logged(/refused WebSocket from 127\.0\.0\.1: Bad Request: malformed URL "http:\/\/\["/);
    await expectStillServing(s);
  });

  it('survives clients that reset the connection while their upgrade is refused (item 2, socket errors on upgrade)', async () => {
    const s = await startServe();
    const request = `GET /ws?token=wrong HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nOrigin: http://127.0.0.1:${s.port}\r\n${upgradeHeaders}\r\n`;
    for (let i = 0; i < 100; i++) await resetAfterWriting(s.port, request);
    await expectStillServing(s);
  });

  it('closes a WebSocket that sends invalid UTF-8 with 1007 and keeps serving the others (item 3)', async () => {
    const s = await startServe();
    const bystander = await ContractClient.open(s.port, s.token);
    const attacker = await ContractClient.open(s.port, s.token);
    attacker.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect((await attacker.closedWithin()).code).toBe(1007);
    await s.logged(/closed WebSocket from 127\.0\.0\.1: .*invalid UTF-8.*WS_ERR_INVALID_UTF8/i);
    expect(await bystander.call('cases.list', {})).toEqual({ type: 'result', id: 1, ok: true, value: [] });
    expect(bystander.closedWith).toBeNull();
    await expectStillServing(s);
    bystander.ws.close();
  });

  it('closes a WebSocket that sends a frame over the size limit with 1009 (item 3, an 8 MB paste)', async () => {
    const s = await startServe();
    const bystander = await ContractClient.open(s.port, s.token);
    const attacker = await ContractClient.open(s.port, s.token);
    const paste = 'x'.repeat(9 * 1024 * 1024);
    attacker.ws.send(JSON.stringify({ type: 'call', id: 1, method: 'terminal.input', input: { sessionId: 1, data: paste } }));
    expect((await attacker.closedWithin()).code).toBe(1009);
    await s.logged(/closed WebSocket from 127\.0\.0\.1: .*WS_ERR_UNSUPPORTED_MESSAGE_LENGTH/);
    expect(await bystander.call('cases.list', {})).toMatchObject({ ok: true });
    await expectStillServing(s);
    bystander.ws.close();
  });
});

describe('browser mode survives its own failures (in process, real core)', () => {
  let core: Core;
  let server: BrowserServer;
  const logged: string[] = [];

  beforeAll(async () => {
    const web = join(tmp.path, 'web');
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title>');
    core = createCore({ dataDir: join(tmp.path, 'inproc'), mode: 'browser' });
    // A core whose dispatch breaks its promise never to reject, for one method: a bug the server must survive.
    const faulty: Core = Object.create(core) as Core;
    Object.defineProperty(faulty, 'dispatch', {
      value: (method: unknown, input: unknown) => (method === 'app.info' ? Promise.reject(new Error('dispatch bug')) : core.dispatch(method, input)),
    });
    server = await startBrowserServer({ core: faulty, staticDir: web, log: (l) => logged.push(l) });
  });

  afterAll(async () => {
    await server.close();
    await core.close();
  });

  it('answers INTERNAL when a result cannot be sent or the dispatcher rejects, and the socket stays usable', async () => {
    // A value JSON cannot carry (better-sqlite3 hands out BigInt for large integers).
    (core.handlers as unknown as Record<string, () => unknown>)['home.overview'] = () => ({ count: 1n });
    const client = await ContractClient.open(server.port, server.token);
    expect(await client.call('home.overview', {})).toMatchObject({ type: 'result', id: 1, ok: false, error: { code: 'INTERNAL' } });
    expect(await client.call('app.info', {})).toMatchObject({ type: 'result', id: 2, ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('dispatch bug') } });
    expect(await client.call('clusters.list', {})).toEqual({ type: 'result', id: 3, ok: true, value: [] });
    expect(logged.join('\n')).toMatch(/"home\.overview" #1: the result could not be sent: .*BigInt/);
    expect(logged.join('\n')).toMatch(/"app\.info" #2: the core's dispatcher failed: dispatch bug/);
    client.ws.close();
  });

  it('survives a client that hangs up with calls in flight and events being broadcast', async () => {
    const client = await ContractClient.open(server.port, server.token);
    for (let i = 0; i < 20; i++) client.ws.send(JSON.stringify({ type: 'call', id: i + 1, method: 'cases.create', input: { title: `in flight ${i}` } }));
    client.ws.terminate();
    await client.closed;
    const other = await ContractClient.open(server.port, server.token);
    expect(await other.call('cases.create', { title: 'after' })).toMatchObject({ ok: true });
    other.ws.close();
  });
});
