import type { RunsRepo } from '../../db/runs-repo.js';
import type { StepStatus } from '../contract/api.js';
import { StackscopeError } from '../contract/errors.js';
import type { ClusterNode, StepState } from '../contract/types.js';
import type { StepPrivilege } from './become.js';
import type { EventBus } from './events.js';
import type { InventoryService } from './inventory-service.js';
import type { OutputSink } from './output-sink.js';
import type { ConnectionManager } from './ssh/connection-manager.js';

interface StepEnding {
  state: StepState;
  exitCode?: number | null;
  exitSignal?: string | null;
  error?: string | null;
  truncated?: boolean;
}

/**
 * One recorded command on one node: its output streams into the case log as it arrives, and how
 * it ended (exit code, signal, timeout, cancel, lost connection, could not connect) is stored.
 * Shared by ad-hoc exec runs and playbook runs.
 */
export class StepExecutor {
  constructor(
    private readonly runLog: RunsRepo,
    private readonly inventory: InventoryService,
    private readonly ssh: ConnectionManager,
    private readonly sink: OutputSink,
    private readonly events: EventBus,
    private readonly maxOutputBytes: number,
  ) {}

  finish(runId: number, stepId: number, startedMs: number | null, end: StepEnding): StepStatus {
    this.sink.endStep(stepId, runId);
    const step = this.runLog.finishStep(stepId, {
      state: end.state,
      exitCode: end.exitCode ?? null,
      exitSignal: end.exitSignal ?? null,
      error: end.error ?? null,
      truncated: end.truncated ?? false,
      endedAt: new Date().toISOString(),
      durationMs: startedMs === null ? null : Date.now() - startedMs,
    });
    this.events.emit('step.updated', { step });
    return step;
  }

  /**
   * Runs the step to its end; never throws (every failure is recorded on the step). `privilege`
   * (become.ts): what to write to stdin (a sudo password), and how to read a failure that was
   * sudo's refusal or a missing root: recorded as an error saying so, not as the command's failure.
   */
  async run(
    runId: number,
    step: StepStatus,
    node: ClusterNode | undefined,
    commandSent: string,
    timeoutSec: number,
    signal: AbortSignal,
    privilege?: Pick<StepPrivilege, 'stdin' | 'explain'>,
  ): Promise<StepStatus> {
    if (signal.aborted || !node) {
      return this.finish(runId, step.id, null, { state: 'cancelled', error: node ? 'cancelled before it started' : 'node was removed' });
    }
    const startedAt = new Date();
    const startedMs = startedAt.getTime();
    this.runLog.markStepRunning(step.id, startedAt.toISOString());
    this.events.emit('step.updated', { step: { ...step, state: 'running', startedAt: startedAt.toISOString() } });
    try {
      // sudo writes its refusal first: the head of stderr is enough to recognise it.
      let stderrHead = '';
      const options = {
        timeoutMs: timeoutSec * 1000,
        maxOutputBytes: this.maxOutputBytes,
        signal,
        onData: (stream: 'stdout' | 'stderr', text: string) => {
          if (stream === 'stderr' && stderrHead.length < 4096) stderrHead += text;
          this.sink.write(runId, step.id, stream, text);
        },
        ...(privilege?.stdin !== undefined ? { stdin: privilege.stdin } : {}),
      };
      const target = this.inventory.target(node);
      // Connecting can wait on a person (a one-time code): a cancel must not wait for them.
      const connect = () => untilAborted(this.ssh.acquire(target), signal, `${node.name}: cancelled while connecting`);
      const remote = await (await connect()).exec(commandSent, options).catch(async (err: unknown) => {
        // A pooled connection that died before the command started: one fresh connection.
        if (!(err instanceof StackscopeError && err.code === 'CONNECTION_LOST')) throw err;
        return (await connect()).exec(commandSent, options);
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
              : o.exitCode === null && !o.exitSignal
                ? 'the remote side closed the session without reporting an exit status'
                : null;
      const notChecked = state === 'failed' ? (privilege?.explain(o.exitCode, stderrHead) ?? null) : null;
      if (notChecked) return this.finish(runId, step.id, startedMs, { state: 'error', exitCode: o.exitCode, exitSignal: o.exitSignal, error: notChecked.error, truncated: o.truncated });
      return this.finish(runId, step.id, startedMs, { state, exitCode: o.exitCode, exitSignal: o.exitSignal, error, truncated: o.truncated });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return this.finish(runId, step.id, startedMs, { state: signal.aborted ? 'cancelled' : 'error', error: message });
    }
  }
}

/**
 * The promise's outcome, or a CANCELLED error as soon as `signal` aborts. What the promise was
 * doing goes on (a pooled connection another run may be waiting for); only this waiter stops.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, message: string): Promise<T> {
  if (signal.aborted) return Promise.reject(new StackscopeError('CANCELLED', message));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new StackscopeError('CANCELLED', message));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
