import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnsibleIni } from './ansible-ini.js';
import { expandHostPattern } from './ansible-model.js';
import { parseAnsibleYaml } from './ansible-yaml.js';
import { parseKubeNodes } from './kube-nodes.js';
import { jumpOfSshArgs, parseProxyCommand, parseProxyJump } from './ssh-args.js';

const testdata = (f: string): string => readFileSync(join(import.meta.dirname, 'testdata', f), 'utf8');

describe('host ranges', () => {
  it('expands numbers zero-padded as written, letters and strides', () => {
    expect(expandHostPattern('compute[01:03]')).toEqual(['compute01', 'compute02', 'compute03']);
    expect(expandHostPattern('c[8:10]')).toEqual(['c8', 'c9', 'c10']);
    expect(expandHostPattern('s-[a:c]')).toEqual(['s-a', 's-b', 's-c']);
    expect(expandHostPattern('n[0:6:3].x')).toEqual(['n0.x', 'n3.x', 'n6.x']);
    expect(expandHostPattern('r[1:2]-[a:b]')).toEqual(['r1-a', 'r1-b', 'r2-a', 'r2-b']);
  });
  it('refuses backwards, mixed and huge ranges', () => {
    expect(() => expandHostPattern('c[9:1]')).toThrow(/ends before it starts/);
    expect(() => expandHostPattern('c[1:z]')).toThrow(/neither numbers/);
    expect(() => expandHostPattern('c[1:99999999]')).toThrow(/more than 10000/);
  });
});

describe('jump arguments', () => {
  it('reads ProxyJump chains and the ssh -W form of ProxyCommand', () => {
    expect(parseProxyJump('a@b1:2200,b2')).toEqual([{ host: 'b1', user: 'a', port: 2200 }, { host: 'b2' }]);
    expect(parseProxyJump('ssh://u@[fd00::1]:22')).toEqual([{ host: 'fd00::1', user: 'u', port: 22 }]);
    expect(parseProxyCommand('ssh -W %h:%p -q -p 2200 -i /k jump@bastion')).toEqual([{ host: 'bastion', user: 'jump', port: 2200, keyPath: '/k' }]);
    expect(parseProxyCommand('ssh -J hop1 -W %h:%p -l ops bastion')).toEqual([{ host: 'hop1' }, { host: 'bastion', user: 'ops' }]);
    expect(jumpOfSshArgs(`-o StrictHostKeyChecking=no -o ProxyCommand="ssh -W %h:%p -q bastion"`)).toEqual({ jump: [{ host: 'bastion' }], ignored: ['StrictHostKeyChecking'] });
    expect(jumpOfSshArgs('-o ProxyJump=ops@bastion:2201').jump).toEqual([{ host: 'bastion', user: 'ops', port: 2201 }]);
  });
  it('refuses what is not a jump: another program, a remote command, shell operators', () => {
    expect(() => parseProxyCommand('nc %h %p')).toThrow(/only "ssh -W %h:%p/);
    expect(() => parseProxyCommand('ssh bastion -W %h:%p uptime')).toThrow(/remote command/);
    expect(() => parseProxyCommand('ssh -W %h:%p bastion; rm -rf ~')).toThrow(/shell operator ";"/);
    expect(() => parseProxyCommand('ssh bastion')).toThrow(/without -W/);
  });
});

describe('Kolla multinode (INI)', () => {
  const parsed = parseAnsibleIni(testdata('multinode').replace('KEYFILE', '/keys/id'), 'multinode');
  const node = (name: string) => parsed.nodes.find((n) => n.name === name);

  it('has every host of the ranges with its roles from groups and children', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.flavour).toBe('kolla');
    expect(parsed.nodes).toHaveLength(3 + 60 + 3);
    expect(node('ctl02')?.roles).toEqual(['controller', 'network']);
    expect(node('compute60')?.roles).toEqual(['compute']);
    expect(node('storage-b')?.roles).toEqual(['storage']);
  });
  it('applies vars by precedence: host over group over all', () => {
    expect(node('ctl01')).toMatchObject({ host: 'ctl01', user: 'kolla', keyPath: '/keys/id', become: { enabled: true, user: 'root', password: false }, at: { file: 'multinode', line: 4 } });
    expect(node('compute07')).toMatchObject({ user: 'stack', become: { enabled: true, user: 'root' } });
    expect(node('storage-a')).toMatchObject({ port: 2222, become: null });
  });
  it('reads the ProxyCommand bastion and skips the local deployment host', () => {
    expect(node('compute01')?.jump).toEqual([{ host: 'bastion.example.com', user: 'jump', port: 2200 }]);
    expect(node('localhost')).toBeUndefined();
    expect(parsed.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/localhost skipped: ansible_connection=local/)]);
  });
  it('names the file and line of what it cannot read', () => {
    const bad = parseAnsibleIni('[control]\nctl01 ansible_port=22x\n[compute\ncmp01\n[storage]\nst[3:1]\nst01 novalue\n', 'inv.ini');
    expect(bad.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
      'inv.ini:3: expected a section header: [group], [group:vars] or [group:children]',
      'inv.ini:6: host range [3:1] ends before it starts',
      'inv.ini:7: host st01: expected key=value, found a word without "="',
      'inv.ini:2: ansible_port of ctl01 is not a port number',
    ]);
  });
  it("Kolla's own layout: empty [storage], a child group named before it is defined, nested service groups, hosts in several groups", () => {
    // The shapes of kolla-ansible's ansible/inventory/multinode (and of the practice lab's, main/lab/kolla.ts):
    // [openvswitch:children] names manila-share above its own header; [ovn-controller] nests two levels.
    const text = [
      '[control]',
      'ctl1 ansible_host=10.0.0.11 ansible_user=root ansible_ssh_private_key_file=/keys/id',
      '[network]',
      'cmp1 ansible_host=10.0.0.101 ansible_user=root ansible_ssh_private_key_file=/keys/id',
      '[compute]',
      'cmp1 ansible_host=10.0.0.101 ansible_user=root ansible_ssh_private_key_file=/keys/id',
      '[monitoring]',
      'ctl1',
      '[storage]',
      '',
      '[deployment]',
      'localhost ansible_connection=local',
      '[openvswitch:children]',
      'network',
      'compute',
      'manila-share',
      '[manila-share:children]',
      'network',
      '[ovn-controller:children]',
      'ovn-controller-compute',
      'ovn-controller-network',
      '[ovn-controller-compute:children]',
      'compute',
      '[ovn-controller-network:children]',
      'network',
      '[bifrost:children]',
      'deployment',
    ].join('\n');
    const p = parseAnsibleIni(text, 'multinode');
    expect(p.errors).toEqual([]);
    expect(p.nodes.map((n) => [n.name, n.host, n.user, n.keyPath, n.roles.join(','), n.at.line])).toEqual([
      ['ctl1', '10.0.0.11', 'root', '/keys/id', 'controller', 2],
      ['cmp1', '10.0.0.101', 'root', '/keys/id', 'compute,network', 4],
    ]);
  });
  it('host:port in the host pattern, as Ansible allows', () => {
    const p = parseAnsibleIni('[compute]\ncmp[1:2]:2200\n10.0.0.5:2201\n', 'i');
    expect(p.nodes.map((n) => [n.name, n.port])).toEqual([['cmp1', 2200], ['cmp2', 2200], ['10.0.0.5', 2201]]);
  });
});

