import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import { formatProblem, parsePlaybook, type LoadedPlaybook } from '../../engine/loader.js';
import type { ClusterProfile, PodRef } from '../../engine/profile.js';
import { analyzeOutputs, runPlaybook, type CommandRunner, type TargetNode } from '../../engine/run.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { openstackLogSignaturesTexts } from '../../../main/shared/finding-texts/openstack-log-signatures.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

const dir = join(import.meta.dirname, 'fixtures');
const file = join(import.meta.dirname, 'playbook.yaml');
const parsed = parsePlaybook(readFileSync(file, 'utf8'), file, 'openstack-log-signatures');
if (!('def' in parsed)) throw new Error(parsed.problems.map(formatProblem).join('\n'));
const playbook: LoadedPlaybook = { def: parsed.def, file, analyze };

const run = (scenario: string): { input: AnalyzerInput; findings: Finding[] } => {
  const input = loadFixture(join(dir, scenario));
  return { input, findings: analyzeOutputs(playbook, input) };
};
const byCheck = (findings: Finding[], sig: string): Finding[] => findings.filter((f) => f.check === `openstack-log-signatures.${sig}`);
const one = (findings: Finding[], sig: string, severity?: Finding['severity']): Finding => {
  const found = byCheck(findings, sig).filter((f) => !severity || f.severity === severity);
  expect(found, `${sig} ${severity ?? ''}`).toHaveLength(1);
  return found[0] as Finding;
};

