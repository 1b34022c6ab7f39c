import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { bindAddress, parseAddresses, parseHaproxy } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const run = (scenario: string): Finding[] => analyze(loadFixture(join(dir, scenario)));
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (scenario: string, fs: Finding[]): void => expect(evidenceNotInOutput(loadFixture(join(dir, scenario)), fs), scenario).toEqual([]);
const edit = (input: AnalyzerInput, node: string, step: string, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.node === node && o.step === step ? { ...o, stdout: f(o.stdout) } : o)) });

describe('haproxy-backends', () => {
  it('the light lab (no HAProxy, no keepalived): "no HAProxy here" as an info fact naming the controllers', () => {
    const fs = run('lab-light-no-haproxy');
    expect(sev(fs)).toEqual([['haproxy.not-here', 'info']]);
    expect(fs[0]?.status).toBe('INFO');
    expect(fs[0]?.explanation).toContain('controller-1, controller-2, controller-3');
    expect(fs[0]?.evidence[0]?.lines).toEqual(['stackscope: no haproxy on this node']);
    verbatim('lab-light-no-haproxy', fs);
  });

  it('the full Kolla lab, haproxy-backend-down: a warning naming controller-2 and both keystone proxies; split brain: critical naming both controllers', () => {
    const down = run('lab-kolla-backend-down');
    expect(sev(down)).toEqual([
      ['haproxy.server-down', 'warning'],
      ['haproxy.vip', 'ok'],
    ]);
    expect(down[0]?.title).toBe('HAProxy: server controller-2 is DOWN in keystone_internal, keystone_external');
    expect(down[1]?.title).toBe('VIP 198.18.2.10, 198.18.2.9 is on controller-1 only');
    verbatim('lab-kolla-backend-down', down);
    const split = run('lab-kolla-split-brain');
    expect(sev(split)).toEqual([
      ['haproxy.backends', 'ok'],
      ['haproxy.vip-split-brain', 'critical'],
    ]);
    expect(split[1]?.title).toBe('VIP split brain: 198.18.2.10, 198.18.2.9 is on controller-1, controller-2');
    verbatim('lab-kolla-split-brain', split);
  });

  it('a backend with no server up is critical; one server down in another is a warning; the VIP on one controller is ok', () => {
    const fs = run('public-kolla-backend-down');
    expect(sev(fs)).toEqual([
      ['haproxy.backend-down', 'critical'],
      ['haproxy.server-down', 'warning'],
      ['haproxy.vip', 'ok'],
    ]);
    expect(fs[0]?.title).toBe('HAProxy backend glance_api has no server up');
    expect(fs[0]?.explanation).toContain('The last health check says L4CON: Connection refused.');
    expect(fs[0]?.evidence[0]?.lines).toHaveLength(3);
    expect(fs[1]?.title).toBe('HAProxy: server ctl-2 is DOWN in nova_api');
    expect(fs[1]?.evidence[0]?.lines[0]).toMatch(/^nova_api,ctl-2,.*,DOWN,/);
    expect(fs[2]?.title).toBe('VIP 10.0.0.250 is on ctl-1 only');
    verbatim('public-kolla-backend-down', fs);
  });

  it('the VIP on two controllers is a critical split brain naming both, quoting their addresses', () => {
    const fs = run('public-kolla-split-brain');
    expect(sev(fs)).toEqual([
      ['haproxy.backends', 'ok'],
      ['haproxy.vip-split-brain', 'critical'],
    ]);
    expect(fs[1]?.title).toBe('VIP split brain: 10.0.0.250 is on ctl-1, ctl-2');
    expect(fs[1]?.evidence.map((e) => e.node)).toEqual(['ctl-1', 'ctl-2']);
    verbatim('public-kolla-split-brain', fs);
  });

  it('the VIP on no controller is critical; with a controller whose addresses were not read it is not claimed', () => {
    const input = loadFixture(join(dir, 'public-kolla-split-brain'));
    const gone = ['ctl-1', 'ctl-2'].reduce((i, n) => edit(i, n, 'addresses', (s) => s.replace('10.0.0.250/32 ', '')), input);
    expect(sev(analyze(gone))).toEqual([
      ['haproxy.backends', 'ok'],
      ['haproxy.vip-missing', 'critical'],
    ]);
    const unread = { ...gone, outputs: gone.outputs.map((o) => (o.node === 'ctl-3' && o.step === 'addresses' ? { ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' } : o)) };
    const fs = analyze(unread);
    expect(sev(fs)).toEqual([
      ['haproxy.backends', 'ok'],
      ['haproxy.vip', 'info'],
    ]);
    expect(fs[1]?.status).toBe('SKIPPED');
  });

  it('without keepalived the VIP is the address every HAProxy binds (not a controller\'s own stats address)', () => {
    const input = loadFixture(join(dir, 'public-kolla-backend-down'));
    const noKeepalived = ['ctl-1', 'ctl-2', 'ctl-3'].reduce((i, n) => edit(i, n, 'haproxy', (s) => s.replace(/^keepalived[\s\S]*?(?=^haproxy pid)/m, '')), input);
    const fs = analyze(noKeepalived);
    expect(fs.at(-1)?.title).toBe('VIP 10.0.0.250 is on ctl-1 only');
    expect(fs.at(-1)?.explanation).toContain('every HAProxy binds');
  });

  it('HAProxy configured but not running on one controller: a warning; a socket that does not answer: not checked', () => {
    const input = loadFixture(join(dir, 'public-kolla-split-brain'));
    const stopped = edit(input, 'ctl-3', 'haproxy', () => 'stackscope: haproxy is configured (/etc/kolla/haproxy/haproxy.cfg) but no haproxy process runs on this node\nlisten stats\n   bind 10.0.0.13:1984\n');
    const fs = analyze(stopped);
    expect(sev(fs)[0]).toEqual(['haproxy.not-running', 'warning']);
    expect(fs[0]?.title).toBe('HAProxy is configured on ctl-3 but not running');
    // On the controller that holds the VIP it is critical: the APIs are gone.
    const holder = edit(input, 'ctl-1', 'haproxy', () => 'stackscope: haproxy is configured (/etc/kolla/haproxy/haproxy.cfg) but no haproxy process runs on this node\n');
    expect(sev(analyze(holder))[0]).toEqual(['haproxy.not-running', 'critical']);
    const silent = { ...input, outputs: input.outputs.map((o) => (o.node === 'ctl-2' && o.step === 'haproxy' ? { ...o, state: 'failed' as const, exitCode: 4, stdout: o.stdout.slice(0, o.stdout.indexOf('# pxname')), stderr: 'stackscope: the stats socket /var/lib/kolla/haproxy/haproxy.sock did not answer\n' } : o)) };
    const s = analyze(silent);
    expect(sev(s)[0]).toEqual(['haproxy.stats', 'info']);
    expect(s[0]?.explanation).toContain('the stats socket /var/lib/kolla/haproxy/haproxy.sock did not answer');
    expect(evidenceNotInOutput(silent, s)).toEqual([]);
  });

  it('no HAProxy on any controller: "no HAProxy here" as an info fact, never skipped', () => {
    const input = loadFixture(join(dir, 'public-kolla-split-brain'));
    const none = { ...input, outputs: input.outputs.map((o) => (o.step === 'haproxy' ? { ...o, stdout: 'stackscope: no haproxy on this node\n' } : o)) };
    const fs = analyze(none);
    expect(sev(fs)).toEqual([['haproxy.not-here', 'info']]);
    expect(fs[0]?.status).toBe('INFO');
    expect(fs[0]?.title).toBe('Not checked: no HAProxy here');
    expect(evidenceNotInOutput(none, fs)).toEqual([]);
  });

  it('parses bind addresses, keepalived blocks and ip -br addr', () => {
    expect(['10.0.0.250:5000', 'ipv4@10.0.0.250:80', '[fd00::5]:443', '*:80', ':::443', '0.0.0.0:80', '10.0.0.1:80,10.0.0.2:80'].map(bindAddress)).toEqual(['10.0.0.250', '10.0.0.250', 'fd00::5', '', '', '', '10.0.0.1']);
    const h = parseHaproxy('keepalived pid 1 config /etc/keepalived/keepalived.conf\nvrrp_instance VI_1 {\n    virtual_ipaddress {\n        10.0.0.250/24 dev eth0\n        203.0.113.5 dev eth1 label eth1:1\nhaproxy pid 2\nconfig /etc/haproxy/haproxy.cfg\n  bind 10.0.0.250:5000\n');
    expect(h.vips.map((v) => v.address)).toEqual(['10.0.0.250', '203.0.113.5']);
    expect(h.binds.map((b) => b.address)).toEqual(['10.0.0.250']);
    expect(h.state).toBe('running');
    expect(h.rows).toBeNull();
    expect(parseAddresses('lo UNKNOWN 127.0.0.1/8 ::1/128\neth0 UP 10.0.0.11/24 10.0.0.250/32\nens4 DOWN\n').map((a) => a.address)).toEqual(['127.0.0.1', '::1', '10.0.0.11', '10.0.0.250']);
  });
});
