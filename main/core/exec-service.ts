import type { CasesRepo } from '../../db/cases-repo.js';
import type { RunsRepo } from '../../db/runs-repo.js';
import { mapBounded } from '../../playbooks/engine/bounded.js';
import type { StepStatus } from '../contract/api.js';
import type { ClusterNode, Run, RunState } from '../contract/types.js';
import type { RunRegistry } from './run-registry.js';
import { wrapRemoteCommand } from './ssh/shell.js';
import type { StepExecutor } from './step-executor.js';

export interface ExecRequest {
  caseId: number;
  clusterId: number;
  nodes: ClusterNode[];
  command: string;
  timeoutSec: number;
  /** Nodes at once (the cluster's setting); the app's default without it. */
  concurrency?: number;
}

/**
 * Ad-hoc commands on many nodes at once. Each node is a step; a run ends succeeded only if every
 * node exited 0.
 */
export class ExecService {
  constructor(
    private readonly cases: CasesRepo,
    private readonly runLog: RunsRepo,
    private readonly steps: StepExecutor,
    private readonly runs: RunRegistry,
    private readonly concurrency: number,
  ) {}

  start(req: ExecRequest): Run {
    this.cases.require(req.caseId);
    const commandSent = wrapRemoteCommand(req.command);
    // The case log redacts the command text it stores; the real one is only sent.
    const run = this.runLog.create(
      req.caseId,
      req.clusterId,
      'exec',
      req.command,
      { nodes: req.nodes.map((n) => n.name), timeoutSec: req.timeoutSec },
      req.nodes.map((n) => ({ nodeId: n.id, nodeName: n.name, command: req.command, commandSent })),
    );
    const byId = new Map(req.nodes.map((n) => [n.id, n]));
    const concurrency = req.concurrency ?? this.concurrency;
    return this.runs.launch(run, concurrency, async (signal): Promise<RunState> => {
      const results: StepStatus[] = [];
      await mapBounded(run.steps, concurrency, async (step) => {
        results.push(await this.steps.run(run.id, step, byId.get(step.nodeId ?? -1), commandSent, req.timeoutSec, signal));
      });
      return signal.aborted
        ? 'cancelled'
        : results.every((s) => s.state === 'succeeded')
          ? 'succeeded'
          : results.some((s) => s.state === 'interrupted')
            ? 'interrupted'
            : 'failed';
    });
  }
}
