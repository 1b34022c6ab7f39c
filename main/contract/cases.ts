/** A case: its summary and detail, notes, the timeline of what happened, its findings. */
import type { FindingEvidence, FindingSeverity, Run, RunFinding, RunState } from './runs.js';

export type CaseStatus = 'open' | 'mitigated' | 'resolved';
export type Severity = 'critical' | 'warning' | 'info';

export interface CaseSummary {
  id: number;
  title: string;
  severity: Severity;
  status: CaseStatus;
  clusterId: number | null;
  openedAt: string;
  closedAt: string | null;
  runCount: number;
}

export interface CaseDetail extends CaseSummary {
  clusterName: string | null;
  runs: Run[];
  notes: Note[];
}

export interface Note {
  id: number;
  caseId: number;
  author: string;
  text: string;
  createdAt: string;
}

/**
 * One thing that happened in a case. `kind` discriminates; later features add their kinds
 * (as terminal sessions did) and the UI shows unknown kinds with their `summary`.
 */
export type TimelineEntry =
  | { kind: 'opened'; id: string; at: string; author: string | null; title: string; severity: Severity }
  | { kind: 'status'; id: string; at: string; author: string | null; from: CaseStatus; to: CaseStatus }
  | { kind: 'note'; id: string; at: string; author: string; noteId: number; text: string }
  | {
      kind: 'run';
      id: string;
      at: string;
      endedAt: string | null;
      author: string | null;
      runId: number;
      runKind: 'exec' | 'playbook';
      /** Playbook id or the ad-hoc command. */
      title: string;
      state: RunState;
      nodes: string[];
      critical: number;
      warning: number;
      ok: number;
      /** Checks it could not make (no pod, nothing to run on), beyond the warnings. */
      skipped: number;
    }
  | { kind: 'finding'; id: string; at: string; author: null; runId: number; findingId: number; playbook: string; severity: FindingSeverity; title: string; nodes: string[] }
  | { kind: 'terminal'; id: string; at: string; endedAt: string | null; author: string | null; sessionId: number; nodeName: string; summary: string };

/** Evidence with the recorded step it came from, so the UI can open that step's full output. */
export interface LocatedEvidence extends FindingEvidence {
  stepId: number | null;
  stream: 'stdout' | 'stderr';
}

export interface CaseFinding extends Omit<RunFinding, 'evidence'> {
  evidence: LocatedEvidence[];
  /** The playbook id of the run. */
  playbook: string;
  runStartedAt: string;
  /** From the newest run of its playbook in this case (older runs' findings may be stale). */
  latest: boolean;
}
