import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze, MOVES } from './analyzer.js';
import { parseBfd, parseNb, parseSb } from './parse.js';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const sev = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.title]);
const edit = (input: AnalyzerInput, step: string, f: (s: string) => string, node?: string): AnalyzerInput => ({
  ...input,
  outputs: input.outputs.map((o) => (o.step === step && (!node || o.node === node) ? { ...o, stdout: f(o.stdout) } : o)),
});
const fail = (input: AnalyzerInput, step: string, stderr: string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.step === step ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr } : o)) });
function expectVerbatim(input: AnalyzerInput, fs: Finding[]): void {
  expect(evidenceNotInOutput(input, fs)).toEqual([]);
}
const GW = 'lrp-0e6ebefd-0357-4bfe-9d75-6d0d036e32a4';
const COMPUTE_1 = 'b771f978-7609-418b-996d-de4d9ad447c8';

describe('ovn-gateway on the practice lab (packages, full control plane)', () => {
  it('lab-packages-healthy: the router gateway on its one gateway chassis, compute-1: ok, and an info that it has no failover', () => {
    const input = load('lab-packages-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['ovn-gateway.no-failover', 'info', '1 router gateway(s) with a single gateway chassis: no failover'],
      ['ovn-gateway.gateways', 'ok', '1 router gateway(s) active on their preferred chassis'],
    ]);
    expect(fs[0]?.explanation).toContain('router1 (compute-1)');
    expect(fs[1]?.explanation).toBe('Each gateway port’s cr-lrp is bound to its highest-priority registered gateway chassis (router1: compute-1); 0 BFD session(s) on 2 node(s), none down.');
    expectVerbatim(input, fs);
  });

  it('lab-packages-bfd-down (ovn-gateway-bfd-down): the gateway bound nowhere, explained by BFD down between compute-1 and compute-2', () => {
    const input = load('lab-packages-bfd-down');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['ovn-gateway.bfd-down', 'warning', 'BFD is down on 1 tunnel(s): compute-1 ↔ compute-2'],
      ['ovn-gateway.unbound', 'critical', 'Router router1: its external gateway is active on no chassis'],
      ['ovn-gateway.not-gateway-capable', 'info', 'Gateway chassis without enable-chassis-as-gw: compute-2'],
    ]);
    const [bfd, unbound] = fs;
    expect(bfd?.explanation).toContain('ovn-comput-0 on compute-1 to compute-2 (198.18.1.102): state down, remote state down');
    expect(unbound?.explanation).toContain(`gateway chassis compute-2 (2), compute-1 (1)`);
    expect(unbound?.explanation).toContain(`cr-${GW} is bound to no chassis`);
    expect(unbound?.likelyCause).toContain('BFD is down between its gateway chassis (compute-1 ↔ compute-2)');
    expect(unbound?.explainedBy).toEqual(['ovn-gateway.bfd-down']);
    expect(unbound?.evidence.map((e) => `${e.node}/${e.step}`)).toEqual(['controller-1/nb-gateways', 'controller-1/sb-gateways', 'compute-1/bfd']);
    expectVerbatim(input, fs);
  });
});

describe('ovn-gateway on the practice lab (kolla, through the containers)', () => {
  it('lab-kolla-healthy: the same as on packages, from Kolla\'s containers and log files', () => {
    const input = load('lab-kolla-healthy');
    const fs = analyze(input);
    expect(sev(fs).map(([c, s]) => [c, s])).toEqual([
      ['ovn-gateway.no-failover', 'info'],
      ['ovn-gateway.gateways', 'ok'],
    ]);
    expectVerbatim(input, fs);
  });

  it('lab-kolla-bfd-down: the gateway bound nowhere under BFD down between compute-1 and compute-2', () => {
    const input = load('lab-kolla-bfd-down');
    const fs = analyze(input);
    expect(sev(fs).filter(([, s]) => s !== 'info')).toEqual([
      ['ovn-gateway.bfd-down', 'warning', 'BFD is down on 1 tunnel(s): compute-1 ↔ compute-2'],
      ['ovn-gateway.unbound', 'critical', 'Router router1: its external gateway is active on no chassis'],
    ]);
    expect(fs.find((f) => f.check === 'ovn-gateway.unbound')?.explainedBy).toEqual(['ovn-gateway.bfd-down']);
    expectVerbatim(input, fs);
  });
});

