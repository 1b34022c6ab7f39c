import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseOvsMap, parseShow } from './parse.js';

const dir = import.meta.dirname;
const run = (scenario: string): { input: AnalyzerInput; findings: Finding[] } => {
  const input = loadFixture(join(dir, 'fixtures', scenario));
  return { input, findings: analyze(input) };
};
const problems = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const byCheck = (fs: Finding[], check: string): Finding[] => fs.filter((f) => f.check === check);

describe('ovs-health lab scenarios', () => {
  it.each(['lab-healthy', 'helm-healthy'])('%s: no warning or critical, one ok per node and a complete mesh', (scenario) => {
    const { findings } = run(scenario);
    expect(problems(findings)).toEqual([]);
    expect(byCheck(findings, 'ovs.node-healthy').map((f) => f.title)).toEqual(['compute-1: Open vSwitch looks healthy', 'compute-2: Open vSwitch looks healthy']);
    expect(byCheck(findings, 'ovs.tunnel-mesh')[0]?.severity).toBe('ok');
  });

  it.each(['lab-port-missing-device', 'helm-port-missing-device'])('%s: the stale tap on compute-1 with its Neutron port and instance', (scenario) => {
    const { findings } = run(scenario);
    const [f, ...rest] = byCheck(findings, 'ovs.interface-error');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('warning');
    expect(f?.title).toContain('compute-1');
    expect(f?.title).toContain('tapabb30a54-f3');
    expect(f?.explanation).toContain('abb30a54-f385-52f1-a0ea-12d12cead8c8');
    expect(f?.explanation).toContain('32818234-593d-5f0b-ad63-7a123292ed00');
    expect(f?.explanation).toContain('ofport -1');
    expect(f?.nextStep).toContain('ovs-vsctl list Interface tapabb30a54-f3');
    expect(f?.nextStep).toContain('ovs-vsctl del-port br-int tapabb30a54-f3');
    expect(f?.evidence).toContainEqual({ node: 'compute-1', step: 'show', lines: ['        Port tapabb30a54-f3', '            Interface tapabb30a54-f3', '                error: "could not open network device tapabb30a54-f3 (No such device)"'] });
    expect(f?.evidence.find((e) => e.step === 'interfaces')?.lines).toContain('ofport              : -1');
    // Nothing else is wrong: compute-2 healthy, tunnels intact.
    expect(problems(findings)).toHaveLength(1);
    expect(byCheck(findings, 'ovs.ofport-invalid')).toEqual([]);
  });

  it('lab-chassis-missing: compute-1 and compute-2 lost their tunnels to each other', () => {
    const { findings } = run('lab-chassis-missing');
    const [f, ...rest] = byCheck(findings, 'ovs.tunnel-missing');
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('critical');
    expect(f?.title).toBe('No tunnel between compute-1 and compute-2 in either direction');
    expect(f?.evidence.map((e) => `${e.node}/${e.step}`)).toEqual(['compute-1/config', 'compute-2/config']);
    expect(f?.evidence[1]?.lines[0]).toContain('ovn-encap-ip="198.18.2.102"');
  });

  it('lab-bridges-deleted: br-int missing is critical, the mapped br-ex a warning', () => {
    const { findings } = run('lab-bridges-deleted');
    const brInt = byCheck(findings, 'ovs.br-int-missing');
    expect(brInt.map((f) => [f.severity, f.title])).toEqual([['critical', 'compute-2: integration bridge br-int does not exist']]);
    expect(brInt[0]?.evidence[0]).toEqual({ node: 'compute-2', step: 'show', lines: ['8be90d2d-5ce2-4416-94e9-a110ef3753a2'] });
    expect(byCheck(findings, 'ovs.provider-bridge-missing').map((f) => [f.severity, f.title])).toEqual([['warning', 'compute-2: provider bridge br-ex (physnet1) does not exist']]);
    expect(byCheck(findings, 'ovs.node-healthy').map((f) => f.title)).toEqual(['compute-1: Open vSwitch looks healthy']);
  });

  it('lab-dead-vlan-no-br-ex: tag 4095 port named with its Neutron port; compute-2 lacks br-ex', () => {
    const { findings } = run('lab-dead-vlan-no-br-ex');
    const [dead] = byCheck(findings, 'ovs.dead-vlan');
    expect(dead?.title).toBe('compute-1: port tapfe4cbc80-18 is on the dead VLAN 4095');
    expect(dead?.evidence[0]?.lines).toEqual(['        Port tapfe4cbc80-18', '            tag: 4095']);
    expect(dead?.nextStep).toContain('openstack port show fe4cbc80-18d7-57a5-abf4-61c85ea7ff1d');
    expect(byCheck(findings, 'ovs.provider-bridge-missing')[0]?.title).toContain('compute-2');
    // compute-2 recreated br-int and its tunnel: the mesh is complete.
    expect(byCheck(findings, 'ovs.tunnel-mesh')[0]?.severity).toBe('ok');
  });
});

