import type { CaseDetail, CaseSummary, Run } from '../../../../main/contract/types.js';

/** How many of the cluster's newest cases the node view reads for its runs (one cases.get each). */
export const CASES_READ = 10;

/** A run that had at least one step on the node, with the case it belongs to. */
export interface NodeRun {
  run: Run;
  caseId: number;
  caseTitle: string;
  /** The run's steps on this node (a playbook may have several). */
  steps: number;
}

/** The cluster's newest cases first, at most CASES_READ: the ones whose runs the node view reads. */
export function casesToRead(cases: readonly CaseSummary[], clusterId: number): CaseSummary[] {
  return cases
    .filter((c) => c.clusterId === clusterId && c.runCount > 0)
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt) || b.id - a.id)
    .slice(0, CASES_READ);
}

/** The runs of these cases that touched the node, newest first. */
export function runsOnNode(details: readonly CaseDetail[], nodeId: number): NodeRun[] {
  const out: NodeRun[] = [];
  for (const d of details) {
    for (const run of d.runs) {
      const steps = run.steps.filter((s) => s.nodeId === nodeId).length;
      if (steps > 0) out.push({ run, caseId: d.id, caseTitle: d.title, steps });
    }
  }
  return out.sort((a, b) => b.run.startedAt.localeCompare(a.run.startedAt) || b.run.id - a.run.id);
}

/**
 * Where a terminal to the node opens: the cluster's newest case not resolved (open or mitigated,
 * as the overview lists open cases), or null (then one is created).
 */
export function terminalCase(cases: readonly CaseSummary[], clusterId: number): CaseSummary | null {
  return cases.filter((c) => c.clusterId === clusterId && c.status !== 'resolved').sort((a, b) => b.openedAt.localeCompare(a.openedAt) || b.id - a.id)[0] ?? null;
}
