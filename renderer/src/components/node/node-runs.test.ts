import { describe, expect, it } from 'vitest';
import type { CaseDetail, CaseSummary, Run, StepResult } from '../../../../main/contract/types.js';
import { CASES_READ, casesToRead, runsOnNode, terminalCase } from './node-runs.js';

const summary = (id: number, over: Partial<CaseSummary> = {}): CaseSummary => ({ id, title: `case ${id}`, severity: 'info', status: 'open', clusterId: 1, openedAt: `2026-12-0${(id % 9) + 1}T00:00:00Z`, closedAt: null, runCount: 1, ...over });
const step = (nodeId: number | null): StepResult => ({ nodeId, nodeName: `n${nodeId}` }) as StepResult;
const run = (id: number, startedAt: string, nodes: Array<number | null>): Run => ({ id, caseId: 0, clusterId: 1, kind: 'playbook', title: `pb-${id}`, params: {}, state: 'succeeded', startedAt, endedAt: null, steps: nodes.map(step), findings: [] });
const detail = (id: number, runs: Run[]): CaseDetail => ({ ...summary(id), clusterName: 'lab', runs, notes: [] });

describe('node view: the runs that touched a node, and where its terminal opens', () => {
  it("reads only the cluster's newest cases that have runs", () => {
    const cases = [summary(1), summary(2, { clusterId: 2 }), summary(3, { runCount: 0 }), summary(4), ...Array.from({ length: 20 }, (_, i) => summary(10 + i))];
    const read = casesToRead(cases, 1);
    expect(read.length).toBe(CASES_READ);
    expect(read.every((c) => c.clusterId === 1 && c.runCount > 0)).toBe(true);
    expect(read.map((c) => c.id)).not.toContain(3);
  });

  it('keeps runs with a step on the node, newest first, counting its steps there', () => {
    const d = [detail(1, [run(1, '2026-12-01T00:00:00Z', [5, 6]), run(2, '2026-12-01T01:00:00Z', [6])]), detail(2, [run(3, '2026-12-02T00:00:00Z', [5, 5, null])])];
    const got = runsOnNode(d, 5);
    expect(got.map((r) => [r.run.id, r.caseId, r.steps])).toEqual([
      [3, 2, 2],
      [1, 1, 1],
    ]);
    expect(runsOnNode(d, 99)).toEqual([]);
  });

  it("opens the terminal in the cluster's newest open case, open or mitigated, never a resolved one or another cluster's", () => {
    const cases = [summary(1), summary(5, { status: 'resolved' }), summary(6, { clusterId: 2 }), summary(3, { status: 'mitigated' }), summary(2)];
    expect(terminalCase(cases, 1)?.id).toBe(3); // mitigated is still open work
    expect(terminalCase(cases.filter((c) => c.id !== 3), 1)?.id).toBe(2);
    expect(terminalCase([summary(5, { status: 'resolved' })], 1)).toBeNull();
  });
});
