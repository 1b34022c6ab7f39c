import type { CaseFinding, CaseStatus, FindingEvidence, FindingSeverity, LocatedEvidence, Note, RunFinding, RunState, Severity, TimelineEntry } from '../main/contract/types.js';
import type { Db } from './database.js';

/** Worst first; what the findings panel and the timeline sort by. */
export const severityRank: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2, ok: 3 };

interface FindingRow {
  id: number;
  run_id: number;
  check_id: string;
  severity: FindingSeverity;
  status: RunFinding['status'];
  title: string;
  explanation: string;
  evidence: string;
  likely_cause: string;
  remediation: string;
  skipped_reason: string | null;
  created_at: string;
  playbook: string;
  run_started_at: string;
  latest: number;
}

const now = (): string => new Date().toISOString();

/** The nodes a finding's evidence names, in order, once each. */
export function evidenceNodes(evidence: FindingEvidence[]): string[] {
  return [...new Set(evidence.map((e) => e.node).filter(Boolean))];
}

/**
 * What happened in a case, in order: opened, runs (who started what on which nodes, how it
 * ended), the findings they produced, notes, status changes. Other features add entries
 * (terminal sessions) through `sources` without touching these queries.
 */
export class CaseTimelineRepo {
  constructor(
    private readonly db: Db,
    private readonly redact: (text: string) => string = (t) => t,
  ) {}

