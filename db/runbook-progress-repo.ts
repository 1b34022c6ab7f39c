import type { RunbookProgress, RunbookStepProgress } from '../main/contract/types.js';
import type { Db } from './database.js';

interface ProgressRow {
  step_id: string;
  run_id: number | null;
  ran_at: string | null;
  understood: number;
  understood_at: string | null;
}

const now = (): string => new Date().toISOString();

/** Which runbook steps a case ran (latest run) and which the trainee marked understood. */
export class RunbookProgressRepo {
  private readonly select;
  private readonly upsertRun;
  private readonly upsertMark;

  constructor(db: Db) {
    this.select = db.prepare('SELECT step_id, run_id, ran_at, understood, understood_at FROM runbook_progress WHERE case_id = ? AND runbook_id = ?');
    this.upsertRun = db.prepare(
      `INSERT INTO runbook_progress (case_id, runbook_id, step_id, run_id, ran_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id, runbook_id, step_id) DO UPDATE SET run_id = excluded.run_id, ran_at = excluded.ran_at`,
    );
    this.upsertMark = db.prepare(
      `INSERT INTO runbook_progress (case_id, runbook_id, step_id, understood, understood_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id, runbook_id, step_id) DO UPDATE SET understood = excluded.understood, understood_at = excluded.understood_at`,
    );
  }

  /** Progress for the given steps, in their order; steps never touched come back empty. */
  get(caseId: number, runbookId: string, stepIds: string[]): RunbookProgress {
    const rows = this.select.all(caseId, runbookId) as ProgressRow[];
    const byStep = new Map(rows.map((r) => [r.step_id, r]));
    const steps: RunbookStepProgress[] = stepIds.map((stepId) => {
      const r = byStep.get(stepId);
      return { stepId, runId: r?.run_id ?? null, ranAt: r?.ran_at ?? null, understood: r?.understood === 1, understoodAt: r?.understood_at ?? null };
    });
    return { caseId, runbookId, steps };
  }

  recordRun(caseId: number, runbookId: string, stepId: string, runId: number): void {
    this.upsertRun.run(caseId, runbookId, stepId, runId, now());
  }

  mark(caseId: number, runbookId: string, stepId: string, understood: boolean): void {
    this.upsertMark.run(caseId, runbookId, stepId, understood ? 1 : 0, understood ? now() : null);
  }
}
