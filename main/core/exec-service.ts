import type { CaseLogRepo } from '../../db/caselog-repo.js';
import type { StepStatus } from '../contract/api.js';
import { StackscopeError } from '../contract/errors.js';
import type { ClusterNode, Run, RunState, StepResult, StepState } from '../contract/types.js';
import type { EventBus } from './events.js';
import type { InventoryService } from './inventory-service.js';
import type { OutputSink } from './output-sink.js';
import type { ConnectionManager } from './ssh/connection-manager.js';
import { wrapRemoteCommand } from './ssh/shell.js';

export interface ExecRequest {
  caseId: number;
  clusterId: number;
  nodes: ClusterNode[];
  command: string;
  timeoutSec: number;
}

export interface ExecServiceOptions {
  concurrency?: number;
  maxOutputBytes?: number;
}

export function stepStatus(step: StepResult): StepStatus {
  const { stdout: _stdout, stderr: _stderr, ...status } = step;
  return status;
}

/** Run `fn` over `items` with at most `limit` in flight. */
export async function mapBounded<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Ad-hoc commands on many nodes at once. Each node is a step: its output streams into the case
 * log as it arrives, its end (exit code, signal, timeout, cancel, lost connection, could not
 * connect) is recorded, and a run ends succeeded only if every node exited 0.
 */
export class ExecService {
  private readonly active = new Map<number, { abort: AbortController; done: Promise<RunState> }>();
  private readonly concurrency: number;
  private readonly maxOutputBytes: number;

  constructor(
    private readonly caselog: CaseLogRepo,
    private readonly inventory: InventoryService,
    private readonly ssh: ConnectionManager,
    private readonly sink: OutputSink,
    private readonly events: EventBus,
    options: ExecServiceOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 16;
    this.maxOutputBytes = options.maxOutputBytes ?? 64 * 1024 * 1024;
  }

  start(req: ExecRequest): Run {
    if (!this.caselog.getCaseSummary(req.caseId)) throw new StackscopeError('NOT_FOUND', `case ${req.caseId} does not exist`, { caseId: req.caseId });
    const commandSent = wrapRemoteCommand(req.command);
    // The case log redacts the command text it stores; the real one is only sent.
    const run = this.caselog.createRun(
      req.caseId,
      req.clusterId,
      'exec',
      req.command,
      { nodes: req.nodes.map((n) => n.name), timeoutSec: req.timeoutSec },
      req.nodes.map((n) => ({ nodeId: n.id, nodeName: n.name, command: req.command, commandSent })),
    );
    this.events.emit('run.started', { run });
    const abort = new AbortController();
    const byId = new Map(req.nodes.map((n) => [n.id, n]));
    const done = (async (): Promise<RunState> => {
      await mapBounded(run.steps, this.concurrency, (step) =>
        this.runStep(run.id, step, byId.get(step.nodeId ?? -1), commandSent, req.timeoutSec, abort.signal),
      );
      const steps = this.caselog.getRun(run.id)?.steps ?? [];
      const state: RunState = abort.signal.aborted
        ? 'cancelled'
        : steps.every((s) => s.state === 'succeeded')
          ? 'succeeded'
          : steps.some((s) => s.state === 'interrupted')
            ? 'interrupted'
            : 'failed';
      this.caselog.finishRun(run.id, state);
      this.events.emit('run.finished', { runId: run.id, caseId: req.caseId, state });
      return state;
    })().finally(() => this.active.delete(run.id));
    this.active.set(run.id, { abort, done });
    return run;
  }

  /** Resolves with the run's final state (for the CLI and tests). */
  wait(runId: number): Promise<RunState> {
    const active = this.active.get(runId);
    if (active) return active.done;
    const run = this.caselog.getRun(runId);
    if (!run) return Promise.reject(new StackscopeError('NOT_FOUND', `run ${runId} does not exist`, { runId }));
    return Promise.resolve(run.state);
  }

  cancel(runId: number): void {
    const active = this.active.get(runId);
    if (!active) {
      if (!this.caselog.getRun(runId)) throw new StackscopeError('NOT_FOUND', `run ${runId} does not exist`, { runId });
      return; // already over: nothing to cancel
    }
    active.abort.abort();
  }

  /** Cancel everything in flight and wait for it to be recorded (shutdown). */
  async stopAll(): Promise<void> {
    for (const a of this.active.values()) a.abort.abort();
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
  }

  private finish(runId: number, stepId: number, startedMs: number | null, end: { state: StepState; exitCode?: number | null; exitSignal?: string | null; error?: string | null; truncated?: boolean }): void {
    this.sink.endStep(stepId, runId);
    const step = this.caselog.finishStep(stepId, {
      state: end.state,
      exitCode: end.exitCode ?? null,
      exitSignal: end.exitSignal ?? null,
      error: end.error ?? null,
      truncated: end.truncated ?? false,
      endedAt: new Date().toISOString(),
      durationMs: startedMs === null ? null : Date.now() - startedMs,
    });
    this.events.emit('step.updated', { step: stepStatus(step) });
  }

  private async runStep(
    runId: number,
    step: StepResult,
    node: ClusterNode | undefined,
    commandSent: string,
    timeoutSec: number,
    signal: AbortSignal,
  ): Promise<void> {
    if (signal.aborted || !node) {
      this.finish(runId, step.id, null, { state: 'cancelled', error: node ? 'cancelled before it started' : 'node was removed' });
      return;
    }
    const startedAt = new Date();
    const startedMs = startedAt.getTime();
    this.caselog.markStepRunning(step.id, startedAt.toISOString());
    this.events.emit('step.updated', { step: { ...stepStatus(step), state: 'running', startedAt: startedAt.toISOString() } });
    try {
      const options = {
        timeoutMs: timeoutSec * 1000,
        maxOutputBytes: this.maxOutputBytes,
        signal,
        onData: (stream: 'stdout' | 'stderr', text: string) => this.sink.write(runId, step.id, stream, text),
      };
      const target = this.inventory.target(node);
      const remote = await (await this.ssh.acquire(target)).exec(commandSent, options).catch(async (err: unknown) => {
        // A pooled connection that died before the command started: one fresh connection.
        if (!(err instanceof StackscopeError && err.code === 'CONNECTION_LOST')) throw err;
        return (await this.ssh.acquire(target)).exec(commandSent, options);
      });
      const o = await remote.done;
      const state: StepState = o.cancelled
        ? 'cancelled'
        : o.timedOut
          ? 'timeout'
          : o.connectionLost
            ? 'interrupted'
            : o.exitCode === 0 && !o.truncated
              ? 'succeeded'
              : 'failed';
      const error = o.cancelled
        ? 'cancelled by the user; the remote command was stopped'
        : o.timedOut
          ? `timed out after ${timeoutSec} s; the remote command was stopped`
          : o.connectionLost
            ? `connection to ${node.name} was lost before the command ended; output up to that point is kept`
            : o.truncated
              ? 'output exceeded the per-step cap; the remote command was stopped'
              : null;
      this.finish(runId, step.id, startedMs, { state, exitCode: o.exitCode, exitSignal: o.exitSignal, error, truncated: o.truncated });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.finish(runId, step.id, startedMs, { state: 'error', error: message });
    }
  }
}
