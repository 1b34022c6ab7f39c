import { StringDecoder } from 'node:string_decoder';
import type { CommandChannel } from './command-runner.js';
import { PID_MARK } from './shell.js';

export interface ExecOptions {
  /** End the remote command after this long. */
  timeoutMs: number;
  /** Stop keeping output (and stop the command) past this many bytes of stdout + stderr. */
  maxOutputBytes: number;
  signal?: AbortSignal;
  /** Decoded text, never splitting a UTF-8 character. */
  onData: (stream: 'stdout' | 'stderr', text: string) => void;
  /** Written to the command's stdin, which is then closed (a sudo password: never argv or env). */
  stdin?: string;
}

export interface ExecOutcome {
  exitCode: number | null;
  exitSignal: string | null;
  timedOut: boolean;
  cancelled: boolean;
  truncated: boolean;
  /** The connection dropped before the command reported its exit. */
  connectionLost: boolean;
}

/** How long a channel that closed without an exit status waits for its connection to close too. */
const CLOSE_GRACE_MS = 1500;

/** Grace between TERM and KILL, and between KILL and closing the channel ourselves. */
const GRACE_MS = 2000;

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB` : `${Math.round(bytes / 1024)} kB`;
}

/**
 * One command on one channel. Timeout, cancel and the output cap all end the remote command the
 * same way: TERM (the wrapper's trap kills the whole process group), KILL after a grace period,
 * then close the channel.
 */
export class RemoteCommand {
  readonly done: Promise<ExecOutcome>;
  private readonly outcome: ExecOutcome = {
    exitCode: null,
    exitSignal: null,
    timedOut: false,
    cancelled: false,
    truncated: false,
    connectionLost: false,
  };
  private bytes = 0;
  private stopping = false;
  private readonly timers: NodeJS.Timeout[] = [];

  /** Remote pid of the wrapper (its process group), once reported. */
  private pid: number | null = null;
  private stderrHead: Buffer | null = Buffer.alloc(0);

  constructor(
    private readonly channel: CommandChannel,
    private readonly options: ExecOptions,
    connectionClosed: Promise<void>,
    /** Ends the remote process group over another channel (see wrapRemoteCommand). */
    private readonly killGroup: (pid: number) => void = () => undefined,
  ) {
    const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
    const onChunk = (stream: 'stdout' | 'stderr') => (raw: Buffer) => {
      let chunk = raw;
      if (stream === 'stderr' && this.stderrHead) {
        const rest = this.takePidLine(raw);
        if (rest === null) return;
        chunk = rest;
        if (chunk.length === 0) return;
      }
      if (this.outcome.truncated) return;
      const room = options.maxOutputBytes - this.bytes;
      this.bytes += chunk.length;
      if (chunk.length > room) {
        const text = decoders[stream].write(chunk.subarray(0, Math.max(0, room))) + decoders[stream].end();
        if (text) options.onData(stream, text);
        this.outcome.truncated = true;
        options.onData(stream, `\n[stackscope: output truncated at ${formatSize(options.maxOutputBytes)}; the command was stopped]\n`);
        this.stop();
        return;
      }
      const text = decoders[stream].write(chunk);
      if (text) options.onData(stream, text);
    };
    if (options.stdin !== undefined) channel.end(options.stdin);
    channel.on('data', onChunk('stdout'));
    channel.stderr.on('data', onChunk('stderr'));
    channel.on('exit', (code: number | null, signal?: string) => {
      this.outcome.exitCode = typeof code === 'number' ? code : null;
      this.outcome.exitSignal = signal ?? null;
    });

    let lost = false;
    void connectionClosed.then(() => {
      lost = true;
    });

    this.done = new Promise<ExecOutcome>((resolve) => {
      channel.on('close', () => {
        for (const t of this.timers) clearTimeout(t);
        options.signal?.removeEventListener('abort', onAbort);
        for (const stream of ['stdout', 'stderr'] as const) {
          const rest = decoders[stream].end();
          if (rest && !this.outcome.truncated) options.onData(stream, rest);
        }
        let settled = false;
        const settle = (): void => {
          if (settled) return;
          settled = true;
          this.outcome.connectionLost = lost && this.outcome.exitCode === null && this.outcome.exitSignal === null && !this.stopping;
          resolve(this.outcome);
        };
        if (this.outcome.exitCode !== null || this.outcome.exitSignal !== null || this.stopping) return void settle();
        // No exit status: most likely the connection is going away, and its 'close' can arrive
        // well after the channel's under load (seen as a killed server recorded as a plain
        // failure). Give it a moment to say so before deciding.
        const grace = setTimeout(settle, CLOSE_GRACE_MS);
        void connectionClosed.then(() => {
          clearTimeout(grace);
          setImmediate(settle);
        });
      });
    });

    const onAbort = (): void => {
      this.outcome.cancelled = true;
      this.stop();
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    this.timers.push(
      setTimeout(() => {
        this.outcome.timedOut = true;
        this.stop();
      }, options.timeoutMs),
    );
  }

  /**
   * Strip the wrapper's pid line from the start of stderr. Returns the bytes after it, or null
   * while the line is still incomplete. Anything that is not the marker passes through untouched.
   */
  private takePidLine(chunk: Buffer): Buffer | null {
    const head = Buffer.concat([this.stderrHead ?? Buffer.alloc(0), chunk]);
    const mark = Buffer.from(PID_MARK);
    const nl = head.indexOf(10);
    if (nl === -1 && head.length < 64 && mark.subarray(0, head.length).equals(head.subarray(0, mark.length))) {
      this.stderrHead = head;
      return null;
    }
    this.stderrHead = null;
    if (nl !== -1 && head.subarray(0, mark.length).equals(mark)) {
      const pid = Number(head.subarray(mark.length, nl).toString('ascii'));
      if (Number.isInteger(pid) && pid > 1) this.pid = pid;
      if (this.stopping && this.pid) this.killGroup(this.pid);
      return head.subarray(nl + 1);
    }
    return head;
  }

  private stop(): void {
    if (this.stopping) return;
    this.stopping = true;
    // Both ways: the signal request works for non-root logins, the group kill for all of them.
    this.channel.signal('TERM');
    if (this.pid) this.killGroup(this.pid);
    this.timers.push(
      setTimeout(() => {
        this.channel.signal('KILL');
        this.timers.push(setTimeout(() => this.channel.close(), GRACE_MS));
      }, GRACE_MS),
    );
  }
}
