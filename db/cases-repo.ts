import { StackscopeError } from '../main/contract/errors.js';
import type { ReportText } from '../main/contract/api.js';
import type { CaseDetail, CaseStatus, CaseSummary, Followup, Note, Severity, TimelineEntry } from '../main/contract/types.js';
import type { Db } from './database.js';

interface CaseRow {
  id: number;
  title: string;
  severity: Severity;
  status: CaseStatus;
  cluster_id: number | null;
  opened_at: string;
  opened_by: string | null;
  closed_at: string | null;
  run_count: number;
  cluster_name: string | null;
}

interface NoteRow {
  id: number;
  case_id: number;
  author: string;
  text: string;
  created_at: string;
}

interface FollowupRow {
  id: number;
  case_id: number;
  text: string;
  done: number;
  owner: string | null;
  due: string | null;
  created_at: string;
}

interface StatusEventRow {
  id: number;
  author: string | null;
  from_value: CaseStatus;
  to_value: CaseStatus;
  created_at: string;
}

function toCase(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    clusterId: row.cluster_id,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    runCount: row.run_count,
  };
}

const toNote = (n: NoteRow): Note => ({ id: n.id, caseId: n.case_id, author: n.author, text: n.text, createdAt: n.created_at });
const toFollowup = (r: FollowupRow): Followup => ({ id: r.id, caseId: r.case_id, text: r.text, done: r.done === 1, owner: r.owner, due: r.due, createdAt: r.created_at });

export type { ReportText } from '../main/contract/api.js';

const now = (): string => new Date().toISOString();

/** A case with its notes; its runs are the runs repository's (RunsRepo.ofCase). */
export type CaseRecord = Omit<CaseDetail, 'runs'>;

export interface CasesRepoOptions {
  /** Applied to what people type (titles, notes, report fields) before it is stored: a pasted password stays out. */
  redact?: (text: string) => string;
  /** Who opens cases from this process (recorded for the case timeline). */
  author?: string | null;
}

/**
 * Cases and what people write on them: notes, status changes with their author, the report's
 * summary and impact, follow-ups. Runs, steps and findings are in RunsRepo.
 */
export class CasesRepo {
  private readonly redact: (text: string) => string;
  private readonly author: string | null;
  private readonly insertCase;
  private readonly selectAll;
  private readonly selectOne;
  private readonly selectNotes;
  private readonly insertNote;
  private readonly selectStatus;
  private readonly updateStatus;
  private readonly insertStatusEvent;
  private readonly selectStatusEvents;
  private readonly selectFields;
  private readonly updateFields;
  private readonly insertFollowup;
  private readonly selectFollowup;
  private readonly selectFollowups;
  private readonly updateFollowup;
  private readonly followWorst;
  private readonly selectRecentOpen;

