import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze, WARN_PACKETS } from './analyzer.js';
import { parseDatapath, parseFlow, parsePorts } from './parse.js';

const load = (scenario: string): AnalyzerInput => loadFixture(join(import.meta.dirname, 'fixtures', scenario));
const sev = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.title]);
const edit = (input: AnalyzerInput, step: string, f: (s: string) => string, node?: string): AnalyzerInput => ({
  ...input,
  outputs: input.outputs.map((o) => (o.step === step && (!node || o.node === node) ? { ...o, stdout: f(o.stdout) } : o)),
});

describe('dropped-traffic on the practice lab (openstack-helm, full control plane)', () => {
  it('lab-helm-full-ssh-dropped (ovn-acl-drop): web-1 → db-1 TCP dropped on compute-1, a warning naming both ports and the node', () => {
    const input = load('lab-helm-full-ssh-dropped');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['dropped-traffic.between', 'warning', 'Traffic from web-1-port (10.0.0.10) to db-1-port (10.0.0.12) (TCP) is being dropped on compute-1: 7 packets, the last 0.1 s ago']]);
    // The whole chain is the evidence, drop first; both ports from the Northbound.
    expect(fs[0]?.evidence.map((e) => [e.node, e.step, e.lines.length])).toEqual([
      ['compute-1', 'datapath', 3],
      ['controller-1', 'ports', 2],
    ]);
    expect(fs[0]?.evidence[0]?.lines[0]).toMatch(/recirc_id\(0x6\).*actions:drop$/);
    // No port in any flow of the chain: the next step asks for the one the client uses.
    expect(fs[0]?.nextStep).toBe(
      'Name the rule that drops it: run the ovn-trace playbook with source web-1-port, destination_ip 10.0.0.12, protocol tcp and the destination_port the client uses. Then compare the groups of db-1-port (10.0.0.12) with what should be open: `openstack port show PORT -c security_group_ids`, `openstack security group rule list GROUP`.',
    );
    expect(evidenceNotInOutput(input, fs)).toEqual([]);
  });

  it('lab-helm-full-healthy: ok for both computes, nothing else', () => {
    const fs = analyze(load('lab-helm-full-healthy'));
    expect(sev(fs)).toEqual([['dropped-traffic.between', 'ok', "No traffic between the cloud's ports is being dropped on 2 node(s)"]]);
  });
});

describe('dropped-traffic where the drop ACL logs (the light lab; Neutron security-group logging)', () => {
  it('lab-helm-light-acl-logged (ovn-acl-drop): the ACL log names the pair, TCP port 22 and the ACL; allow lines and older ones are left out', () => {
    const input = load('lab-helm-light-acl-logged');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['dropped-traffic.between', 'warning', 'Traffic from web-1-port (10.0.0.10) to db-1-port (10.0.0.12) (TCP port 22) is being dropped on compute-1 by ACL neutron-pg-drop-ingress: 126 logged in the last 10 min, the last 0.0 s ago'],
    ]);
    expect(fs[0]?.evidence.map((e) => [e.node, e.step, e.lines.length])).toEqual([
      ['compute-1', 'controller-log', 3],
      ['controller-1', 'ports', 2],
    ]);
    expect(fs[0]?.evidence[0]?.lines.every((l) => /acl_log.*name="neutron-pg-drop-ingress", verdict=drop/.test(l))).toBe(true);
    expect(fs[0]?.nextStep).toMatch(/source web-1-port, destination_ip 10\.0\.0\.12, protocol tcp, destination_port 22\./);
    expect(evidenceNotInOutput(input, fs)).toEqual([]);
    // Read 11 s later (the client stopped, the rule back): dropped before, not now.
    const later = (s: number) => ({ ...input, outputs: input.outputs.map((o) => (o.step === 'datapath' ? { ...o, stdout: o.stdout.replace(/^== now (\d+)/m, (_, n: string) => `== now ${Number(n) + s}`) } : o)) });
    expect(analyze(later(9)).map((f) => f.severity)).toEqual(['warning']);
    expect(analyze(later(11)).map((f) => f.severity)).toEqual(['ok']);
  });
});

