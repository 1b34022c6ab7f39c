import type { Followup } from '../main/contract/types.js';
import type { Db } from './database.js';

interface FollowupRow {
  id: number;
  case_id: number;
  text: string;
  done: number;
  created_at: string;
}

const toFollowup = (r: FollowupRow): Followup => ({ id: r.id, caseId: r.case_id, text: r.text, done: r.done === 1, createdAt: r.created_at });

/** The parts of a case only the incident report uses: summary, impact, follow-up checklist. */
export class ReportRepo {
  constructor(
    private readonly db: Db,
    /** Applied to what people type before it is stored (a pasted password stays out). */
    private readonly redact: (text: string) => string = (t) => t,
  ) {}

  fields(caseId: number): { summary: string; impact: string } | undefined {
    return this.db.prepare('SELECT summary, impact FROM cases WHERE id = ?').get(caseId) as { summary: string; impact: string } | undefined;
  }

  /** Only the fields given change; false when the case does not exist. */
  update(caseId: number, summary?: string, impact?: string): boolean {
    const r = this.db
      .prepare('UPDATE cases SET summary = COALESCE(?, summary), impact = COALESCE(?, impact) WHERE id = ?')
      .run(summary === undefined ? null : this.redact(summary), impact === undefined ? null : this.redact(impact), caseId);
    return r.changes === 1;
  }

  addFollowup(caseId: number, text: string): Followup {
    const at = new Date().toISOString();
    const id = Number(this.db.prepare('INSERT INTO followups (case_id, text, created_at) VALUES (?, ?, ?)').run(caseId, this.redact(text), at).lastInsertRowid);
    return this.followup(id) as Followup;
  }

  followup(id: number): Followup | undefined {
    const row = this.db.prepare('SELECT * FROM followups WHERE id = ?').get(id) as FollowupRow | undefined;
    return row ? toFollowup(row) : undefined;
  }

  toggleFollowup(id: number, done: boolean): Followup | undefined {
    this.db.prepare('UPDATE followups SET done = ? WHERE id = ?').run(done ? 1 : 0, id);
    return this.followup(id);
  }

  followups(caseId: number): Followup[] {
    return (this.db.prepare('SELECT * FROM followups WHERE case_id = ? ORDER BY id').all(caseId) as FollowupRow[]).map(toFollowup);
  }

  /** When the case entered each status for the last time (mitigated, resolved). */
  statusTimes(caseId: number): Partial<Record<'open' | 'mitigated' | 'resolved', string>> {
    const rows = this.db.prepare("SELECT to_value, created_at FROM case_events WHERE case_id = ? AND kind = 'status' ORDER BY id").all(caseId) as Array<{ to_value: string; created_at: string }>;
    const out: Partial<Record<'open' | 'mitigated' | 'resolved', string>> = {};
    for (const r of rows) out[r.to_value as 'open'] = r.created_at;
    return out;
  }
}
