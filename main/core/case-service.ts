import { userInfo } from 'node:os';
import type { Repos } from '../../db/repos.js';
import type { QueryMode } from '../../db/search.js';
import { StackscopeError } from '../contract/errors.js';
import type { CaseDetail, CaseFinding, CaseSearchHit, CaseStatus, CaseSummary, HomeOverview, Note, PlaybookCatalogue, Severity, TerminalSession, TimelineEntry } from '../contract/types.js';
import type { EventBus } from './events.js';
import type { InventoryService } from './inventory-service.js';

/** Who this process records notes, status changes and runs as: configured, else the OS user. */
export function defaultAuthor(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STACKSCOPE_AUTHOR?.trim()) return env.STACKSCOPE_AUTHOR.trim();
  try {
    return userInfo().username || 'unknown';
  } catch {
    return env.USER ?? env.USERNAME ?? 'unknown'; // no passwd entry (some containers)
  }
}

/** A terminal session as the timeline shows it, next to runs and notes. */
function terminalEntry(t: TerminalSession): TimelineEntry {
  return {
    kind: 'terminal',
    id: `terminal-${t.id}`,
    at: t.startedAt,
    endedAt: t.endedAt,
    author: t.author,
    sessionId: t.id,
    nodeName: t.nodeName,
    summary: `${t.width}×${t.height}, ${t.bytes} bytes of output${t.closeReason ? `, ${t.closeReason}` : t.state === 'open' ? ', open' : ''}`,
  };
}

/** At one instant, the order the story is told in (a run before the findings it produced). */
const kindOrder: Record<TimelineEntry['kind'], number> = { opened: 0, run: 1, finding: 2, terminal: 3, note: 4, status: 5 };

/** In time order; stable, so entries of one kind at one instant keep the order they were read in. */
function inTimeOrder(entries: TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || kindOrder[a.e.kind] - kindOrder[b.e.kind] || a.i - b.i)
    .map((x) => x.e);
}

const notFound = (caseId: number): StackscopeError => new StackscopeError('NOT_FOUND', `case ${caseId} does not exist`, { caseId });

/**
 * The on-call view of the case log: the home overview (cluster health, open cases), a case with
 * its timeline and findings, notes and status changes with their author, and search over
 * everything. Each request checks once that its case exists, where it first reads the case.
 */
/** How recent an open case's activity must be for a run without a case to join it. */
const RECENT_MS = 12 * 3600 * 1000;

export class CaseService {
  constructor(
    private readonly repos: Pick<Repos, 'cases' | 'runs' | 'terminals' | 'search' | 'health'>,
    private readonly inventory: InventoryService,
    private readonly catalogue: () => PlaybookCatalogue,
    private readonly events: EventBus,
    readonly author: string,
  ) {}

  list(): CaseSummary[] {
    return this.repos.cases.list();
  }

  /** A new case, in a cluster that exists (or in none). */
  /** `auto`: opened for a run or a check; its severity follows its worst finding. */
  create(title: string, severity: Severity | 'auto', clusterId: number | null): CaseSummary {
    if (clusterId !== null) this.inventory.cluster(clusterId);
    const id = this.repos.cases.create(title, severity, clusterId);
    const summary = this.repos.cases.summary(id);
    if (!summary) throw new StackscopeError('INTERNAL', `case ${id} vanished right after insert`);
    return summary;
  }

  /**
   * The case a run goes into, chosen only once the run's input was accepted: the one given, a new
   * one with the given title, or (neither given) the cluster's only open case active in the last
   * 12 hours, else a new one with `defaultTitle` whose severity follows its findings.
   */
  forRun(clusterId: number, o: { caseId?: number; newCaseTitle?: string }, defaultTitle: string): { caseId: number; caseChoice: 'given' | 'reused' | 'opened' } {
    if (o.caseId !== undefined) return { caseId: this.require(o.caseId).id, caseChoice: 'given' };
    if (o.newCaseTitle === undefined) {
      const recent = this.repos.cases.recentOpen(clusterId, new Date(Date.now() - RECENT_MS).toISOString());
      if (recent.length === 1 && recent[0]) return { caseId: recent[0].id, caseChoice: 'reused' };
    }
    return { caseId: this.create((o.newCaseTitle ?? defaultTitle).slice(0, 200), 'auto', clusterId).id, caseChoice: 'opened' };
  }

  /** The case's summary; NOT_FOUND when there is no such case. */
  require(caseId: number): CaseSummary {
    return this.repos.cases.require(caseId);
  }

  /** The case with its runs and notes. @param outputTail keep only the last N characters of each step's output. */
  get(caseId: number, outputTail?: number): CaseDetail {
    const found = this.repos.cases.detail(caseId);
    if (!found) throw notFound(caseId);
    const { notes, ...head } = found;
    return { ...head, runs: this.repos.runs.ofCase(caseId, outputTail), notes };
  }

  setStatus(caseId: number, status: CaseStatus): CaseSummary {
    if (this.repos.cases.setStatus(caseId, status, this.author)) this.events.emit('case.changed', { caseId });
    return this.repos.cases.require(caseId);
  }

  addNote(caseId: number, text: string): Note {
    this.repos.cases.require(caseId);
    const note = this.repos.cases.addNote(caseId, text, this.author);
    this.events.emit('case.changed', { caseId });
    return note;
  }

  /**
   * What happened in a case, in order: opened, runs (who started what on which nodes, how it
   * ended), the findings they produced, terminal sessions, notes, status changes.
   */
  timeline(caseId: number): TimelineEntry[] {
    const own = this.repos.cases.timelineEntries(caseId);
    if (!own) throw notFound(caseId);
    return inTimeOrder([
      ...own,
      ...this.repos.runs.timelineEntries(caseId),
      ...this.repos.runs.findings.timelineEntries(caseId),
      ...this.repos.terminals.list(caseId).map(terminalEntry),
    ]);
  }

  findings(caseId: number): CaseFinding[] {
    this.repos.cases.require(caseId);
    return this.repos.runs.findings.ofCase(caseId);
  }

  search(query: string, limit: number, mode: QueryMode = {}): CaseSearchHit[] {
    return this.repos.search.search(query, limit, mode);
  }

  home(): HomeOverview {
    const steps = new Map<string, { service: string; on: 'each' | 'one' }>();
    for (const p of this.catalogue().playbooks) for (const s of p.steps) steps.set(`${p.id}\u0000${s.id}`, { service: s.service, on: s.on });
    const stepInfo = (playbook: string, step: string) => steps.get(`${playbook}\u0000${step}`) ?? null;
    return {
      clusters: this.inventory.list().map((c) => this.repos.health.clusterOverview(c, stepInfo)),
      openCases: this.repos.health.openCases(),
    };
  }
}