describe('ovn-gateway: why a gateway is where it is', () => {
  it('bound to the lower-priority chassis while the preferred one is registered: failed over (warning), explained by BFD when it is down', () => {
    const input = edit(load('lab-packages-bfd-down'), 'sb-gateways', (s) => s.replace('chassis             : []', `chassis             : ${COMPUTE_1}`));
    const fs = analyze(input);
    expect(sev(fs).filter(([, s]) => s !== 'info')).toEqual([
      ['ovn-gateway.bfd-down', 'warning', 'BFD is down on 1 tunnel(s): compute-1 ↔ compute-2'],
      ['ovn-gateway.failed-over', 'warning', 'Router router1: its gateway runs on compute-1, not on its preferred chassis compute-2'],
    ]);
    const f = fs.find((x) => x.check === 'ovn-gateway.failed-over');
    expect(f?.explanation).toContain('The highest-priority one registered is compute-2 (priority 2), yet');
    expect(f?.likelyCause).toContain('BFD to compute-2 is down');
    expect(f?.explainedBy).toEqual(['ovn-gateway.bfd-down']);
    expectVerbatim(input, fs);
  });

  it('no gateway chassis registered: bound nowhere because they are missing, under ovn-health’s missing chassis', () => {
    const input = edit(load('lab-packages-healthy'), 'sb-gateways', (s) => s.replace(/name {16}: compute-1\n/, 'name                : compute-9\n').replace(/chassis {13}: \S+/, 'chassis             : []'));
    const fs = analyze(input);
    const f = fs.find((x) => x.check === 'ovn-gateway.unbound');
    expect(f?.likelyCause).toContain('None of its gateway chassis (compute-1) is registered in the Southbound');
    expect(f?.explainedBy).toEqual(['ovn.chassis-missing']);
    expectVerbatim(input, fs);
  });

  it('one registered gateway chassis that does not claim it: its ovn-controller is named', () => {
    const input = edit(load('lab-packages-healthy'), 'sb-gateways', (s) => s.replace(/chassis {13}: \S+/, 'chassis             : []'));
    const f = analyze(input).find((x) => x.check === 'ovn-gateway.unbound');
    expect(f?.likelyCause).toContain('Its highest-priority registered chassis, compute-1, does not claim it');
    expect(f?.nextStep).toContain(`"cr-${GW}"`);
    expect(f?.explainedBy).toBeUndefined();
  });

  it('two gateway chassis, bound nowhere, BFD not read on them: says it is not known', () => {
    const input = fail(load('lab-packages-bfd-down'), 'bfd', 'ovs-vsctl: unix:/var/run/openvswitch/db.sock: database connection failed (No such file or directory)');
    const fs = analyze(input);
    expect(fs.find((x) => x.check === 'ovn-gateway.unbound')?.likelyCause).toContain('BFD was not read on compute-2, compute-1');
    expect(fs.find((x) => x.check === 'ovn-gateway.bfd')).toMatchObject({ status: 'SKIPPED', title: 'BFD state not read on compute-1, compute-2' });
  });

  it('a gateway chassis missing while the gateway runs on another: no failover there (warning, under ovn-health)', () => {
    const input = edit(load('lab-packages-bfd-down'), 'sb-gateways', (s) => s.replace('chassis             : []', `chassis             : ${COMPUTE_1}`).replace(/name {16}: compute-2\n/, 'name                : compute-2.old\n'));
    const fs = analyze(input);
    const f = fs.find((x) => x.check === 'ovn-gateway.chassis-missing');
    expect(f).toMatchObject({ severity: 'warning', title: 'Router router1: gateway chassis compute-2 is not registered', explainedBy: ['ovn.chassis-missing'] });
    expect(fs.some((x) => x.check === 'ovn-gateway.failed-over')).toBe(false);
  });

  it('a gateway port without its chassisredirect port: ovn-northd has not made it (warning)', () => {
    const input = edit(load('lab-packages-healthy'), 'sb-gateways', (s) => s.replace(/== Port_Binding\n[\s\S]*== end/, '== Port_Binding\n== end'));
    expect(sev(analyze(input)).filter(([, s]) => s === 'warning')).toEqual([['ovn-gateway.no-redirect-port', 'warning', `Router router1: its gateway port ${GW} has no chassisredirect port in the Southbound`]]);
  });

  it('no router with a gateway: an info, nothing else read', () => {
    const input = edit(load('lab-packages-healthy'), 'nb-gateways', (s) => s.replace(/== Logical_Router_Port\n[\s\S]*?== Logical_Router\n/, '== Logical_Router_Port\n== Logical_Router\n'));
    expect(sev(analyze(input))).toEqual([['ovn-gateway.gateways', 'info', 'No router has an external gateway: nothing to check']]);
  });

  it('the Northbound or Southbound not read, or cut short: not checked, never ok', () => {
    const nb = analyze(fail(load('lab-packages-healthy'), 'nb-gateways', 'ovn-nbctl: unix:/var/run/ovn/ovnnb_db.sock: database connection failed (No such file or directory)'));
    expect(nb.map((f) => [f.check, f.status])).toEqual([['ovn-gateway.nb', 'SKIPPED']]);
    expect(nb[0]?.explanation).toContain('database connection failed');
    const sb = analyze(fail(load('lab-packages-healthy'), 'sb-gateways', 'ovn-sbctl: timeout'));
    expect(sb.map((f) => [f.check, f.status])).toEqual([['ovn-gateway.sb', 'SKIPPED']]);
    const cut = analyze(edit(load('lab-packages-healthy'), 'sb-gateways', (s) => s.replace('== end\n', '')));
    expect(cut.map((f) => [f.check, f.status])).toEqual([['ovn-gateway.sb', 'SKIPPED']]);
  });
});

