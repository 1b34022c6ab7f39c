import { describe, expect, it } from 'vitest';
import { parsePlaybook } from './loader.js';
import { inService, serviceLogs, type ClusterProfile, type PodRef } from './profile.js';
import { parsePods } from './pods.js';
import { bindParams, checkApplies, runPlaybook, selectTargets, sortFindings, type CommandRunner } from './run.js';
import { renderRun } from './shell.js';
import type { PlaybookDef } from './types.js';

const text = `id: demo
title: { en: Demo, ko: 데모 }
description: { en: Demo, ko: 데모 }
appliesTo: [packages, openstack-helm]
roles: [controller]
params:
  - { name: source, type: string, required: true, description: { en: Port, ko: 포트 } }
  - { name: port, type: port, default: 22, description: { en: Port, ko: 포트 } }
  - { name: proto, type: enum, values: [tcp, udp], default: tcp, description: { en: Proto, ko: 프로토콜 } }
steps:
  - { id: show, title: { en: Show, ko: 보기 }, service: ovn-nb, run: "printf '%s\\\\n' {{source}} {{port}}" }
  - { id: fix, title: { en: Fix, ko: 수정 }, service: host, run: "true", mutating: true }
`;
const parsed = parsePlaybook(text, 'demo.yaml');
if (!('def' in parsed)) throw new Error(JSON.stringify(parsed));
const def: PlaybookDef = parsed.def;

