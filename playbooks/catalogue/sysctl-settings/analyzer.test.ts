import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { localProcesses, parseSysctl } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const sev = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.evidence[0]?.node ?? '']);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const edit = (input: AnalyzerInput, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });

describe('sysctl-settings', () => {
  it('the light practice lab: quiet; swappiness only on the controllers whose own namespace runs MariaDB; the hidden neighbour limits said as not checked', () => {
    const input = load('lab-light-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['sysctl.swappiness', 'info', 'controller-1'],
      ['sysctl.swappiness', 'info', 'controller-2'],
      ['sysctl.swappiness', 'info', 'controller-3'],
      ['sysctl.limits', 'ok', 'compute-1'],
      ['sysctl.neighbour', 'info', ''],
    ]);
    expect(fs[3]?.title).toBe('Kernel tables and limits below 90 % on 5 node(s)');
    expect(fs[4]?.title).toBe('Neighbour table not checked on 5 node(s): its limits are not visible there');
    verbatim(input, fs);
  });

  it('a network node: conntrack at 98.8 % and the ARP table at gc_thresh3 are critical, unfiltered qbr bridges a warning; 91 % of gc_thresh3 a warning', () => {
    const input = load('public-network-node-tables');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['sysctl.conntrack', 'critical', 'net-1'],
      ['sysctl.neighbour', 'critical', 'net-1'],
      ['sysctl.bridge-nf-call-iptables', 'warning', 'net-1'],
      ['sysctl.neighbour', 'warning', 'net-2'],
    ]);
    const [ct, neigh, bridge, neigh2] = fs;
    expect(ct?.title).toBe('net-1: connection-tracking table 98.8 % full (259011 of nf_conntrack_max 262144)');
    expect(ct?.evidence[0]?.lines).toEqual(['net.netfilter.nf_conntrack_count = 259011', 'net.netfilter.nf_conntrack_max = 262144']);
    expect(ct?.nextStep).toContain('nf_conntrack_max');
    // The kernel-wide table (0x400 = 1024 entries), not the 212 of the node's own namespace.
    expect(neigh?.title).toBe('net-1: neighbour (ARP) table at 100 % of gc_thresh3 (1024 of 1024)');
    expect(neigh?.explanation).toContain('every network namespace counts');
    expect(bridge?.title).toBe('net-1: Neutron bridges qbr3f2a9c1e-4d, qbr8be0d7a2-11 bypass iptables (bridge-nf-call-iptables 0)');
    expect(bridge?.evidence[0]?.lines).not.toContain('bridge docker0');
    expect(neigh2?.title).toBe('net-2: neighbour (ARP) table at 91.4 % of gc_thresh3 (936 of 1024)');
    verbatim(input, fs);
  });

  it('Kubernetes nodes: ip_forward off under a kubelet warns, file handles 95 % warn, PIDs 98 % critical; a database node gets swappiness as info only', () => {
    const input = load('public-k8s-limits');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['sysctl.ip-forward', 'warning', 'cmp-1'],
      ['sysctl.file', 'warning', 'cmp-1'],
      ['sysctl.pid', 'critical', 'cmp-1'],
      ['sysctl.bridge-nf-call-iptables', 'info', 'ctl-1'],
      ['sysctl.swappiness', 'info', 'ctl-1'],
      ['sysctl.limits', 'ok', 'ctl-1'],
    ]);
    expect(fs[0]?.title).toBe('cmp-1: net.ipv4.ip_forward = 0 where kubelet, kube-proxy runs');
    expect(fs[0]?.evidence[0]?.lines).toEqual(['net.ipv4.ip_forward = 0', 'process kubelet 1873 net:[4026531840]', 'process kube-proxy 2410 net:[4026531840]']);
    expect(fs[2]?.title).toBe('cmp-1: 98.2 % of the process IDs in use (32190 tasks, kernel.pid_max 32768)');
    expect(fs[2]?.evidence[0]?.lines).toEqual(['kernel.pid_max = 32768', '== loadavg: 14.02 13.77 12.90 9/32190 4120117']);
    expect(fs[3]?.title).toBe('ctl-1: bridged traffic bypasses iptables on cni0 (bridge-nf-call-iptables absent (br_netfilter not loaded))');
    // The pod's MariaDB lives in another namespace; the one whose namespace was unreadable counts.
    expect(fs[4]?.evidence[0]?.lines).toEqual(['vm.swappiness = 60', 'process mariadbd 30388 ?']);
    verbatim(input, fs);
  });

  it('ip_forward = 0 without a kubelet is nobody’s business: OVN and the L3 agent do not need the host’s', () => {
    const input = edit(load('public-k8s-limits'), (s) => s.replace(/^process kube.*\n/gm, ''));
    expect(analyze(input).filter((f) => f.check === 'sysctl.ip-forward')).toEqual([]);
  });

  it('without the kernel-wide statistics it judges this namespace’s entries and says the real total is higher', () => {
    const input = edit(load('public-network-node-tables'), (s) => s.replace(/^== arp_cache: .*\n/gm, '').replace('== neigh: 212 ', '== neigh: 1000 '));
    const neigh = analyze(input).find((f) => f.check === 'sysctl.neighbour');
    expect(neigh?.severity).toBe('warning');
    expect(neigh?.explanation).toContain('in this network namespace alone');
    verbatim(input, [neigh as Finding]);
  });

  it('past overflows under a table that is small again: info with the count since boot', () => {
    const input = edit(load('public-network-node-tables'), (s) => s.replace(/^== arp_cache: 00000400/m, '== arp_cache: 00000100'));
    const net1 = analyze(input).filter((f) => f.evidence[0]?.node === 'net-1' && f.check === 'sysctl.neighbour');
    expect(net1.map((f) => [f.severity, f.title])).toEqual([['info', 'net-1: the neighbour table overflowed 452 time(s) since boot']]);
  });

  it('a node that printed no value, or failed, is could-not-check, never ok', () => {
    const input = load('public-network-node-tables');
    const broken = { ...input, outputs: input.outputs.map((o) => (o.node === 'net-2' ? { ...o, stdout: '', stderr: 'sh: 1: cd: can\'t cd to /proc/sys', exitCode: 1, state: 'failed' as const } : o)) };
    const fs = analyze(broken);
    expect(fs.filter((f) => f.evidence[0]?.node === 'net-2').map((f) => [f.check, f.status])).toEqual([['sysctl.read', 'SKIPPED']]);
    expect(fs.some((f) => f.severity === 'ok')).toBe(false);
    verbatim(broken, fs);
    expect(analyze({ ...input, outputs: [] }).map((f) => [f.check, f.status])).toEqual([['sysctl.read', 'SKIPPED']]);
  });

  it('reads processes by namespace: the node’s own, an unreadable one counts, another namespace does not', () => {
    const f = parseSysctl('vm.swappiness = 60\n== netns: net:[1]\nprocess mysqld 10 net:[1]\nprocess mysqld 11 net:[2]\nprocess mariadbd 12 ?\n');
    expect(localProcesses(f, /^(mysqld|mariadbd)$/).map((p) => p.pid)).toEqual(['10', '12']);
  });
});
