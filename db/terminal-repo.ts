import type { TerminalSession, TerminalState } from '../main/contract/types.js';
import type { Db } from './database.js';
import { currentOwner, ownerGone } from './process-owner.js';

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

/** Terminal sessions of a case and their asciicast recordings. */
export class TerminalRepo {
  constructor(
    private readonly db: Db,
    /** Who opens sessions from this process (the case log's author). */
    private readonly author: string | null = null,
  ) {}

  create(s: NewTerminalSession): TerminalSession {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO terminal_sessions (case_id, node_id, node_name, state, owner_pid, owner_started, started_at, width, height, header, author)
           VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(s.caseId, s.nodeId, s.nodeName, currentOwner().pid, currentOwner().started, s.startedAt, s.width, s.height, s.header, this.author).lastInsertRowid,
    );
    const session = this.get(id);
    if (!session) throw new Error(`terminal session ${id} vanished right after insert`);
    return session;
  }

  get(id: number): TerminalSession | undefined {
    const row = this.db.prepare('SELECT * FROM terminal_sessions WHERE id = ?').get(id) as SessionRow | undefined;
    return row ? toSession(row) : undefined;
  }

  list(caseId: number): TerminalSession[] {
    return (this.db.prepare('SELECT * FROM terminal_sessions WHERE case_id = ? ORDER BY id').all(caseId) as SessionRow[]).map(toSession);
  }

  /** Many sessions' events in one transaction. */
  append(batches: TerminalBatch[]): void {
    if (batches.length === 0) return;
    const insert = this.db.prepare('INSERT INTO terminal_chunks (session_id, events) VALUES (?, ?)');
    const count = this.db.prepare('UPDATE terminal_sessions SET bytes = bytes + ? WHERE id = ?');
    this.db.transaction(() => {
      for (const b of batches) {
        if (b.events.length > 0) insert.run(b.sessionId, b.events);
        if (b.bytes > 0) count.run(b.bytes, b.sessionId);
      }
    })();
  }

  finish(id: number, state: Exclude<TerminalState, 'open'>, reason: string, endedAt = new Date().toISOString()): void {
    this.db.prepare('UPDATE terminal_sessions SET state = ?, close_reason = ?, ended_at = ? WHERE id = ?').run(state, reason, endedAt, id);
  }

  /** The whole asciicast v2 file: header line, then every recorded event line. */
  recording(id: number): string | undefined {
    const row = this.db.prepare('SELECT header FROM terminal_sessions WHERE id = ?').get(id) as { header: string } | undefined;
    if (!row) return undefined;
    const chunks = this.db.prepare('SELECT events FROM terminal_chunks WHERE session_id = ? ORDER BY id').all(id) as Array<{ events: string }>;
    return `${row.header}\n${chunks.map((c) => c.events).join('')}`;
  }

  /**
   * After a crash: sessions still open whose owning process is gone (or whose pid another process
   * now has) are closed as interrupted; what they recorded is kept. Sessions of a live process
   * (the app while the CLI starts) stay.
   */
  recoverInterrupted(): number[] {
    const open = this.db.prepare("SELECT id, owner_pid, owner_started FROM terminal_sessions WHERE state = 'open'").all() as Array<Pick<SessionRow, 'id' | 'owner_pid' | 'owner_started'>>;
    const orphans = open.filter((r) => ownerGone({ pid: r.owner_pid, started: r.owner_started })).map((r) => r.id);
    for (const id of orphans) {
      this.finish(id, 'interrupted', 'Stackscope stopped while this terminal was open; the recording keeps what had arrived.', this.lastEventTime(id));
    }
    return orphans;
  }

  /** When the last recorded event happened (start + its offset), or the start if nothing was recorded. */
  private lastEventTime(id: number): string {
    const session = this.db.prepare('SELECT started_at FROM terminal_sessions WHERE id = ?').get(id) as { started_at: string };
    const last = this.db.prepare('SELECT events FROM terminal_chunks WHERE session_id = ? ORDER BY id DESC LIMIT 1').get(id) as { events: string } | undefined;
    const line = last?.events.trimEnd().split('\n').pop();
    try {
      const offset = line ? (JSON.parse(line) as [number])[0] : 0;
      return new Date(Date.parse(session.started_at) + Math.round(offset * 1000)).toISOString();
    } catch {
      return session.started_at;
    }
  }
}