describe('openstack-log-signatures', () => {
  it('loads with the engine’s clock and package steps added, the package names quoted', () => {
    const steps = parsed.def.steps.map((s) => `${s.id}:${s.service}:${(s.roles ?? []).join('/')}`);
    expect(steps).toEqual([
      'nova-compute-log:nova-compute:compute',
      'ovn-controller-log:ovn-controller:compute',
      'neutron-server-log:neutron-server:controller',
      'ovn-sb-log:ovn-sb:controller',
      'rabbitmq-log:rabbitmq:controller',
      'signature-clock:host:compute/controller',
      'signature-packages-nova-compute:nova-compute:compute',
    ]);
    expect(parsed.def.steps.find((s) => s.id === 'signature-packages-nova-compute')?.run).toBe("dpkg-query -W -f '${Package} ${Version}\\n' -- nova-common python3-oslo.messaging");
    expect(parsed.def.logSignatures?.map((g) => `${g.id} ${g.window}=${g.windowSec}s min ${g.minCount}${g.knownBug ? ` LP#${g.knownBug.lp}` : ''}`)).toEqual([
      'oslo-greenlet-heartbeat 24h=86400s min 1 LP#1934937',
      'amqp-unreachable 6h=21600s min 1',
      'amqp-heartbeat-reset 6h=21600s min 1',
      'rpc-messaging-timeout 6h=21600s min 1',
      'ovn-controller-sb-stale 6h=21600s min 10',
      'neutron-ovn-stale-data 6h=21600s min 10',
      'neutron-ovn-leader-bouncing 24h=86400s min 50',
      'ovn-sb-inactivity-probe 6h=21600s min 2',
      'ovn-sb-elections 1h=3600s min 5',
      'nova-libvirt-node-device 7d=604800s min 1 LP#1972028',
      'rabbitmq-missed-heartbeats 6h=21600s min 1',
    ]);
    // Every text of the playbook's table belongs to a signature, and every signature has its three.
    expect(Object.keys(openstackLogSignaturesTexts).sort()).toEqual((parsed.def.logSignatures ?? []).flatMap((g) => ['explanation', 'next', 'title'].map((k) => `openstack-log-signatures.sig.${g.id}.${k}`)).sort());
  });

  it('names LP#1934937 when the installed oslo.messaging is older than the fix, with the dpkg line as evidence', () => {
    const { findings } = run('public-hotsos-greenlet-affected');
    const f = one(findings, 'oslo-greenlet-heartbeat', 'warning');
    expect(f.title).toBe('oslo.messaging heartbeat crashed its greenlet on compute-1: 1 times in the last 24h');
    expect(f.explanation).toContain('This looks like LP#1934937, fixed in 12.13.0-0ubuntu1.2~cloud0; installed here: python3-oslo.messaging 12.1.6-0ubuntu1.');
    expect(f.likelyCause).toBe('Known bug LP#1934937 in python3-oslo.messaging 12.1.6-0ubuntu1 (https://bugs.launchpad.net/bugs/1934937).');
    expect(f.nextStep).toMatch(/heartbeat_in_pthread = False .* Upgrade python3-oslo.messaging to 12.13.0-0ubuntu1.2~cloud0 or later\.$/);
    // The greenlet line has no time: it is placed at the record before it (08:42:58), within 24 h of 12:00.
    expect(f.evidence).toEqual([
      { node: 'compute-1', step: 'nova-compute-log', lines: ['greenlet.error: cannot switch to a different thread'] },
      { node: 'compute-1', step: 'signature-clock', lines: ['1687089600 +0000'] },
      { node: 'compute-1', step: 'signature-packages-nova-compute', lines: ['python3-oslo.messaging 12.1.6-0ubuntu1'] },
    ]);
    for (const sig of ['amqp-unreachable', 'rpc-messaging-timeout', 'nova-libvirt-node-device']) expect(one(findings, sig).severity, sig).toBe('ok');
  });

  it('says the known bug is fixed when the installed version carries the fix, so the cause is elsewhere', () => {
    const { findings } = run('public-hotsos-greenlet-journal-fixed');
    const f = one(findings, 'oslo-greenlet-heartbeat', 'warning');
    expect(f.explanation).toContain('The lines match LP#1934937, but python3-oslo.messaging 12.13.0-0ubuntu1.2 installed here already has its fix (12.13.0-0ubuntu1.2~cloud0): look for another cause.');
    expect(f.explanation).not.toContain('looks like');
    expect(f.likelyCause).toBe('');
    expect(f.nextStep).not.toContain('Upgrade');
    expect(f.evidence[0]?.lines).toEqual(['Mar 24 08:00:27 testnode02 nova-compute[3334105]: greenlet.error: cannot switch to a different thread']);
  });

  it('claims no bug when the installed version cannot be read', () => {
    const input = loadFixture(join(dir, 'public-hotsos-greenlet-affected'));
    const withoutPackages = { ...input, outputs: input.outputs.filter((o) => o.step !== 'signature-packages-nova-compute') };
    const f = one(analyzeOutputs(playbook, withoutPackages), 'oslo-greenlet-heartbeat', 'warning');
    expect(f.explanation).toContain('It may be LP#1934937 (fixed in 12.13.0-0ubuntu1.2~cloud0), but the installed python3-oslo.messaging could not be read here (the package step did not run there), so that is not claimed.');
    const missing = {
      ...input,
      outputs: input.outputs.map((o) => (o.step === 'signature-packages-nova-compute' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: 'nova-common 2:21.2.3-0ubuntu1\n', stderr: 'dpkg-query: no packages found matching python3-oslo.messaging\n' } : o)),
    };
    expect(one(analyzeOutputs(playbook, missing), 'oslo-greenlet-heartbeat', 'warning').explanation).toContain('(dpkg-query said: dpkg-query: no packages found matching python3-oslo.messaging)');
  });

  it('compares Debian versions with their epoch (nova-common 2:21 is older than the 3:25 fix)', () => {
    const { findings } = run('public-hotsos-libvirt-node-device');
    const f = one(findings, 'nova-libvirt-node-device', 'warning');
    expect(f.title).toBe('nova-compute raced libvirt over a vanished node device on compute-1: 2 times in the last 7d');
    expect(f.explanation).toContain('This looks like LP#1972028, fixed in 3:25.2.1-0ubuntu2.8; installed here: nova-common 2:21.2.3-0ubuntu1.');
  });

  it('counts by each node’s own clock and thresholds: ten stale-data lines in 6 h on both sides', () => {
    const { findings } = run('public-hotsos-ovn-stale');
    expect(one(findings, 'ovn-controller-sb-stale', 'warning').title).toBe('ovn-controller keeps finding a stale southbound server on compute-1: 10 times in the last 6h');
    const n = one(findings, 'neutron-ovn-stale-data', 'warning');
    expect(n.evidence[0]).toEqual({
      node: 'controller-1',
      step: 'neutron-server-log',
      lines: [
        '2022-02-10 12:52:16.311 317562 WARNING ovsdbapp.backend.ovs_idl.vlog [-] ssl:10.5.3.204:16642: clustered database server has stale data; trying another server',
        '2022-02-10 12:53:46.311 317562 WARNING ovsdbapp.backend.ovs_idl.vlog [-] ssl:10.5.3.204:16642: clustered database server has stale data; trying another server',
      ],
    });
    expect(n.evidence[1]).toEqual({ node: 'controller-1', step: 'signature-clock', lines: ['1644509957 +0000'] });
  });

  it('leader bouncing past 50 in 24 h; below the threshold is only information', () => {
    const { input, findings } = run('public-hotsos-leader-bouncing');
    const f = one(findings, 'neutron-ovn-leader-bouncing', 'warning');
    expect(f.title).toMatch(/on controller-1: 78 times in the last 24h$/);
    expect(f.explainedBy).toEqual(['ovn.raft-no-leader', 'ovn.raft-member-down', 'ovn.raft-member-unreachable']);
    const fewer = { ...input, outputs: input.outputs.map((o) => (o.step === 'neutron-server-log' ? { ...o, stdout: o.stdout.split('\n').slice(0, 12).join('\n') } : o)) };
    const below = one(analyzeOutputs(playbook, fewer), 'neutron-ovn-leader-bouncing');
    expect(below.severity).toBe('info');
    expect(below.explanation).toMatch(/It takes 50 in 24h to count as a problem\.$/);
  });

  it('leaves lines ahead of the node’s clock out of "the last hour"', () => {
    const f = one(run('public-hotsos-ovn-sb-elections').findings, 'ovn-sb-elections', 'warning');
    expect(f.title).toMatch(/: 13 times in the last 1h$/);
    expect(f.evidence[0]?.lines.at(-1)).toBe('2022-02-10T15:59:59.892Z|16372|raft|INFO|term 2917: 1274 ms timeout expired, starting election');
    expect(one(run('public-hotsos-ovn-sb-probe').findings, 'ovn-sb-inactivity-probe', 'warning').title).toMatch(/: 2 times in the last 6h$/);
  });

  it('reads kubectl --timestamps lines and counts only the burst inside the window', () => {
    const { findings } = run('public-sunbeam-amqp');
    const f = one(findings, 'amqp-unreachable', 'warning');
    expect(f.evidence[0]?.lines[0]).toMatch(/^2025-05-14T11:22:/);
    expect(f.evidence[0]?.lines.at(-1)).toMatch(/^2025-05-14T11:22:/);
    expect(one(findings, 'amqp-heartbeat-reset').severity).toBe('ok');
  });

  it('finds the heartbeat thread reset and MessagingTimeout within 6 h, and not the older record', () => {
    expect(one(run('public-4383-heartbeat-reset').findings, 'amqp-heartbeat-reset', 'warning').title).toMatch(/on compute-1: 4 times in the last 6h$/);
    const t = one(run('public-hotsos-messaging-timeout').findings, 'rpc-messaging-timeout', 'warning');
    expect(t.title).toMatch(/: 3 times in the last 6h$/);
    expect(t.evidence[0]?.lines[0]).toMatch(/^2022-02-09 22:59:47/);
  });

  it('reads RabbitMQ’s old report header and gives its continuation lines that time', () => {
    const f = one(run('public-rabbitmq-missed-heartbeats').findings, 'rabbitmq-missed-heartbeats', 'warning');
    expect(f.title).toBe('RabbitMQ closed connections that stopped heartbeating on controller-1: 1 times in the last 6h');
    expect(f.evidence[0]?.lines).toEqual(['missed heartbeats from client, timeout: 60 seconds']);
  });

  it('never calls a log clean that it could not read: no times, empty, failed, or no clock', () => {
    const { input, findings } = run('lab-packages-no-nova-log');
    for (const sig of ['oslo-greenlet-heartbeat', 'amqp-unreachable', 'rpc-messaging-timeout']) {
      const f = one(findings, sig);
      expect(f.status, sig).toBe('SKIPPED');
      expect(f.explanation).toMatch(/^compute-1( \(nova-compute-log\))?: no line read carries a time, so none can be placed in the window\.$/);
    }
    expect(findings.some((f) => f.severity === 'ok')).toBe(false);
    const variants: Array<[string, (o: AnalyzerInput['outputs'][number]) => AnalyzerInput['outputs'][number] | null, RegExp]> = [
      ['empty', (o) => (o.step === 'nova-compute-log' ? { ...o, stdout: '' } : o), /the log read was empty/],
      ['failed', (o) => (o.step === 'nova-compute-log' ? { ...o, state: 'failed', exitCode: 1, stderr: 'tail: cannot open' } : o), /the log could not be read \(exit 1\)/],
      ['no clock', (o) => (o.step === 'signature-clock' ? null : o), /the node’s clock could not be read/],
    ];
    for (const [name, change, why] of variants) {
      const changed = { ...input, outputs: input.outputs.map(change).filter((o): o is NonNullable<typeof o> => o !== null) };
      const f = one(analyzeOutputs(playbook, changed), 'amqp-unreachable');
      expect(f.status, name).toBe('SKIPPED');
      expect(f.explanation, name).toMatch(why);
    }
  });

  it('evaluate every signature over 5000 long lines that almost match in well under a second or two', () => {
    const near = ['AMQP server on ', 'clustered database server has stale data', 'ovsdbapp.backend.ovs_idl.vlog [', '|raft|INFO|term 1: ', '|reconnect|ERR|', 'greenlet.error: ', 'Unexpected error during heartbeart'];
    const line = (i: number): string => `2026-12-05 08:${String(i % 60).padStart(2, '0')}:00.000 7 ERROR x [${'-'.repeat(600)} ${near[i % near.length]}${'x '.repeat(700)}`;
    const big = Array.from({ length: 5000 }, (_, i) => line(i)).join('\n');
    const node = (name: string, step: string) => [
      { step, node: name, state: 'succeeded' as const, exitCode: 0, stdout: big, stderr: '', error: null, command: step },
      { step: 'signature-clock', node: name, state: 'succeeded' as const, exitCode: 0, stdout: `${Date.UTC(2026, 11, 5, 9) / 1000} +0000\n`, stderr: '', error: null, command: 'date' },
    ];
    const input: AnalyzerInput = { params: {}, deployment: 'packages', nodes: [], outputs: [...node('compute-1', 'nova-compute-log'), ...node('compute-2', 'ovn-controller-log'), ...node('controller-1', 'neutron-server-log'), ...node('controller-2', 'ovn-sb-log')] };
    const started = performance.now();
    const findings = analyzeOutputs(playbook, input);
    const ms = performance.now() - started;
    expect(findings.filter((f) => f.severity !== 'ok')).toEqual([]);
    expect(ms).toBeLessThan(3000);
  });

  it('quote every evidence line verbatim and give every finding its texts in English and Korean', () => {
    for (const scenario of readdirSync(dir)) {
      const { input, findings } = run(scenario);
      expect(findings.length, scenario).toBeGreaterThan(0);
      expect(evidenceNotInOutput(input, findings), scenario).toEqual([]);
      for (const f of findings) expectFindingTexts(f, scenario);
    }
  });
});

