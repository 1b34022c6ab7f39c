import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseClusterStatus, parseSystemId } from './parse.js';

const dir = import.meta.dirname;
const run = (scenario: string): { input: AnalyzerInput; findings: Finding[] } => {
  const input = loadFixture(join(dir, 'fixtures', scenario));
  return { input, findings: analyze(input) };
};
const problems = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const byCheck = (fs: Finding[], check: string): Finding[] => fs.filter((f) => f.check === check);
const summary = (fs: Finding[]): string[] => problems(fs).map((f) => `${f.severity} ${f.check}: ${f.title}`);

describe('ovn-health lab scenarios', () => {
  it.each(['lab-healthy', 'helm-healthy'])('%s: everything ok', (scenario) => {
    const { findings } = run(scenario);
    expect(problems(findings)).toEqual([]);
    expect(findings.map((f) => f.check)).toEqual(['ovn.nb-reachable', 'ovn.sb-reachable', 'ovn.raft-healthy', 'ovn.raft-healthy', 'ovn.chassis-registered', 'ovn.controller-connected']);
    expect(byCheck(findings, 'ovn.raft-healthy').map((f) => f.title)[0]).toMatch(/^NB raft cluster healthy: leader [0-9a-f]{4} on controller-1, 3 servers$/);
    expect(byCheck(findings, 'ovn.chassis-registered')[0]?.title).toBe('2 of 2 compute/network nodes are registered chassis');
  });

  it.each(['lab-chassis-missing', 'helm-chassis-missing'])('%s: compute-2 has no chassis and its ovn-controller does not answer', (scenario) => {
    const { findings } = run(scenario);
    expect(summary(findings)).toEqual([
      'critical ovn.chassis-missing: compute-2 is not registered as a chassis in the OVN southbound database',
      'critical ovn.controller-not-running: ovn-controller on compute-2 does not answer',
    ]);
    const [missing] = byCheck(findings, 'ovn.chassis-missing');
    expect(missing?.evidence[0]).toEqual({ node: 'controller-1', step: 'sb-chassis', lines: ['name                : compute-1', 'hostname            : compute-1'] });
    expect(missing?.evidence.map((e) => `${e.node}/${e.step}`)).toEqual(['controller-1/sb-chassis', 'compute-2/system-id', 'compute-2/controller-connection']);
    expect(missing?.explanation).toContain('system-id is compute-2');
  });

  it('helm-chassis-missing: the kubectl error is the evidence', () => {
    const { findings } = run('helm-chassis-missing');
    expect(byCheck(findings, 'ovn.controller-not-running')[0]?.evidence[0]?.lines).toEqual(['error: unable to upgrade connection: container not found ("controller")']);
  });

  it('lab-nb-member-down: one NB member down is a warning, the cluster keeps its leader', () => {
    const { findings } = run('lab-nb-member-down');
    expect(summary(findings)).toEqual([
      'warning ovn.raft-member-down: NB raft status cannot be read on controller-3',
      'warning ovn.raft-member-unreachable: NB leader on controller-1 cannot reach member 8bfb (tcp:198.18.2.13:6643)',
    ]);
    const [unreach] = byCheck(findings, 'ovn.raft-member-unreachable');
    expect(unreach?.evidence[0]?.lines).toEqual(['Connections: <-f032 ->f032 (->8bfb)', '    8bfb (8bfb at tcp:198.18.2.13:6643) next_index=10 match_index=9 last msg 6743 ms ago']);
    expect(unreach?.explanation).toContain('one more failed member would leave it without a majority');
    expect(byCheck(findings, 'ovn.raft-healthy').map((f) => f.title)[0]).toMatch(/^SB raft/);
  });

  it('lab-nb-no-leader: NB unreachable and no leader are critical, with the candidate lines as evidence', () => {
    const { findings } = run('lab-nb-no-leader');
    expect(summary(findings)).toEqual([
      'critical ovn.nb-unreachable: The OVN Northbound database does not answer (read from controller-1)',
      'warning ovn.raft-member-down: NB raft status cannot be read on controller-2',
      'warning ovn.raft-member-down: NB raft status cannot be read on controller-3',
      'critical ovn.raft-no-leader: NB raft cluster has no leader',
    ]);
    expect(byCheck(findings, 'ovn.nb-unreachable')[0]?.evidence[0]?.lines).toEqual(['ovn-nbctl: tcp:198.18.2.11:6641,tcp:198.18.2.12:6641,tcp:198.18.2.13:6641: database connection failed (Connection refused)']);
    const [noLeader] = byCheck(findings, 'ovn.raft-no-leader');
    expect(noLeader?.evidence[0]?.lines.slice(0, 4)).toEqual(['Status: disconnected from the cluster (election timeout)', 'Role: candidate', 'Leader: unknown', 'Connections: (->f032) (->8bfb)']);
    expect(noLeader?.explanation).toContain('3 servers, so 2 must be connected');
  });

  it('lab-nb-sb-no-leader: both clusters leaderless, ovn-controllers report "not connected", chassis check skipped', () => {
    const { findings } = run('lab-nb-sb-no-leader');
    expect(byCheck(findings, 'ovn.raft-no-leader').map((f) => f.title)).toEqual(['NB raft cluster has no leader', 'SB raft cluster has no leader']);
    expect(byCheck(findings, 'ovn.sb-unreachable')).toHaveLength(1);
    expect(byCheck(findings, 'ovn.controller-disconnected').map((f) => f.title)).toEqual([
      'ovn-controller on compute-1 is not connected to the southbound database',
      'ovn-controller on compute-2 is not connected to the southbound database',
    ]);
    expect(byCheck(findings, 'ovn.controller-disconnected')[0]?.evidence[0]?.lines).toEqual(['not connected']);
    expect(byCheck(findings, 'ovn.chassis-registered')[0]?.status).toBe('SKIPPED');
    expect(byCheck(findings, 'ovn.chassis-missing')).toEqual([]);
  });

  it('helm-nb-no-leader: kubectl errors of the dead NB pods, candidate survivor, and compute-2 without chassis', () => {
    const { findings } = run('helm-nb-no-leader');
    expect(summary(findings)).toEqual([
      'critical ovn.nb-unreachable: The OVN Northbound database does not answer (read from controller-1)',
      'warning ovn.raft-member-down: NB raft status cannot be read on controller-2',
      'warning ovn.raft-member-down: NB raft status cannot be read on controller-3',
      'critical ovn.raft-no-leader: NB raft cluster has no leader',
      'critical ovn.chassis-missing: compute-2 is not registered as a chassis in the OVN southbound database',
      'critical ovn.controller-not-running: ovn-controller on compute-2 does not answer',
    ]);
    expect(byCheck(findings, 'ovn.raft-member-down')[0]?.evidence[0]?.lines).toEqual(['error: unable to upgrade connection: container not found ("ovsdb")']);
    expect(byCheck(findings, 'ovn.raft-healthy').map((f) => f.title)[0]).toMatch(/^SB raft cluster healthy/);
  });

  it('local-standalone: a non-clustered database is info, not an error', () => {
    const { findings } = run('local-standalone');
    expect(problems(findings)).toEqual([]);
    const standalone = byCheck(findings, 'ovn.raft-standalone');
    expect(standalone.map((f) => [f.severity, f.title])).toEqual([
      ['info', 'NB database on controller-1 is not clustered'],
      ['info', 'SB database on controller-1 is not clustered'],
    ]);
    expect(standalone[0]?.evidence[0]?.lines[0]).toBe('"cluster/status" is not a valid command (use "list-commands" to see a list of valid commands)');
  });
});

