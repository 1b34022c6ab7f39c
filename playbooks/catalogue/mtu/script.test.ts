import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseEncaps, parseLinks, parseNetworks } from './parse.js';

/**
 * The mtu step scripts themselves, run with sh as the engine runs them. `ip`, `ovn-nbctl` and
 * `ovn-sbctl` are stand-ins on PATH printing what the real ones print.
 */
const withTools = standIns('mtu-sh-');
const run = (name: string, bin: string): string => {
  const r = spawnSync('sh', ['-c', `PATH=${bin}:/usr/bin:/bin; export PATH; . ${join(import.meta.dirname, name)}`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('links.sh', () => {
  it('keeps global addresses and the MTU of the interfaces holding them; loopback, link-local and address-less taps are left out', () => {
    const bin = withTools({
      ip: [
        'case "$2" in',
        "addr) printf '%s\\n' '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever' '2: eno1    inet 10.10.0.21/24 brd 10.10.0.255 scope global eno1\\       valid_lft forever preferred_lft forever' '2: eno1    inet6 fe80::1/64 scope link \\       valid_lft forever preferred_lft forever' '5: br-ex    inet6 fd00:20::11/64 scope global \\       valid_lft forever preferred_lft forever' ;;",
        "link) printf '%s\\n' '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00' '2: eno1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000\\    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff' '5: br-ex: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9000 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/ether 52:54:00:12:34:57 brd ff:ff:ff:ff:ff:ff' '9: tap0c1d2e3f-4a: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 8942 qdisc fq_codel master ovs-system state UNKNOWN mode DEFAULT group default qlen 1000\\    link/ether fe:16:3e:00:00:01 brd ff:ff:ff:ff:ff:ff' '10: vlan200@eno1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000' ;;",
        'esac',
      ].join('\n'),
    });
    const out = run('links.sh', bin);
    expect(out).toBe('== addr\neno1 inet 10.10.0.21/24\nbr-ex inet6 fd00:20::11/64\n== mtu\neno1 1500\nbr-ex 9000\n');
    const l = parseLinks(out);
    expect(l.addrs.map((a) => [a.iface, a.family, a.ip])).toEqual([
      ['eno1', 'inet', '10.10.0.21'],
      ['br-ex', 'inet6', 'fd00:20::11'],
    ]);
  });
});

describe('networks.sh and encaps.sh', () => {
  it('print the switches and localnet ports, and the encaps and chassis, with the exit of each query', () => {
    const bin = withTools({
      'ovn-nbctl': 'case "$*" in *"list Logical_Switch"*) echo \'5d1f,neutron-4b6e,p1 p2,neutron:mtu=1442 neutron:network_name=private\' ;; *"find Logical_Switch_Port"*) echo p2 ;; esac',
      'ovn-sbctl': 'case "$*" in *"list Encap"*) echo \'ch1,geneve,10.0.0.5\' ;; *"list Chassis"*) echo \'ch1,cmp-1\' ;; esac',
    });
    const nets = parseNetworks(run('networks.sh', bin));
    expect(nets).toMatchObject({ ok: true, networks: [{ name: 'private', mtu: 1442, provider: true }] });
    expect(parseEncaps(run('encaps.sh', bin))).toMatchObject({ ok: true, encaps: [{ chassis: 'ch1', type: 'geneve', ip: '10.0.0.5', hostname: 'cmp-1' }] });
  });
});
