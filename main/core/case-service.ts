import { userInfo } from 'node:os';
import { searchCases, type QueryMode } from '../../db/case-search.js';
import { CaseTimelineRepo } from '../../db/case-timeline-repo.js';
import type { CaseLogRepo } from '../../db/caselog-repo.js';
import { clusterOverview, openCases } from '../../db/cluster-health.js';
import type { Db } from '../../db/database.js';
import type { CaseFinding, CaseSearchHit, CaseStatus, CaseSummary, HomeOverview, Note, PlaybookCatalogue, TimelineEntry } from '../contract/types.js';
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

/** Adds entries to a case timeline (terminal sessions, later features). */
export type TimelineSource = (caseId: number) => TimelineEntry[];

/**
 * The on-call view of the case log: the home overview (cluster health, open cases), the case
 * timeline and findings, notes and status changes with their author, and search over everything.
 */
export class CaseService {
  private readonly repo: CaseTimelineRepo;
  private readonly sources: TimelineSource[] = [];

  constructor(
    private readonly db: Db,
    private readonly caselog: CaseLogRepo,
    private readonly inventory: InventoryService,
    private readonly catalogue: () => PlaybookCatalogue,
    private readonly events: EventBus,
    readonly author: string,
    redact: (text: string) => string,
  ) {
    this.repo = new CaseTimelineRepo(db, redact);
  }

  addTimelineSource(source: TimelineSource): void {
    this.sources.push(source);
  }

  private summary(caseId: number): CaseSummary {
    return this.caselog.requireCase(caseId);
  }

  setStatus(caseId: number, status: CaseStatus): CaseSummary {
    this.summary(caseId);
    if (this.repo.setStatus(caseId, status, this.author)) this.events.emit('case.changed', { caseId });
    return this.summary(caseId);
  }

  addNote(caseId: number, text: string): Note {
    this.summary(caseId);
    const note = this.repo.addNote(caseId, text, this.author);
    this.events.emit('case.changed', { caseId });
    return note;
  }

  timeline(caseId: number): TimelineEntry[] {
    this.summary(caseId);
    return this.repo.timeline(caseId, this.sources);
  }

  findings(caseId: number): CaseFinding[] {
    this.summary(caseId);
    return this.repo.caseFindings(caseId);
  }

  search(query: string, limit: number, mode: QueryMode = {}): CaseSearchHit[] {
    return searchCases(this.db, query, limit, mode);
  }

  home(): HomeOverview {
    const steps = new Map<string, { service: string; on: 'each' | 'one' }>();
    for (const p of this.catalogue().playbooks) for (const s of p.steps) steps.set(`${p.id}\u0000${s.id}`, { service: s.service, on: s.on });
    const stepInfo = (playbook: string, step: string) => steps.get(`${playbook}\u0000${step}`) ?? null;
    return {
      clusters: this.inventory.list().map((c) => clusterOverview(this.db, c, stepInfo)),
      openCases: openCases(this.db),
    };
  }
}