describe('ovn-health public scenarios', () => {
  it('public-ovs-issues-242-sb-no-leader: candidate with stale members', () => {
    const { findings } = run('public-ovs-issues-242-sb-no-leader');
    expect(summary(findings)).toEqual([
      'critical ovn.raft-no-leader: SB raft cluster has no leader',
      'warning ovn.raft-stale-members: SB raft configuration lists 5 servers but there are 3 controllers',
    ]);
    const [f] = byCheck(findings, 'ovn.raft-no-leader');
    expect(f?.explanation).toContain('5 servers, so 3 must be connected');
    expect(f?.evidence[0]?.lines).toContain('Connections: (->7e27) ->b550 (->affb) (->f8be) <-b550 <-02e8');
    expect(f?.likelyCause).toContain('stale members');
  });

  it('public-ovs-issues-177-old-format: a 2019 follower status parses as healthy', () => {
    const { findings } = run('public-ovs-issues-177-old-format');
    expect(findings.map((f) => [f.severity, f.title])).toEqual([['ok', 'SB raft cluster healthy: leader b8af, 3 servers']]);
  });
});

describe('ovn-health parsing', () => {
  it('membership changes and leader fields', () => {
    const st = parseClusterStatus(
      ['396d', 'Name: OVN_Southbound', 'Status: cluster member', 'Adding server ad90 (ad90 at tcp:ovn-ovsdb-sb-2:6644) (adding: catchup)', 'Role: leader', 'Term: 4', 'Leader: self', 'Election timer: 8000', 'Servers:', '    396d (396d at tcp:ovn-ovsdb-sb-0:6644) (self) next_index=8 match_index=16', '    248e (248e at tcp:ovn-ovsdb-sb-1:6644) next_index=17 match_index=16 last msg 475 ms ago'].join('\n'),
    );
    expect(st).toMatchObject({ sid: '396d', role: 'leader', leader: 'self', term: 4, electionTimerMs: 8000, changes: ['Adding server ad90 (ad90 at tcp:ovn-ovsdb-sb-2:6644) (adding: catchup)'] });
    expect(st?.servers.map((s) => [s.sid, s.self, s.lastMsgMs])).toEqual([
      ['396d', true, null],
      ['248e', false, 475],
    ]);
  });

  it('system-id from the Open_vSwitch row, quoted or not', () => {
    expect(parseSystemId('external_ids        : {hostname=compute-1.example.org, rundir="/var/run/openvswitch", system-id="5c8a0c4e-1b2d-4e2f-9f0a-3b7c9d1e2f30"}\n')).toMatchObject({ systemId: '5c8a0c4e-1b2d-4e2f-9f0a-3b7c9d1e2f30', hostname: 'compute-1.example.org' });
  });

  it('chassis matched by system-id and by short hostname', () => {
    const o = (node: string, step: string, stdout: string): AnalyzerInput['outputs'][number] => ({ step, node, state: 'succeeded', exitCode: 0, stdout, stderr: '', error: null, command: '' });
    const findings = analyze({
      deployment: 'kolla',
      params: {},
      nodes: [
        { name: 'ctl1', roles: ['controller'] },
        { name: 'cmp1', roles: ['compute'] },
        { name: 'cmp2', roles: ['compute'] },
      ],
      outputs: [
        o('ctl1', 'sb-chassis', 'name                : "5c8a0c4e-1b2d-4e2f-9f0a-3b7c9d1e2f30"\nhostname            : cmp1.example.org\n\nname                : "0d9e"\nhostname            : cmp2.example.org\n'),
        o('cmp1', 'system-id', 'external_ids        : {hostname=cmp1.example.org, system-id="5c8a0c4e-1b2d-4e2f-9f0a-3b7c9d1e2f30"}\n'),
      ],
    });
    expect(problems(findings)).toEqual([]);
    expect(byCheck(findings, 'ovn.chassis-registered')[0]?.explanation).toBe('cmp1 → chassis 5c8a0c4e-1b2d-4e2f-9f0a-3b7c9d1e2f30; cmp2 → chassis 0d9e');
  });
});
