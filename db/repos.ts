import { CasesRepo } from './cases-repo.js';
import type { Db } from './database.js';
import { HealthRepo } from './health.js';
import type { ProcessOwner } from './owner.js';
import { RunbookProgressRepo } from './runbook-progress-repo.js';
import { RunsRepo } from './runs-repo.js';
import { SearchRepo } from './search.js';
import { TerminalsRepo } from './terminals-repo.js';

/** The case log's repositories, one per subject (the inventory's is apart: it is not the case log). */
export interface Repos {
  cases: CasesRepo;
  /** Runs with their steps, output (`runs.output`) and findings (`runs.findings`). */
  runs: RunsRepo;
  terminals: TerminalsRepo;
  runbookProgress: RunbookProgressRepo;
  search: SearchRepo;
  health: HealthRepo;
}

export interface ReposOptions {
  /** Applied to text people type before it is stored: a password pasted into a command or a note stays out. */
  redact?: (text: string) => string;
  /** Who this process records cases, runs and terminal sessions as. */
  author?: string | null;
  /** This process, recorded on the runs and sessions it starts (crash recovery reads it back). */
  owner: ProcessOwner;
}

/** Every repository over one open case log. */
export function createRepos(db: Db, options: ReposOptions): Repos {
  const { redact, author, owner } = options;
  return {
    cases: new CasesRepo(db, { redact, author }),
    runs: new RunsRepo(db, { redact, author, owner }),
    terminals: new TerminalsRepo(db, { author, owner }),
    runbookProgress: new RunbookProgressRepo(db),
    search: new SearchRepo(db),
    health: new HealthRepo(db),
  };
}
