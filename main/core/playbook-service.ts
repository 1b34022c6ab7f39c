import type { CasesRepo } from '../../db/cases-repo.js';
import type { RunsRepo } from '../../db/runs-repo.js';
import type { Gate } from '../../playbooks/engine/bounded.js';
import { formatProblem, type Catalogue, type LoadedPlaybook } from '../../playbooks/engine/loader.js';
import { bindParams, checkApplies, PlaybookInputError, runPlaybook, selectTargets, type CommandRunner } from '../../playbooks/engine/run.js';
import { StackscopeError } from '../contract/errors.js';
import type { Cluster, ClusterNode, PlaybookCatalogue, PlaybookInfo, Run, RunState } from '../contract/types.js';
import { credentialsNotChecked, stepPrivilege, sudoRefusal, type NotChecked, type StepPrivilege } from './become.js';
import type { EventBus } from './events.js';
import { profileOf } from './inventory-service.js';
import type { RunRegistry } from './run-registry.js';
import { wrapRemoteCommand } from './ssh/shell.js';
import type { StepExecutor } from './step-executor.js';

export interface PlaybookRequest {
  caseId: number;
  cluster: Cluster;
  playbookId: string;
  params: Record<string, string>;
  nodeNames: string[];
  allowMutating: boolean;
  concurrency?: number;
  /** Shared with other runs (a whole-cluster check): bounds the commands in flight across all of them. */
  gate?: Gate;
  /** When the whole-cluster check this run belongs to started (kept with the run: older results of playbooks it did not re-run are stale). */
  check?: string;
}

function info(p: LoadedPlaybook): PlaybookInfo {
  const { def } = p;
  // A script step is listed by its file name; its text stays in the core.
  return { ...def, steps: def.steps.map(({ timeoutSec: _t, script, ...s }) => ({ ...s, ...(script ? { script: script.file } : {}) })), file: p.file };
}

/**
 * Playbook runs: check the request (parameters, flavour, mutating steps) before anything runs,
 * then let the engine run it step by step through the recorded SSH executor, and store what the
 * analyzer concluded next to the outputs it came from.
 */
export class PlaybookService {
  constructor(
    private readonly cases: CasesRepo,
    private readonly runLog: RunsRepo,
    private readonly steps: StepExecutor,
    private readonly runs: RunRegistry,
    private readonly events: EventBus,
    private readonly catalogue: Catalogue,
    private readonly concurrency: number,
    /** The sudo password given for a node this session (memory only), and what to do when sudo refuses it. */
    private readonly sudo: { password(node: ClusterNode): string | undefined; refused(nodeId: number): void } = { password: () => undefined, refused: () => undefined },
  ) {}

  list(): PlaybookCatalogue {
    return { playbooks: [...this.catalogue.playbooks.values()].map(info), problems: this.catalogue.problems.map(formatProblem) };
  }

  /** Every playbook of the catalogue, as loaded. */
  loaded(): LoadedPlaybook[] {
    return [...this.catalogue.playbooks.values()];
  }

  get(id: string): LoadedPlaybook {
    const p = this.catalogue.playbooks.get(id);
    if (p) return p;
    const broken = this.catalogue.problems.filter((x) => x.file.includes(`/${id}/`)).map(formatProblem);
    throw new StackscopeError(
      'NOT_FOUND',
      broken.length ? `playbook ${id} failed to load: ${broken.join('; ')}` : `no playbook ${id}; known: ${[...this.catalogue.playbooks.keys()].join(', ')}`,
      { playbookId: id },
    );
  }

  /**
   * Everything a run of this playbook would refuse (flavour, mutating steps, parameters, nodes),
   * checked before anything is created; the nodes it would contact (to ask for their credentials first).
   */
  check(req: Omit<PlaybookRequest, 'caseId'>): Cluster['nodes'] {
    const { def } = this.get(req.playbookId);
    try {
      checkApplies(def, req.cluster.deployment, req.allowMutating);
      bindParams(def, req.params);
      return selectTargets(def, req.cluster.nodes, req.nodeNames);
    } catch (err) {
      if (err instanceof PlaybookInputError) throw new StackscopeError('INVALID_INPUT', `${def.id} on ${req.cluster.name}: ${err.message}`, { playbookId: def.id });
      throw err;
    }
  }

  start(req: PlaybookRequest): Run {
    this.cases.require(req.caseId);
    return this.launch(req, this.get(req.playbookId));
  }

  /** Run a playbook that is not in the catalogue (a runbook's command step, built on the fly). */
  startLoaded(req: Omit<PlaybookRequest, 'playbookId'>, playbook: LoadedPlaybook): Run {
    this.cases.require(req.caseId);
    return this.launch(req, playbook);
  }

