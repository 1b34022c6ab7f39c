import type { RunsRepo } from '../../db/runs-repo.js';
import { StackscopeError } from '../contract/errors.js';
import type { OutputPage } from '../contract/types.js';

const FINISHED = new Set(['succeeded', 'failed', 'error', 'timeout', 'cancelled', 'interrupted']);

/**
 * A step's output in pages, so a 50 MB output never travels as one message. Each page reads only
 * the stored blocks it covers: nothing of the output is held between pages, and a page of a step
 * that is still running reads what has arrived so far.
 */
export class OutputPager {
  constructor(private readonly runs: RunsRepo) {}

  page(stepId: number, stream: 'stdout' | 'stderr', offset: number, length: number): OutputPage {
    const step = this.runs.step(stepId);
    if (!step) throw new StackscopeError('NOT_FOUND', `step ${stepId} does not exist`, { stepId });
    const stdoutChars = step.stdoutChars ?? 0;
    const stderrChars = step.stderrChars ?? 0;
    const total = stream === 'stdout' ? stdoutChars : stderrChars;
    const start = Math.min(offset, total);
    let text = this.runs.output.slice(stepId, stream, start, Math.min(length, total - start));
    // Never split a surrogate pair between two pages.
    const high = text.charCodeAt(text.length - 1);
    if (start + text.length < total && text.length > 1 && high >= 0xd800 && high <= 0xdbff) text = text.slice(0, -1);
    return {
      stepId,
      stream,
      offset: start,
      text,
      nextOffset: start + text.length,
      total,
      complete: FINISHED.has(step.state),
      step: { ...step, stdoutChars, stderrChars },
    };
  }
}
