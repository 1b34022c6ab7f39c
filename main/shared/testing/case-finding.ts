import type { CaseFinding } from '../../contract/types.js';

let nextId = 1;

/** A case finding for tests of what is drawn from findings (summary, draft): the status follows the severity unless given. */
export function caseFinding(f: Pick<CaseFinding, 'playbook' | 'check' | 'severity' | 'title'> & Partial<CaseFinding>): CaseFinding {
  return {
    id: nextId++,
    runId: 1,
    status: f.severity === 'ok' ? 'OK' : f.severity === 'info' ? 'INFO' : 'FAILED',
    explanation: '',
    evidence: [],
    likelyCause: '',
    nextStep: '',
    skippedReason: null,
    explainedBy: [],
    createdAt: '2026-12-04T03:02:00Z',
    runStartedAt: '2026-12-04T03:02:00Z',
    latest: true,
    ...f,
  };
}

/** Evidence quoted from one node (the summary reads its node). */
export const quotedFrom = (node: string) => [{ node, step: 's', lines: ['x'], stepId: null, stream: 'stdout' as const }];