describe('ovs-health public scenario', () => {
  it('public-ml2ovs-stale-taps: both stale taps from `show` alone, no mesh check on a non-OVN node', () => {
    const { findings } = run('public-ml2ovs-stale-taps');
    expect(byCheck(findings, 'ovs.interface-error').map((f) => f.title)).toEqual([
      'compute: interface tap0ab9a23c-99 on br-int is in error (device does not exist)',
      'compute: interface tap635485ff-6c on br-int is in error (device does not exist)',
    ]);
    expect(byCheck(findings, 'ovs.interface-error')[0]?.evidence[0]?.lines).toEqual([
      '        Port tap0ab9a23c-99',
      '            tag: 1',
      '            Interface tap0ab9a23c-99',
      '                error: "could not open network device tap0ab9a23c-99 (No such device)"',
    ]);
    expect(problems(findings)).toHaveLength(2);
    expect(findings.filter((f) => f.check.startsWith('ovs.tunnel'))).toEqual([]);
    expect(byCheck(findings, 'ovs.controller-disconnected')).toEqual([]);
  });
});

describe('ovs-health parsing', () => {
  it('maps with quoted keys, values and commas', () => {
    expect(parseOvsMap('{"neutron:cidrs"="10.0.0.5/24", key=flow, remote_ip="10.0.0.2", x="a,b"}')).toEqual({ 'neutron:cidrs': '10.0.0.5/24', key: 'flow', remote_ip: '10.0.0.2', x: 'a,b' });
  });

  it('old quoted port names, controller without is_connected', () => {
    const show = parseShow(['abc', '    Bridge br-int', '        Controller "tcp:127.0.0.1:6633"', '        Port "qvo1"', '            tag: 4095', '            Interface "qvo1"', '    ovs_version: "2.5.0"'].join('\n'));
    expect(show.ports[0]).toMatchObject({ name: 'qvo1', bridge: 'br-int', tag: 4095 });
    expect(show.bridges[0]?.controllers[0]).toMatchObject({ target: 'tcp:127.0.0.1:6633', connected: false });
    const findings = analyze({ deployment: 'packages', params: {}, nodes: [{ name: 'n', roles: ['compute'] }], outputs: [{ step: 'show', node: 'n', state: 'succeeded', exitCode: 0, stdout: ['abc', '    Bridge br-int', '        Controller "tcp:127.0.0.1:6633"', '        Port "qvo1"', '            tag: 4095', '            Interface "qvo1"', '    ovs_version: "2.5.0"'].join('\n'), stderr: '', error: null, command: '' }] });
    expect(findings.map((f) => f.check).sort()).toEqual(['ovs.controller-disconnected', 'ovs.dead-vlan']);
  });

  it('a failed ovs-vsctl is a critical finding with the error text, other checks skipped for that node', () => {
    const err = 'ovs-vsctl: unix:/var/run/openvswitch/db.sock: database connection failed (No such file or directory)';
    const findings = analyze({ deployment: 'kolla', params: {}, nodes: [{ name: 'c1', roles: ['compute'] }], outputs: [{ step: 'show', node: 'c1', state: 'failed', exitCode: 1, stdout: '', stderr: `${err}\n`, error: null, command: '' }] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'ovs.db-unreachable', severity: 'critical', evidence: [{ node: 'c1', step: 'show', lines: [err] }] });
  });

  it('three nodes: the one nobody tunnels to is named', () => {
    const cfg = (name: string, ip: string): string => `external_ids        : {hostname=${name}, ovn-encap-ip="${ip}", ovn-remote="tcp:10.0.0.1:6642", system-id=${name}}\n`;
    const show = (remotes: string[]): string => ['u', '    Bridge br-int', ...remotes.flatMap((r, i) => [`        Port ovn-x${i}`, `            Interface ovn-x${i}`, '                type: geneve', `                options: {csum="true", key=flow, remote_ip="${r}"}`]), '        Port br-int', '            Interface br-int', '                type: internal'].join('\n');
    const o = (node: string, step: string, stdout: string): AnalyzerInput['outputs'][number] => ({ step, node, state: 'succeeded', exitCode: 0, stdout, stderr: '', error: null, command: '' });
    const findings = analyze({
      deployment: 'packages',
      params: {},
      nodes: ['a', 'b', 'c'].map((name) => ({ name, roles: ['compute'] })),
      outputs: [o('a', 'show', show(['10.0.0.12'])), o('a', 'config', cfg('a', '10.0.0.11')), o('b', 'show', show(['10.0.0.11'])), o('b', 'config', cfg('b', '10.0.0.12')), o('c', 'show', show(['10.0.0.11', '10.0.0.12'])), o('c', 'config', cfg('c', '10.0.0.13'))],
    });
    expect(byCheck(findings, 'ovs.tunnel-missing').map((f) => f.title)).toEqual(['No node has a tunnel to c (10.0.0.13)']);
  });
});
