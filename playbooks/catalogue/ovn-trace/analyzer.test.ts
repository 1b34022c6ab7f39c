import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import { parsePlaybook } from '../../engine/loader.js';
import { inService } from '../../engine/profile.js';
import { scriptArgs } from '../../engine/shell.js';
import type { Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { inCidr, parseBareMap, parseTraceOutput } from './parse.js';

const here = import.meta.dirname;
const run = (scenario: string): Finding[] => analyze(loadFixture(join(here, 'fixtures', scenario)));
const only = (scenario: string): Finding => {
  const f = run(scenario);
  expect(f).toHaveLength(1);
  return f[0] as Finding;
};
/** Every evidence line must be a verbatim line of that node's step output. */
function expectVerbatim(scenario: string, f: Finding): void {
  expect(evidenceNotInOutput(loadFixture(join(here, 'fixtures', scenario)), [f]), scenario).toEqual([]);
}

describe('ovn-trace playbook', () => {
  it('loads, and passes a hostile source to trace.sh as one quoted argument', () => {
    const r = parsePlaybook(readFileSync(join(here, 'playbook.yaml'), 'utf8'), join(here, 'playbook.yaml'), 'ovn-trace');
    expect('problems' in r ? r.problems : []).toEqual([]);
    if (!('def' in r)) return;
    const step = r.def.steps[0];
    expect(step?.script?.text).toBe(readFileSync(join(here, 'trace.sh'), 'utf8'));
    expect(step?.script?.text).toContain('\nsrc=$1\ndst=$2\nproto=$3\ndport=$4\n');
    const values = scriptArgs(r.def.params.map((p) => p.name), { source: "x'; touch /tmp/pwned; '", destination_ip: '10.0.0.12', protocol: 'tcp', destination_port: 22 });
    const cmd = inService({ deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' }, 'ovn-northd', step?.script?.text ?? '', undefined, { name: 'trace.sh', values });
    expect(cmd.endsWith(` trace.sh 'x'\\''; touch /tmp/pwned; '\\''' 10.0.0.12 tcp 22`)).toBe(true);
  });
});

describe('ovn-trace analyzer on lab captures', () => {
  it('ovn-acl-drop: names Neutron default drop, the security group and its remaining rules', () => {
    for (const s of ['lab-acl-drop-ssh', 'helm-acl-drop-ssh', 'lab-acl-drop-ssh-unlogged']) {
      const f = only(s);
      expect(f).toMatchObject({ check: 'ovn-trace.security-group-drop', severity: 'critical', status: 'FAILED' });
      expect(f.title).toContain('tcp/22 from bastion-port (10.0.0.13) to db-1-port (10.0.0.12)');
      // Names in the title, the UUID in the body (a title stays one line).
      expect(f.title).toContain('security group "default" on ');
      expect(f.title).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(f.explanation).toContain(`security group "default" (5a728551-f3bb-537b-a343-8ab7bd0751d0)`);
      expect(f.title).toContain("Neutron's default drop");
      expect(f.explanation).toContain('outport == @neutron_pg_drop && ip');
      expect(f.explanation).toContain('icmp4');
      expect(f.nextStep).toContain('openstack security group rule create --ingress --protocol tcp --dst-port 22 5a728551-f3bb-537b-a343-8ab7bd0751d0');
      const lines = f.evidence[0]?.lines ?? [];
      expect(lines.some((l) => l.includes('ls_out_acl') && l.includes('@neutron_pg_drop'))).toBe(true);
      expect(lines).toContain('egress(dp="private", inport="bastion-port", outport="db-1-port")');
      expect(lines.some((l) => l.startsWith('port_group=pg_5a728551_f3bb_537b_a343_8ab7bd0751d0'))).toBe(true);
      expect(lines.some((l) => /to-lport/.test(l) && l.includes('tcp.dst == 22'))).toBe(false);
      expectVerbatim(s, f);
    }
    expect(only('lab-acl-drop-ssh').evidence[0]?.lines).toContain('    log(name="neutron-pg-drop-ingress", verdict=drop, severity=info);');
    expect(only('lab-acl-drop-ssh-unlogged').evidence[0]?.lines).toContain('    drop;');
  });

  it('healthy lab: ssh to db-1 is delivered, allowed by the ssh rule', () => {
    for (const s of ['lab-healthy-ssh', 'helm-healthy-ssh']) {
      const f = only(s);
      expect(f).toMatchObject({ check: 'ovn-trace.delivered', severity: 'ok', status: 'OK' });
      expect(f.title).toBe('tcp/22 from bastion-port (10.0.0.13) to db-1-port (10.0.0.12) is delivered');
      expect(f.explanation).toContain('ACL sg-default-ingress-ssh of security group "default"');
      expect(f.evidence[0]?.lines).toContain('    /* output to "db-1-port", type "" */');
      expectVerbatim(s, f);
    }
  });

  it('http to web-1 is delivered through the web security group', () => {
    const f = only('lab-healthy-http-web');
    expect(f).toMatchObject({ check: 'ovn-trace.delivered', severity: 'ok' });
    expect(f.explanation).toContain('ACL sg-web-ingress-http of security group "web" (fb98ade3-5373-5545-ad2b-d3c15ae6814c)');
    expectVerbatim('lab-healthy-http-web', f);
  });

  it('http to db-1 (no rule for it) is a security group drop listing the rules db-1 does have', () => {
    const f = only('lab-http-to-db-dropped');
    expect(f).toMatchObject({ check: 'ovn-trace.security-group-drop', severity: 'critical' });
    expect(f.title).toContain('tcp/80 from web-1-port (10.0.0.10) to db-1-port (10.0.0.12)');
    expect(f.explanation).toContain('[sg-default-ingress-ssh]');
    expectVerbatim('lab-http-to-db-dropped', f);
  });

  it('traffic routed out through the provider network leaves OVN (ok)', () => {
    const f = only('lab-routed-external');
    expect(f).toMatchObject({ check: 'ovn-trace.leaves-ovn', severity: 'ok' });
    expect(f.title).toContain('udp/53 from bastion-port (10.0.0.13) to 172.24.4.1 leaves OVN through provnet-f9f6a5 (localnet)');
    expect(f.explanation).toContain('ARP request');
    expectVerbatim('lab-routed-external', f);
  });

  it('a destination IP on the subnet that no port owns is named as such, not as a delivery', () => {
    const f = only('lab-destination-unknown');
    expect(f).toMatchObject({ check: 'ovn-trace.destination-unknown', severity: 'warning' });
    expect(f.title).toContain('No port owns 10.0.0.99');
    expect(f.evidence[0]?.lines).toContain('router_port=lrp-e31b1cc6-621e-5070-a597-000000000001 mac=fa:16:3e:20:00:01 networks=10.0.0.1/24');
    expectVerbatim('lab-destination-unknown', f);
  });

  it('a hostile or unknown source is a clear "not found" finding', () => {
    const f = only('lab-source-not-found');
    expect(f).toMatchObject({ check: 'ovn-trace.source-not-found', severity: 'warning' });
    expect(f.title).toContain(`"x'; touch /tmp/pwned; '"`);
    expect(f.evidence[0]?.lines).toEqual(["source=x'; touch /tmp/pwned; '", expect.stringMatching(/^error=source port not found/)]);
  });

  it('a northbound database that does not answer is reported with the client error', () => {
    const f = only('lab-nb-unreachable');
    expect(f).toMatchObject({ check: 'ovn-trace.nb-unreachable', severity: 'warning' });
    expect(f.evidence.flatMap((e) => e.lines)).toContain('ovn-nbctl: tcp:198.18.1.11:16641: database connection failed (Connection refused)');
    expectVerbatim('lab-nb-unreachable', f);
  });
});

describe('ovn-trace analyzer on the full control plane (real Neutron: unnamed ACLs, names from the Neutron API)', () => {
  const SG = 'f85f624b-766d-4758-bedb-0b884c7d6f03';
  it('ovn-acl-drop made through Neutron: names the group "default" and its remaining rule by Neutron id', () => {
    const f = only('full-acl-drop-ssh');
    expect(f).toMatchObject({ check: 'ovn-trace.security-group-drop', severity: 'critical' });
    expect(f.title).toContain('tcp/22 from bastion-port (10.0.0.13) to db-1-port (10.0.0.12)');
    expect(f.title).toContain('security group "default" on db-1-port');
    expect(f.explanation).toContain(`security group "default" (${SG}): ip4 && ip4.src == 0.0.0.0/0 && icmp4 [rule 79e773ee-4ea6-47d2-bc42-eeb58d9c98c0]`);
    expect(f.nextStep).toContain(`openstack security group rule create --ingress --protocol tcp --dst-port 22 ${SG}`);
    // The name is quoted from Neutron's own answer, the rule id from the ACL's external_ids.
    const names = f.evidence.find((e) => e.step === 'security-groups')?.lines ?? [];
    expect(names).toEqual([`    "ID": "${SG}",`, '    "Name": "default",', '    "ID": "79e773ee-4ea6-47d2-bc42-eeb58d9c98c0",']);
    expectVerbatim('full-acl-drop-ssh', f);
  });

  it('healthy: delivered, allowed by the rules named by id, with the ACL lines that carry them', () => {
    const f = only('full-healthy-ssh');
    expect(f).toMatchObject({ check: 'ovn-trace.delivered', severity: 'ok' });
    expect(f.explanation).toContain(`rule e7fe0570-a258-4dfe-b2ce-2da68f422525 (\`ip4 && ip4.src == 0.0.0.0/0 && tcp && tcp.dst == 22\`) of security group "default" (${SG})`);
    expect(f.evidence[0]?.lines.some((l) => l.startsWith('acl=to-lport,1002,') && l.endsWith('neutron:security_group_rule_id=e7fe0570-a258-4dfe-b2ce-2da68f422525'))).toBe(true);
    expectVerbatim('full-healthy-ssh', f);
  });

  it('without the Neutron API (step failed or absent) the group and rules are named by id', () => {
    const input = loadFixture(join(here, 'fixtures', 'full-acl-drop-ssh'));
    for (const outputs of [input.outputs.filter((o) => o.step !== 'security-groups'), input.outputs.map((o) => (o.step === 'security-groups' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '' } : o))]) {
      const [f] = analyze({ ...input, outputs });
      expect(f?.check).toBe('ovn-trace.security-group-drop');
      expect(f?.title).toContain(`security group ${SG} on db-1-port`);
      expect(f?.explanation).toContain('[rule 79e773ee-4ea6-47d2-bc42-eeb58d9c98c0]');
      expect(f?.evidence.map((e) => e.step)).toEqual(['trace']);
    }
  });
});

describe('ovn-trace analyzer on public outputs (OVN 23.x acl_eval/acl_action stages)', () => {
  it('egress drop by neutron_pg_drop: the trace stops in ls_in_acl_action after ls_in_acl_eval', () => {
    const f = only('public-rhosp-egress-drop');
    expect(f).toMatchObject({ check: 'ovn-trace.security-group-drop', severity: 'critical' });
    expect(f.title).toContain('tcp/22 from e4f83d35-baad-41b3-af74-853dc6d308bd (192.168.222.40) to 8.8.8.8');
    expect(f.title).toContain('no egress rule on e4f83d35-baad-41b3-af74-853dc6d308bd allows it');
    expect(f.explanation).toContain('stops the packet in stage ls_in_acl_action (table 9); ls_in_acl_eval (table 8) matched');
    expect(f.explanation).toContain('inport == @neutron_pg_drop && ip');
    expect(f.nextStep).toContain('openstack port show e4f83d35-baad-41b3-af74-853dc6d308bd');
    const lines = f.evidence[0]?.lines ?? [];
    expect(lines).toContain(' 8. ls_in_acl_eval (northd.c:6556): reg0[10] == 1 && (inport == @neutron_pg_drop && ip), priority 2001, uuid f82a272a');
    expect(lines).toContain(' 9. ls_in_acl_action (northd.c:6734): reg8[17] == 1, priority 1000, uuid 95b30903');
    expectVerbatim('public-rhosp-egress-drop', f);
  });

  it('after the egress rule is added the packet leaves through the provider network', () => {
    const f = only('public-rhosp-egress-allowed');
    expect(f).toMatchObject({ check: 'ovn-trace.leaves-ovn', severity: 'ok' });
    expect(f.explanation).toContain('security group beb6f07a-ca99-4b62-abb6-d381da4930f4');
    expect(f.evidence[0]?.lines).toContain('            /* output to "provnet-c05c72", type "localnet" */');
    expectVerbatim('public-rhosp-egress-allowed', f);
  });
});

describe('healthy scenarios raise nothing', () => {
  it('no critical or warning', () => {
    for (const s of ['lab-healthy-ssh', 'helm-healthy-ssh', 'lab-healthy-http-web', 'lab-routed-external', 'public-rhosp-egress-allowed', 'full-healthy-ssh']) {
      expect(run(s).filter((f) => f.severity === 'critical' || f.severity === 'warning')).toEqual([]);
    }
  });
});

describe('ovn-trace analyzer edge cases', () => {
  it('a step that never completed gives a skipped finding, not health', () => {
    const f = analyze({ params: {}, deployment: 'packages', nodes: [], outputs: [{ step: 'trace', node: 'controller-1', state: 'timeout', exitCode: null, stdout: '', stderr: '', error: 'timed out', command: 'trace' }] });
    expect(f).toMatchObject([{ status: 'SKIPPED', check: 'ovn-trace.verdict' }]);
  });

  it('a step that failed before ovn-trace quotes its last lines', () => {
    const f = analyze({ params: {}, deployment: 'kolla', nodes: [], outputs: [{ step: 'trace', node: 'controller-1', state: 'failed', exitCode: 127, stdout: '', stderr: 'sh: 1: ovn-nbctl: not found\n', error: null, command: 'trace' }] });
    expect(f).toMatchObject([{ check: 'ovn-trace.failed', severity: 'warning', evidence: [{ lines: ['sh: 1: ovn-nbctl: not found'] }] }]);
  });

  it('a port security drop (real ovn-trace lines, spoofed eth.src) names the source port', () => {
    // Lines from the lab: ovn-trace run by hand with eth.src fa:16:3e:99:00:04 on bastion-port.
    const stdout = [
      'source=bastion-port',
      'source_lsp=5b3211c8-3247-5d8d-a322-4f0d898ed6b2',
      'source_port_name=bastion-port',
      'source_mac=fa:16:3e:99:00:04',
      'source_ip=10.0.0.13',
      'destination_ip=10.0.0.12',
      'flow=inport=="5b3211c8-3247-5d8d-a322-4f0d898ed6b2" && eth.src==fa:16:3e:99:00:04 && ip4.src==10.0.0.13 && eth.dst==fa:16:3e:10:00:03 && ip4.dst==10.0.0.12 && ip.ttl==64 && tcp && tcp.dst==22',
      '== ovn-trace ==',
      'ingress(dp="private", inport="bastion-port")',
      '--------------------------------------------',
      ' 0. ls_in_check_port_sec (northd.c:8432): 1, priority 50, uuid 3f3ff24f',
      '    reg0[15] = check_in_port_sec();',
      '    next;',
      ' 1. ls_in_apply_port_sec (northd.c:8435): reg0[15] == 1, priority 50, uuid 7642234c',
      '    drop;',
      '',
    ].join('\n');
    const f = analyze({ params: { protocol: 'tcp', destination_port: 22 }, deployment: 'packages', nodes: [], outputs: [{ step: 'trace', node: 'controller-1', state: 'succeeded', exitCode: 0, stdout, stderr: '', error: null, command: 'trace' }] });
    expect(f).toMatchObject([{ check: 'ovn-trace.port-security', severity: 'critical' }]);
    expect(f[0]?.title).toContain('port security of the source port (ls_in_apply_port_sec)');
    expect(f[0]?.evidence[0]?.lines).toContain(' 1. ls_in_apply_port_sec (northd.c:8435): reg0[15] == 1, priority 50, uuid 7642234c');
    expect(f[0]?.nextStep).toContain('ovn-nbctl lsp-get-port-security 5b3211c8-3247-5d8d-a322-4f0d898ed6b2');
  });

  it('parses helpers', () => {
    expect(parseBareMap('neutron:security_group_id=5a72 neutron:security_group_name=my group')).toEqual({ 'neutron:security_group_id': '5a72', 'neutron:security_group_name': 'my group' });
    expect(inCidr('10.0.0.99', '10.0.0.1/24')).toBe(true);
    expect(inCidr('10.0.1.5', '10.0.0.1/24')).toBe(false);
    expect(inCidr('fd00::1', '10.0.0.1/24')).toBe(false);
    const f = parseTraceOutput('flow=x\n== ovn-trace ==\n 3. lr_in_ip_routing: no match (implicit drop)\n');
    expect(f.stages).toMatchObject([{ name: 'lr_in_ip_routing', noMatch: true }]);
  });
});
