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

/** A practice lab in a temp data dir with a core over it and one case, for integration tests. */
export async function startTestLab(opts: Omit<LabUpOptions, 'dataDir'> & { catalogue?: CoreOptions['catalogue'] }): Promise<TestLab> {
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
      await core.close();
      await labDown(dataDir);
      tmp.remove();
    },
  };
}
