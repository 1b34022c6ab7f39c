import type { EventPayloads, StackscopeApi, Transport } from '../../../main/contract/api.js';
import type { ClusterNode } from '../../../main/contract/types.js';
import type { T } from '../i18n/index.js';
import { inputChunks } from './input-chunks.js';
import { createScreen, serviceLine, type Screen } from './xterm-setup.js';

export type LiveState = 'connecting' | 'live' | 'ended' | 'failed';

type Early = { kind: 'output'; p: EventPayloads['terminal.output'] } | { kind: 'closed'; p: EventPayloads['terminal.closed'] };

/** Acknowledge in batches: one call per this many bytes, or after a short pause. */
const ACK_BATCH = 32 * 1024;
const ACK_DELAY_MS = 10;

/**
 * One live terminal: an xterm bound to a shell session on a node. Output is written to the screen
 * and acknowledged once written (the core pauses the shell when the screen falls behind); keys
 * go to the node; connection problems appear on the screen as service messages.
 */
export class LiveTerminal {
  readonly screen: Screen;
  sessionId: number | null = null;
  state: LiveState = 'connecting';
  onChange: (state: LiveState, sessionId: number | null) => void = () => undefined;
  /** The owner's turn at a refused open (the credentials dialog): true when it took it; otherwise the screen says why. */
  onOpenFailed: (err: unknown) => boolean = () => false;
  private opening = false;
  private early: Early[] = [];
  private unacked = 0;
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly offs: Array<() => void> = [];
  private disposed = false;

  constructor(
    private readonly api: StackscopeApi,
    transport: Transport,
    private readonly t: T,
    parent: HTMLElement,
    private readonly caseId: number,
    private readonly node: ClusterNode,
  ) {
    this.screen = createScreen(parent);
    const term = this.screen.term;
    this.offs.push(
      transport.on('terminal.output', (p) => this.receive({ kind: 'output', p })),
      transport.on('terminal.closed', (p) => this.receive({ kind: 'closed', p })),
    );
    const data = term.onData((d) => this.send(d));
    const resize = term.onResize(({ cols, rows }) => {
      if (this.state === 'live' && this.sessionId !== null) void this.api['terminal.resize']({ sessionId: this.sessionId, cols, rows }).catch(() => undefined);
    });
    this.offs.push(() => data.dispose(), () => resize.dispose());
    // A browser tab that goes away hangs up its shells; nobody could ever see or close them again.
    const hangUp = (): void => void this.close();
    window.addEventListener('pagehide', hangUp);
    this.offs.push(() => window.removeEventListener('pagehide', hangUp));
  }

  /** Open a session (again, after the last one ended or failed). */
  connect(): void {
    if (this.disposed || this.opening || this.state === 'live') return;
    this.opening = true;
    this.early = [];
    this.set('connecting', null);
    this.screen.refit();
    const { term } = this.screen;
    serviceLine(term, this.t('terminal.connecting', { node: this.node.name, target: `${this.node.user}@${this.node.host}:${this.node.port}` }));
    this.api['terminal.open']({ caseId: this.caseId, nodeId: this.node.id, cols: term.cols, rows: term.rows }).then(
      ({ sessionId }) => {
        this.opening = false;
        if (this.disposed) {
          void this.api['terminal.close']({ sessionId }).catch(() => undefined);
          return;
        }
        this.set('live', sessionId);
        serviceLine(term, this.t('terminal.connected', { node: this.node.name }));
        const early = this.early.filter((e) => e.p.sessionId === sessionId);
        this.early = [];
        for (const e of early) this.receive(e);
        term.focus();
      },
      (err: unknown) => {
        this.opening = false;
        this.early = [];
        if (this.disposed) return;
        this.set('failed', null);
        if (!this.onOpenFailed(err)) serviceLine(term, this.t('terminal.failed', { message: err instanceof Error ? err.message : String(err) }), 'problem');
      },
    );
  }

  /** The credentials dialog was dismissed. */
  secretsCancelled(): void {
    serviceLine(this.screen.term, this.t('terminal.secretsCancelled'), 'problem');
  }

  /** Hang up (the user closed the tab). */
  async close(): Promise<void> {
    if (this.state === 'live' && this.sessionId !== null) await this.api['terminal.close']({ sessionId: this.sessionId }).catch(() => undefined);
  }

  copy(): void {
    const text = this.screen.term.getSelection();
    if (!text) return;
    navigator.clipboard.writeText(text).catch(() => {
      // No clipboard permission (a locked-down window): xterm's own copy handler serves the copy event.
      this.screen.term.focus();
      document.execCommand('copy');
    });
  }

  paste(): void {
    navigator.clipboard.readText().then(
      (text) => this.screen.term.paste(text),
      () => serviceLine(this.screen.term, this.t('terminal.clipboardRefused'), 'problem'),
    );
  }

  /** Become root in the live shell: types `sudo -i` and Enter; sudo asks for a password there if it wants one. */
  sudoShell(): void {
    this.send('sudo -i\r');
    this.screen.term.focus();
  }

  dispose(): void {
    this.disposed = true;
    void this.close();
    if (this.ackTimer) clearTimeout(this.ackTimer);
    for (const off of this.offs) off();
    this.screen.term.dispose();
  }

  private set(state: LiveState, sessionId: number | null): void {
    this.state = state;
    this.sessionId = sessionId;
    this.onChange(state, sessionId);
  }

  private send(data: string): void {
    if (this.state !== 'live' || this.sessionId === null) return;
    const sessionId = this.sessionId;
    // A paste of megabytes in one call would exceed the transport's frame limit: send it in pieces.
    // They arrive in order (both transports deliver calls in order and the core writes input as each
    // call arrives); if the session is gone, say so once, not once per piece.
    let failed = false;
    for (const piece of inputChunks(data)) {
      this.api['terminal.input']({ sessionId, data: piece }).catch((err: unknown) => {
        if (failed) return;
        failed = true;
        serviceLine(this.screen.term, this.t('terminal.sendFailed', { message: err instanceof Error ? err.message : String(err) }), 'problem');
      });
    }
  }

  /** Events come for every session of every window; output may arrive before `open` answers. */
  private receive(e: Early): void {
    if (this.sessionId === null || e.p.sessionId !== this.sessionId) {
      if (this.opening) this.early.push(e);
      return;
    }
    if (e.kind === 'output') {
      const { sessionId, bytes } = e.p;
      this.screen.term.write(e.p.data, () => this.ack(sessionId, bytes));
      return;
    }
    this.flushAck();
    const p = e.p;
    const message =
      p.reason === 'exit'
        ? this.t('terminal.ended.exit', { message: p.message })
        : p.reason === 'lost'
          ? this.t('terminal.ended.lost', { message: p.message })
          : this.t(`terminal.ended.${p.reason}`);
    serviceLine(this.screen.term, message, p.reason === 'lost' ? 'problem' : 'info');
    this.set('ended', this.sessionId);
  }

  private ack(sessionId: number, bytes: number): void {
    if (sessionId !== this.sessionId) return;
    this.unacked += bytes;
    if (this.unacked >= ACK_BATCH) this.flushAck();
    else this.ackTimer ??= setTimeout(() => this.flushAck(), ACK_DELAY_MS);
  }

  private flushAck(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    if (this.unacked === 0 || this.sessionId === null) return;
    const bytes = this.unacked;
    this.unacked = 0;
    void this.api['terminal.ack']({ sessionId: this.sessionId, bytes }).catch(() => undefined);
  }
}
