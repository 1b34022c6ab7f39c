import type { StepStatus } from '../main/contract/api.js';
import type { Run, RunState, StepState, TimelineEntry } from '../main/contract/types.js';
import type { Db } from './database.js';
import { FindingsRepo } from './findings-repo.js';
import { OutputRepo } from './output-repo.js';
import type { OwnerGone, ProcessOwner } from './owner.js';

interface RunRow {
  id: number;
  case_id: number;
  cluster_id: number;
  kind: 'exec' | 'playbook';
  title: string;
  params: string;
  state: RunState;
  started_at: string;
  ended_at: string | null;
}

export interface StepRow {
  id: number;
  run_id: number;
  node_id: number | null;
  node_name: string;
  step_key: string;
  command: string;
  command_sent: string;
  state: StepState;
  exit_code: number | null;
  exit_signal: string | null;
  error: string | null;
  stdout_chars: number;
  stderr_chars: number;
  truncated: number;
  started_at: string | null;
  ended_at: string | null;
  duration_ms: number | null;
}

interface RunEntryRow {
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
}

/** A step as stored, without its output: what a status line or an event needs. */
function toStatus(row: StepRow): StepStatus {
  return {
    id: row.id,
    runId: row.run_id,
    nodeId: row.node_id,
    nodeName: row.node_name,
    stepKey: row.step_key,
    command: row.command,
    commandSent: row.command_sent,
    state: row.state,
    exitCode: row.exit_code,
    exitSignal: row.exit_signal,
    error: row.error,
    truncated: row.truncated === 1,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationMs: row.duration_ms,
    stdoutChars: row.stdout_chars,
    stderrChars: row.stderr_chars,
  };
}

export interface NewStep {
  nodeId: number | null;
  nodeName: string;
  stepKey?: string;
  command: string;
  commandSent: string;
}

export interface StepEnd {
  state: StepState;
  exitCode: number | null;
  exitSignal: string | null;
  error: string | null;
  truncated: boolean;
  endedAt: string;
  durationMs: number | null;
}

export interface RunsRepoOptions {
  /** Applied to text people type (commands, run titles, parameters) before it is stored. Output is redacted upstream. */
  redact?: (text: string) => string;
  /** Who starts runs from this process (recorded for the case timeline). */
  author?: string | null;
  /** This process, recorded on every run it starts so that crash recovery can tell whether it still lives. */
  owner: ProcessOwner;
}

const now = (): string => new Date().toISOString();

/**
 * Runs of a case and their steps: how each step went, its output (in blocks, see OutputRepo) and
 * the findings of the run (FindingsRepo); after a crash, the runs nobody finishes any more.
 */
export class RunsRepo {
  readonly output: OutputRepo;
  readonly findings: FindingsRepo;
  private readonly redact: (text: string) => string;
  private readonly author: string | null;
  private readonly owner: ProcessOwner;
  private readonly insertRun;
  private readonly insertStep;
  private readonly selectRun;
  private readonly selectRunsOfCase;
  private readonly selectRunState;
  private readonly selectSteps;
  private readonly selectStep;
  private readonly updateStepRunning;
  private readonly updateStepEnd;
  private readonly updateRunEnd;
  private readonly selectRunning;
  private readonly selectUnfinishedSteps;
  private readonly selectRunEntries;

