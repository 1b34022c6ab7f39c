import type { CaseFinding, FindingEvidence, FindingMessage, FindingMessageParam, FindingSeverity, FindingTexts, LocatedEvidence, RunFinding, TimelineEntry } from '../main/contract/types.js';
import type { Db } from './database.js';

/** Worst first; what the findings panel and the timeline sort by. */
export const severityRank: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2, ok: 3 };

/** The nodes a finding's evidence names, in order, once each. */
export function evidenceNodes(evidence: FindingEvidence[]): string[] {
  return [...new Set(evidence.map((e) => e.node).filter(Boolean))];
}

/** What an analyzer concluded, before it is stored. */
export type NewFinding = Omit<RunFinding, 'id' | 'runId' | 'createdAt' | 'explainedBy'> & { explainedBy?: string[] };

/** A check id, or a playbook's checks (`galera.*`): what `explainedBy` may name. */
const CHECK_REF = /^[a-z0-9][a-z0-9-]*(\.([a-z0-9][a-z0-9-]*|\*))+$/;

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
  explained_by: string;
  text_json: string | null;
  created_at: string;
}

interface CaseFindingRow extends FindingRow {
  playbook: string;
  run_started_at: string;
  latest: number;
}

function toFinding(r: FindingRow): RunFinding {
  return {
    id: r.id,
    runId: r.run_id,
    check: r.check_id,
    severity: r.severity,
    status: r.status,
    title: r.title,
    explanation: r.explanation,
    evidence: JSON.parse(r.evidence) as FindingEvidence[],
    likelyCause: r.likely_cause,
    nextStep: r.remediation,
    skippedReason: r.skipped_reason ?? null,
    explainedBy: JSON.parse(r.explained_by) as string[],
    text: r.text_json ? (JSON.parse(r.text_json) as FindingTexts) : null,
    createdAt: r.created_at,
  };
}

/** A finding's messages with every string parameter redacted, as its English text is. */
function redactTexts(t: FindingTexts, redact: (s: string) => string): FindingTexts {
  const param = (p: FindingMessageParam): FindingMessageParam =>
    typeof p === 'string' ? redact(p) : typeof p === 'number' ? p : Array.isArray(p) ? p.map(message) : 'list' in p ? { list: p.list.map(redact) } : message(p);
  const message = (m: FindingMessage): FindingMessage => (m.params ? { id: m.id, params: Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, param(v)])) } : { id: m.id });
  return Object.fromEntries(Object.entries(t).map(([k, m]) => [k, message(m as FindingMessage)])) as unknown as FindingTexts;
}

/** Findings of runs: stored redacted, read per run, per case (worst first) and as timeline entries. */
export class FindingsRepo {
  private readonly insert;
  private readonly selectOfRun;
  private readonly selectOfCase;
  private readonly selectQuotedStep;
  private readonly selectProblems;

  constructor(
    private readonly db: Db,
    /** Applied to the text of findings before it is stored, like everything else stored. */
    private readonly redact: (text: string) => string = (t) => t,
  ) {
    this.insert = db.prepare(
      `INSERT INTO findings (run_id, check_id, severity, status, title, explanation, evidence, likely_cause, remediation, skipped_reason, explained_by, text_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectOfRun = db.prepare('SELECT * FROM findings WHERE run_id = ? ORDER BY id');
    this.selectOfCase = db.prepare(
      `SELECT f.*, r.title AS playbook, r.started_at AS run_started_at,
              r.id = (SELECT MAX(r2.id) FROM runs r2 WHERE r2.case_id = r.case_id AND r2.kind = r.kind AND r2.title = r.title) AS latest
       FROM findings f JOIN runs r ON r.id = f.run_id
       WHERE r.case_id = ?`,
    );
    // The stream that holds the quoted line: a block holds whole lines, so one block has it.
    this.selectQuotedStep = db.prepare(
      `SELECT s.id, COALESCE((SELECT b.stream FROM output_blocks b JOIN output_text t ON t.id = b.id
                              WHERE b.step_id = s.id AND :line <> '' AND instr(t.text, :line) > 0 ORDER BY b.stream DESC LIMIT 1), 'stdout') AS stream
       FROM step_results s WHERE s.run_id = :runId AND s.node_name = :node AND s.step_key = :step ORDER BY s.id DESC LIMIT 1`,
    );
    this.selectProblems = db.prepare(
      `SELECT f.id, f.run_id, f.severity, f.title, f.evidence, f.created_at, r.title AS playbook
       FROM findings f JOIN runs r ON r.id = f.run_id
       WHERE r.case_id = ? AND f.severity IN ('critical', 'warning') ORDER BY f.id`,
    );
  }

  /** Store what the analyzers concluded (in one transaction); the run's findings as they now are. */
  add(runId: number, findings: NewFinding[]): RunFinding[] {
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const f of findings) {
        const evidence = f.evidence.map((e) => ({ ...e, lines: e.lines.map((l) => this.redact(l)) }));
        // Check ids only (a site analyzer's free text is not a reference), a few of them.
        const explainedBy = (f.explainedBy ?? []).filter((c) => typeof c === 'string' && c.length <= 100 && CHECK_REF.test(c)).slice(0, 8);
        this.insert.run(runId, f.check, f.severity, f.status, this.redact(f.title), this.redact(f.explanation), JSON.stringify(evidence), this.redact(f.likelyCause), this.redact(f.nextStep), f.skippedReason === null ? null : this.redact(f.skippedReason), JSON.stringify(explainedBy), f.text ? JSON.stringify(redactTexts(f.text, this.redact)) : null, at);
      }
    })();
    return this.ofRun(runId);
  }

  ofRun(runId: number): RunFinding[] {
    return (this.selectOfRun.all(runId) as FindingRow[]).map(toFinding);
  }

  /**
   * Every finding of the case, worst first, each evidence block tied to the step (and stream)
   * whose output it quotes, so the UI opens that output in one click.
   */
  ofCase(caseId: number): CaseFinding[] {
    const out = (this.selectOfCase.all(caseId) as CaseFindingRow[]).map((r): CaseFinding => {
      const evidence = (JSON.parse(r.evidence) as FindingEvidence[]).map((e): LocatedEvidence => {
        const line = e.lines.find((l) => l.trim() !== '') ?? '';
        const step = this.selectQuotedStep.get({ runId: r.run_id, node: e.node, step: e.step, line }) as { id: number; stream: 'stdout' | 'stderr' } | undefined;
        return { ...e, stepId: step?.id ?? null, stream: step?.stream ?? 'stdout' };
      });
      return { ...toFinding(r), evidence, playbook: r.playbook, runStartedAt: r.run_started_at, latest: r.latest === 1 };
    });
    // Worst first; a skipped check after the real ones of its severity; the newest run first within.
    const skippedLast = (f: CaseFinding): number => (f.status === 'SKIPPED' ? 1 : 0);
    return out.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || skippedLast(a) - skippedLast(b) || Number(b.latest) - Number(a.latest) || b.runId - a.runId || a.id - b.id);
  }

  /** Timeline entries for the case's problems only: the OK checks are counted on their run's entry. */
  timelineEntries(caseId: number): TimelineEntry[] {
    const rows = this.selectProblems.all(caseId) as Array<{ id: number; run_id: number; severity: FindingSeverity; title: string; evidence: string; created_at: string; playbook: string }>;
    return rows.map((f) => ({
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
    }));
  }
}