/** The fixture's outputs served by step and node, whatever command the flavour makes of the step. */
function fixtureRunner(input: AnalyzerInput, commands: string[], pods: PodRef[] = []): CommandRunner {
  return {
    run: async (job) => {
      commands.push(`${job.step}@${job.node.name}: ${job.command}${job.root ? ' [root]' : ''}`);
      if (job.step === 'discover-pods') {
        const items = pods.map((p) => ({ metadata: { namespace: p.namespace, name: p.name, labels: p.labels }, spec: { nodeName: p.nodeName, containers: p.containers.map((name) => ({ name })) }, status: { hostIP: p.hostIP, containerStatuses: [{ ready: true }] } }));
        return { step: job.step, node: job.node.name, state: 'succeeded', exitCode: 0, stdout: JSON.stringify({ items }), stderr: '', error: null, command: job.command };
      }
      const out = input.outputs.find((o) => o.step === job.step && o.node === job.node.name);
      return out ? { ...out, command: job.command } : { step: job.step, node: job.node.name, state: 'succeeded', exitCode: 0, stdout: '', stderr: '', error: null, command: job.command };
    },
  };
}

describe('openstack-log-signatures in every flavour', () => {
  const input = loadFixture(join(dir, 'public-hotsos-greenlet-affected'));
  const targets: TargetNode[] = [{ name: 'compute-1', host: '10.0.0.21', roles: ['compute'] }];
  const computeOnly: LoadedPlaybook = { ...playbook, def: { ...playbook.def, steps: playbook.def.steps.filter((s) => s.id === 'nova-compute-log' || s.id.startsWith('signature-')) } };
  const pod: PodRef = { namespace: 'openstack', name: 'nova-compute-default-x1', labels: { application: 'nova', component: 'compute' }, hostIP: '10.0.0.21', nodeName: 'compute-1', ready: true, containers: ['nova-compute'] };
  const flavours: Array<[ClusterProfile, string[], PodRef[]]> = [
    [
      { deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' },
      [
        'nova-compute-log@compute-1: if [ -r /var/log/nova/nova-compute.log ]; then tail -n 5000 /var/log/nova/nova-compute.log; else journalctl -u nova-compute -n 5000 --no-pager; fi [root]',
        "signature-clock@compute-1: date '+%s %z'",
        "signature-packages-nova-compute@compute-1: dpkg-query -W -f '${Package} ${Version}\\n' -- nova-common python3-oslo.messaging",
      ],
      [],
    ],
    [
      { deployment: 'kolla', containerEngine: 'podman', namespace: 'openstack' },
      [
        'nova-compute-log@compute-1: tail -n 5000 /var/log/kolla/nova/nova-compute.log',
        "signature-clock@compute-1: date '+%s %z'",
        "signature-packages-nova-compute@compute-1: podman exec nova_compute sh -c 'dpkg-query -W -f '\\''${Package} ${Version}\\n'\\'' -- nova-common python3-oslo.messaging' [root]",
      ],
      [],
    ],
    [
      { deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'openstack' },
      [
        'discover-pods@compute-1: kubectl get pods -n openstack -o json',
        'nova-compute-log@compute-1: kubectl -n openstack logs nova-compute-default-x1 -c nova-compute --tail 5000',
        "signature-clock@compute-1: date '+%s %z'",
        "signature-packages-nova-compute@compute-1: kubectl -n openstack exec nova-compute-default-x1 -c nova-compute -- sh -c 'dpkg-query -W -f '\\''${Package} ${Version}\\n'\\'' -- nova-common python3-oslo.messaging'",
      ],
      [pod],
    ],
  ];
  for (const [profile, expected, pods] of flavours) {
    it(`${profile.deployment}: reads the log, the node clock and the package where the service runs, and names the bug`, async () => {
      const commands: string[] = [];
      const r = await runPlaybook({ playbook: computeOnly, profile, targets, params: {}, runner: fixtureRunner(input, commands, pods), concurrency: 1, signal: new AbortController().signal });
      expect(commands).toEqual(expected);
      const f = r.findings.find((x) => x.check === 'openstack-log-signatures.oslo-greenlet-heartbeat');
      expect(f?.severity).toBe('warning');
      expect(f?.explanation).toContain('installed here: python3-oslo.messaging 12.1.6-0ubuntu1');
      expect(r.findings.filter((x) => x.severity === 'critical' || (x.severity === 'warning' && x.check !== 'openstack-log-signatures.oslo-greenlet-heartbeat'))).toEqual([]);
    });
  }
});
