import type { CaseSearchHit, CaseSearchWhere, CaseStatus, FindingEvidence, Severity } from '../main/contract/types.js';
import type { Db } from './database.js';
import { OutputRepo } from './output-repo.js';

const MARK = '\u0002';
const END = '\u0003';

/** How a query is read: as typed into a search box (the last word is still being typed), or as whole words. */
export interface QueryMode {
  /** The last word also matches as a prefix (from 3 letters, unless the query ends in a space). */
  asYouType?: boolean;
}

/** The words of a query as FTS terms. */
export function queryWords(query: string, mode: QueryMode = {}): { words: string[]; prefix: boolean } {
  const words = query.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const last = words.at(-1) ?? '';
  return { words, prefix: mode.asYouType === true && !/\s$/.test(query) && last.length >= 3 };
}

/**
 * An FTS5 MATCH expression where every word must occur (any order), each quoted so the user's
 * text is data, never FTS syntax (`"unbalanced` or `NEAR(` cannot break the query).
 */
export function matchExpression(query: string, mode: QueryMode = {}): string | null {
  const { words, prefix } = queryWords(query, mode);
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

/** A query's words as regular expressions, compiled once and used on many lines. */
export interface QueryMatcher {
  /** Wrap each hit in \u0002…\u0003 markers. */
  mark(text: string): string;
  /** Does the text hold every word (as FTS matches them, roughly: case-insensitive, whole words)? */
  hasAll(text: string): boolean;
  hasAny(text: string): boolean;
}

export function queryMatcher(query: string, mode: QueryMode = {}): QueryMatcher {
  const { words, prefix } = queryWords(query, mode);
  const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = words.map((w, i) => (prefix && i === words.length - 1 ? `${esc(w)}[\\p{L}\\p{N}]*` : `${esc(w)}(?![\\p{L}\\p{N}])`));
  const one = alternatives.map((a) => new RegExp(`(?<![\\p{L}\\p{N}])${a}`, 'iu'));
  const any = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
  return {
    mark: (text) => (words.length === 0 ? text : mergeMarks(text.replace(any, (m) => `${MARK}${m}${END}`))),
    hasAll: (text) => words.length > 0 && one.every((re) => re.test(text)),
    hasAny: (text) => one.some((re) => re.test(text)),
  };
}

/** Mark the query words in a text the FTS did not snippet itself (an evidence line). */
export function markWords(text: string, query: string, mode: QueryMode = {}): string {
  return queryMatcher(query, mode).mark(text);
}

interface Hit extends Omit<CaseSearchHit, 'caseTitle' | 'caseStatus' | 'caseSeverity' | 'openedAt'> {
  rank: number;
}

const whereOrder: Record<CaseSearchWhere, number> = { title: 0, finding: 1, note: 2, output: 3 };

const blank = { nodeName: null, runId: null, stepId: null, stream: null, line: null, command: null, step: null, noteId: null, findingId: null, author: null } as const;

/**
 * "Have we seen this before?": one query over case titles, notes, findings (title, explanation,
 * evidence) and recorded command output. Hits come grouped by case, the best-matching case first.
 */
export class SearchRepo {
  private readonly output: OutputRepo;
  private readonly titles;
  private readonly notes;
  private readonly findings;
  private readonly newestBlocks;
  private readonly stepOf;

  constructor(private readonly db: Db) {
    this.output = new OutputRepo(db);
    this.titles = db.prepare(
      `SELECT c.id, c.opened_at, c.opened_by, highlight(case_fts, 0, char(2), char(3)) AS snippet, bm25(case_fts) AS rank
       FROM case_fts JOIN cases c ON c.id = case_fts.rowid WHERE case_fts MATCH ? ORDER BY rank LIMIT ?`,
    );
    this.notes = db.prepare(
      `SELECT n.id, n.case_id, n.author, n.created_at, snippet(note_fts, 0, char(2), char(3), '…', 32) AS snippet, bm25(note_fts) AS rank
       FROM note_fts JOIN notes n ON n.id = note_fts.rowid WHERE note_fts MATCH ? ORDER BY rank LIMIT ?`,
    );
    this.findings = db.prepare(
      `SELECT f.id, f.run_id, r.case_id, f.created_at, f.evidence,
              snippet(finding_fts, 0, char(2), char(3), '…', 32) AS title_snip, snippet(finding_fts, 1, char(2), char(3), '…', 32) AS expl_snip,
              bm25(finding_fts) AS rank
       FROM finding_fts JOIN findings f ON f.id = finding_fts.rowid JOIN runs r ON r.id = f.run_id
       WHERE finding_fts MATCH ? ORDER BY rank LIMIT ?`,
    );
    this.newestBlocks = db
      .prepare(
        `SELECT max(b.id) AS block FROM output_fts JOIN output_blocks b ON b.id = output_fts.rowid
         WHERE output_fts MATCH ? GROUP BY b.step_id ORDER BY block DESC LIMIT ?`,
      )
      .pluck();
    this.stepOf = db.prepare(
      `SELECT s.run_id, s.node_name, s.command, s.step_key, r.kind, r.title, COALESCE(s.ended_at, s.started_at, r.started_at) AS at, r.case_id, r.author
       FROM step_results s JOIN runs r ON r.id = s.run_id WHERE s.id = ?`,
    );
  }

  search(query: string, limit: number, mode: QueryMode = {}): CaseSearchHit[] {
    const match = matchExpression(query, mode);
    if (!match) return [];
    const matcher = queryMatcher(query, mode);
    const hits: Hit[] = [];

    const titles = this.titles.all(match, limit) as Array<{ id: number; opened_at: string; opened_by: string | null; snippet: string; rank: number }>;
    for (const t of titles) hits.push({ ...blank, caseId: t.id, where: 'title', at: t.opened_at, author: t.opened_by, snippet: mergeMarks(t.snippet), rank: t.rank });

    const notes = this.notes.all(match, limit) as Array<{ id: number; case_id: number; author: string; created_at: string; snippet: string; rank: number }>;
    for (const n of notes) {
      hits.push({ ...blank, caseId: n.case_id, where: 'note', at: n.created_at, noteId: n.id, author: n.author, snippet: trimSnippet(mergeMarks(n.snippet)), rank: n.rank });
    }

    const findings = this.findings.all(match, limit) as Array<{ id: number; run_id: number; case_id: number; created_at: string; evidence: string; title_snip: string; expl_snip: string; rank: number }>;
    for (const f of findings) {
      const evidence = JSON.parse(f.evidence) as FindingEvidence[];
      let snippet = '';
      let nodeName: string | null = null;
      // The quoted output line is what "have we seen this error" means; the title comes next.
      for (const e of evidence) {
        const line = e.lines.find((l) => matcher.hasAll(l));
        if (line !== undefined) {
          snippet = trimSnippet(matcher.mark(line));
          nodeName = e.node;
          break;
        }
      }
      if (!snippet) snippet = [f.title_snip, f.expl_snip].map(mergeMarks).find((s) => s.includes(MARK)) ?? mergeMarks(f.title_snip);
      if (!nodeName) nodeName = evidence[0]?.node ?? null;
      hits.push({ ...blank, caseId: f.case_id, where: 'finding', at: f.created_at, runId: f.run_id, findingId: f.id, nodeName, snippet: trimSnippet(snippet), rank: f.rank });
    }

    for (const o of this.outputHits(match, matcher, limit)) hits.push(o);
    if (hits.length === 0) return [];

    const ids = [...new Set(hits.map((h) => h.caseId))];
    const cases = new Map(
      (this.db.prepare(`SELECT id, title, status, severity, opened_at FROM cases WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{
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

  /**
   * Output hits, one per step, newest first: the newest block of each step that matches, and in it
   * the last line holding every word (else the last holding one), numbered in its stream. The index
   * answers from blocks of at most 16 K characters, so a word on every line of a 64 MB output costs
   * one narrow row per block to group and one block to read per step shown.
   */
  private outputHits(match: string, matcher: QueryMatcher, limit: number): Hit[] {
    const newest = this.newestBlocks.all(match, limit) as number[];
    if (newest.length === 0) return [];
    const hits: Hit[] = [];
    for (const block of this.output.blocks(newest)) {
      const step = this.stepOf.get(block.stepId) as
        | { run_id: number; node_name: string; command: string; step_key: string; kind: 'exec' | 'playbook'; title: string; at: string; case_id: number; author: string | null }
        | undefined;
      if (!step) continue;
      const { index, text } = lineOfHit(block.text, matcher);
      hits.push({
        ...blank,
        caseId: step.case_id,
        where: 'output',
        at: step.at,
        runId: step.run_id,
        stepId: block.stepId,
        stream: block.stream,
        line: block.firstLine + index,
        nodeName: step.node_name,
        // A playbook step is named by its playbook and step id; its generated script is not what a person searched for.
        command: step.kind === 'exec' ? step.command : null,
        step: step.kind === 'playbook' ? `${step.title} · ${step.step_key}` : null,
        author: step.author,
        snippet: trimSnippet(matcher.mark(text)),
        // Newest first among a case's outputs, after its titles, findings and notes: bm25 of a
        // prefix query costs a full prefix scan per block asked about (0.75 s for 50 blocks).
        rank: 0,
      });
    }
    return hits;
  }
}

/** The last line of a block with every query word (else the last with one of them), and its index. */
export function lineOfHit(block: string, matcher: QueryMatcher): { index: number; text: string } {
  const lines = block.split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  let some: { index: number; text: string } | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (matcher.hasAll(line)) return { index: i, text: line };
    if (!some && matcher.hasAny(line)) some = { index: i, text: line };
  }
  return some ?? { index: 0, text: lines[0] ?? '' };
}
