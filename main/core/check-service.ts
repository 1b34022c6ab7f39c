import { Gate } from '../../playbooks/engine/bounded.js';
import type { LoadedPlaybook } from '../../playbooks/engine/loader.js';
import { selectTargets } from '../../playbooks/engine/run.js';
import { StackscopeError } from '../contract/errors.js';
import type { CheckStarted, Cluster, ClusterNode } from '../contract/types.js';
import type { PlaybookService } from './playbook-service.js';

/** What a whole-cluster check will run: decided (and refused) before anything is created. */
export interface CheckPlan {
  cluster: Cluster;
  playbooks: LoadedPlaybook[];
  left: CheckStarted['left'];
  /** Every node some playbook of the check contacts (their secrets are asked for first). */
  targets: ClusterNode[];
}

/** Why a catalogue playbook is not part of a whole-cluster check of this cluster, or null when it is. */
function whyLeftOut(p: LoadedPlaybook, cluster: Cluster): string | null {
  const { def } = p;
  if (!def.appliesTo.includes(cluster.deployment)) return `applies to ${def.appliesTo.join(', ')}; ${cluster.name} is ${cluster.deployment}`;
  const needed = def.params.filter((x) => x.required && x.default === undefined).map((x) => x.name);
  if (needed.length) return `needs ${needed.join(', ')}: stackscope run ${def.id} ${cluster.name} --param ${needed[0]}=…`;
  const mutating = def.steps.filter((s) => s.mutating).map((s) => s.id);
  if (mutating.length) return `changes the cluster (${mutating.join(', ')}); a check only reads`;
  if (!cluster.nodes.some((n) => n.roles.some((r) => def.roles.includes(r)))) return `runs on ${def.roles.join('/')} nodes and ${cluster.name} has none`;
  return null;
}

/**
 * "Check the whole cluster": every catalogue playbook that applies to the cluster's flavour and
 * needs no parameter (or the ones asked for), each as its own run in one case, with the commands
 * in flight bounded across all of them. SSH connections are pooled per node, so the playbooks
 * share one connection to each node.
 */
export class CheckService {
  constructor(
    private readonly playbooks: PlaybookService,
    private readonly concurrency: number,
  ) {}

  /** What would run; refuses unknown or inapplicable ids before anything is created. */
  plan(cluster: Cluster, only: string[], skip: string[]): CheckPlan {
    const all = this.playbooks.loaded();
    const known = new Set(all.map((p) => p.def.id));
    const unknown = [...only, ...skip].filter((id) => !known.has(id));
    if (unknown.length) throw new StackscopeError('INVALID_INPUT', `no playbook ${unknown.join(', ')}; known: ${[...known].join(', ')}`, { playbookId: unknown[0] ?? '' });
    const playbooks: LoadedPlaybook[] = [];
    const left: CheckPlan['left'] = [];
    const refused: string[] = [];
    for (const p of all) {
      const id = p.def.id;
      if (only.length && !only.includes(id)) continue;
      if (skip.includes(id)) {
        left.push({ playbookId: id, reason: 'skipped as asked' });
        continue;
      }
      const why = whyLeftOut(p, cluster);
      if (why === null) playbooks.push(p);
      else if (only.includes(id)) refused.push(`${id} ${why}`);
      else left.push({ playbookId: id, reason: why });
    }
    if (refused.length) throw new StackscopeError('INVALID_INPUT', `cannot check with ${refused.join('; ')}`, { playbookId: only[0] ?? '' });
    if (!playbooks.length) throw new StackscopeError('INVALID_INPUT', `nothing to check on ${cluster.name}: ${left.map((l) => `${l.playbookId} ${l.reason}`).join('; ') || 'the catalogue is empty'}`);
    const ids = new Set(playbooks.flatMap((p) => selectTargets(p.def, cluster.nodes).map((n) => n.id)));
    return { cluster, playbooks, left, targets: cluster.nodes.filter((n) => ids.has(n.id)) };
  }

  /** Start every run of the plan in the case (known to exist); they go on after this returns. */
  start(plan: CheckPlan, caseId: number, newCase: boolean, concurrency = plan.cluster.connection.concurrency ?? this.concurrency): CheckStarted {
    const gate = new Gate(concurrency);
    const check = new Date().toISOString();
    const runs = plan.playbooks.map((p) => {
      const run = this.playbooks.start({ caseId, cluster: plan.cluster, playbookId: p.def.id, params: {}, nodeNames: [], allowMutating: false, concurrency, gate, check });
      return { playbookId: p.def.id, runId: run.id };
    });
    return { caseId, newCase, runs, left: plan.left };
  }
}
