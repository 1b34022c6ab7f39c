import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHaproxyLog } from './parse.js';

/**
 * haproxy-log.sh's counting, run with sh on real HAProxy httplog lines (the awk program as the
 * script defines it), and the script itself on this machine, whose own network namespace has no
 * HAProxy (the practice labs' HAProxies live in their nodes' namespaces).
 */
const script = join(import.meta.dirname, 'haproxy-log.sh');
const countFn = /^count\(\) \{[\s\S]*?^\}$/m.exec(readFileSync(script, 'utf8'))?.[0] ?? '';

const lines = [
  '2026-12-05T11:59:58.001+00:00 ctl-1 haproxy[100]: 10.0.0.1:4000 [05/Dec/2026:11:59:58.000] keystone_internal keystone_internal/ctl-2 0/0/1/20/21 200 512 - - ---- 3/3/0/0/0 0/0 "GET /v3 HTTP/1.1"',
  '2026-12-05T12:00:01.001+00:00 ctl-1 haproxy[100]: 10.0.0.1:4001 [05/Dec/2026:12:00:01.000] nova_api nova_api/<NOSRV> 0/-1/-1/-1/0 503 216 - - SC-- 1/1/0/0/0 0/0 "GET /v2.1/servers HTTP/1.1"',
  '2026-12-05T12:00:02.001+00:00 ctl-1 haproxy[100]: backend nova_api has no server available!',
  '2026-12-05T12:00:02.500+00:00 ctl-1 haproxy[100]: Server nova_api/ctl-1 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms.',
  '2026-12-05T12:00:04.001+00:00 ctl-1 haproxy[100]: 10.0.0.1:4003 [05/Dec/2026:12:00:04.000] nova_api_external~ nova_api/ctl-1 0/0/0/5/5 500 300 - - ---- 1/1/0/0/0 0/0 "GET /v2.1/servers HTTP/1.1"',
  '2026-12-05T12:00:05.001+00:00 ctl-1 haproxy[100]: 10.0.0.1:4004 [05/Dec/2026:12:00:05.000] nova_api nova_api/ctl-1 0/0/0/5/5 200 300 - - ---- 1/1/0/0/0 0/0 "GET /v2.1/flavors HTTP/1.1"',
  'Dec  5 12:00:06 ctl-1 haproxy[100]: 10.0.0.1:4005 [05/Dec/2026:12:00:06.000] placement_api placement_api/ctl-3 0/0/0/5/5 504 300 - - sH-- 1/1/0/0/0 0/0 "GET /resource_providers HTTP/1.1"',
];

describe('haproxy-log.sh', () => {
  it('counts requests, 5xx and 503s without a server per backend and hour, and keeps the examples and alerts verbatim', () => {
    const r = spawnSync('sh', ['-c', `${countFn}\ncount`], { input: lines.join('\n') + '\n', encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('== read: 5 requests, first hour: 05/Dec/2026:11');
    expect(out.filter((l) => l.startsWith('hour '))).toEqual(['hour keystone_internal 05/Dec/2026:11 1 0 0', 'hour nova_api 05/Dec/2026:12 3 2 1', 'hour placement_api 05/Dec/2026:12 1 1 0']);
    expect(out).toContain(`nosrv ${lines[1]}`);
    expect(out).toContain(`alert ${lines[2]}`);
    expect(out).toContain(`example ${lines[4]}`);
    const log = parseHaproxyLog(['== now: 1796472000 +0000', '== source: x', ...out].join('\n'));
    expect(log.examples.get('nova_api')).toHaveLength(2);
    expect(log.hours.map((h) => h.backend)).toEqual(['keystone_internal', 'nova_api', 'placement_api']);
  });

  it('says there is no HAProxy where none runs in this network namespace and no log file exists', () => {
    const r = spawnSync('sh', [script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const log = parseHaproxyLog(r.stdout);
    expect(log.now).toBeGreaterThan(0);
    expect(log.absent || log.readLine !== null).toBe(true);
  });
});
