import { StringDecoder } from 'node:string_decoder';
import type { ClientChannel } from 'ssh2';
import type { CasesRepo } from '../../db/cases-repo.js';
import type { TerminalsRepo } from '../../db/terminals-repo.js';
import { StackscopeError } from '../contract/errors.js';
import type { ClusterNode, TerminalCloseReason, TerminalSession } from '../contract/types.js';
import type { EventBus } from './events.js';
import type { InventoryService } from './inventory-service.js';
import type { ConnectionManager, SshConnection } from './ssh/connection-manager.js';
import { FlowWindow } from './terminal-flow.js';
import { AsciicastRecorder, asciicastHeader, RecordingWriter } from './terminal-recorder.js';

export interface TerminalServiceOptions {
  /** Pause the shell past this many unacknowledged bytes... */
  highWater?: number;
  /** ...and resume under this many. */
  lowWater?: number;
  /** Recorded output per session before the recording stops (the session goes on). */
  maxRecordChars?: number;
  /**
   * Live terminals per node. Each holds a channel of the node's pooled connection (8 at most),
   * and runs and playbooks need the rest.
   */
  maxPerNode?: number;
}

const TERM = 'xterm-256color';
/** How long a closing shell may take to confirm before we stop waiting for it. */
const CLOSE_WAIT_MS = 3000;
/** A channel that closed without an exit status waits this long for its connection to close too. */
const LOST_GRACE_MS = 1500;

interface LiveSession {
  id: number;
  node: ClusterNode;
  channel: ClientChannel;
  connection: SshConnection;
  recorder: AsciicastRecorder;
  flow: FlowWindow;
  decoder: StringDecoder;
  onData: (chunk: Buffer) => void;
  /** Bytes read that have not yet gone out with an output event (an incomplete character). */
  carry: number;
  cols: number;
  rows: number;
  closing: 'closed' | 'shutdown' | null;
  ended: Promise<void>;
}

/** What the channel told us before the session object existed (see SshConnection.shell). */
interface ChannelState {
  exit: { code: number | null; signal: string | null } | null;
  closed: boolean;
  onClose: () => void;
}

/**
 * Interactive shells on cluster nodes, opened from a case. Output streams to the screen as it
 * arrives (unredacted, with acknowledgement flow control) and into the case log as a redacted
 * asciicast v2 recording. Keystrokes go to the node and nowhere else.
 */
export class TerminalService {
  private readonly live = new Map<number, LiveSession>();
  private readonly writer: RecordingWriter;
  private readonly highWater: number;
  private readonly lowWater: number;
  private readonly maxRecordChars: number;
  private readonly maxPerNode: number;

  constructor(
    private readonly repo: TerminalsRepo,
    private readonly cases: CasesRepo,
    private readonly inventory: InventoryService,
    private readonly ssh: ConnectionManager,
    private readonly events: EventBus,
    private readonly secrets: () => readonly string[],
    options: TerminalServiceOptions = {},
  ) {
    this.writer = new RecordingWriter(repo);
    this.highWater = options.highWater ?? 256 * 1024;
    this.lowWater = options.lowWater ?? 64 * 1024;
    this.maxRecordChars = options.maxRecordChars ?? 64 * 1024 * 1024;
    this.maxPerNode = options.maxPerNode ?? 4;
  }

