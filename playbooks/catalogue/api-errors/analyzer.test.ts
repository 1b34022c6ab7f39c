import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { backendOf, hourStart, parseHaproxyLog } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const edit = (input: AnalyzerInput, f: (s: string, node: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout, o.node) })) });

describe('api-errors', () => {
  it('503s with no server: the last 6 min ago is critical, 6 of them earlier in the day a warning, 12 % of 500s in an hour a warning; the rest ok', () => {
    const input = load('public-nosrv-and-500s');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([
      ['api.no-server', 'warning', 'glance_api: no server was available in the last 24 h (last at 2026-12-05T03:12Z, 6 request(s) answered 503)'],
      ['api.no-server', 'critical', 'neutron_server: no server available, 17 request(s) answered 503 in 24 h, the last 6 min ago'],
      ['api.5xx', 'warning', 'nova_api: 12 % of requests answered 5xx in the hour from 2026-12-05T11:00Z (36 of 300)'],
      ['api.5xx', 'ok', 'No missing servers or 5xx spikes behind HAProxy in 24 h (1 backends)'],
    ]);
    const [, neutron, nova, ok] = fs;
    expect(neutron?.evidence[0]?.lines.slice(0, 2)).toEqual(['hour neutron_server 05/Dec/2026:12 47 17 17', 'alert 2026-12-05T12:09:00.000+00:00 ctl-1 haproxy[2311]: backend neutron_server has no server available!']);
    expect(neutron?.nextStep).toContain('haproxy-backends');
    // The server errors quote the 500 lines (which server answered), not 503s without a server.
    expect(nova?.evidence[0]?.lines.slice(1).every((l) => / nova_api\/ctl-2 .* 500 /.test(l))).toBe(true);
    expect(nova?.explanation).toContain('Over 24 h: 36 of 1233 (2.9 %). In the last hour: 36 of 313 (11.5 %).');
    expect(ok?.explanation).toContain('keystone_internal (979, 5xx 0)');
    verbatim(input, fs);
  });

  it('fewer than 5 requests without a server (a restart, HAProxy up before its backends) are info; 5 or more no longer recent a warning', () => {
    const blip = edit(load('public-nosrv-and-500s'), (s) => s.replace('hour glance_api 05/Dec/2026:03 6 6 6', 'hour glance_api 05/Dec/2026:03 3 3 3'));
    const g = analyze(blip).find((f) => f.title.startsWith('glance_api'));
    expect([g?.severity, g?.title, g?.nextStep]).toEqual(['info', 'glance_api: 3 request(s) found no server in 24 h (last at 2026-12-05T03:12Z)', '']);
    const later = edit(load('public-nosrv-and-500s'), (s) => s.replace(/^== now: (\d+)/m, (_x, n: string) => `== now: ${Number(n) + 1200}`));
    expect(analyze(later).find((f) => f.title.startsWith('neutron_server'))?.severity).toBe('warning');
  });

  it('a few 5xx (fewer than 5, or 5 % or less of the hour) are not a warning', () => {
    const input = edit(load('public-nosrv-and-500s'), (s) => s.replace('hour nova_api 05/Dec/2026:11 300 36 0', 'hour nova_api 05/Dec/2026:11 300 4 0'));
    expect(analyze(input).filter((f) => f.check === 'api.5xx' && f.severity === 'warning')).toEqual([]);
    const five = edit(load('public-nosrv-and-500s'), (s) => s.replace('hour nova_api 05/Dec/2026:11 300 36 0', 'hour nova_api 05/Dec/2026:11 300 15 0'));
    expect(analyze(five).filter((f) => f.check === 'api.5xx' && f.severity === 'warning')).toEqual([]);
  });

  it('hours older than 24 h by the node’s clock do not count', () => {
    // The same log read two days later: nothing in the window, no finding but the counts.
    const later = edit(load('public-nosrv-and-500s'), (s) => s.replace(/^== now: (\d+)/m, (_x, n: string) => `== now: ${Number(n) + 2 * 86400}`));
    const fs = analyze(later);
    expect(fs.filter((f) => f.severity !== 'ok' && f.severity !== 'info')).toEqual([]);
  });

  it('no HAProxy on any controller: info, never ok; HAProxy without a readable log: could not check', () => {
    const none = edit(load('public-nosrv-and-500s'), () => '== now: 1796473200 +0000\n== source: none (no haproxy on this node)\n');
    const fs = analyze(none);
    expect(fs.map((f) => [f.check, f.severity, f.status])).toEqual([['api.haproxy-log', 'info', 'INFO']]);
    verbatim(none, fs);
    const lost = edit(load('public-nosrv-and-500s'), (s, node) => (node === 'ctl-2' ? '== now: 1796473200 +0000\n== source: none (haproxy pid 2290 runs here, but no log file or journal was found)\n' : s));
    const f2 = analyze(lost);
    expect(f2.filter((f) => f.status === 'SKIPPED').map((f) => f.title)).toEqual(['Could not read the HAProxy log on ctl-2']);
    verbatim(lost, f2);
  });

  it('the full practice lab, healthy: one start-up request without a server is info; quiet otherwise', () => {
    const input = load('lab-full-healthy');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([
      ['api.no-server', 'info', 'keystone_internal: 1 request(s) found no server in 24 h (last at 2026-12-05T13:16Z)'],
      ['api.5xx', 'ok', 'No missing servers or 5xx spikes behind HAProxy in 24 h (4 backends)'],
    ]);
    expect(fs[1]?.evidence[0]?.lines[0]).toMatch(/^== source: \/tmp\/stackscope-lab-\w+\/controller-1\/log\/haproxy\.log \(open by haproxy pid \d+\)$/);
    verbatim(input, fs);
  });

  it('the full lab with Galera quorum lost: Keystone’s 502s are 20 % of the hour, a warning quoting the servers that answered', () => {
    const input = load('lab-full-galera-quorum-lost');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity])).toEqual([
      ['api.no-server', 'info'],
      ['api.5xx', 'warning'],
      ['api.5xx', 'ok'],
    ]);
    expect(fs[1]?.title).toBe('keystone_internal: 20 % of requests answered 5xx in the hour from 2026-12-05T13:00Z (12 of 60)');
    expect(fs[1]?.evidence[0]?.lines.slice(1).map((l) => / keystone_internal\/(controller-\d) .* 502 /.exec(l)?.[1])).toEqual(['controller-3', 'controller-1', 'controller-2']);
    verbatim(input, fs);
  });

  it('the light practice lab: no HAProxy in the controllers’ namespaces is info, not ok and not could-not-check', () => {
    const input = load('lab-light-no-haproxy');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([['api.haproxy-log', 'info', 'No HAProxy on the controllers: API errors not counted here']]);
    expect(fs[0]?.explanation).toContain('controller-1, controller-2, controller-3');
    verbatim(input, fs);
  });

  it('reads the accept hour in the node’s offset and the backend of a request line', () => {
    expect(hourStart('05/Dec/2026:12', 9 * 3600)).toBe(Date.parse('2026-12-05T03:00:00Z') / 1000);
    expect(backendOf('x [05/Dec/2026:12:00:01.000] nova_api nova_api/<NOSRV> 0/-1/-1/-1/0 503 216')).toBe('nova_api');
    const log = parseHaproxyLog('== now: 100 -0130\n== source: /var/log/haproxy.log\n== read: 0 requests, first hour: -\n');
    expect([log.offset, log.read, log.hours]).toEqual([-5400, 0, []]);
  });
});