describe('dropped-traffic from an IPv6 ACL log line', () => {
  it('reads tcp6 as TCP with its port, and the IPv6 addresses', () => {
    const input = load('lab-helm-light-acl-logged');
    const v6 = (s: string) =>
      s.replace(/: tcp,vlan_tci=0x0000,dl_src=fa:16:3e:10:00:01,dl_dst=fa:16:3e:10:00:03,nw_src=10\.0\.0\.10,nw_dst=10\.0\.0\.12,/g, ': tcp6,vlan_tci=0x0000,dl_src=fa:16:3e:10:00:01,dl_dst=fa:16:3e:10:00:03,ipv6_src=fd00::10,ipv6_dst=fd00::12,');
    const fs = analyze(edit(input, 'controller-log', v6));
    expect(fs.map((f) => f.title)).toEqual([expect.stringMatching(/^Traffic from web-1-port \(fd00::10\) to db-1-port \(fd00::12\) \(TCP port 22\) is being dropped on compute-1 by ACL neutron-pg-drop-ingress: 126 logged/)]);
  });
});

describe('dropped-traffic on a kernel datapath (public-kernel-mysql-dropped)', () => {
  it('names the MySQL drop with its port, the ping over the tunnel as info, leaves the scan out, and cmp-2 (cut) not checked', () => {
    const input = load('public-kernel-mysql-dropped');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['dropped-traffic.between', 'info', 'Dropped traffic not checked on cmp-2'],
      ['dropped-traffic.between', 'warning', 'Traffic from app-1 (192.168.10.5) to db-primary (192.168.10.7) (TCP port 3306) is being dropped on cmp-1: 41 packets, the last 2.3 s ago'],
      ['dropped-traffic.between', 'info', 'A few packets from 11223344-5566-4778-8899-aabbccddeeff (192.168.10.9) to db-primary (192.168.10.7) (ICMP) were dropped on cmp-1: 2, the last 11.0 s ago'],
    ]);
    expect(fs[0]?.status).toBe('SKIPPED');
    expect(fs[1]?.nextStep).toMatch(/^Name the rule that drops it: run the ovn-trace playbook with source app-1, destination_ip 192\.168\.10\.7, protocol tcp, destination_port 3306\./);
    expect(evidenceNotInOutput(input, fs)).toEqual([]);
  });

  it(`warns from ${WARN_PACKETS} packets on: fewer is info`, () => {
    const at = (n: number) => analyze(edit(load('public-kernel-mysql-dropped'), 'datapath', (s) => s.replace(/packets:41,/g, `packets:${n},`), 'cmp-1')).find((f) => /app-1/.test(f.title))?.severity;
    expect([at(WARN_PACKETS - 1), at(WARN_PACKETS)]).toEqual(['info', 'warning']);
  });

  it('a drop last used more than a minute ago, or never, is not traffic being dropped now', () => {
    const old = analyze(edit(load('public-kernel-mysql-dropped'), 'datapath', (s) => s.replace(/used:[\d.]+s/g, 'used:61.000s'), 'cmp-1'));
    expect(old.filter((f) => f.status !== 'SKIPPED').map((f) => f.severity)).toEqual(['ok']);
  });

  it('without the ports of the cloud nothing is concluded: not checked, never ok', () => {
    for (const ports of ['', 'a1b2,,fa:16:3e:aa:bb:01 192.168.10.5,\n']) {
      const fs = analyze(edit(load('lab-helm-full-healthy'), 'ports', () => ports));
      expect(sev(fs), ports).toEqual([['dropped-traffic.between', 'info', "Dropped traffic not checked: the cloud's ports were not read"]]);
      expect(fs[0]?.status).toBe('SKIPPED');
    }
  });

  it('a node whose datapath could not be asked is not checked, and the others still count', () => {
    const input = load('lab-helm-full-healthy');
    const failed = { ...input, outputs: input.outputs.map((o) => (o.node === 'compute-2' && o.step === 'datapath' ? { ...o, state: 'failed' as const, exitCode: 3, stdout: '== now 1\n== dpctl failed\n', stderr: 'ovs-appctl: cannot connect to "/var/run/openvswitch/ovs-vswitchd.123.ctl"' } : o)) };
    expect(sev(analyze(failed))).toEqual([
      ['dropped-traffic.between', 'info', 'Dropped traffic not checked on compute-2'],
      ['dropped-traffic.between', 'ok', "No traffic between the cloud's ports is being dropped on 1 node(s)"],
    ]);
  });
});

