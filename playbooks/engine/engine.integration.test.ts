import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunFinding, StepResult } from '../../main/contract/types.js';
import type { Core } from '../../main/core/core.js';
import { tempDir } from '../../main/core/testing/fixtures.js';
import { breakFault, healFault } from '../../main/lab/faults.js';
import { componentPid } from '../../main/lab/launch.js';
import { nodeByName } from '../../main/lab/layout.js';
import { namespacePids } from '../../main/lab/network.js';
import { signal } from '../../main/lab/proc.js';
import { LAB_CLUSTER } from '../../main/lab/register.js';
import { component, type LabState } from '../../main/lab/state.js';
import { startTestLab, type TestLab } from '../../main/lab/test-lab.js';
import { analyzers, catalogueDir as shippedDir } from '../catalogue/index.js';
import { finding } from './analyze-kit.js';
import { loadCatalogue } from './loader.js';

/**
 * The engine over real SSH on the practice lab (packages flavour: no pods, the host shell):
 * hostile parameters stay data, mutating steps need the confirmation, and one hung, one
 * unreachable and one dropped node do not stop the others' results and findings.
 */
const tmp = tempDir();
const catalogueDir = join(tmp.path, 'catalogue');
let t: TestLab;
let core: Core;
let lab: LabState;
let caseId: number;

const text = (s: string): string => `{ en: "${s}", ko: "${s}" }`;
const playbooks: Record<string, string> = {
  echo: `id: echo
title: ${text('Echo')}
description: ${text('Prints its parameter')}
appliesTo: [packages]
roles: [controller]
params:
  - { name: value, type: string, required: true, description: ${text('Any text')} }
steps:
  - { id: print, title: ${text('Print')}, service: host, on: one, run: "printf '%s' {{value}}" }
`,
  'echo-script': `id: echo-script
title: ${text('Echo from a script')}
description: ${text('Prints its parameter from a script file')}
appliesTo: [packages]
roles: [controller]
params:
  - { name: value, type: string, required: true, description: ${text('Any text')} }
steps:
  - { id: print, title: ${text('Print')}, service: host, on: one, script: print.sh }
`,
  probe: `id: probe
title: ${text('Probe')}
description: ${text('Every node answers, slowly on some')}
appliesTo: [packages]
roles: [controller, compute]
steps:
  - id: answer
    title: ${text('Answer')}
    service: host
    timeoutSec: 4
    run: |
      echo "started on $(hostname)"
      case "$(hostname)" in compute-1) sleep 60 ;; controller-3) sleep 60 ;; esac
      echo "done on $(hostname)"
`,
  slow: `id: slow
title: ${text('Slow')}
description: ${text('Takes its time')}
appliesTo: [packages]
roles: [controller]
steps:
  - { id: wait, title: ${text('Wait')}, service: host, timeoutSec: 120, run: "echo waiting; sleep 90.4242" }
`,
  change: `id: change
title: ${text('Change')}
description: ${text('A step that mutates')}
appliesTo: [packages]
roles: [controller]
steps:
  - { id: touch, title: ${text('Touch')}, service: host, on: one, mutating: true, run: "touch /tmp/stackscope-mutated-by-test" }
`,
};

beforeAll(async () => {
  for (const [id, yaml] of Object.entries(playbooks)) {
    mkdirSync(join(catalogueDir, id), { recursive: true });
    writeFileSync(join(catalogueDir, id, 'playbook.yaml'), yaml);
  }
  writeFileSync(join(catalogueDir, 'echo-script', 'print.sh'), "#!/bin/sh\nprintf '%s' \"$1\"\n");
  const answered = (input: { outputs: Array<{ node: string; step: string; state: string; stdout: string }> }) =>
    input.outputs.filter((o) => o.state === 'succeeded').map((o) => finding({ check: 'probe.answered', severity: 'ok', title: `${o.node} answered`, explanation: '', evidence: [{ node: o.node, step: o.step, lines: o.stdout.trim().split('\n') }] }));
  // The shipped catalogue plus the test's own playbooks.
  const catalogue = loadCatalogue(shippedDir(), analyzers);
  loadCatalogue(catalogueDir, { echo: answered, 'echo-script': answered, probe: answered, change: answered, slow: answered }, undefined, catalogue);
  expect(catalogue.problems).toEqual([]);
  t = await startTestLab({ flavor: 'packages', computes: 2, rabbitmq: false, catalogue });
  ({ core, lab, caseId } = t);
}, 300_000);

afterAll(async () => {
  await t?.close();
  tmp.remove();
}, 120_000);

const runPlaybook = (id: string, params: Record<string, string> = {}, allowMutating = false) => t.runPlaybook(id, params, allowMutating);

