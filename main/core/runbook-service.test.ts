import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunbookInfo, RunbookProgress } from '../contract/types.js';
import { exitCodeAnalyzer } from '../../playbooks/engine/generic.js';
import { loadCatalogue } from '../../playbooks/engine/loader.js';
import { loadRunbooks } from '../../playbooks/engine/runbook-loader.js';
import { createCore, type Core } from './core.js';
import { sshWorld, tempDir, type SshWorld } from './testing/fixtures.js';

/**
 * Runbook steps through the dispatcher against a real sshd: a playbook step and a command step
 * run and are recorded, marks are kept, the progress survives a restart of the core, and nothing
 * that is not a read runs.
 */
let w: SshWorld;
/** The core under test; replaced by a fresh one over the same case log to test a restart. */
let core: Core;
let caseId: number;
let clusterId: number;
let kollaId: number;

const t = (s: string): string => `{ en: "${s}", ko: "${s}" }`;
const runbook = `---
id: drill
title: { en: A drill, ko: 훈련 }
level: beginner
languages: [en]
appliesTo: [packages]
---

Practise.

## Greet

\`\`\`step
id: greet
playbook: greet
params: { who: trainee }
\`\`\`

### Why
To see a playbook run.
### Healthy
exit 0
### Broken
anything else

## Who am I

\`\`\`step
id: whoami
command: echo "I am $(id -un)"
roles: [controller]
\`\`\`

### Why
To see a command run.
### Healthy
I am root
### Broken
an error

## Think

\`\`\`step
id: think
\`\`\`

### Why
Some steps are for reading.

## Leave a mark

\`\`\`step
id: mark-node
command: touch "$HOME/.stackscope-runbook-mark" && echo marked
roles: [controller]
on: pick
mutating: true
expect: { healthy: '^marked$', broken: 'denied|ERROR' }
\`\`\`

### Why
Some steps change the cluster: only when confirmed, on the node picked.
### Healthy
marked
### Broken
Permission denied
`;

function dirs(root: string): { catalogue: string; runbooks: string } {
  const catalogue = join(root, 'catalogue');
  const runbooks = join(root, 'runbooks');
  mkdirSync(join(catalogue, 'greet'), { recursive: true });
  writeFileSync(
    join(catalogue, 'greet', 'playbook.yaml'),
    `id: greet\ntitle: ${t('Greet')}\ndescription: ${t('Says hello.')}\nappliesTo: [packages, kolla]\nroles: [controller]\nparams:\n  - { name: who, type: string, required: true, description: ${t('Whom')} }\nsteps:\n  - { id: hello, title: ${t('Hello')}, service: host, run: "printf 'hello %s\\\\n' {{who}}" }\n`,
  );
  mkdirSync(join(runbooks, 'drill'), { recursive: true });
  writeFileSync(join(runbooks, 'drill', 'runbook.md'), runbook);
  return { catalogue, runbooks };
}

function options(root: string) {
  const d = dirs(root);
  return { catalogue: loadCatalogue(d.catalogue, {}, exitCodeAnalyzer), runbooks: (c: Parameters<typeof loadRunbooks>[1]) => loadRunbooks(d.runbooks, c) };
}

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function refusal(core: Core, method: string, input: unknown): Promise<string> {
  const r = await core.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return `${r.error.code}: ${r.error.message}`;
}

beforeAll(async () => {
  const root = tempDir();
  afterAll(root.remove);
  w = await sshWorld(options(root.path));
  core = w.core;
  const sshd = await w.startServer('runbooks');
  clusterId = core.inventory.addCluster({ name: 'pk', deployment: 'packages' }).id;
  kollaId = core.inventory.addCluster({ name: 'ko', deployment: 'kolla' }).id;
  const node = core.inventory.addNode({ clusterId, name: 'ctl-1', host: sshd.host, port: sshd.port, user: process.env.USER ?? 'root', roles: ['controller'], auth: { method: 'key', keyPath: w.clientKey, passphrase: false }, jumpNodeId: null });
  const probe = await core.hostKeys.probe(node.id);
  await core.hostKeys.trust(node.id, probe.fingerprint);
  caseId = core.repos.cases.create('runbook drill', 'info', clusterId);
});

afterAll(async () => {
  await core?.close();
  await w?.close();
});