describe('reading datapath flows', () => {
  it('takes exact values only: a masked address or port is unknown', () => {
    const f = parseFlow('recirc_id(0x3),in_port(5),eth(src=fa:16:3e:10:00:01,dst=fa:16:3e:10:00:03),eth_type(0x0800),ipv4(src=10.0.0.10,dst=10.0.0.12/255.255.255.248,proto=6,frag=no),tcp(dst=22/0xffc0), packets:3, bytes:162, used:0.470s, flags:S, actions:ct(zone=9),recirc(0x4)');
    expect(f).toMatchObject({ inPort: '5', recircId: '0x3', recircTo: '0x4', ethSrc: 'fa:16:3e:10:00:01', ethDst: 'fa:16:3e:10:00:03', family: 'ipv4', ipSrc: '10.0.0.10', ipDst: null, proto: 6, dport: null, packets: 3, usedSec: 0.47, drop: false });
    expect(parseFlow('recirc_id(0),in_port(8),eth(src=9e:21:4f:00:aa:10),eth_type(0x86dd),ipv6(src=fe80::1,frag=no), packets:0, bytes:0, used:never, actions:drop')).toMatchObject({ family: 'ipv6', ipSrc: 'fe80::1', usedSec: null, drop: true });
    expect(parseFlow('flow-dump from the main thread:')).toBeNull();
  });

  it('maps datapath port numbers per datapath and reads VM interfaces', () => {
    const d = parseDatapath(['== now 1796400000 +0000', '== ports netdev@ovs-netdev', '5 tapA', '== ports system@ovs-system', '5 tapB', '== drops system@ovs-system', 'recirc_id(0),in_port(5),eth(src=fa:16:3e:00:00:01), packets:1, bytes:60, used:0.1s, actions:drop', '== interfaces', 'tapB,attached-mac=fa:16:3e:00:00:01 iface-id=x', '== end', ''].join('\n'));
    expect([d.complete, d.clock?.now, d.flows[0]?.inPort, d.interfaces.get('tapB')]).toEqual([true, 1796400000, 'tapB', { mac: 'fa:16:3e:00:00:01', ifaceId: 'x' }]);
  });

  it('keeps only instance ports: routers, localports and localnet ports are never an end', () => {
    const row = (name: string, type: string, addresses: unknown, ids: Array<[string, string]>) => [name, type, addresses, ['map', ids]].map((v) => `"${JSON.stringify(v).replace(/"/g, '""')}"`).join(',');
    const p = parsePorts(
      [
        row('a', '', ['set', ['fa:16:3e:00:00:01 10.0.0.5', 'fa:16:3e:00:00:03 dynamic']], [['neutron:port_name', 'vm-a']]),
        row('r', 'router', 'router', []),
        row('m', 'localport', 'fa:16:3e:00:00:02 10.0.0.2', []),
        row('l', 'localnet', 'unknown', []),
        '== end',
      ].join('\n'),
    );
    expect([p.complete, p.ports.map((x) => [x.name, x.label, x.macs, x.ips])]).toEqual([true, [['a', 'vm-a', ['fa:16:3e:00:00:01', 'fa:16:3e:00:00:03'], ['10.0.0.5']]]]);
  });
});