  async open(input: { caseId: number; nodeId: number; cols: number; rows: number }): Promise<TerminalSession> {
    const caseSummary = this.cases.require(input.caseId);
    const node = this.inventory.node(input.nodeId);
    if (caseSummary.clusterId !== null && node.clusterId !== caseSummary.clusterId) {
      throw new StackscopeError('INVALID_INPUT', `node ${node.name} is not in the cluster of case ${input.caseId}`, { caseId: input.caseId, nodeId: node.id });
    }
    if ([...this.live.values()].filter((s) => s.node.id === node.id).length >= this.maxPerNode) {
      throw new StackscopeError('CONFLICT', `${node.name} already has ${this.maxPerNode} open terminals; close one first`, { nodeId: node.id, node: node.name });
    }
    const target = this.inventory.target(node);
    const state: ChannelState = { exit: null, closed: false, onClose: () => undefined };
    const attach = (ch: ClientChannel): void => {
      ch.on('exit', (code: number | null, signal?: string) => {
        state.exit = { code: typeof code === 'number' ? code : null, signal: signal ?? null };
      });
      ch.once('close', () => {
        state.closed = true;
        state.onClose();
      });
    };
    const pty = { term: TERM, cols: input.cols, rows: input.rows };
    let connection = await this.ssh.acquire(target);
    const channel = await connection.shell(pty, attach).catch(async (err: unknown) => {
      // A pooled connection that died before the shell opened: one fresh connection.
      if (!(err instanceof StackscopeError && err.code === 'CONNECTION_LOST')) throw err;
      connection = await this.ssh.acquire(target);
      return connection.shell(pty, attach);
    });

    const startedAt = new Date();
    const recorderOptions = { width: input.cols, height: input.rows, startedAt, term: TERM, secrets: this.secrets, maxChars: this.maxRecordChars };
    let session: TerminalSession;
    try {
      const header = asciicastHeader(recorderOptions);
      session = this.repo.create({ caseId: input.caseId, nodeId: node.id, nodeName: node.name, startedAt: startedAt.toISOString(), width: input.cols, height: input.rows, header });
    } catch (err) {
      channel.close();
      throw err;
    }
    let resolveEnded = (): void => undefined;
    const live: LiveSession = {
      id: session.id,
      node,
      channel,
      connection,
      recorder: new AsciicastRecorder({ ...recorderOptions, sessionId: session.id }),
      flow: new FlowWindow(
        () => channel.pause(),
        () => channel.resume(),
        this.highWater,
        this.lowWater,
      ),
      decoder: new StringDecoder('utf8'),
      onData: (chunk) => this.output(live, chunk),
      carry: 0,
      cols: input.cols,
      rows: input.rows,
      closing: null,
      ended: new Promise<void>((r) => (resolveEnded = r)),
    };
    this.live.set(live.id, live);
    channel.on('data', live.onData);
    // With a pty the server merges stderr into the terminal; anything still sent as extended data is shown too.
    channel.stderr.on('data', live.onData);
    state.onClose = () => void this.finish(live, state).finally(resolveEnded);
    if (state.closed) state.onClose();
    return session;
  }

  input(sessionId: number, data: string): void {
    this.session(sessionId).channel.write(data);
  }

  resize(sessionId: number, cols: number, rows: number): void {
    const s = this.session(sessionId);
    if (s.cols === cols && s.rows === rows) return;
    s.cols = cols;
    s.rows = rows;
    s.channel.setWindow(rows, cols, 0, 0);
    s.recorder.resize(cols, rows);
    this.writer.changed(s.recorder);
  }

  /** The screen wrote `bytes` more of this session's output. Acks for a session that has ended are ignored. */
  ack(sessionId: number, bytes: number): void {
    this.live.get(sessionId)?.flow.acked(bytes);
  }

  /** Close a live session (hangs up the shell); closing one that already ended is not an error. */
  async close(sessionId: number): Promise<void> {
    const s = this.live.get(sessionId);
    if (!s) {
      if (!this.repo.get(sessionId)) throw new StackscopeError('NOT_FOUND', `terminal session ${sessionId} does not exist`, { sessionId });
      return;
    }
    await this.hangUp(s, 'closed');
  }

  list(caseId: number): TerminalSession[] {
    this.cases.require(caseId);
    return this.repo.list(caseId);
  }

  recording(sessionId: number): string {
    if (this.live.has(sessionId)) this.writer.flush();
    const text = this.repo.recording(sessionId);
    if (text === undefined) throw new StackscopeError('NOT_FOUND', `terminal session ${sessionId} does not exist`, { sessionId });
    return text;
  }