describe('ovn-gateway: a gateway that keeps moving', () => {
  const claims = (n: number, secondsAgo: (i: number) => number): AnalyzerInput => {
    const input = load('lab-packages-healthy');
    const now = Number(input.outputs.find((o) => o.step === 'signature-clock' && o.node === 'compute-1')?.stdout.split(' ')[0]);
    const at = (i: number): string => new Date((now - secondsAgo(i)) * 1000).toISOString();
    return edit(input, 'ovn-controller-log', (s) => s + Array.from({ length: n }, (_, i) => `${at(i)}|0090${i}|binding|INFO|Claiming lport cr-${GW} for this chassis.\n`).join(''), 'compute-1');
  };

  it(`the same gateway claimed ${MOVES} times in a day after start-up is a warning naming the router; fewer is not`, () => {
    // The fixture holds 3 claims on compute-1: 32 s after ovn-controller started (start-up, not
    // counted), then 2 when the lab healed ovn-gateway-bfd-down. One more makes MOVES.
    expect(MOVES).toBe(3);
    const input = claims(1, () => 30);
    const fs = analyze(input).filter((f) => f.check === 'ovn-gateway.gateway-moves');
    expect(sev(fs)).toEqual([['ovn-gateway.gateway-moves', 'warning', 'compute-1 took over the gateway of router router1 3 times in 24 h']]);
    expect(fs[0]?.evidence[0]?.lines[0]).toMatch(/^2026-12-05T21:30:52\.134Z\|00041\|binding\|INFO\|Claiming lport cr-lrp-/);
    expect(fs[0]?.explainedBy).toEqual(['ovn-gateway.bfd-down', 'ovn-gateway.bfd-went-down']);
    expectVerbatim(input, fs);
  });

  it('claims older than a day do not count; claims in the first minute after a start do not either', () => {
    expect(analyze(claims(1, () => 90_000)).filter((f) => f.check === 'ovn-gateway.gateway-moves')).toEqual([]);
    const input = load('lab-packages-healthy');
    const start = input.outputs.find((o) => o.step === 'ovn-controller-log' && o.node === 'compute-1')?.stdout.split('\n').find((l) => l.includes('OVN internal version is')) ?? '';
    const t0 = Date.parse(start.slice(0, 24));
    const burst = Array.from({ length: MOVES }, (_, i) => `${new Date(t0 + (10 + i) * 1000).toISOString()}|0090${i}|binding|INFO|Claiming lport cr-${GW} for this chassis.\n`).join('');
    expect(analyze(edit(input, 'ovn-controller-log', (s) => s + burst, 'compute-1')).filter((f) => f.check === 'ovn-gateway.gateway-moves')).toEqual([]);
  });
});

