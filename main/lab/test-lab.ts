import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Run, RunState } from '../contract/types.js';
import { createCore, type Core, type CoreOptions } from '../core/core.js';
import { tempDir } from '../core/testing/fixtures.js';
import { labDown, labUp, type LabUpOptions } from './lab.js';
import { nodeByName } from './layout.js';
import { hostKeyFingerprint } from './nodes.js';
import { LAB_CLUSTER, registerLab } from './register.js';
import type { LabState } from './state.js';

export interface TestLab {
  dataDir: string;
  lab: LabState;
  core: Core;
  caseId: number;
  /** Run a playbook on the lab through the dispatcher, as the app does; an error names why it could not start. */
  runPlaybook(playbookId: string, params?: Record<string, string>, allowMutating?: boolean): Promise<{ state?: RunState; run?: Run; error?: string }>;
  /** Run a shell command on one lab node over SSH through Stackscope's exec path, in the test's case. */
  onNode(node: string, command: string, timeoutSec?: number): Promise<{ exitCode: number | null; stdout: string; stderr: string }>;
  close(): Promise<void>;
}

/**
 * One full-control-plane lab at a time on this machine, across test workers and processes. A full lab
 * is 22+ OpenStack processes at 3.3 GiB; two of them starting together on 2 cores (vitest runs two
 * files at once) pushed Neutron past its own start-up (no neutron_pg_drop after 120 s) and nova-api
 * past 5 s answers in CI. The lock is a directory (mkdir is atomic) holding the owner's pid, so a
 * lock left by a killed run is taken over. Light labs do not take it.
 */
export const FULL_LAB_LOCK = join(tmpdir(), 'stackscope-full-lab.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the full-lab lock, waiting (up to `timeoutMs`) while a live process holds it; returns its release. */
export async function takeFullLabLock(timeoutMs = 45 * 60_000, lockDir = FULL_LAB_LOCK): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = 0;
    try {
      owner = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    } catch {
      // Being written or removed right now: look again.
    }
    if (owner && !alive(owner)) rmSync(lockDir, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`another full lab (pid ${owner || '?'}) held ${lockDir} for ${Math.round(timeoutMs / 60_000)} min`);
    else await new Promise((r) => setTimeout(r, 1000));
  }
}

/** A practice lab in a temp data dir with a core over it and one case, for integration tests (a full lab waits for the full-lab lock). */
export async function startTestLab(opts: Omit<LabUpOptions, 'dataDir'> & { catalogue?: CoreOptions['catalogue'] }): Promise<TestLab> {
  const release = opts.controlPlane === 'full' ? await takeFullLabLock() : () => {};
  try {
    return await startLab(opts, release);
  } catch (e) {
    release();
    throw e;
  }
}

async function startLab(opts: Omit<LabUpOptions, 'dataDir'> & { catalogue?: CoreOptions['catalogue'] }, release: () => void): Promise<TestLab> {
  const tmp = tempDir();
  const dataDir = join(tmp.path, 'data');
  const { catalogue, ...up } = opts;
  const lab = await labUp({ dataDir, ...up });
  const core = createCore({ dataDir, mode: 'cli', ...(catalogue ? { catalogue } : {}) });
  await registerLab(core, lab, async (name) => hostKeyFingerprint(nodeByName(lab.layout, name)));
  const caseId = core.repos.cases.create('lab test', 'info', null);
  return {
    dataDir,
    lab,
    core,
    caseId,
    async runPlaybook(playbookId, params = {}, allowMutating = false) {
      const cluster = core.inventory.clusterByName(LAB_CLUSTER);
      const r = await core.dispatch('playbooks.run', { caseId, clusterId: cluster.id, playbookId, params, allowMutating });
      if (!r.ok) return { error: r.error.message };
      const runId = (r.value as { runId: number }).runId;
      const state = await core.runs.wait(runId);
      const run = core.repos.runs.get(runId);
      if (!run) throw new Error(`run ${runId} vanished`);
      return { state, run };
    },
    async onNode(node, command, timeoutSec = 120) {
      const cluster = core.inventory.clusterByName(LAB_CLUSTER);
      const n = core.inventory.nodeByName(cluster, node);
      const r = core.exec.start({ caseId, clusterId: cluster.id, nodes: [n], command, timeoutSec });
      await core.runs.wait(r.id);
      const step = core.repos.runs.get(r.id)?.steps[0];
      if (!step) throw new Error('no step recorded');
      return { exitCode: step.exitCode, stdout: step.stdout, stderr: step.stderr };
    },
    async close() {
      try {
        await core.close();
        await labDown(dataDir);
        tmp.remove();
      } finally {
        release();
      }
    },
  };
}
