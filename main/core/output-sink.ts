import type { OutputRepo } from '../../db/output-repo.js';
import { Batcher } from './batcher.js';
import type { EventBus } from './events.js';
import { StreamRedactor } from './redact.js';

interface Pending {
  runId: number;
  stepId: number;
  stream: 'stdout' | 'stderr';
  data: string;
}

/**
 * Streamed output on its way to the case log and the UI. Text is redacted line by line, then
 * batched: one SQLite transaction and one event per step and stream every `intervalMs` (or
 * sooner past `maxBatchBytes`), so 20 MB of output costs a few hundred writes, not thousands.
 */
export class OutputSink {
  private pending: Pending[] = [];
  private pendingBytes = 0;
  private readonly redactors = new Map<string, StreamRedactor>();
  private readonly batcher: Batcher;

  constructor(
    private readonly output: OutputRepo,
    private readonly events: EventBus,
    private readonly secretValues: () => readonly string[],
    intervalMs = 100,
    maxBatchBytes = 1024 * 1024,
  ) {
    this.batcher = new Batcher(() => this.writePending(), intervalMs, maxBatchBytes);
  }

  write(runId: number, stepId: number, stream: 'stdout' | 'stderr', text: string): void {
    const key = `${stepId}:${stream}`;
    let redactor = this.redactors.get(key);
    if (!redactor) {
      redactor = new StreamRedactor(this.secretValues);
      this.redactors.set(key, redactor);
    }
    this.enqueue({ runId, stepId, stream, data: redactor.push(text) });
  }

  /** The step ended: release the held partial line and write everything for it now. */
  endStep(stepId: number, runId: number): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const key = `${stepId}:${stream}`;
      const redactor = this.redactors.get(key);
      if (redactor) {
        this.enqueue({ runId, stepId, stream, data: redactor.end() });
        this.redactors.delete(key);
      }
    }
    this.flush();
  }

  private enqueue(p: Pending): void {
    if (p.data.length === 0) return;
    const last = this.pending[this.pending.length - 1];
    if (last && last.stepId === p.stepId && last.stream === p.stream) last.data += p.data;
    else this.pending.push(p);
    this.pendingBytes += p.data.length;
    this.batcher.added(this.pendingBytes);
  }

  flush(): void {
    this.batcher.flush();
  }

  private writePending(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.output.append(batch);
    for (const p of batch) this.events.emit('step.output', { runId: p.runId, stepId: p.stepId, stream: p.stream, data: p.data });
  }
}
