import { setMaxListeners } from 'node:events';
import type { RunsRepo } from '../../db/runs-repo.js';
import { StackscopeError } from '../contract/errors.js';
import type { Run, RunState } from '../contract/types.js';
import type { EventBus } from './events.js';

/**
 * Runs by id, and the life every run shares whatever runs in it (an ad-hoc command, a playbook):
 * announced, cancellable, recorded as finished with its state. Cancel, wait and read work the
 * same for every kind.
 */
export class RunRegistry {
  private readonly active = new Map<number, { abort: AbortController; done: Promise<RunState> }>();

  constructor(
    private readonly runLog: RunsRepo,
    private readonly events: EventBus,
  ) {}

  /**
   * Start a run the case log has just created: `work` runs its steps (at most `concurrency` at
   * once) until `signal` aborts, and says how the run ended. Returns the run as created.
   */
  launch(run: Run, concurrency: number, work: (signal: AbortSignal) => Promise<RunState>): Run {
    this.events.emit('run.started', { run });
    const abort = new AbortController();
    // Each step in flight listens for cancel (and stops listening when it ends): not a leak.
    setMaxListeners(concurrency + 10, abort.signal);
    const done = work(abort.signal).then((state) => {
      this.runLog.finishRun(run.id, state);
      this.events.emit('run.finished', { runId: run.id, caseId: run.caseId, state });
      return state;
    });
    this.active.set(run.id, { abort, done: done.finally(() => this.active.delete(run.id)) });
    return run;
  }

  /** The run as recorded. @param outputTail keep only the last N characters of each step's output. */
  get(runId: number, outputTail?: number): Run {
    const run = this.runLog.get(runId, outputTail);
    if (!run) throw new StackscopeError('NOT_FOUND', `run ${runId} does not exist`, { runId });
    return run;
  }

  /** Resolves with the run's final state (for the CLI and tests). */
  wait(runId: number): Promise<RunState> {
    const active = this.active.get(runId);
    if (active) return active.done;
    const state = this.runLog.state(runId);
    if (!state) return Promise.reject(new StackscopeError('NOT_FOUND', `run ${runId} does not exist`, { runId }));
    return Promise.resolve(state);
  }

  cancel(runId: number): void {
    const active = this.active.get(runId);
    if (!active) {
      if (!this.runLog.state(runId)) throw new StackscopeError('NOT_FOUND', `run ${runId} does not exist`, { runId });
      return; // already over: nothing to cancel
    }
    active.abort.abort();
  }

  /** Cancel everything in flight and wait for it to be recorded (shutdown). */
  async stopAll(): Promise<void> {
    for (const a of this.active.values()) a.abort.abort();
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
  }
}
