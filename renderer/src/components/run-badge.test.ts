import { describe, expect, it } from 'vitest';
import { nodeStates, runBadges, worstFinding } from './run-badge.js';

const f = (severity: 'critical' | 'warning' | 'info' | 'ok', status: 'FAILED' | 'OK' | 'SKIPPED' | 'INFO') => ({ severity, status });

describe('run badges', () => {
  it('shows a succeeded run by its worst finding, green only when all is ok or info', () => {
    expect(runBadges('succeeded', [f('ok', 'OK'), f('critical', 'FAILED'), f('warning', 'FAILED')])).toEqual(['critical']);
    expect(runBadges('succeeded', [f('ok', 'OK'), f('warning', 'FAILED')])).toEqual(['warning']);
    expect(runBadges('succeeded', [f('ok', 'OK'), f('warning', 'SKIPPED')])).toEqual(['not-checked']);
    expect(runBadges('succeeded', [f('ok', 'OK'), f('info', 'INFO')])).toEqual(['succeeded']);
    expect(runBadges('succeeded', [])).toEqual(['succeeded']);
  });

  it('keeps running, failed and cancelled visible, with what was found beside them', () => {
    expect(runBadges('running', [])).toEqual(['running']);
    expect(runBadges('failed', [f('critical', 'FAILED')])).toEqual(['failed', 'critical']);
    expect(runBadges('cancelled', [f('warning', 'SKIPPED')])).toEqual(['cancelled', 'not-checked']);
  });

  it('never counts a check that could not be made as critical or warning', () => {
    expect(worstFinding([f('critical', 'SKIPPED')])).toBe('not-checked');
    expect(worstFinding([f('critical', 'SKIPPED'), f('warning', 'FAILED')])).toBe('warning');
  });
});

describe('nodeStates', () => {
  it('gives each node the state of its step that matters most', () => {
    const steps = [
      { nodeName: 'controller-1', state: 'succeeded' as const },
      { nodeName: 'controller-1', state: 'running' as const },
      { nodeName: 'controller-2', state: 'failed' as const },
      { nodeName: 'controller-2', state: 'timeout' as const },
      { nodeName: 'compute-1', state: 'succeeded' as const },
    ];
    expect(nodeStates(steps)).toEqual([
      { node: 'controller-1', state: 'running' },
      { node: 'controller-2', state: 'timeout' },
      { node: 'compute-1', state: 'succeeded' },
    ]);
  });
});