describe('runbooks through the contract', () => {
  it('lists the runbook with its steps and texts', async () => {
    const list = await call<{ runbooks: RunbookInfo[]; problems: string[] }>(core, 'runbooks.list', {});
    expect(list.problems).toEqual([]);
    expect(list.runbooks.map((r) => [r.id, r.steps.map((s) => s.action.kind)])).toEqual([['drill', ['playbook', 'command', 'read', 'command']]]);
    expect(list.runbooks[0]?.steps[1]?.healthy).toEqual({ en: 'I am root', ko: 'I am root' });
  });

  it('runs a playbook step and a command step, records them, keeps marks, and all of it survives a restart', async () => {
    const empty = await call<RunbookProgress>(core, 'runbooks.progress.get', { caseId, runbookId: 'drill' });
    expect(empty.steps.map((s) => [s.stepId, s.runId, s.understood])).toEqual([['greet', null, false], ['whoami', null, false], ['think', null, false], ['mark-node', null, false]]);

    const greet = await call<{ runId: number; progress: RunbookProgress }>(core, 'runbooks.step.run', { caseId, clusterId, runbookId: 'drill', stepId: 'greet' });
    expect(await core.runs.wait(greet.runId)).toBe('succeeded');
    const greetRun = core.repos.runs.get(greet.runId);
    expect(greetRun).toMatchObject({ kind: 'playbook', title: 'greet', caseId });
    expect(greetRun?.steps[0]?.stdout).toBe('hello trainee\n');
    expect(greetRun?.findings.map((f) => [f.check, f.severity])).toEqual([['hello.exit', 'ok']]);
    expect(greet.progress.steps[0]).toMatchObject({ stepId: 'greet', runId: greet.runId, understood: false });

    const who = await call<{ runId: number }>(core, 'runbooks.step.run', { caseId, clusterId, runbookId: 'drill', stepId: 'whoami' });
    expect(await core.runs.wait(who.runId)).toBe('succeeded');
    // A command step runs as a one-step playbook, so the deployment decides where it runs.
    expect(core.repos.runs.get(who.runId)).toMatchObject({ kind: 'playbook', title: 'runbook-drill-whoami' });
    expect(core.repos.runs.get(who.runId)?.steps[0]).toMatchObject({ stepKey: 'whoami', command: 'echo "I am $(id -un)"' });
    expect(core.repos.runs.get(who.runId)?.steps[0]?.stdout).toMatch(/^I am \S+\n$/);

    const marked = await call<RunbookProgress>(core, 'runbooks.step.mark', { caseId, runbookId: 'drill', stepId: 'think', understood: true });
    expect(marked.steps[2]).toMatchObject({ stepId: 'think', understood: true, runId: null });
    await call(core, 'runbooks.step.mark', { caseId, runbookId: 'drill', stepId: 'greet', understood: true });
    await call(core, 'runbooks.step.mark', { caseId, runbookId: 'drill', stepId: 'greet', understood: false });

    // A second run of the same step replaces the link, the mark stays.
    await call(core, 'runbooks.step.mark', { caseId, runbookId: 'drill', stepId: 'whoami', understood: true });
    const again = await call<{ runId: number }>(core, 'runbooks.step.run', { caseId, clusterId, runbookId: 'drill', stepId: 'whoami' });
    await core.runs.wait(again.runId);

    await core.close();
    // A new core over the same case log, as after an app restart.
    const reopened = createCore({ dataDir: join(w.dir, 'data'), mode: 'cli', ...options(join(w.dir, 'again')) });
    try {
      const kept = await call<RunbookProgress>(reopened, 'runbooks.progress.get', { caseId, runbookId: 'drill' });
      expect(kept.steps.map((s) => [s.stepId, s.runId, s.understood])).toEqual([
        ['greet', greet.runId, false],
        ['whoami', again.runId, true],
        ['think', null, true],
        ['mark-node', null, false],
      ]);
      expect(kept.steps[1]?.ranAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    } finally {
      await reopened.close();
    }
    core = createCore({ dataDir: join(w.dir, 'data'), mode: 'cli', ...options(join(w.dir, 'third')) });
  }, 60_000);

  it('refuses what it cannot or must not run, naming why, and records nothing', async () => {
    const before = core.repos.runs.ofCase(caseId).length;
    expect(await refusal(core, 'runbooks.step.run', { caseId, clusterId, runbookId: 'drill', stepId: 'think' })).toBe('INVALID_INPUT: step think of runbook drill has nothing to run: read it and mark it understood');
    expect(await refusal(core, 'runbooks.step.run', { caseId, clusterId: kollaId, runbookId: 'drill', stepId: 'whoami' })).toBe('INVALID_INPUT: runbook drill is for packages clusters; ko is kolla');
    expect(await refusal(core, 'runbooks.step.run', { caseId, clusterId, runbookId: 'drill', stepId: 'nope' })).toBe('NOT_FOUND: runbook drill has no step nope; its steps: greet, whoami, think, mark-node');
    expect(await refusal(core, 'runbooks.step.run', { caseId, clusterId, runbookId: 'other', stepId: 'x' })).toBe('NOT_FOUND: no runbook other; known: drill');
    expect(await refusal(core, 'runbooks.step.mark', { caseId: 999, runbookId: 'drill', stepId: 'think', understood: true })).toBe('NOT_FOUND: case 999 does not exist');
    expect(await refusal(core, 'runbooks.step.run', { caseId, clusterId, runbookId: 'drill', stepId: 'greet', command: 'rm -rf /' })).toMatch(/^INVALID_INPUT: runbooks\.step\.run: /);

    // A runbook whose command changes things never reaches a shell, even if it got past the loader.
    const drill = core.runbooks.get('drill');
    const step = drill.steps[1];
    if (step?.action.kind !== 'command') throw new Error('fixture');
    const original = step.action.command;
    step.action.command = 'touch /tmp/stackscope-runbook-was-here';
    try {
      expect(await refusal(core, 'runbooks.step.run', { caseId, clusterId, runbookId: 'drill', stepId: 'whoami' })).toBe(
        'INVALID_INPUT: step whoami of runbook drill is refused: runbook commands only read, and this one changes files (touch)',
      );
    } finally {
      step.action.command = original;
    }
    expect(core.repos.runs.ofCase(caseId).length).toBe(before);
  });

  it('runs a step that changes the cluster only when confirmed, on the one node picked among the cluster\'s own', async () => {
    const before = core.repos.runs.ofCase(caseId).length;
    const base = { caseId, clusterId, runbookId: 'drill', stepId: 'mark-node' };
    expect(await refusal(core, 'runbooks.step.run', { ...base, nodeNames: ['ctl-1'] })).toBe(
      'INVALID_INPUT: step mark-node of runbook drill changes the cluster (touch "$HOME/.stackscope-runbook-mark" && echo marked): it runs only once you confirm it',
    );
    expect(await refusal(core, 'runbooks.step.run', { ...base, allowMutating: true })).toBe('INVALID_INPUT: step mark-node of runbook drill runs on the one controller node you choose: pick one of ctl-1');
    // A node name is only looked up among the cluster's nodes; it never reaches a shell.
    for (const name of ['ctl-2', '$(reboot)', 'ctl-1; rm -rf /', '../ctl-1']) {
      expect(await refusal(core, 'runbooks.step.run', { ...base, allowMutating: true, nodeNames: [name] })).toBe(
        `INVALID_INPUT: step mark-node of runbook drill runs on a controller node; pk has no such node named ${name} (its controller nodes: ctl-1)`,
      );
    }
    expect(await refusal(core, 'runbooks.step.run', { ...base, allowMutating: true, nodeNames: ['ctl-1', 'ctl-1'] })).toMatch(/^INVALID_INPUT: runbooks\.step\.run: /);
    expect(await refusal(core, 'runbooks.step.run', { caseId, clusterId, runbookId: 'drill', stepId: 'whoami', nodeNames: ['ctl-1'] })).toBe('INVALID_INPUT: step whoami of runbook drill runs on every controller node; it takes no node choice');
    expect(core.repos.runs.ofCase(caseId).length).toBe(before);

    const r = await call<{ runId: number }>(core, 'runbooks.step.run', { ...base, allowMutating: true, nodeNames: ['ctl-1'] });
    expect(await core.runs.wait(r.runId)).toBe('succeeded');
    expect(core.repos.runs.get(r.runId)?.steps.map((s) => [s.nodeName, s.stdout])).toEqual([['ctl-1', 'marked\n']]);
  });
});