describe('engine', () => {
  it('binds typed parameters with defaults and names every problem', () => {
    expect(bindParams(def, { source: 'web-1' })).toEqual({ source: 'web-1', port: 22, proto: 'tcp' });
    expect(() => bindParams(def, { port: 'ssh', proto: 'sctp', colour: 'red' })).toThrow(
      'unknown parameter "colour" (demo takes: source, port, proto); missing required parameter "source": Port; parameter "port": "ssh" is not a whole number; parameter "proto": "sctp" is not one of tcp, udp',
    );
  });

  it('substitutes a hostile value as one quoted word', () => {
    const evil = "x'; touch /tmp/pwned; '";
    const cmd = renderRun("printf '%s\\n' {{source}} {{port}}", { source: evil, port: 22 });
    expect(cmd).toBe(`printf '%s\\n' 'x'\\''; touch /tmp/pwned; '\\''' 22`);
  });

  it('wraps the same step for each flavour', () => {
    const pod: PodRef = { namespace: 'openstack', name: 'ovn-ovsdb-nb-0', labels: {}, hostIP: '10.0.0.1', nodeName: 'c1', ready: true, containers: ['ovsdb'] };
    const cmd = "ovn-nbctl --format=csv list ACL 'a b'";
    expect(inService({ deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' }, 'ovn-nb', cmd)).toBe(cmd);
    expect(inService({ deployment: 'kolla', containerEngine: 'podman', namespace: 'openstack' }, 'ovn-nb', cmd)).toBe(`podman exec ovn_nb_db sh -c 'ovn-nbctl --format=csv list ACL '\\''a b'\\'''`);
    expect(inService({ deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'openstack' }, 'ovn-nb', cmd, pod)).toBe(
      `kubectl -n openstack exec ovn-ovsdb-nb-0 -c ovsdb -- sh -c 'ovn-nbctl --format=csv list ACL '\\''a b'\\'''`,
    );
    expect(inService({ deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'openstack' }, 'host', cmd)).toBe(cmd);
    expect(serviceLogs({ deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' }, 'nova-compute', 200, false)).toBe(
      'if [ -r /var/log/nova/nova-compute.log ]; then tail -n 200 /var/log/nova/nova-compute.log; else journalctl -u nova-compute -n 200 --no-pager; fi',
    );
    expect(serviceLogs({ deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' }, 'database', 20, false)).toBe('journalctl -u mariadb -n 20 --no-pager');
    expect(serviceLogs({ deployment: 'kolla', containerEngine: 'docker', namespace: 'openstack' }, 'nova-compute', 200, false)).toBe('tail -n 200 /var/log/kolla/nova/nova-compute.log');
    expect(serviceLogs({ deployment: 'kolla', containerEngine: 'podman', namespace: 'openstack' }, 'rabbitmq', 100, false)).toBe('podman logs --tail 100 rabbitmq 2>&1');
    expect(serviceLogs({ deployment: 'kolla', containerEngine: 'docker', namespace: 'openstack' }, 'rabbitmq', 100, false)).toBe('docker logs --tail 100 rabbitmq 2>&1');
    expect(serviceLogs({ deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'openstack' }, 'database', 50, true, { ...pod, name: 'mariadb-server-0', containers: ['mariadb'] })).toBe(
      'kubectl -n openstack logs mariadb-server-0 -c mariadb --previous --tail 50',
    );
  });

  it('finds pods in the cluster profile\'s namespace, and only there', async () => {
    const pod = (namespace: string, name: string) => ({ metadata: { namespace, name, labels: { application: 'ovn', component: 'ovn-ovsdb-nb' } }, spec: { nodeName: 'c1', containers: [{ name: 'ovsdb' }] }, status: { hostIP: '10.0.0.1', containerStatuses: [{ ready: true }] } });
    const commands: string[] = [];
    const runner: CommandRunner = {
      run: async (job) => {
        commands.push(job.command);
        const stdout = job.step === 'discover-pods' ? JSON.stringify({ items: [pod('openstack', 'nb-elsewhere'), pod('os-2', 'nb-here')] }) : '';
        return { step: job.step, node: job.node.name, state: 'succeeded', exitCode: 0, stdout, stderr: '', error: null, command: job.command };
      },
    };
    const show = { ...def, steps: def.steps.filter((s) => s.id === 'show') };
    const profile: ClusterProfile = { deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'os-2' };
    await runPlaybook({ playbook: { def: show, file: 'demo.yaml', analyze: () => [] }, profile, targets: [{ name: 'c1', host: '10.0.0.1', roles: ['controller'] }], params: { source: 'a', port: 22 }, runner, concurrency: 1, signal: new AbortController().signal });
    expect(commands[0]).toBe('kubectl get pods -n os-2 -o json');
    expect(commands[1]).toMatch(/^kubectl -n os-2 exec nb-here -c ovsdb -- sh -c /);
    expect(commands).toHaveLength(2);
  });

  it('a node without a pod of a placed service is not there (quiet); a missing per-node agent, or a service with no pod at all, is said', async () => {
    const yaml = `id: placed
title: { en: P, ko: P }
description: { en: P, ko: P }
appliesTo: [openstack-helm]
roles: [controller, compute]
params: []
steps:
  - { id: sched, title: { en: Sched log, ko: S }, service: nova-scheduler, on: each, roles: [controller], logs: { tail: 5 } }
  - { id: agent, title: { en: Agent, ko: A }, service: ovn-controller, on: each, roles: [compute], run: "ovn-appctl -t ovn-controller connection-status" }
  - { id: db, title: { en: DB, ko: D }, service: database, on: each, roles: [compute], run: "true" }
`;
    const p = parsePlaybook(yaml, 'placed.yaml');
    if (!('def' in p)) throw new Error(JSON.stringify(p));
    const pod = (name: string, node: string, application: string, component: string, container: string) => ({ metadata: { namespace: 'openstack', name, labels: { application, component } }, spec: { nodeName: node, containers: [{ name: container }] }, status: { hostIP: '', containerStatuses: [{ ready: true }] } });
    // One nova-scheduler (on c3, as the lab runs it); ovn-controller on cmp1 only (cmp2 lost its agent); no database pod on a compute.
    const pods = [pod('nova-scheduler-x', 'c3', 'nova', 'scheduler', 'nova-scheduler'), pod('ovn-controller-a', 'cmp1', 'ovn', 'ovn-controller', 'controller')];
    const ran: string[] = [];
    const runner: CommandRunner = {
      run: async (job) => {
        if (job.step !== 'discover-pods') ran.push(`${job.step}@${job.node.name}`);
        const stdout = job.step === 'discover-pods' ? JSON.stringify({ items: pods }) : '';
        return { step: job.step, node: job.node.name, state: 'succeeded', exitCode: 0, stdout, stderr: '', error: null, command: job.command };
      },
    };
    const targets = [...['c1', 'c2', 'c3'].map((name) => ({ name, host: name, roles: ['controller' as const] })), ...['cmp1', 'cmp2'].map((name) => ({ name, host: name, roles: ['compute' as const] }))];
    const profile: ClusterProfile = { deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'openstack' };
    const r = await runPlaybook({ playbook: { def: p.def, file: 'placed.yaml', analyze: () => [] }, profile, targets, params: {}, runner, concurrency: 4, signal: new AbortController().signal });
    expect(ran.sort()).toEqual(['agent@cmp1', 'sched@c3']);
    // Nothing about c1 and c2: the scheduler is not there, which is no problem and nothing unchecked.
    expect(r.findings.map((f) => `${f.severity} ${f.status} ${f.title}`)).toEqual(['info SKIPPED No ovn-controller pod on cmp2', 'info SKIPPED No database pod on cmp1, cmp2']);
  });

  it('gives the analyzer the outputs in the playbook\'s order, whichever node answered first', async () => {
    const targets = ['c1', 'c2', 'c3'].map((name, i) => ({ name, host: `10.0.0.${i + 1}`, roles: ['controller' as const] }));
    // c1 answers last: completion order is c2, c3, c1 for every step.
    const delay: Record<string, number> = { c1: 3, c2: 1, c3: 2 };
    const runner: CommandRunner = {
      run: async (job) => {
        for (let i = 0; i < delay[job.node.name]!; i++) await Promise.resolve();
        return { step: job.step, node: job.node.name, state: 'succeeded', exitCode: 0, stdout: '', stderr: '', error: null, command: job.command };
      },
    };
    let seen: string[] = [];
    const profile: ClusterProfile = { deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' };
    await runPlaybook({ playbook: { def, file: 'demo.yaml', analyze: (input) => ((seen = input.outputs.map((o) => `${o.step}@${o.node}`)), []) }, profile, targets, params: { source: 'a', port: 22 }, runner, concurrency: 8, signal: new AbortController().signal });
    const order = def.steps.filter((s) => s.on === 'each').map((s) => s.id);
    expect(seen.filter((x) => order.some((id) => x.startsWith(`${id}@`)))).toEqual(order.flatMap((id) => ['c1', 'c2', 'c3'].map((n) => `${id}@${n}`)));
  });

  it('refuses a mutating playbook without confirmation and a flavour it does not apply to', () => {
    expect(() => checkApplies(def, 'packages', false)).toThrow('demo has steps that change the cluster (fix); confirm with --allow-mutating');
    expect(() => checkApplies(def, 'packages', true)).not.toThrow();
    expect(() => checkApplies(def, 'kolla', true)).toThrow('demo applies to packages, openstack-helm; this cluster is kolla');
  });

  it('selects nodes by role or by name', () => {
    const nodes = [
      { name: 'c1', host: '1', roles: ['controller' as const] },
      { name: 'n1', host: '2', roles: ['compute' as const] },
    ];
    expect(selectTargets(def, nodes).map((n) => n.name)).toEqual(['c1']);
    expect(selectTargets(def, nodes, ['n1']).map((n) => n.name)).toEqual(['n1']);
    expect(() => selectTargets(def, nodes, ['n9'])).toThrow('no node named n9 in this cluster (nodes: c1, n1)');
    expect(() => selectTargets({ ...def, roles: ['storage'] }, nodes)).toThrow('demo runs on storage nodes and this cluster has none');
  });

  it('reads pods, their node and readiness from kubectl JSON', () => {
    const json = JSON.stringify({
      items: [
        {
          metadata: { namespace: 'openstack', name: 'mariadb-server-0', labels: { application: 'mariadb', component: 'server' } },
          spec: { nodeName: 'ctl-1', containers: [{ name: 'mariadb' }] },
          status: { hostIP: '10.0.0.11', containerStatuses: [{ ready: false }] },
        },
      ],
    });
    expect(parsePods(json)).toEqual([{ namespace: 'openstack', name: 'mariadb-server-0', labels: { application: 'mariadb', component: 'server' }, hostIP: '10.0.0.11', nodeName: 'ctl-1', ready: false, containers: ['mariadb'] }]);
  });

  it('sorts findings worst first, stable within a severity', () => {
    const f = (severity: 'critical' | 'warning' | 'info' | 'ok', n: number) => ({ severity, n });
    expect(sortFindings([f('ok', 1), f('critical', 2), f('info', 3), f('critical', 4), f('warning', 5)]).map((x) => x.n)).toEqual([2, 4, 5, 3, 1]);
  });
});