  /** Test and diagnostics view of a live session's flow control. */
  flowOf(sessionId: number): { pending: number; paused: boolean } | undefined {
    const s = this.live.get(sessionId);
    return s && { pending: s.flow.pending, paused: s.flow.isPaused };
  }

  /** Close every live session and keep what was recorded (app shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.live.values()].map((s) => this.hangUp(s, 'shutdown')));
    this.writer.flush();
  }

  private session(sessionId: number): LiveSession {
    const s = this.live.get(sessionId);
    if (s) return s;
    if (this.repo.get(sessionId)) throw new StackscopeError('CONFLICT', `terminal session ${sessionId} has ended`, { sessionId });
    throw new StackscopeError('NOT_FOUND', `terminal session ${sessionId} does not exist`, { sessionId });
  }

  private output(s: LiveSession, chunk: Buffer): void {
    s.flow.sent(chunk.length);
    const text = s.decoder.write(chunk);
    s.carry += chunk.length;
    if (text.length === 0) return; // the start of a character; it goes out with the rest of it
    const bytes = s.carry;
    s.carry = 0;
    this.events.emit('terminal.output', { sessionId: s.id, data: text, bytes });
    s.recorder.output(text, bytes);
    this.writer.changed(s.recorder);
  }

  private async hangUp(s: LiveSession, why: 'closed' | 'shutdown'): Promise<void> {
    s.closing ??= why;
    s.channel.close();
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = await Promise.race([
      s.ended.then(() => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(true), CLOSE_WAIT_MS))),
    ]);
    clearTimeout(timer);
    // The server never confirmed: record the end ourselves; a late 'close' finds nothing to do.
    if (gaveUp) await this.finish(s, { exit: null, closed: true, onClose: () => undefined });
  }

  private async finish(s: LiveSession, state: ChannelState): Promise<void> {
    if (!this.live.has(s.id)) return;
    this.live.delete(s.id);
    // Output still buffered in a paused stream is part of the session. (read() would also emit
    // 'data', so the listeners go first.)
    s.channel.off('data', s.onData);
    s.channel.stderr.off('data', s.onData);
    for (const stream of [s.channel, s.channel.stderr]) {
      for (let chunk = stream.read() as Buffer | null; chunk !== null; chunk = stream.read() as Buffer | null) this.output(s, chunk);
    }
    const rest = s.decoder.end();
    if (rest) {
      this.events.emit('terminal.output', { sessionId: s.id, data: rest, bytes: s.carry });
      s.recorder.output(rest, s.carry);
    }
    const { reason, exitCode, message } = await this.endReason(s, state);
    s.recorder.end();
    this.writer.changed(s.recorder);
    this.writer.flush();
    this.repo.finish(s.id, 'closed', message);
    this.events.emit('terminal.closed', { sessionId: s.id, reason, exitCode, message });
  }

  private async endReason(s: LiveSession, state: ChannelState): Promise<{ reason: TerminalCloseReason; exitCode: number | null; message: string }> {
    if (s.closing === 'closed') return { reason: 'closed', exitCode: state.exit?.code ?? null, message: 'closed by the user' };
    if (s.closing === 'shutdown') return { reason: 'shutdown', exitCode: null, message: 'Stackscope was closed while the terminal was open' };
    if (state.exit) {
      const { code, signal } = state.exit;
      return { reason: 'exit', exitCode: code, message: signal ? `the shell ended by signal ${signal}` : `the shell exited with status ${code ?? 'unknown'}` };
    }
    // No exit status: most likely the connection is going away; give it a moment to say so.
    let timer: NodeJS.Timeout | undefined;
    const lost = s.connection.isClosed || (await Promise.race([s.connection.closedPromise.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), LOST_GRACE_MS)))]));
    clearTimeout(timer);
    if (lost) return { reason: 'lost', exitCode: null, message: `the connection to ${s.node.name} was lost` };
    return { reason: 'exit', exitCode: null, message: 'the server closed the session without an exit status' };
  }
}
