import { describe, expect, it } from 'vitest';
import { faults } from '../../main/lab/faults.js';
import { analyzers, catalogueDir } from '../catalogue/index.js';
import { formatProblem, loadCatalogue } from '../engine/loader.js';
import { mutatingReason } from '../engine/read-only.js';
import { loadRunbooks } from '../engine/runbook-loader.js';
import { bindParams } from '../engine/run.js';
import { matchOutputs, NO_OUTPUT } from '../../main/shared/runbook-match.js';
import { findingTexts } from '../../main/shared/finding-texts/index.js';
import { runbooksDir } from './index.js';

/** The shipped runbooks against the shipped catalogue, as the app loads them. */
const catalogue = loadCatalogue(catalogueDir(), analyzers);
const set = loadRunbooks(runbooksDir(), catalogue);
const runbooks = [...set.runbooks.values()];

describe('shipped runbooks', () => {
  it('all load, in English and Korean', () => {
    expect(set.problems.map(formatProblem).join('\n')).toBe('');
    expect(runbooks.map((r) => r.id)).toEqual(['compute-service-down', 'galera-quorum-lost', 'placement-no-valid-host', 'rabbitmq-alarm-partition', 'vm-no-metadata', 'vm-unreachable-ssh']);
    for (const r of runbooks) expect(r.languages).toEqual(['en', 'ko']);
  });

  for (const r of runbooks) {
    describe(r.id, () => {
      it('trains on a fault the practice lab can inject, on a flavour the lab has', () => {
        const fault = faults.find((f) => f.id === r.fault);
        expect(fault, `fault ${r.fault}`).toBeDefined();
        expect(r.appliesTo).toContain('packages');
      });

      it('names existing playbooks with parameters they accept, and only reading commands', () => {
        const actions = r.steps.map((s) => s.action);
        expect(actions.some((a) => a.kind === 'playbook')).toBe(true);
        expect(actions.some((a) => a.kind === 'command')).toBe(true);
        for (const a of actions) {
          if (a.kind === 'playbook') {
            const p = catalogue.playbooks.get(a.playbookId);
            expect(p, a.playbookId).toBeDefined();
            if (!p) continue;
            for (const name of Object.keys(a.params)) expect(p.def.params.map((x) => x.name), `${a.playbookId} ${name}`).toContain(name);
            expect(() => bindParams(p.def, a.params)).not.toThrow();
            expect(p.def.steps.some((s) => s.mutating)).toBe(false);
          }
          // A command that changes the cluster says so (then it runs only after a confirmation).
          if (a.kind === 'command' && !a.mutating) expect(mutatingReason(a.command), a.command).toBeNull();
          if (a.kind === 'command') expect(a.roles.length).toBeGreaterThan(0);
        }
      });

      it('explains every step in both languages, with healthy and broken output for steps that run', () => {
        expect(r.title.ko).not.toBe(r.title.en);
        expect(r.summary.ko).toMatch(/[가-힣]/);
        for (const s of r.steps) {
          for (const field of ['title', 'body', 'why'] as const) {
            expect(s[field].en, `${s.id}.${field}`).not.toBe('');
            expect(s[field].ko, `${s.id}.${field}`).toMatch(/[가-힣]/);
          }
          if (s.action.kind !== 'read') {
            for (const field of ['healthy', 'broken'] as const) {
              expect(s[field].en, `${s.id}.${field}`).not.toBe('');
              // Some are only sample output, the same in both languages.
              expect(s[field].ko, `${s.id}.${field}`).not.toBe('');
            }
          }
        }
      });
    });
  }

  it('show different healthy and broken examples, and each command step\'s own patterns tell them apart', () => {
    const block = (md: string): string => /```text\n([\s\S]*?)\n```/.exec(md)?.[1] ?? '';
    // Examples show several nodes as "controller-2 | line"; each node's output is matched on its own.
    const asOutputs = (text: string): Array<{ exitCode: number; stdout: string; stderr: string }> => {
      const byNode = new Map<string, string[]>();
      for (const line of text.split('\n')) {
        const m = /^([\w-]+) \| (.*)$/.exec(line);
        byNode.set(m ? (m[1] as string) : '', [...(byNode.get(m ? (m[1] as string) : '') ?? []), m ? (m[2] as string) : line]);
      }
      return [...byNode.values()].map((lines) => ({ exitCode: 0, stdout: lines.join('\n'), stderr: '' }));
    };
    let commands = 0;
    for (const r of runbooks) {
      for (const s of r.steps.filter((x) => x.action.kind !== 'read')) {
        for (const lang of ['en', 'ko'] as const) expect(s.healthy[lang], `${r.id}/${s.id} ${lang}`).not.toBe(s.broken[lang]);
        if (s.action.kind !== 'command') continue;
        commands++;
        expect(s.expect, `${r.id}/${s.id}`).not.toBeNull();
        if (!s.expect) continue;
        expect(matchOutputs(s.expect, asOutputs(block(s.healthy.en))), `${r.id}/${s.id} healthy example`).toBe('healthy');
        // An example of "no output at all" is written as prose, with no text block.
        const broken = block(s.broken.en);
        expect(matchOutputs(s.expect, broken ? asOutputs(broken) : [{ exitCode: 0, stdout: '', stderr: '' }]), `${r.id}/${s.id} broken example`).toBe('broken');
        expect(matchOutputs(s.expect, [{ exitCode: 0, stdout: 'something else entirely', stderr: '' }]), `${r.id}/${s.id} other output`).toBe('neither');
      }
    }
    expect(commands).toBeGreaterThanOrEqual(7);
    expect(NO_OUTPUT).toBe('(no output)');
  });

  it('match a large output in linear time: no pattern looks ahead from every position', () => {
    // 100 KB of output of the kind the steps print: a lookahead tried at every position scans it
    // 100 000 times (13 s here), an anchored one once (under a millisecond).
    const big = '    port 5b3211c8-0000 (aka web-1-port)\n        addresses: ["fa:16:3e:10:00:09 10.0.0.99"]\n| MEMORY_MB | 1.5 | 1 | 16384 | 512 |\n'.repeat(1000);
    for (const r of runbooks) {
      for (const s of r.steps) {
        if (s.action.kind !== 'command' || !s.expect) continue;
        const started = performance.now();
        matchOutputs(s.expect, [{ exitCode: 0, stdout: big, stderr: '' }]);
        expect(performance.now() - started, `${r.id}/${s.id}`).toBeLessThan(2000);
      }
    }
  });

  it('change the cluster only in the Galera recovery steps (the bootstrap node picked by the trainee), the NoValidHost fix, the restart of one picked compute\'s service and the RabbitMQ fixes on one picked broker', () => {
    const mutating = runbooks.flatMap((r) => r.steps.filter((s) => s.action.kind === 'command' && s.action.mutating).map((s) => `${r.id}/${s.id}`));
    expect(mutating).toEqual([
      'compute-service-down/fix',
      'galera-quorum-lost/bootstrap',
      'galera-quorum-lost/start-others',
      'placement-no-valid-host/fix',
      'rabbitmq-alarm-partition/fix-alarm',
      'rabbitmq-alarm-partition/restart-minority',
      'vm-no-metadata/fix',
    ]);
    // The watermark and the minority's restart: inside the broker (Kolla's container, openstack-helm's pod), on the one controller the trainee picks.
    const rabbit = runbooks.find((r) => r.id === 'rabbitmq-alarm-partition');
    for (const id of ['fix-alarm', 'restart-minority']) {
      expect(rabbit?.steps.find((s) => s.id === id)?.action, id).toMatchObject({ kind: 'command', service: 'rabbitmq', roles: ['controller'], on: 'pick', root: true, mutating: true });
    }
    expect(rabbit?.steps.find((s) => s.id === 'fix-alarm')?.action).toMatchObject({ command: expect.stringContaining('rabbitmqctl set_vm_memory_high_watermark 0.4') });
    expect(rabbit?.steps.find((s) => s.id === 'restart-minority')?.action).toMatchObject({ command: expect.stringMatching(/^rabbitmqctl stop_app && rabbitmqctl start_app && /) });
    // Starting a stopped service: on the one compute the trainee picks, as root.
    for (const id of ['compute-service-down', 'vm-no-metadata']) {
      expect(runbooks.find((r) => r.id === id)?.steps.find((s) => s.id === 'fix')?.action).toMatchObject({ kind: 'command', roles: ['compute'], on: 'pick', root: true, mutating: true });
    }
    // The fix edits nova.conf as root on the computes only, never on a controller.
    const fix = runbooks.find((r) => r.id === 'placement-no-valid-host')?.steps.find((s) => s.id === 'fix')?.action;
    expect(fix).toMatchObject({ kind: 'command', roles: ['compute'], root: true, mutating: true });
    const bootstrap = runbooks.find((r) => r.id === 'galera-quorum-lost')?.steps.find((s) => s.id === 'bootstrap')?.action;
    expect(bootstrap).toMatchObject({ kind: 'command', on: 'pick', service: 'database', mutating: true });
  });

  it('say what was learned in both languages', () => {
    const galera = set.runbooks.get('galera-quorum-lost');
    expect(galera?.learned.length).toBe(3);
    for (const l of galera?.learned ?? []) expect(l.ko).toMatch(/[가-힣]/);
  });

  it('use the lab parameters the catalogue test proves on a healthy lab', () => {
    const steps = runbooks.flatMap((r) => r.steps.map((s) => s.action));
    expect(steps).toContainEqual({ kind: 'playbook', playbookId: 'placement-capacity', params: { vcpu: '4', memory_mb: '8192', disk_gb: '80' } });
    expect(steps).toContainEqual({ kind: 'playbook', playbookId: 'ovn-trace', params: { source: 'bastion-port', destination_ip: '10.0.0.12', protocol: 'tcp', destination_port: '22' } });
    expect(steps).toContainEqual({ kind: 'playbook', playbookId: 'galera-health', params: { expected_size: '3' } });
  });

  it('are suggested by the findings they cure: a finding text names only shipped runbooks, and the RabbitMQ alarm and partition findings name theirs', () => {
    const named = Object.entries(findingTexts).flatMap(([id, t]) => [...`${t.en}\n${t.ko}`.matchAll(/(?:runbook|런북)\s+([a-z0-9]+(?:-[a-z0-9]+)+)/g)].map((m) => [id, m[1] as string] as const));
    for (const [id, runbook] of named) expect(set.runbooks.has(runbook), `${id} names runbook ${runbook}`).toBe(true);
    const suggesting = named.filter(([, r]) => r === 'rabbitmq-alarm-partition').map(([id]) => id);
    expect([...new Set(suggesting)].sort()).toEqual(['rabbitmq-cluster.alarm.disk.next', 'rabbitmq-cluster.alarm.memory.next', 'rabbitmq-cluster.partition.next']);
    // Both languages say it.
    for (const id of suggesting) expect(findingTexts[id]?.ko, id).toContain('rabbitmq-alarm-partition');
  });
});