describe('playbook engine on the lab', () => {
  it('runs every shipped playbook for this flavour on the healthy lab without a critical or warning finding', async () => {
    const ids = core.playbooks.list().playbooks.filter((p) => p.appliesTo.includes('packages') && !(p.id in playbooks)).map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    const params: Record<string, Record<string, string>> = {
      'ovn-trace': { source: 'bastion-port', destination_ip: '10.0.0.12' },
      'placement-capacity': { vcpu: '4', memory_mb: '8192', disk_gb: '80' },
    };
    for (const id of ids) {
      const r = await runPlaybook(id, params[id]);
      if (!('run' in r) || !r.run) throw new Error(`${id}: ${r.error}`);
      const bad = r.run.findings.filter((f) => f.severity === 'critical' || (f.severity === 'warning' && f.status !== 'SKIPPED'));
      expect(bad.map((f) => `${id}: ${f.title}`)).toEqual([]);
    }
  }, 180_000);

  it('passes a hostile parameter as data, to a run: step and to a script: step', async () => {
    const marker = join(tmp.path, 'pwned');
    const evil = `x'; touch ${marker}; '`;
    for (const id of ['echo', 'echo-script']) {
      const r = await runPlaybook(id, { value: evil });
      if (!('run' in r) || !r.run) throw new Error(String(r.error));
      expect(r.run.steps[0]?.stdout, id).toBe(evil);
      expect(existsSync(marker)).toBe(false);
    }
  });

  it('refuses a mutating step without the per-run confirmation, runs it with it', async () => {
    const refused = await runPlaybook('change');
    expect(refused.error).toBe('change on lab: change has steps that change the cluster (touch); confirm with --allow-mutating');
    const allowed = await runPlaybook('change', {}, true);
    expect(allowed.state).toBe('succeeded');
  });

  it('cancels a running playbook: remote commands stop, the run is recorded cancelled', async () => {
    const cluster = core.inventory.clusterByName(LAB_CLUSTER);
    const waiting = new Promise<void>((resolve) => {
      const off = core.events.subscribe((event, payload) => {
        if (event === 'step.output' && (payload as { data: string }).data.includes('waiting')) {
          off();
          resolve();
        }
      });
    });
    const r = await core.dispatch('playbooks.run', { caseId, clusterId: cluster.id, playbookId: 'slow' });
    if (!r.ok) throw new Error(r.error.message);
    const runId = (r.value as { runId: number }).runId;
    await waiting;
    const t0 = Date.now();
    core.runs.cancel(runId);
    expect(await core.runs.wait(runId)).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(10_000);
    const run = core.repos.runs.get(runId);
    expect(run?.steps.map((s) => s.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(run?.findings.filter((f) => f.severity === 'ok')).toEqual([]); // nothing claimed from a cancelled run
    // The remote commands end (TERM to their process group, KILL after a grace): poll until gone.
    let left = 'unchecked';
    for (let i = 0; i < 80 && left !== ''; i++) {
      left = spawnSync('pgrep', ['-f', 'sleep 90.4242'], { encoding: 'utf8' }).stdout.trim();
      if (left) await new Promise((r) => setTimeout(r, 100));
    }
    expect(left).toBe('');
  }, 60_000);

  it('keeps results and findings of the other nodes when one hangs, one is unreachable and one drops mid-step', async () => {
    await breakFault(lab, 'node-unreachable'); // compute-2
    try {
      // controller-3 drops once it has started: its sshd sessions die, the listener stays.
      const c3 = nodeByName(lab.layout, 'controller-3');
      const listener = componentPid(component(lab, 'sshd', 'controller-3'));
      const unsubscribe = core.events.subscribe((event, payload) => {
        if (event !== 'step.output') return;
        const p = payload as { stepId: number; data: string };
        if (!p.data.includes('started on controller-3')) return;
        void namespacePids(c3.netns).then((pids) => {
          for (const pid of pids) if (pid !== listener) signal(pid, 'SIGKILL');
        });
      });
      const r = await runPlaybook('probe');
      unsubscribe();
      if (!('run' in r) || !r.run) throw new Error(String(r.error));
      const byNode = new Map(r.run.steps.map((s: StepResult) => [s.nodeName, s]));
      const show = JSON.stringify(r.run.steps.map((s) => ({ node: s.nodeName, state: s.state, error: s.error })));
      expect(byNode.get('controller-1')?.state, show).toBe('succeeded');
      expect(byNode.get('controller-2')?.state, show).toBe('succeeded');
      expect(byNode.get('compute-1')?.state, show).toBe('timeout');
      expect(byNode.get('compute-2')?.state, show).toBe('error');
      expect(byNode.get('controller-3')?.state, show).toBe('interrupted');
      expect(byNode.get('controller-3')?.stdout).toContain('started on controller-3');
      expect(r.state).toBe('failed');
      const titles = r.run.findings.map((f: RunFinding) => `${f.severity} ${f.status} ${f.title}`);
      expect([...titles].sort()).toEqual([
        'warning SKIPPED Could not check "Answer" on compute-1: timed out',
        'warning SKIPPED Could not check "Answer" on compute-2: unreachable',
        'warning SKIPPED Could not check "Answer" on controller-3: interrupted',
        'ok OK controller-1 answered',
        'ok OK controller-2 answered',
      ].sort());
      expect(r.run.findings.find((f) => f.title.includes('compute-2'))?.evidence[0]?.lines[0]).toMatch(/compute-2|198\.18\./);
    } finally {
      await healFault(lab, 'node-unreachable');
    }
  }, 120_000);
});