  /** The case is known to exist. */
  private launch(req: Omit<PlaybookRequest, 'playbookId'>, playbook: LoadedPlaybook): Run {
    const { def } = playbook;
    let params: ReturnType<typeof bindParams>;
    let targets: Cluster['nodes'];
    try {
      checkApplies(def, req.cluster.deployment, req.allowMutating);
      params = bindParams(def, req.params);
      targets = selectTargets(def, req.cluster.nodes, req.nodeNames);
    } catch (err) {
      if (err instanceof PlaybookInputError) throw new StackscopeError('INVALID_INPUT', `${def.id} on ${req.cluster.name}: ${err.message}`, { playbookId: def.id });
      throw err;
    }
    const profile = profileOf(req.cluster);
    const run = this.runLog.create(req.caseId, req.cluster.id, 'playbook', def.id, { ...params, nodes: targets.map((n) => n.name), ...(req.check ? { check: req.check } : {}) }, []);
    // Every node of the cluster: a step may run where the credentials are, or through the kube-access node.
    const byName = new Map(req.cluster.nodes.map((n) => [n.name, n]));
    const runner: CommandRunner = {
      run: async (job, signal) => {
        // The output is job.node's; the command runs on job.via when kubectl reaches job.node's pod from there.
        const node = byName.get((job.via ?? job.node).name);
        // Root steps go through sudo where the cluster says so (become.ts); the password, if any, only to stdin.
        const privilege = node
          ? stepPrivilege({ cluster: req.cluster, node, step: job.step, command: job.command, root: job.root, sudoPassword: job.root ? this.sudo.password(node) : undefined })
          : { commandSent: wrapRemoteCommand(job.command), sudo: false, explain: () => null };
        const { commandSent } = privilege;
        const subject = byName.get(job.node.name);
        const step = this.runLog.addStep(run.id, { nodeId: subject?.id ?? null, nodeName: job.node.name, stepKey: job.step, command: job.command, commandSent });
        this.events.emit('step.updated', { step });
        let notChecked: NotChecked | null = null;
        // The credentials prelude's own refusal first (credentials.ts), then sudo's.
        const explain: StepPrivilege['explain'] = (code, stderrHead) => (notChecked = credentialsNotChecked(req.cluster.name, job.node.name, job.step, code, stderrHead) ?? privilege.explain(code, stderrHead));
        const execute = () => this.steps.run(run.id, step, node, commandSent, job.timeoutSec, signal, { stdin: privilege.stdin, explain });
        const r = await (req.gate ? req.gate.run(execute, signal) : execute());
        const verdict = r.state === 'error' ? (notChecked as NotChecked | null) : null;
        if (verdict && node && privilege.stdin !== undefined && sudoRefusal(this.runLog.output.text(r.id, 'stderr')) === 'wrong-password') this.sudo.refused(node.id);
        // The analyzers read what was stored: redacted, and capped at the per-step output limit.
        const stdout = this.runLog.output.text(r.id, 'stdout');
        const stderr = this.runLog.output.text(r.id, 'stderr');
        return {
          step: job.step,
          node: job.node.name,
          state: r.state,
          exitCode: r.exitCode,
          stdout,
          stderr,
          error: r.error,
          command: r.command,
          startedAt: r.startedAt,
          endedAt: r.endedAt,
          ...(verdict ? { notChecked: { why: verdict.why, nextStep: verdict.nextStep, ...(verdict.likelyCause ? { likelyCause: verdict.likelyCause } : {}), ...(verdict.settled ? { settled: true } : {}) } } : {}),
        };
      },
    };
    const concurrency = req.concurrency ?? req.cluster.connection.concurrency ?? this.concurrency;
    return this.runs.launch(run, concurrency, async (signal): Promise<RunState> => {
      try {
        const outcome = await runPlaybook({ playbook, profile, targets, nodes: req.cluster.nodes, params, runner, concurrency, signal });
        const findings = this.runLog.findings.add(run.id, outcome.findings.map((f) => ({ ...f, skippedReason: f.skippedReason ?? null })));
        this.events.emit('run.findings', { runId: run.id, caseId: req.caseId, findings });
        if (this.cases.followFindings(req.caseId)) this.events.emit('case.changed', { caseId: req.caseId });
        return signal.aborted ? 'cancelled' : outcome.complete ? 'succeeded' : 'failed';
      } catch (err) {
        // The engine does not throw by design; if it does, say so on the run and keep the outputs.
        const findings = this.runLog.findings.add(run.id, [
          { check: 'engine.failed', severity: 'warning', status: 'FAILED', title: `The ${def.id} run stopped: ${(err as Error).message}`, explanation: 'The step outputs recorded so far are kept.', evidence: [], likelyCause: '', nextStep: '', skippedReason: null },
        ]);
        this.events.emit('run.findings', { runId: run.id, caseId: req.caseId, findings });
        return 'failed';
      }
    });
  }
}