  constructor(
    private readonly db: Db,
    options: RunsRepoOptions,
  ) {
    this.redact = options.redact ?? ((t) => t);
    this.author = options.author ?? null;
    this.owner = options.owner;
    this.output = new OutputRepo(db);
    this.findings = new FindingsRepo(db, this.redact);
    this.insertRun = db.prepare('INSERT INTO runs (case_id, cluster_id, kind, title, params, state, owner_pid, owner_started, started_at, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.insertStep = db.prepare("INSERT INTO step_results (run_id, node_id, node_name, step_key, command, command_sent, state) VALUES (?, ?, ?, ?, ?, ?, 'pending')");
    this.selectRun = db.prepare('SELECT * FROM runs WHERE id = ?');
    this.selectRunsOfCase = db.prepare('SELECT * FROM runs WHERE case_id = ? ORDER BY id');
    this.selectRunState = db.prepare('SELECT state FROM runs WHERE id = ?').pluck();
    this.selectSteps = db.prepare('SELECT * FROM step_results WHERE run_id = ? ORDER BY id');
    this.selectStep = db.prepare('SELECT * FROM step_results WHERE id = ?');
    this.updateStepRunning = db.prepare("UPDATE step_results SET state = 'running', started_at = ? WHERE id = ?");
    this.updateStepEnd = db.prepare('UPDATE step_results SET state = ?, exit_code = ?, exit_signal = ?, error = ?, truncated = ?, ended_at = ?, duration_ms = ? WHERE id = ?');
    this.updateRunEnd = db.prepare('UPDATE runs SET state = ?, ended_at = ? WHERE id = ?');
    this.selectRunning = db.prepare("SELECT id, owner_pid, owner_started FROM runs WHERE state = 'running'");
    this.selectUnfinishedSteps = db.prepare("SELECT id FROM step_results WHERE run_id = ? AND state IN ('pending', 'running')").pluck();
    this.selectRunEntries = db.prepare(
      `SELECT r.id, r.kind, r.title, r.state, r.started_at, r.ended_at, r.author,
              (SELECT json_group_array(DISTINCT s.node_name) FROM step_results s WHERE s.run_id = r.id AND s.step_key != 'discover-pods') AS nodes,
              (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'critical' AND f.status = 'FAILED') AS critical,
              (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'warning' AND f.status != 'OK') AS warning,
              (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'ok') AS ok,
              (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.status = 'SKIPPED' AND f.severity NOT IN ('critical', 'warning')) AS skipped
       FROM runs r WHERE r.case_id = ? ORDER BY r.id`,
    );
  }

  /** A running run owned by this process, with the steps known up front (exec: one per node). */
  create(caseId: number, clusterId: number, kind: 'exec' | 'playbook', title: string, params: Record<string, unknown>, steps: NewStep[]): Run {
    const runId = this.db.transaction(() => {
      const id = Number(
        this.insertRun.run(caseId, clusterId, kind, this.redact(title), this.redact(JSON.stringify(params)), 'running', this.owner.pid, this.owner.started, now(), this.author).lastInsertRowid,
      );
      for (const s of steps) this.storeStep(id, s);
      return id;
    })();
    const run = this.get(runId);
    if (!run) throw new Error(`run ${runId} vanished right after insert`);
    return run;
  }

  private storeStep(runId: number, s: NewStep): number {
    return Number(this.insertStep.run(runId, s.nodeId, s.nodeName, s.stepKey ?? 'exec', this.redact(s.command), this.redact(s.commandSent)).lastInsertRowid);
  }

  /** A step decided while the run goes (playbooks pick nodes and pods as they learn the cluster). */
  addStep(runId: number, s: NewStep): StepStatus {
    const step = this.step(this.storeStep(runId, s));
    if (!step) throw new Error(`step of run ${runId} vanished right after insert`);
    return step;
  }

  /** @param outputTail keep only the last N characters of each step's output (lengths reported). */
  get(id: number, outputTail?: number): Run | undefined {
    const row = this.selectRun.get(id) as RunRow | undefined;
    return row ? this.toRun(row, outputTail) : undefined;
  }

  /** The runs of a case, oldest first. @param outputTail as in `get`. */
  ofCase(caseId: number, outputTail?: number): Run[] {
    return (this.selectRunsOfCase.all(caseId) as RunRow[]).map((r) => this.toRun(r, outputTail));
  }

  /** Where a run is, without reading its steps; undefined when there is no such run. */
  state(id: number): RunState | undefined {
    return this.selectRunState.get(id) as RunState | undefined;
  }

  private toRun(row: RunRow, outputTail?: number): Run {
    const rows = this.selectSteps.all(row.id) as StepRow[];
    return {
      id: row.id,
      caseId: row.case_id,
      clusterId: row.cluster_id,
      kind: row.kind,
      title: row.title,
      params: JSON.parse(row.params) as Record<string, unknown>,
      state: row.state,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      steps: rows.map((r) => ({ ...toStatus(r), ...this.outputOf(r.id, outputTail) })),
      findings: this.findings.ofRun(row.id),
    };
  }

  /** A step's output, whole or its last `n` characters: a 50 MB output is not sent to a window to show its end. */
  private outputOf(stepId: number, n?: number): { stdout: string; stderr: string } {
    if (n === undefined) return { stdout: this.output.text(stepId, 'stdout'), stderr: this.output.text(stepId, 'stderr') };
    return { stdout: this.output.tail(stepId, 'stdout', n), stderr: this.output.tail(stepId, 'stderr', n) };
  }

  /** The step without its output (lengths only). */
  step(id: number): StepStatus | undefined {
    const row = this.selectStep.get(id) as StepRow | undefined;
    return row ? toStatus(row) : undefined;
  }

  markStepRunning(stepId: number, startedAt: string): void {
    this.updateStepRunning.run(startedAt, stepId);
  }

  /** Record how a step ended. Its output is already stored, block by block, as it arrived. */
  finishStep(stepId: number, end: StepEnd): StepStatus {
    this.updateStepEnd.run(end.state, end.exitCode, end.exitSignal, end.error, end.truncated ? 1 : 0, end.endedAt, end.durationMs, stepId);
    const step = this.step(stepId);
    if (!step) throw new Error(`step ${stepId} vanished while finishing`);
    return step;
  }

  finishRun(runId: number, state: RunState): void {
    this.updateRunEnd.run(state, now(), runId);
  }

  /**
   * After a crash: runs whose owner `gone` says is gone are marked interrupted, and the output
   * their steps had streamed is kept. Runs of a live process (the app while the CLI starts) are
   * left alone. Whether a process lives is the caller's to tell: the case log never asks the OS.
   */
  recoverInterrupted(gone: OwnerGone): number[] {
    const running = this.selectRunning.all() as Array<{ id: number; owner_pid: number | null; owner_started: string | null }>;
    const orphans = running.filter((r) => gone({ pid: r.owner_pid, started: r.owner_started })).map((r) => r.id);
    const endedAt = now();
    for (const runId of orphans) {
      for (const stepId of this.selectUnfinishedSteps.all(runId) as number[]) {
        this.finishStep(stepId, {
          state: 'interrupted',
          exitCode: null,
          exitSignal: null,
          error: 'Stackscope stopped before this step ended; the output shown is what had arrived.',
          truncated: false,
          endedAt,
          durationMs: null,
        });
      }
      this.finishRun(runId, 'interrupted');
    }
    return orphans;
  }

  /** Timeline entries for the case's runs: who started what on which nodes, how it ended, what it found. */
  timelineEntries(caseId: number): TimelineEntry[] {
    return (this.selectRunEntries.all(caseId) as RunEntryRow[]).map((r) => ({
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
    }));
  }
}
