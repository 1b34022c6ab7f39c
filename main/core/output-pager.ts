import type { CaseLogRepo } from '../../db/caselog-repo.js';
import { StackscopeError } from '../contract/errors.js';
import type { OutputPage, StepResult } from '../contract/types.js';
import { stepStatus } from './step-executor.js';

const FINISHED = new Set(['succeeded', 'failed', 'error', 'timeout', 'cancelled', 'interrupted']);

/**
 * A step's output in pages, so a 50 MB output never travels as one message. The output being
 * read is held once in memory (a viewer asks for its pages in a row); a page of a step that is
 * still running reads what has arrived so far.
 */
export class OutputPager {
  private cached: { stepId: number; step: StepResult } | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly caselog: CaseLogRepo,
    private readonly idleMs = 30_000,
  ) {}

  page(stepId: number, stream: 'stdout' | 'stderr', offset: number, length: number): OutputPage {
    const step = this.cached?.stepId === stepId ? this.cached.step : this.load(stepId);
    if (this.cached?.stepId === stepId) this.touch();
    const text = step[stream];
    const start = Math.min(offset, text.length);
    let end = Math.min(text.length, start + length);
    // Never split a surrogate pair between two pages.
    const high = text.charCodeAt(end - 1);
    if (end < text.length && end - 1 > start && high >= 0xd800 && high <= 0xdbff) end--;
    const meta = stepStatus(step);
    return {
      stepId,
      stream,
      offset: start,
      text: text.slice(start, end),
      nextOffset: end,
      total: text.length,
      complete: FINISHED.has(step.state),
      step: { ...meta, stdoutChars: step.stdout.length, stderrChars: step.stderr.length },
    };
  }

  private load(stepId: number): StepResult {
    const step = this.caselog.liveStep(stepId);
    if (!step) throw new StackscopeError('NOT_FOUND', `step ${stepId} does not exist`, { stepId });
    // Still streaming: read what has arrived fresh each time.
    if (!FINISHED.has(step.state)) return step;
    this.cached = { stepId, step };
    return step;
  }

  private touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.clear(), this.idleMs);
    this.timer.unref();
  }

  /** Let go of the held output (idle, or shutting down). */
  clear(): void {
    this.cached = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
