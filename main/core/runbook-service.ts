import type { RunbookProgressRepo } from '../../db/runbook-progress-repo.js';
import type { CasesRepo } from '../../db/cases-repo.js';
import { exitCodeAnalyzer } from '../../playbooks/engine/generic.js';
import { formatProblem } from '../../playbooks/engine/loader.js';
import { mutatingReason } from '../../playbooks/engine/read-only.js';
import type { RunbookSet } from '../../playbooks/engine/runbook-loader.js';
import type { PlaybookDef, ServiceId } from '../../playbooks/engine/types.js';
import { StackscopeError } from '../contract/errors.js';
import type { ClusterNode, RunbookCatalogue, RunbookInfo, RunbookProgress, RunbookStepInfo } from '../contract/types.js';
import type { InventoryService } from './inventory-service.js';
import type { PlaybookService } from './playbook-service.js';

export interface RunbookDeps {
  runbooks: RunbookSet;
  progress: RunbookProgressRepo;
  cases: CasesRepo;
  inventory: InventoryService;
  playbooks: PlaybookService;
  /** The secret preflight (NodeSecrets.requireSecrets): throws SECRET_REQUIRED when these nodes need a secret this session lacks. */
  requireSecrets: (nodes: ClusterNode[], purpose: string, opts?: { sudo?: boolean }) => void;
}

/**
 * Guided runbooks: list them, run a step (a catalogue playbook, or the runbook's own read-only
 * command as a one-step playbook, both through PlaybookService) and keep a trainee's progress
 * per case. A step runs exactly what its runbook file says; nothing from the client reaches a
 * shell (a picked node name only selects among the cluster's nodes), and a step that changes the
 * cluster runs only when the runbook marks it so and the trainee confirmed this run.
 */
export class RunbookService {
  constructor(private readonly d: RunbookDeps) {}

  list(): RunbookCatalogue {
    return { runbooks: [...this.d.runbooks.runbooks.values()], problems: this.d.runbooks.problems.map(formatProblem) };
  }

  get(id: string): RunbookInfo {
    const r = this.d.runbooks.runbooks.get(id);
    if (r) return r;
    const broken = this.d.runbooks.problems.filter((p) => p.file.includes(`/${id}/`)).map(formatProblem);
    throw new StackscopeError(
      'NOT_FOUND',
      broken.length ? `runbook ${id} failed to load: ${broken.join('; ')}` : `no runbook ${id}; known: ${[...this.d.runbooks.runbooks.keys()].join(', ') || 'none'}`,
      { runbookId: id },
    );
  }

  private step(runbook: RunbookInfo, stepId: string): RunbookStepInfo {
    const s = runbook.steps.find((x) => x.id === stepId);
    if (!s) throw new StackscopeError('NOT_FOUND', `runbook ${runbook.id} has no step ${stepId}; its steps: ${runbook.steps.map((x) => x.id).join(', ')}`, { runbookId: runbook.id, stepId });
    return s;
  }

  progress(caseId: number, runbookId: string): RunbookProgress {
    this.d.cases.require(caseId);
    return this.progressOf(caseId, this.get(runbookId));
  }

  /** The case is known to exist. */
  private progressOf(caseId: number, runbook: RunbookInfo): RunbookProgress {
    return this.d.progress.get(caseId, runbook.id, runbook.steps.map((s) => s.id));
  }