describe('Ansible YAML', () => {
  it('reads groups, children, ranges and vars with their lines', () => {
    const p = parseAnsibleYaml(testdata('inventory.yml'), 'inventory.yml');
    expect(p.errors).toEqual([]);
    expect(p.nodes.map((n) => [n.name, n.host, n.port ?? 22, n.user, n.roles.join(','), n.at.line])).toEqual([
      ['infra1', '172.29.236.11', 22, 'ops', 'controller,storage', 9],
      ['infra2', '172.29.236.12', 22, 'ops', 'controller', 11],
      ['compute1', 'compute1', 2022, 'ops', 'compute', 15],
      ['compute2', 'compute2', 2022, 'ops', 'compute', 15],
      ['compute3', 'compute3', 2022, 'ops', 'compute', 15],
    ]);
    expect(p.nodes[0]?.jump).toEqual([{ host: 'bastion', user: 'ops', port: 2201 }]);
  });
  it('names the line of a syntax error and of a wrong shape', () => {
    expect(parseAnsibleYaml('all:\n  hosts:\n    a: {\n', 'x.yml').errors[0]).toMatchObject({ file: 'x.yml', line: 4 });
    expect(parseAnsibleYaml('all:\n  hosts: [a, b]\n', 'x.yml').errors).toEqual([{ file: 'x.yml', line: 2, message: 'all.hosts: expected host names as keys' }]);
    expect(parseAnsibleYaml('all:\n  childs: {}\n', 'x.yml').errors[0]?.message).toMatch(/unknown key "childs"/);
  });
});

describe('kubectl get nodes', () => {
  const list = (items: unknown[]) => JSON.stringify({ kind: 'List', items }, null, 4);
  const item = (name: string, ip: string, labels: Record<string, string>) => ({ metadata: { name, labels }, status: { addresses: [{ type: 'Hostname', address: name }, { type: 'InternalIP', address: ip }] } });
  it('reads InternalIP and the chart labels, jumping through the kubectl node', () => {
    const p = parseKubeNodes(
      list([
        item('k1', '10.1.0.1', { 'openstack-control-plane': 'enabled', openvswitch: 'enabled' }),
        item('k2', '10.1.0.2', { 'openstack-compute-node': 'enabled', openvswitch: 'enabled' }),
        item('k3', '10.1.0.3', { 'ceph-osd': 'enabled', 'openstack-compute-node': 'disabled' }),
      ]),
      'nodes.json',
      { name: 'kube', host: '10.1.0.1' },
    );
    expect(p.errors).toEqual([]);
    expect(p.nodes.map((n) => [n.name, n.host, n.roles.join(','), n.jumpNode ?? '-'])).toEqual([
      ['kube', '10.1.0.1', 'controller,network', '-'],
      ['k2', '10.1.0.2', 'compute,network', 'kube'],
      ['k3', '10.1.0.3', 'storage', 'kube'],
    ]);
  });
  it('says which node lacks an address, and where broken JSON breaks', () => {
    expect(parseKubeNodes(list([{ metadata: { name: 'k9' }, status: {} }]), 'n.json', null).errors[0]?.message).toBe('k9: no metadata.name or InternalIP address');
    expect(parseKubeNodes('{\n "items": [\n  }', 'n.json', null).errors[0]).toMatchObject({ file: 'n.json', line: 3 });
  });
});
