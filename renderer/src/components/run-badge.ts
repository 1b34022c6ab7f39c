import type { FindingSeverity, FindingStatus, RunState, StepResult, StepState } from '../../../main/contract/types.js';

/** The worst thing a run's findings say: a run can succeed (every step ran) and still find the cluster broken. */
export type Worst = 'critical' | 'warning' | 'not-checked' | 'ok';

/** One badge on a run: its state, or what it found. */
export type RunBadge = RunState | Exclude<Worst, 'ok'>;

/** Critical or warning only from failed checks; a check that could not be made is "not checked", never ok. */
export function worstFinding(findings: ReadonlyArray<{ severity: FindingSeverity; status: FindingStatus }>): Worst {
  const failed = findings.filter((f) => f.status === 'FAILED');
  if (failed.some((f) => f.severity === 'critical')) return 'critical';
  if (failed.some((f) => f.severity === 'warning')) return 'warning';
  if (findings.some((f) => f.status === 'SKIPPED')) return 'not-checked';
  return 'ok';
}

/**
 * The badges a run shows: a succeeded run shows what it found (green "succeeded" only when every
 * finding is ok or info); running, failed, cancelled and interrupted stay visible, with what was
 * found so far beside them.
 */
export function runBadges(state: RunState, findings: ReadonlyArray<{ severity: FindingSeverity; status: FindingStatus }>): RunBadge[] {
  const worst = worstFinding(findings);
  if (state === 'succeeded') return [worst === 'ok' ? 'succeeded' : worst];
  return worst === 'ok' ? [state] : [state, worst];
}

/** The CSS class a badge wears: finding colours for what was found, state colours for the rest. */
export function badgeClass(b: RunBadge): string {
  if (b === 'critical' || b === 'warning') return `sev ${b}`;
  if (b === 'not-checked') return 'sev skipped';
  return `state ${b}`;
}

const stepRank: Record<StepState, number> = { running: 0, pending: 1, error: 2, timeout: 3, interrupted: 4, cancelled: 5, failed: 6, succeeded: 7 };

/**
 * Per node, the state that matters most of its steps in a run: still running or waiting first,
 * then what stopped a step from running (error, timeout, …), then a non-zero exit, then done.
 */
export function nodeStates(steps: ReadonlyArray<Pick<StepResult, 'nodeName' | 'state'>>): Array<{ node: string; state: StepState }> {
  const byNode = new Map<string, StepState>();
  for (const s of steps) {
    const was = byNode.get(s.nodeName);
    if (was === undefined || stepRank[s.state] < stepRank[was]) byNode.set(s.nodeName, s.state);
  }
  return [...byNode].map(([node, state]) => ({ node, state }));
}
