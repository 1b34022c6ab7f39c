import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseEndpoints } from './parse.js';

/**
 * endpoints.sh itself, run with sh and the real curl: `openstack` is a stand-in printing an endpoint
 * list as python-openstackclient's `-f value` does; one endpoint is a real HTTP server here, one a
 * closed port, one disabled, one a URL template.
 */
const script = join(import.meta.dirname, 'endpoints.sh');
const withTools = standIns('endpoints-sh-');
let server: Server;
/** A server whose first answer comes after 7 s (past the first 5 s limit) and the next at once, and one that never answers. */
let slow: Server;
let stalled: Server;
let slowAsked = 0;

/** The script run without blocking this process (the HTTP server above answers from it). */
function run(env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn('sh', [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
let port = 0;
const paths: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(req.url === '/' ? 300 : 401).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  slow = createServer((_req, res) => {
    slowAsked += 1;
    if (slowAsked === 1) setTimeout(() => res.writeHead(200).end(), 7000);
    else res.writeHead(200).end();
  });
  stalled = createServer(() => {
    // Accepts and reads the request, never answers.
  });
  for (const s of [slow, stalled]) await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const s of [server, slow, stalled]) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

describe('endpoints.sh', () => {
  it('asks every enabled endpoint once, a template at its root, and reports answers, refusals and disabled ones', async () => {
    const list = [
      `a1 RegionOne keystone identity True public http://127.0.0.1:${port}`,
      `b2 RegionOne cinderv3 volumev3 True internal http://127.0.0.1:${port}/v3/%(tenant_id)s`,
      'c3 RegionOne nova compute True internal http://127.0.0.1:1/v2.1',
      'd4 RegionOne heat-cfn cloudformation False public http://127.0.0.1:1/v1',
    ];
    const bin = withTools({ openstack: `printf '%s\\n' ${list.map((l) => `'${l}'`).join(' ')}` });
    const r = await run({ PATH: `${bin}:/usr/bin:/bin`, OS_CLOUD: 'admin' });
    expect(r.status, r.stderr).toBe(0);
    const cat = parseEndpoints(r.stdout);
    expect(cat.listed).toBe(4);
    expect(cat.endpoints.map((e) => [e.type, e.iface, e.disabled ? 'disabled' : e.code])).toEqual([
      ['identity', 'public', '300'],
      ['volumev3', 'internal', '401'],
      ['compute', 'internal', '000'],
      ['cloudformation', 'public', 'disabled'],
    ]);
    expect(cat.endpoints[2]?.error).toMatch(/^curl: \(7\) Failed to connect to 127\.0\.0\.1 port 1/);
    expect(paths.sort()).toEqual(['/', '/v3/']);
  });

  it('asks an endpoint that gave no answer in 5 s once more with 15 s: a slow one answers then, a stalled one is still 000 with the second error', async () => {
    const p = (x: Server): number => (x.address() as AddressInfo).port;
    const list = [`a1 RegionOne nova compute True internal http://127.0.0.1:${p(slow)}/v2.1`, `b2 RegionOne neutron network True internal http://127.0.0.1:${p(stalled)}`];
    const bin = withTools({ openstack: `printf '%s\\n' ${list.map((l) => `'${l}'`).join(' ')}` });
    const r = await run({ PATH: `${bin}:/usr/bin:/bin`, OS_CLOUD: 'admin' });
    expect(r.status, r.stderr).toBe(0);
    const [late, dead] = parseEndpoints(r.stdout).endpoints;
    expect([late?.code, late?.curlExit, late?.again?.code]).toEqual(['000', 28, '200']);
    expect(late?.again?.seconds).toBeLessThan(5);
    expect([dead?.code, dead?.curlExit, dead?.again?.code]).toEqual(['000', 28, '000']);
    expect(dead?.error).toMatch(/^curl: \(28\) Operation timed out after 15\d{3} milliseconds with 0 bytes received/);
    expect(slowAsked).toBe(2);
  }, 40_000);

  it('says there is no catalog when the credentials are a token pinned to one endpoint', async () => {
    const bin = withTools({ openstack: 'echo should not run >&2; exit 9' });
    const r = await run({ PATH: `${bin}:/usr/bin:/bin`, OS_AUTH_TYPE: 'admin_token', OS_TOKEN: 'admin', OS_ENDPOINT: 'http://198.18.1.11:8778' });
    expect(r.stdout).toBe('== no-catalog admin_token http://198.18.1.11:8778\n');
  });

  it('a failing client is "list failed" with its error on stderr', async () => {
    const bin = withTools({ openstack: "echo 'Missing value auth-url required for auth plugin password' >&2; exit 1" });
    const r = await run({ PATH: `${bin}:/usr/bin:/bin`, OS_CLOUD: 'admin' });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('== list failed\n');
    expect(r.stderr).toBe('Missing value auth-url required for auth plugin password\n');
  });
});