  runStep(req: { caseId: number; clusterId: number; runbookId: string; stepId: string; allowMutating?: boolean; nodeNames?: string[] }): { runId: number; progress: RunbookProgress } {
    this.d.cases.require(req.caseId);
    const runbook = this.get(req.runbookId);
    const step = this.step(runbook, req.stepId);
    const cluster = this.d.inventory.cluster(req.clusterId);
    if (!runbook.appliesTo.includes(cluster.deployment)) {
      throw new StackscopeError('INVALID_INPUT', `runbook ${runbook.id} is for ${runbook.appliesTo.join(', ')} clusters; ${cluster.name} is ${cluster.deployment}`, { runbookId: runbook.id });
    }
    const where = `run step ${step.id} of runbook ${runbook.id}`;
    let runId: number;
    const a = step.action;
    if (a.kind === 'playbook') {
      const run = { cluster, playbookId: a.playbookId, params: a.params, nodeNames: [], allowMutating: false };
      this.d.requireSecrets(this.d.playbooks.check(run), where, { sudo: true });
      runId = this.d.playbooks.start({ caseId: req.caseId, ...run }).id;
    } else if (a.kind === 'command') {
      const refuse = (why: string): never => {
        throw new StackscopeError('INVALID_INPUT', `step ${step.id} of runbook ${runbook.id} ${why}`, { runbookId: runbook.id, stepId: step.id });
      };
      // Checked at load too; checked again so an edited runbook in memory cannot slip through.
      const why = mutatingReason(a.command);
      if (why && !a.mutating) refuse(`is refused: runbook commands only read, and this one ${why}`);
      if (a.mutating && req.allowMutating !== true) refuse(`changes the cluster (${a.command}): it runs only once you confirm it`);
      const all = this.d.inventory.select(cluster, [], a.roles);
      const picked = req.nodeNames ?? [];
      if (a.on !== 'pick' && picked.length) refuse(`runs on ${a.on === 'one' ? 'one' : 'every'} ${a.roles.join('/')} node; it takes no node choice`);
      if (a.on === 'pick' && picked.length !== 1) refuse(`runs on the one ${a.roles.join('/')} node you choose: pick one of ${all.map((n) => n.name).join(', ')}`);
      const targets = a.on === 'pick' ? all.filter((n) => n.name === picked[0]) : a.on === 'one' ? all.slice(0, 1) : all;
      if (a.on === 'pick' && targets.length === 0) refuse(`runs on a ${a.roles.join('/')} node; ${cluster.name} has no such node named ${picked[0]} (its ${a.roles.join('/')} nodes: ${all.map((n) => n.name).join(', ')})`);
      // A root step asks for the sudo password where the cluster says sudo wants one.
      this.d.requireSecrets(targets, where, { sudo: a.root });
      // A one-step playbook built from the step: its service is reached the way the cluster's
      // deployment says (kubectl exec into the pod, docker exec, or the host), like catalogue steps.
      const def: PlaybookDef = {
        id: `runbook-${runbook.id}-${step.id}`,
        title: step.title,
        description: step.title,
        appliesTo: runbook.appliesTo,
        roles: a.roles,
        params: [],
        steps: [{ id: step.id, title: step.title, service: a.service as ServiceId, run: a.command, on: a.on === 'pick' ? 'each' : a.on, timeoutSec: a.timeoutSec, mutating: a.mutating, root: a.root }],
      };
      const nodeNames = a.on === 'pick' ? targets.map((n) => n.name) : [];
      // A change goes one node at a time (the runbook's own advice: start the nodes one by one).
      const concurrency = a.mutating ? { concurrency: 1 } : {};
      runId = this.d.playbooks.startLoaded({ caseId: req.caseId, cluster, params: {}, nodeNames, allowMutating: a.mutating, ...concurrency }, { def, file: `runbook ${runbook.id}`, analyze: exitCodeAnalyzer }).id;
    } else {
      throw new StackscopeError('INVALID_INPUT', `step ${step.id} of runbook ${runbook.id} has nothing to run: read it and mark it understood`, { runbookId: runbook.id, stepId: step.id });
    }
    this.d.progress.recordRun(req.caseId, runbook.id, step.id, runId);
    return { runId, progress: this.progressOf(req.caseId, runbook) };
  }

  mark(req: { caseId: number; runbookId: string; stepId: string; understood: boolean }): RunbookProgress {
    this.d.cases.require(req.caseId);
    const runbook = this.get(req.runbookId);
    this.step(runbook, req.stepId);
    this.d.progress.mark(req.caseId, runbook.id, req.stepId, req.understood);
    return this.progressOf(req.caseId, runbook);
  }
}
