import type { TerminalSession, TerminalState } from '../main/contract/types.js';
import type { Db } from './database.js';
import type { OwnerGone, ProcessOwner } from './owner.js';

interface SessionRow {
  id: number;
  case_id: number;
  node_id: number | null;
  node_name: string;
  state: TerminalState;
  close_reason: string | null;
  owner_pid: number | null;
  owner_started: string | null;
  started_at: string;
  ended_at: string | null;
  width: number;
  height: number;
  bytes: number;
  header: string;
  author: string | null;
}

function toSession(row: SessionRow): TerminalSession {
  return {
    id: row.id,
    caseId: row.case_id,
    nodeId: row.node_id,
    nodeName: row.node_name,
    state: row.state,
    closeReason: row.close_reason,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    author: row.author,
  };
}

export interface NewTerminalSession {
  caseId: number;
  nodeId: number;
  nodeName: string;
  startedAt: string;
  width: number;
  height: number;
  /** The asciicast v2 header line (JSON, no newline). */
  header: string;
}

/** A batch of recorded events for one session: asciicast lines (redacted) and raw bytes received. */
export interface TerminalBatch {
  sessionId: number;
  events: string;
  bytes: number;
}

export interface TerminalsRepoOptions {
  /** Who opens sessions from this process (the case log's author). */
  author?: string | null;
  /** This process, recorded on every session it opens so that crash recovery can tell whether it still lives. */
  owner: ProcessOwner;
}

/** Terminal sessions of a case and their asciicast recordings. */
export class TerminalsRepo {
  private readonly author: string | null;
  private readonly owner: ProcessOwner;
  private readonly insertSession;
  private readonly selectSession;
  private readonly selectOfCase;
  private readonly insertEvents;
  private readonly countBytes;
  private readonly updateEnd;
  private readonly selectEvents;
  private readonly selectOpen;
  private readonly selectLastEvents;

  constructor(
    private readonly db: Db,
    options: TerminalsRepoOptions,
  ) {
    this.author = options.author ?? null;
    this.owner = options.owner;
    this.insertSession = db.prepare(
      `INSERT INTO terminal_sessions (case_id, node_id, node_name, state, owner_pid, owner_started, started_at, width, height, header, author)
       VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectSession = db.prepare('SELECT * FROM terminal_sessions WHERE id = ?');
    this.selectOfCase = db.prepare('SELECT * FROM terminal_sessions WHERE case_id = ? ORDER BY id');
    this.insertEvents = db.prepare('INSERT INTO terminal_chunks (session_id, events) VALUES (?, ?)');
    this.countBytes = db.prepare('UPDATE terminal_sessions SET bytes = bytes + ? WHERE id = ?');
    this.updateEnd = db.prepare('UPDATE terminal_sessions SET state = ?, close_reason = ?, ended_at = ? WHERE id = ?');
    this.selectEvents = db.prepare('SELECT events FROM terminal_chunks WHERE session_id = ? ORDER BY id').pluck();
    this.selectOpen = db.prepare("SELECT id, owner_pid, owner_started FROM terminal_sessions WHERE state = 'open'");
    this.selectLastEvents = db.prepare('SELECT events FROM terminal_chunks WHERE session_id = ? ORDER BY id DESC LIMIT 1').pluck();
  }

  create(s: NewTerminalSession): TerminalSession {
    const id = Number(this.insertSession.run(s.caseId, s.nodeId, s.nodeName, this.owner.pid, this.owner.started, s.startedAt, s.width, s.height, s.header, this.author).lastInsertRowid);
    const session = this.get(id);
    if (!session) throw new Error(`terminal session ${id} vanished right after insert`);
    return session;
  }

  get(id: number): TerminalSession | undefined {
    const row = this.selectSession.get(id) as SessionRow | undefined;
    return row ? toSession(row) : undefined;
  }

  list(caseId: number): TerminalSession[] {
    return (this.selectOfCase.all(caseId) as SessionRow[]).map(toSession);
  }

  /** Many sessions' events in one transaction. */
  append(batches: TerminalBatch[]): void {
    if (batches.length === 0) return;
    this.db.transaction(() => {
      for (const b of batches) {
        if (b.events.length > 0) this.insertEvents.run(b.sessionId, b.events);
        if (b.bytes > 0) this.countBytes.run(b.bytes, b.sessionId);
      }
    })();
  }

  finish(id: number, state: Exclude<TerminalState, 'open'>, reason: string, endedAt = new Date().toISOString()): void {
    this.updateEnd.run(state, reason, endedAt, id);
  }

  /** The whole asciicast v2 file: header line, then every recorded event line. */
  recording(id: number): string | undefined {
    const row = this.selectSession.get(id) as SessionRow | undefined;
    if (!row) return undefined;
    return `${row.header}\n${(this.selectEvents.all(id) as string[]).join('')}`;
  }

  /**
   * After a crash: sessions still open whose owner `gone` says is gone are closed as interrupted;
   * what they recorded is kept. Sessions of a live process (the app while the CLI starts) stay.
   * Whether a process lives is the caller's to tell: the case log never asks the OS.
   */
  recoverInterrupted(gone: OwnerGone): number[] {
    const open = this.selectOpen.all() as Array<Pick<SessionRow, 'id' | 'owner_pid' | 'owner_started'>>;
    const orphans = open.filter((r) => gone({ pid: r.owner_pid, started: r.owner_started })).map((r) => r.id);
    for (const id of orphans) {
      this.finish(id, 'interrupted', 'Stackscope stopped while this terminal was open; the recording keeps what had arrived.', this.lastEventTime(id));
    }
    return orphans;
  }

  /** When the last recorded event happened (start + its offset), or the start if nothing was recorded. */
  private lastEventTime(id: number): string {
    const session = this.selectSession.get(id) as SessionRow;
    const last = this.selectLastEvents.get(id) as string | undefined;
    const line = last?.trimEnd().split('\n').pop();
    try {
      const offset = line ? (JSON.parse(line) as [number])[0] : 0;
      return new Date(Date.parse(session.started_at) + Math.round(offset * 1000)).toISOString();
    } catch {
      return session.started_at;
    }
  }
}