  /** Record the change and who made it; false when the case already had that status. */
  setStatus(caseId: number, status: CaseStatus, author: string | null): boolean {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT status FROM cases WHERE id = ?').get(caseId) as { status: CaseStatus } | undefined;
      if (!row) throw new Error(`case ${caseId} does not exist`);
      if (row.status === status) return false;
      const at = now();
      this.db.prepare('UPDATE cases SET status = ?, closed_at = ? WHERE id = ?').run(status, status === 'resolved' ? at : null, caseId);
      this.db
        .prepare("INSERT INTO case_events (case_id, kind, author, from_value, to_value, created_at) VALUES (?, 'status', ?, ?, ?, ?)")
        .run(caseId, author, row.status, status, at);
      return true;
    })();
  }

  /** A note is Markdown as typed, redacted like everything else stored (a pasted password stays out). */
  addNote(caseId: number, text: string, author: string): Note {
    const at = now();
    const clean = this.redact(text);
    const id = Number(this.db.prepare('INSERT INTO notes (case_id, author, text, created_at) VALUES (?, ?, ?, ?)').run(caseId, author, clean, at).lastInsertRowid);
    return { id, caseId, author, text: clean, createdAt: at };
  }

  timeline(caseId: number, sources: Array<(caseId: number) => TimelineEntry[]> = []): TimelineEntry[] {
    const c = this.db.prepare('SELECT title, severity, opened_at, opened_by FROM cases WHERE id = ?').get(caseId) as
      | { title: string; severity: Severity; opened_at: string; opened_by: string | null }
      | undefined;
    if (!c) return [];
    const entries: TimelineEntry[] = [{ kind: 'opened', id: `opened-${caseId}`, at: c.opened_at, author: c.opened_by, title: c.title, severity: c.severity }];

    const events = this.db.prepare("SELECT * FROM case_events WHERE case_id = ? AND kind = 'status' ORDER BY id").all(caseId) as Array<{
      id: number;
      author: string | null;
      from_value: CaseStatus;
      to_value: CaseStatus;
      created_at: string;
    }>;
    for (const e of events) entries.push({ kind: 'status', id: `status-${e.id}`, at: e.created_at, author: e.author, from: e.from_value, to: e.to_value });

    const notes = this.db.prepare('SELECT id, author, text, created_at FROM notes WHERE case_id = ? ORDER BY id').all(caseId) as Array<{ id: number; author: string; text: string; created_at: string }>;
    for (const n of notes) entries.push({ kind: 'note', id: `note-${n.id}`, at: n.created_at, author: n.author, noteId: n.id, text: n.text });

    const runs = this.db
      .prepare(
        `SELECT r.id, r.kind, r.title, r.state, r.started_at, r.ended_at, r.author,
                (SELECT json_group_array(DISTINCT s.node_name) FROM step_results s WHERE s.run_id = r.id AND s.step_key != 'discover-pods') AS nodes,
                (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'critical' AND f.status = 'FAILED') AS critical,
                (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'warning' AND f.status != 'OK') AS warning,
                (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'ok') AS ok,
                (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.status = 'SKIPPED' AND f.severity NOT IN ('critical', 'warning')) AS skipped
         FROM runs r WHERE r.case_id = ? ORDER BY r.id`,
      )
      .all(caseId) as Array<{
      id: number;
      kind: 'exec' | 'playbook';
      title: string;
      state: RunState;
      started_at: string;
      ended_at: string | null;
      author: string | null;
      nodes: string;
      critical: number;
      warning: number;
      ok: number;
      skipped: number;
    }>;
    for (const r of runs) {
      entries.push({
        kind: 'run',
        id: `run-${r.id}`,
        at: r.started_at,
        endedAt: r.ended_at,
        author: r.author,
        runId: r.id,
        runKind: r.kind,
        title: r.title,
        state: r.state,
        nodes: (JSON.parse(r.nodes) as string[]).sort(),
        critical: r.critical,
        warning: r.warning,
        ok: r.ok,
        skipped: r.skipped,
      });
    }

    // Problems only: the OK checks are counted on their run's entry.
    const findings = this.db
      .prepare(
        `SELECT f.id, f.run_id, f.severity, f.title, f.evidence, f.created_at, r.title AS playbook
         FROM findings f JOIN runs r ON r.id = f.run_id
         WHERE r.case_id = ? AND f.severity IN ('critical', 'warning') ORDER BY f.id`,
      )
      .all(caseId) as Array<{ id: number; run_id: number; severity: FindingSeverity; title: string; evidence: string; created_at: string; playbook: string }>;
    for (const f of findings) {
      entries.push({
        kind: 'finding',
        id: `finding-${f.id}`,
        at: f.created_at,
        author: null,
        runId: f.run_id,
        findingId: f.id,
        playbook: f.playbook,
        severity: f.severity,
        title: f.title,
        nodes: evidenceNodes(JSON.parse(f.evidence) as FindingEvidence[]),
      });
    }

    for (const source of sources) entries.push(...source(caseId));
    const order: Record<string, number> = { opened: 0, run: 1, finding: 2, terminal: 3, note: 4, status: 5 };
    // Stable: same instant keeps the order above (a run before the findings it produced).
    return entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.at.localeCompare(b.e.at) || (order[a.e.kind] ?? 9) - (order[b.e.kind] ?? 9) || a.i - b.i)
      .map((x) => x.e);
  }

  /**
   * Every finding of the case, worst first, each evidence block tied to the step (and stream)
   * whose output it quotes, so the UI opens that output in one click.
   */
  caseFindings(caseId: number): CaseFinding[] {
    const rows = this.db
      .prepare(
        `SELECT f.*, r.title AS playbook, r.started_at AS run_started_at,
                r.id = (SELECT MAX(r2.id) FROM runs r2 WHERE r2.case_id = r.case_id AND r2.kind = r.kind AND r2.title = r.title) AS latest
         FROM findings f JOIN runs r ON r.id = f.run_id
         WHERE r.case_id = ?`,
      )
      .all(caseId) as FindingRow[];
    // The stream that holds the quoted line: a block holds whole lines, so one block has it.
    const stepOf = this.db.prepare(
      `SELECT s.id, COALESCE((SELECT b.stream FROM output_blocks b JOIN output_text t ON t.id = b.id
                              WHERE b.step_id = s.id AND :line <> '' AND instr(t.text, :line) > 0 ORDER BY b.stream DESC LIMIT 1), 'stdout') AS stream
       FROM step_results s WHERE s.run_id = :runId AND s.node_name = :node AND s.step_key = :step ORDER BY s.id DESC LIMIT 1`,
    );
    const out = rows.map((r): CaseFinding => {
      const evidence = (JSON.parse(r.evidence) as FindingEvidence[]).map((e): LocatedEvidence => {
        const line = e.lines.find((l) => l.trim() !== '') ?? '';
        const step = stepOf.get({ runId: r.run_id, node: e.node, step: e.step, line }) as { id: number; stream: 'stdout' | 'stderr' } | undefined;
        return { ...e, stepId: step?.id ?? null, stream: step?.stream ?? 'stdout' };
      });
      return {
        id: r.id,
        runId: r.run_id,
        check: r.check_id,
        severity: r.severity,
        status: r.status,
        title: r.title,
        explanation: r.explanation,
        evidence,
        likelyCause: r.likely_cause,
        nextStep: r.remediation,
        skippedReason: r.skipped_reason,
        createdAt: r.created_at,
        playbook: r.playbook,
        runStartedAt: r.run_started_at,
        latest: r.latest === 1,
      };
    });
    // Worst first; a skipped check after the real ones of its severity; the newest run first within.
    const skippedLast = (f: CaseFinding): number => (f.status === 'SKIPPED' ? 1 : 0);
    return out.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || skippedLast(a) - skippedLast(b) || Number(b.latest) - Number(a.latest) || b.runId - a.runId || a.id - b.id);
  }
}
