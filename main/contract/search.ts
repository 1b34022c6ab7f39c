/** Search over the case log: titles, notes, findings and output lines. */
import type { CaseStatus, Severity } from './cases.js';

export type CaseSearchWhere = 'title' | 'note' | 'finding' | 'output';

export interface CaseSearchHit {
  caseId: number;
  caseTitle: string;
  caseStatus: CaseStatus;
  caseSeverity: Severity;
  openedAt: string;
  where: CaseSearchWhere;
  /** When the matching text was written (note, finding, step end) or the case opened. */
  at: string;
  nodeName: string | null;
  runId: number | null;
  stepId: number | null;
  stream: 'stdout' | 'stderr' | null;
  /** An output hit: the 1-based line of the stream the snippet is taken from. */
  line: number | null;
  /** An output hit of an ad-hoc command: the command as typed. */
  command: string | null;
  /** An output hit of a playbook step: `playbook · step` (its generated script is in the case). */
  step: string | null;
  noteId: number | null;
  findingId: number | null;
  author: string | null;
  /** Matching text with each hit wrapped in \u0002…\u0003 markers. */
  snippet: string;
}