  constructor(
    private readonly db: Db,
    options: CasesRepoOptions = {},
  ) {
    this.redact = options.redact ?? ((t) => t);
    this.author = options.author ?? null;
    const caseSelect = `SELECT c.*, cl.name AS cluster_name, (SELECT COUNT(*) FROM runs r WHERE r.case_id = c.id) AS run_count
      FROM cases c LEFT JOIN clusters cl ON cl.id = c.cluster_id`;
    this.insertCase = db.prepare('INSERT INTO cases (title, severity, severity_auto, cluster_id, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?)');
    this.selectAll = db.prepare(`${caseSelect} ORDER BY c.opened_at DESC, c.id DESC`);
    this.selectOne = db.prepare(`${caseSelect} WHERE c.id = ?`);
    this.selectNotes = db.prepare('SELECT * FROM notes WHERE case_id = ? ORDER BY id');
    this.insertNote = db.prepare('INSERT INTO notes (case_id, author, text, created_at) VALUES (?, ?, ?, ?)');
    this.selectStatus = db.prepare('SELECT status FROM cases WHERE id = ?').pluck();
    this.updateStatus = db.prepare('UPDATE cases SET status = ?, closed_at = ? WHERE id = ?');
    this.insertStatusEvent = db.prepare("INSERT INTO case_events (case_id, kind, author, from_value, to_value, created_at) VALUES (?, 'status', ?, ?, ?, ?)");
    this.selectStatusEvents = db.prepare("SELECT id, author, from_value, to_value, created_at FROM case_events WHERE case_id = ? AND kind = 'status' ORDER BY id");
    this.selectFields = db.prepare('SELECT summary, impact, root_cause AS rootCause, contributing FROM cases WHERE id = ?');
    this.updateFields = db.prepare(
      'UPDATE cases SET summary = COALESCE(?, summary), impact = COALESCE(?, impact), root_cause = COALESCE(?, root_cause), contributing = COALESCE(?, contributing) WHERE id = ?',
    );
    this.insertFollowup = db.prepare('INSERT INTO followups (case_id, text, owner, due, created_at) VALUES (?, ?, ?, ?, ?)');
    this.selectFollowup = db.prepare('SELECT * FROM followups WHERE id = ?');
    this.selectFollowups = db.prepare('SELECT * FROM followups WHERE case_id = ? ORDER BY id');
    this.updateFollowup = db.prepare('UPDATE followups SET done = ? WHERE id = ?');
    // The worst FAILED finding of the latest run of each playbook (older runs are stale), else info.
    this.followWorst = db.prepare(
      `UPDATE cases SET severity = COALESCE((
         SELECT CASE MIN(CASE f.severity WHEN 'critical' THEN 0 ELSE 1 END) WHEN 0 THEN 'critical' ELSE 'warning' END
         FROM findings f JOIN runs r ON r.id = f.run_id
         WHERE r.case_id = cases.id AND f.status = 'FAILED' AND f.severity IN ('critical', 'warning')
           AND r.id = (SELECT MAX(r2.id) FROM runs r2 WHERE r2.case_id = r.case_id AND r2.kind = r.kind AND r2.title = r.title)), 'info')
       WHERE id = ? AND severity_auto = 1`,
    );
    this.selectRecentOpen = db.prepare(
      `${caseSelect} WHERE c.cluster_id = ? AND c.status = 'open'
         AND MAX(c.opened_at, COALESCE((SELECT MAX(started_at) FROM runs WHERE case_id = c.id), ''), COALESCE((SELECT MAX(created_at) FROM notes WHERE case_id = c.id), '')) >= ?
       ORDER BY c.id DESC LIMIT 2`,
    );
  }

  /** The new case's id. */
  /** `auto`: opened by a run or a check; its severity follows its worst finding (see followFindings). */
  create(title: string, severity: Severity | 'auto', clusterId: number | null): number {
    const auto = severity === 'auto';
    return Number(this.insertCase.run(this.redact(title), auto ? 'info' : severity, auto ? 1 : 0, clusterId, now(), this.author).lastInsertRowid);
  }

  /** An automatic case takes the severity of its worst current finding; true when it changed. */
  followFindings(caseId: number): boolean {
    const before = this.summary(caseId)?.severity;
    this.followWorst.run(caseId);
    return this.summary(caseId)?.severity !== before;
  }

  /** Open cases of the cluster with activity (opened, a run, a note) since `since` (ISO), newest first; at most 2. */
  recentOpen(clusterId: number, since: string): CaseSummary[] {
    return (this.selectRecentOpen.all(clusterId, since) as CaseRow[]).map(toCase);
  }

  /** Newest first. */
  list(): CaseSummary[] {
    return (this.selectAll.all() as CaseRow[]).map(toCase);
  }

  summary(id: number): CaseSummary | undefined {
    const row = this.selectOne.get(id) as CaseRow | undefined;
    return row ? toCase(row) : undefined;
  }

  /** The case, or the NOT_FOUND error every caller gives for a case that does not exist. */
  require(id: number): CaseSummary {
    const c = this.summary(id);
    if (!c) throw notFound(id);
    return c;
  }

  /** The case, its cluster's name and its notes; undefined when there is no such case. */
  detail(id: number): CaseRecord | undefined {
    const row = this.selectOne.get(id) as CaseRow | undefined;
    if (!row) return undefined;
    return { ...toCase(row), clusterName: row.cluster_name, notes: (this.selectNotes.all(id) as NoteRow[]).map(toNote) };
  }

