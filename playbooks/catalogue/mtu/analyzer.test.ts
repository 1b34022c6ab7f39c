import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { csvFields, overheadOf } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const sev = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.evidence[0]?.node ?? '']);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const edit = (input: AnalyzerInput, f: (s: string, node: string, step: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout, o.node, o.step) })) });

describe('mtu', () => {
  it('jumbo networks, one compute back at 1500: critical naming network, node and interface; MTUs differ: warning; the provider network left out', () => {
    const input = load('public-jumbo-lost');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['mtu.fit', 'critical', 'cmp-2'],
      ['mtu.mismatch', 'warning', 'cmp-1'],
      ['mtu.fit', 'ok', 'cmp-1'],
    ]);
    const [crit, mismatch, ok] = fs;
    expect(crit?.title).toBe('cmp-2: 1 tenant network(s) too large for the tunnel on bond0.200 (MTU 1500)');
    expect(crit?.explanation).toContain('A full-size packet of private (8942) is 8942 bytes; wrapped in geneve it needs 9000 bytes (58 of overhead)');
    expect(crit?.evidence.map((e) => [e.node, e.step, e.lines[0]])).toEqual([
      ['cmp-2', 'links', 'bond0.200 inet 172.16.20.12/24'],
      ['ctl-1', 'encaps', '2a8d4b0f-6c3e-4d9f-b7a2-1e0c9d8b7f62,geneve,172.16.20.12'],
      ['ctl-1', 'networks', expect.stringContaining('neutron:mtu=8942 neutron:network_name=private')],
    ]);
    expect(mismatch?.explanation).toContain('9000: cmp-1 bond0.200; 1500: cmp-2 bond0.200');
    expect(ok?.explanation).toContain('1 provider network(s) with a localnet port are not tunnelled');
    verbatim(input, fs);
  });

  it('VXLAN over IPv6 at 1500: 1430 + 70 fits exactly on compute and network nodes, the provider network left out', () => {
    const input = load('public-vxlan-ipv6-fits');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([
      ['mtu.mismatch', 'ok', 'The tunnel interfaces of 3 nodes agree: MTU 1500'],
      ['mtu.fit', 'ok', '2 tenant network(s) (largest MTU 1430) fit the tunnels of 3 node(s)'],
    ]);
    expect(fs[1]?.explanation).toContain('cmp-1 br-tun 1500 (vxlan, 70)');
    verbatim(input, fs);
    const oneByteMore = analyze(edit(input, (s) => s.replace('neutron:mtu=1430 neutron:network_name=db-net', 'neutron:mtu=1431 neutron:network_name=db-net')));
    expect(oneByteMore.filter((f) => f.severity === 'critical').map((f) => f.title)).toEqual([
      'cmp-1: 1 tenant network(s) too large for the tunnel on br-tun (MTU 1500)',
      'cmp-2: 1 tenant network(s) too large for the tunnel on br-tun (MTU 1500)',
      'net-1: 1 tenant network(s) too large for the tunnel on br-tun (MTU 1500)',
    ]);
  });

  it('Neutron defaults: 1442 + 58 fits 1500 exactly; a compute whose address is not its Encap IP is said, not compared', () => {
    const input = load('public-geneve-default');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([
      ['mtu.fit', 'ok', '1 tenant network(s) (largest MTU 1442) fit the tunnels of 1 node(s)'],
      ['mtu.tunnel', 'info', 'No tunnel endpoint found on cmp-2'],
    ]);
    verbatim(input, fs);
  });

  it('the light lab: its own topology carries no neutron:mtu (info), the two chassis\' eth0 agree at 1500 (ok)', () => {
    const input = load('lab-light');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([
      ['mtu.mismatch', 'ok', 'The tunnel interfaces of 2 nodes agree: MTU 1500'],
      ['mtu.fit', 'info', 'No tenant network with an MTU in OVN: nothing to fit into the tunnels of 2 node(s)'],
    ]);
    expect(fs[1]?.explanation).toContain('outside the 1 provider network(s)');
    verbatim(input, fs);
  });

  it('IPv6 underlay: Geneve costs 78, so 1442 no longer fits 1500; VXLAN costs 50 (70)', () => {
    expect([overheadOf('geneve', 'inet'), overheadOf('geneve', 'inet6'), overheadOf('vxlan', 'inet'), overheadOf('vxlan', 'inet6')]).toEqual([58, 78, 50, 70]);
    const input = edit(load('public-jumbo-lost'), (s) =>
      s.replace(/neutron:mtu=8942/, 'neutron:mtu=1442').replace(/172\.16\.20\.(\d+)/g, 'fd00:20::$1').replace(/bond0\.200 inet /g, 'bond0.200 inet6 ').replace(/bond0\.200 9000/, 'bond0.200 1500'),
    );
    const fs = analyze(input);
    expect(fs.filter((f) => f.severity === 'critical').map((f) => f.evidence[0]?.node)).toEqual(['cmp-1', 'cmp-2']);
    expect(fs[0]?.explanation).toContain('it needs 1520 bytes (78 of overhead)');
  });

  it('no Neutron network in OVN (the light lab\'s own topology): info, never ok, and the tunnels still compared', () => {
    const input = edit(load('public-jumbo-lost'), (s) => s.replace(/ neutron:mtu=\d+/g, ''));
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['mtu.mismatch', 'warning', 'cmp-1'],
      ['mtu.fit', 'info', 'cmp-1'],
    ]);
    const agreeing = analyze(edit(input, (s) => s.replace(/bond0\.200 1500/, 'bond0.200 9000')));
    expect(agreeing.map((f) => [f.check, f.severity, f.title])).toEqual([
      ['mtu.mismatch', 'ok', 'The tunnel interfaces of 2 nodes agree: MTU 9000'],
      ['mtu.fit', 'info', 'No tenant network with an MTU in OVN: nothing to fit into the tunnels of 2 node(s)'],
    ]);
  });

  it('a Northbound query that failed: could not check, quoting it; a node with no tunnel address: info', () => {
    const input = load('public-jumbo-lost');
    const failed = { ...input, outputs: input.outputs.map((o) => (o.step === 'networks' ? { ...o, stdout: '== switches\n== localnet (exit 1)\n', stderr: 'ovn-nbctl: unix:/var/run/ovn/ovnnb_db.sock: database connection failed (No such file or directory)\n', state: 'failed' as const, exitCode: 1 } : o)) };
    const fs = analyze(failed);
    expect(fs.map((f) => [f.status, f.title])).toEqual([['SKIPPED', 'Could not read the OVN Northbound DB for the MTU check']]);
    const lone = edit(input, (s, node) => (node === 'cmp-2' ? s.replace(/172\.16\.20\.12/, '172.16.30.12') : s));
    expect(analyze(lone).find((f) => f.check === 'mtu.tunnel')?.title).toBe('No tunnel endpoint found on cmp-2');
  });

  it('reads ovsdb CSV: quoted fields with commas and doubled quotes', () => {
    expect(csvFields('a,"b,c","say ""hi""",')).toEqual(['a', 'b,c', 'say "hi"', '']);
  });
});
