import { describe, expect, it } from 'vitest';
import { FlowWindow } from './terminal-flow.js';

describe('terminal flow control', () => {
  it('pauses above the high mark and resumes only under the low mark', () => {
    const calls: string[] = [];
    const flow = new FlowWindow(() => calls.push('pause'), () => calls.push('resume'), 100, 20);
    flow.sent(100);
    expect(calls).toEqual([]); // at the mark, not above it
    flow.sent(30);
    expect(calls).toEqual(['pause']);
    flow.sent(50); // data already in flight still counts, without a second pause
    expect(calls).toEqual(['pause']);
    flow.acked(150);
    expect(flow.pending).toBe(30);
    expect(calls).toEqual(['pause']); // 30 is not under 20
    flow.acked(15);
    expect(calls).toEqual(['pause', 'resume']);
    expect(flow.isPaused).toBe(false);
  });

  it('clamps acknowledgements of more than was sent', () => {
    const calls: string[] = [];
    const flow = new FlowWindow(() => calls.push('pause'), () => calls.push('resume'), 100, 20);
    flow.acked(1000);
    expect(flow.pending).toBe(0);
    flow.sent(101);
    expect(calls).toEqual(['pause']);
  });
});