  /** A note is Markdown as typed, redacted like everything else stored (a pasted password stays out). */
  addNote(caseId: number, text: string, author: string): Note {
    const at = now();
    const clean = this.redact(text);
    const id = Number(this.insertNote.run(caseId, author, clean, at).lastInsertRowid);
    return { id, caseId, author, text: clean, createdAt: at };
  }

  /** Record the change and who made it; false when the case already had that status. */
  setStatus(caseId: number, status: CaseStatus, author: string | null): boolean {
    return this.db.transaction(() => {
      const from = this.selectStatus.get(caseId) as CaseStatus | undefined;
      if (from === undefined) throw notFound(caseId);
      if (from === status) return false;
      const at = now();
      this.updateStatus.run(status, status === 'resolved' ? at : null, caseId);
      this.insertStatusEvent.run(caseId, author, from, status, at);
      return true;
    })();
  }

  /** When the case entered each status for the last time (mitigated, resolved). */
  statusTimes(caseId: number): Partial<Record<CaseStatus, string>> {
    const out: Partial<Record<CaseStatus, string>> = {};
    for (const r of this.selectStatusEvents.all(caseId) as StatusEventRow[]) out[r.to_value] = r.created_at;
    return out;
  }

  /** The report's fields the lead writes; undefined when there is no such case. */
  reportFields(caseId: number): ReportText | undefined {
    return this.selectFields.get(caseId) as ReportText | undefined;
  }

  /** Only the fields given change; false when the case does not exist. */
  updateReportFields(caseId: number, fields: Partial<ReportText>): boolean {
    const v = (t: string | undefined): string | null => (t === undefined ? null : this.redact(t));
    return this.updateFields.run(v(fields.summary), v(fields.impact), v(fields.rootCause), v(fields.contributing), caseId).changes === 1;
  }

  addFollowup(caseId: number, text: string, owner: string | null = null, due: string | null = null): Followup {
    const id = Number(this.insertFollowup.run(caseId, this.redact(text), owner === null ? null : this.redact(owner), due, now()).lastInsertRowid);
    const f = this.followup(id);
    if (!f) throw new Error(`follow-up ${id} vanished right after insert`);
    return f;
  }

  followup(id: number): Followup | undefined {
    const row = this.selectFollowup.get(id) as FollowupRow | undefined;
    return row ? toFollowup(row) : undefined;
  }

  /** The follow-up as it is now; undefined when there is no such follow-up. */
  toggleFollowup(id: number, done: boolean): Followup | undefined {
    this.updateFollowup.run(done ? 1 : 0, id);
    return this.followup(id);
  }

  followups(caseId: number): Followup[] {
    return (this.selectFollowups.all(caseId) as FollowupRow[]).map(toFollowup);
  }

  /**
   * The case's own timeline entries: opened, status changes, notes (unsorted; the case service
   * adds runs, findings and terminal sessions and puts them in order). Undefined when there is no
   * such case: reading the opened entry is the check that it exists.
   */
  timelineEntries(caseId: number): TimelineEntry[] | undefined {
    const c = this.selectOne.get(caseId) as CaseRow | undefined;
    if (!c) return undefined;
    const entries: TimelineEntry[] = [{ kind: 'opened', id: `opened-${caseId}`, at: c.opened_at, author: c.opened_by, title: c.title, severity: c.severity }];
    for (const e of this.selectStatusEvents.all(caseId) as StatusEventRow[]) {
      entries.push({ kind: 'status', id: `status-${e.id}`, at: e.created_at, author: e.author, from: e.from_value, to: e.to_value });
    }
    for (const n of this.selectNotes.all(caseId) as NoteRow[]) {
      entries.push({ kind: 'note', id: `note-${n.id}`, at: n.created_at, author: n.author, noteId: n.id, text: n.text });
    }
    return entries;
  }
}

function notFound(caseId: number): StackscopeError {
  return new StackscopeError('NOT_FOUND', `case ${caseId} does not exist`, { caseId });
}