describe('ovn-gateway parsers', () => {
  it('reads the Northbound’s gateway chassis by priority, from Gateway_Chassis rows and HA chassis groups, each port once', () => {
    const text = [
      '== Logical_Router_Port',
      '_uuid               : p1',
      'name                : lrp-a',
      'networks            : ["172.24.4.10/24"]',
      'gateway_chassis     : [g1, g2]',
      'ha_chassis_group    : []',
      '',
      '_uuid               : p2',
      'name                : lrp-b',
      'networks            : ["10.1.0.1/24"]',
      'gateway_chassis     : []',
      'ha_chassis_group    : h1',
      '',
      '_uuid               : p2',
      'name                : lrp-b',
      '== Logical_Router',
      '_uuid               : r1',
      'name                : neutron-1',
      'ports               : [p1, x]',
      'external_ids        : {"neutron:router_name"=edge}',
      '== Gateway_Chassis',
      '_uuid               : g1',
      'chassis_name        : net-1',
      'priority            : 1',
      '',
      '_uuid               : g2',
      'chassis_name        : net-2',
      'priority            : 5',
      '== HA_Chassis_Group',
      '_uuid               : h1',
      'name                : grp',
      'ha_chassis          : [c1]',
      '== HA_Chassis',
      '_uuid               : c1',
      'chassis_name        : net-3',
      'priority            : 3',
      '== end',
    ].join('\n');
    const nb = parseNb(text);
    expect(nb.complete).toBe(true);
    expect(nb.ports.map((p) => [p.name, p.router, p.chassis.map((c) => `${c.chassis}:${c.priority}`)])).toEqual([
      ['lrp-a', 'edge', ['net-2:5', 'net-1:1']],
      ['lrp-b', 'lrp-b', ['net-3:3']],
    ]);
  });

  it('reads chassis with their tunnel IPs and gateway option (other_config or external_ids), bindings and BFD sessions', () => {
    const sb = parseSb(load('lab-packages-bfd-down').outputs.find((o) => o.step === 'sb-gateways')?.stdout ?? '');
    expect(sb.chassis.map((c) => [c.name, c.gatewayCapable, c.encapIps])).toEqual([
      ['compute-1', true, ['198.18.1.101']],
      ['compute-2', false, ['198.18.1.102']],
    ]);
    expect(sb.bindings).toMatchObject([{ port: `cr-${GW}`, chassisUuid: '', up: true }]);
    const bfd = parseBfd('name                : ovn-net-2-0\noptions             : {csum="true", key=flow, remote_ip="10.0.0.2"}\nbfd_status          : {diagnostic="Control Detection Time Expired", flap_count="4", forwarding="true", remote_diagnostic="No Diagnostic", remote_state=up, state=up}\n');
    expect(bfd).toMatchObject([{ iface: 'ovn-net-2-0', remoteIp: '10.0.0.2', state: 'up', forwarding: true, remoteState: 'up', flaps: 4 }]);
  });
});
