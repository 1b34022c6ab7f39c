import type { CaseSearchHit, CaseSearchWhere, CaseStatus, FindingEvidence, Severity } from '../main/contract/types.js';
import type { Db } from './database.js';

const MARK = '\u0002';
const END = '\u0003';

/** The words of a query as FTS terms; the last one also matches as a prefix while the user types. */
export function queryWords(query: string): { words: string[]; prefix: boolean } {
  const words = query.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const last = words.at(-1) ?? '';
  return { words, prefix: !/\s$/.test(query) && last.length >= 3 };
}

/**
 * An FTS5 MATCH expression where every word must occur (any order), each quoted so the user's
 * text is data, never FTS syntax (`"unbalanced` or `NEAR(` cannot break the query).
 */
export function matchExpression(query: string): string | null {
  const { words, prefix } = queryWords(query);
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${prefix && i === words.length - 1 ? ' *' : ''}`).join(' ');
}

/** Neighbouring hits (`ERROR`, `1047`, `08S01`) read as one highlighted phrase. */
export function mergeMarks(text: string): string {
  return text.replace(/\u0003([^\p{L}\p{N}\u0002\u0003\n]{0,3})\u0002/gu, '$1');
}

/** Keep a snippet around its first hit: a 64 MB base64 "word" must not make a 64 MB snippet. */
export function trimSnippet(text: string, around = 220): string {
  const first = text.indexOf(MARK);
  const last = text.lastIndexOf(END);
  if (first < 0) return text.length > around * 2 ? `${text.slice(0, around * 2)}…` : text;
  const start = Math.max(0, first - around);
  const end = Math.min(text.length, Math.max(last + 1, first + around) + around);
  const body = text.slice(start, Math.min(end, start + around * 4));
  // A cut through a marked span must not leave an unterminated mark.
  const open = body.lastIndexOf(MARK) > body.lastIndexOf(END) ? END : '';
  return `${start > 0 ? '…' : ''}${body}${open}${end < text.length ? '…' : ''}`;
}

/** Mark the query words in a text the FTS did not snippet itself (an evidence line). */
export function markWords(text: string, query: string): string {
  const { words, prefix } = queryWords(query);
  if (words.length === 0) return text;
  const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = words.map((w, i) => (prefix && i === words.length - 1 ? `${esc(w)}[\\p{L}\\p{N}]*` : esc(w)));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return mergeMarks(text.replace(re, (m) => `${MARK}${m}${END}`));
}

/** Does the line hold every query word (as FTS would match it, roughly: case-insensitive, whole words)? */
function lineHasAll(line: string, query: string): boolean {
  const marked = markWords(line, query);
  if (!marked.includes(MARK)) return false;
  const { words, prefix } = queryWords(query);
  const found = (marked.match(/\u0002[^\u0003]*\u0003/g) ?? []).join(' ').toLowerCase();
  return words.every((w, i) => (prefix && i === words.length - 1 ? found.includes(w.toLowerCase()) : new RegExp(`(?<![\\p{L}\\p{N}])${w.toLowerCase()}(?![\\p{L}\\p{N}])`, 'u').test(found)));
}

interface Hit extends Omit<CaseSearchHit, 'caseTitle' | 'caseStatus' | 'caseSeverity' | 'openedAt'> {
  rank: number;
}

const whereOrder: Record<CaseSearchWhere, number> = { title: 0, finding: 1, note: 2, output: 3 };

const blank = { nodeName: null, runId: null, stepId: null, stream: null, command: null, noteId: null, findingId: null, author: null } as const;

/**
 * "Have we seen this before?": one query over case titles, notes, findings (title, explanation,
 * evidence) and recorded command output. Hits come grouped by case, the best-matching case first.
 */
export function searchCases(db: Db, query: string, limit: number): CaseSearchHit[] {
  const match = matchExpression(query);
  if (!match) return [];
  const hits: Hit[] = [];

  const titles = db
    .prepare(
      `SELECT c.id, c.opened_at, c.opened_by, highlight(case_fts, 0, char(2), char(3)) AS snippet, bm25(case_fts) AS rank
       FROM case_fts JOIN cases c ON c.id = case_fts.rowid WHERE case_fts MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(match, limit) as Array<{ id: number; opened_at: string; opened_by: string | null; snippet: string; rank: number }>;
  for (const t of titles) hits.push({ ...blank, caseId: t.id, where: 'title', at: t.opened_at, author: t.opened_by, snippet: mergeMarks(t.snippet), rank: t.rank });

  const notes = db
    .prepare(
      `SELECT n.id, n.case_id, n.author, n.created_at, snippet(note_fts, 0, char(2), char(3), '…', 32) AS snippet, bm25(note_fts) AS rank
       FROM note_fts JOIN notes n ON n.id = note_fts.rowid WHERE note_fts MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(match, limit) as Array<{ id: number; case_id: number; author: string; created_at: string; snippet: string; rank: number }>;
  for (const n of notes) {
    hits.push({ ...blank, caseId: n.case_id, where: 'note', at: n.created_at, noteId: n.id, author: n.author, snippet: trimSnippet(mergeMarks(n.snippet)), rank: n.rank });
  }

  const findings = db
    .prepare(
      `SELECT f.id, f.run_id, r.case_id, f.created_at, f.evidence,
              snippet(finding_fts, 0, char(2), char(3), '…', 32) AS title_snip, snippet(finding_fts, 1, char(2), char(3), '…', 32) AS expl_snip,
              bm25(finding_fts) AS rank
       FROM finding_fts JOIN findings f ON f.id = finding_fts.rowid JOIN runs r ON r.id = f.run_id
       WHERE finding_fts MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(match, limit) as Array<{ id: number; run_id: number; case_id: number; created_at: string; evidence: string; title_snip: string; expl_snip: string; rank: number }>;
  for (const f of findings) {
    const evidence = JSON.parse(f.evidence) as FindingEvidence[];
    let snippet = '';
    let nodeName: string | null = null;
    // The quoted output line is what "have we seen this error" means; the title comes next.
    for (const e of evidence) {
      const line = e.lines.find((l) => lineHasAll(l, query));
      if (line !== undefined) {
        snippet = trimSnippet(markWords(line, query));
        nodeName = e.node;
        break;
      }
    }
    if (!snippet) snippet = [f.title_snip, f.expl_snip].map(mergeMarks).find((s) => s.includes(MARK)) ?? mergeMarks(f.title_snip);
    if (!nodeName) nodeName = evidence[0]?.node ?? null;
    hits.push({ ...blank, caseId: f.case_id, where: 'finding', at: f.created_at, runId: f.run_id, findingId: f.id, nodeName, snippet: trimSnippet(snippet), rank: f.rank });
  }

  const outputs = db
    .prepare(
      `SELECT s.id, s.run_id, s.node_name, s.command, COALESCE(s.ended_at, s.started_at, r.started_at) AS at, r.case_id, r.author,
              snippet(step_output_fts, 0, char(2), char(3), '…', 24) AS out_snip, snippet(step_output_fts, 1, char(2), char(3), '…', 24) AS err_snip,
              bm25(step_output_fts) AS rank
       FROM step_output_fts JOIN step_results s ON s.id = step_output_fts.rowid JOIN runs r ON r.id = s.run_id
       WHERE step_output_fts MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(match, limit) as Array<{ id: number; run_id: number; node_name: string; command: string; at: string; case_id: number; author: string | null; out_snip: string; err_snip: string; rank: number }>;
  for (const o of outputs) {
    const inStdout = o.out_snip.includes(MARK);
    hits.push({
      ...blank,
      caseId: o.case_id,
      where: 'output',
      at: o.at,
      runId: o.run_id,
      stepId: o.id,
      stream: inStdout || !o.err_snip.includes(MARK) ? 'stdout' : 'stderr',
      nodeName: o.node_name,
      command: o.command,
      author: o.author,
      snippet: trimSnippet(mergeMarks(inStdout ? o.out_snip : o.err_snip)),
      rank: o.rank,
    });
  }
  if (hits.length === 0) return [];

  const ids = [...new Set(hits.map((h) => h.caseId))];
  const cases = new Map(
    (db.prepare(`SELECT id, title, status, severity, opened_at FROM cases WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{
      id: number;
      title: string;
      status: CaseStatus;
      severity: Severity;
      opened_at: string;
    }>).map((c) => [c.id, c]),
  );
  const best = new Map<number, number>();
  for (const h of hits) best.set(h.caseId, Math.min(best.get(h.caseId) ?? Infinity, h.rank));
  return hits
    .filter((h) => cases.has(h.caseId))
    .sort(
      (a, b) =>
        (best.get(a.caseId) ?? 0) - (best.get(b.caseId) ?? 0) ||
        (cases.get(b.caseId)?.opened_at ?? '').localeCompare(cases.get(a.caseId)?.opened_at ?? '') ||
        b.caseId - a.caseId ||
        whereOrder[a.where] - whereOrder[b.where] ||
        a.rank - b.rank,
    )
    .slice(0, limit)
    .map(({ rank: _rank, ...h }) => {
      const c = cases.get(h.caseId);
      return { ...h, caseTitle: c?.title ?? '', caseStatus: c?.status ?? 'open', caseSeverity: c?.severity ?? 'info', openedAt: c?.opened_at ?? '' };
    });
}
