import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import type { ClientChannel } from 'ssh2';
import { shellQuote } from '../../../playbooks/engine/shell.js';

/**
 * Commands over long-lived "runner" channels instead of one SSH channel each.
 *
 * Opening a session channel is the expensive part of a short command: sshd forks, sets up the
 * session and starts the login shell before the command itself runs. Measured on the practice
 * lab (2 cores): 200 `true` commands one channel each took 22 s and 3.8 s of sshd CPU; the same
 * 200 through one runner took 2.5 s and 0.1 s. A whole-cluster check sends ~800 commands to 53
 * nodes, so this is most of its cost.
 *
 * A runner is a POSIX `sh` loop on its own channel: it reads a command (the lines up to a line
 * holding only the runner's random nonce), says it started (a marker on stderr: a command the
 * connection lost before that never started, and is retried on a fresh connection as a channel
 * that never opened would be), runs it in a new session (`setsid`, so the wrapper's
 * pid is its process group and the usual group kill ends it), with stdin from /dev/null, and
 * then writes an end marker with the exit status on stdout and on stderr. The client splits the
 * two streams at the markers, so each command sees exactly what a channel of its own would
 * have given it. One command per runner at a time; a connection keeps a few runners.
 *
 * The nonce is fresh per runner and never leaves this process except to that runner, so output
 * a command prints (a tenant's log line, say) cannot end its command early or reach the next one.
 */

/** What RemoteCommand needs of a channel: an ssh2 channel, or one command on a runner. */
export interface CommandChannel {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'exit', listener: (code: number | null, signal?: string) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  readonly stderr: { on(event: 'data', listener: (chunk: Buffer) => void): unknown };
  signal(name: string): unknown;
  close(): unknown;
  end(data?: string): unknown;
}

/** The remote loop. Exits when its stdin closes; says so at once when `setsid` is missing. */
export function runnerCommand(nonce: string): string {
  const script = [
    `n=${nonce}`,
    `command -v setsid >/dev/null 2>&1 || { printf '\\036%s-unusable\\n' "$n"; exit 0; }`,
    `printf '\\036%s-ready\\n' "$n"`,
    'while :; do',
    '  c= e=1',
    '  while IFS= read -r l; do if [ "$l" = "$n" ]; then e=0; break; fi; c="$c$l',
    '"; done',
    '  [ "$e" = 0 ] || exit 0',
    `  printf '\\036%s-start\\n' "$n" >&2`,
    '  setsid -w /bin/sh -c "$c" </dev/null',
    '  r=$?',
    `  printf '\\036%s-end %d\\n' "$n" "$r"`,
    `  printf '\\036%s-end %d\\n' "$n" "$r" >&2`,
    'done',
  ].join('\n');
  return `exec /bin/sh -c ${shellQuote(script)}`;
}

const signalNames = new Map(Object.entries(constants.signals).map(([name, n]) => [n as number, name.replace(/^SIG/, '')]));

/**
 * Status 129–192 is how `sh` reports a command killed by a signal; say it as sshd would have
 * (exit-signal TERM). A command that itself exits with such a status reads the same way here.
 */
function exitOf(status: number): [number | null, string | undefined] {
  const sig = status > 128 ? signalNames.get(status - 128) : undefined;
  return sig ? [null, sig] : [status, undefined];
}

/** One command on a runner, shaped like a channel for RemoteCommand. */
class RunnerCommand extends EventEmitter implements CommandChannel {
  readonly stderr = new EventEmitter();
  constructor(private readonly abandon: () => void) {
    super();
  }
  /** SSH signal requests have no meaning here; RemoteCommand ends the group with kill. */
  signal(): boolean {
    return false;
  }
  /** The command would not end: give up on its runner (the channel closes, so does this). */
  close(): void {
    this.abandon();
  }
  end(): void {
    // stdin is /dev/null on a runner; commands that need stdin get a channel of their own.
  }
}

type Stream = 'stdout' | 'stderr';

/** Splits one stream of a runner at its markers; holds back what may be the start of one. */
export class MarkerSplitter {
  private buf: Buffer = Buffer.alloc(0);
  constructor(
    private readonly mark: Buffer,
    private readonly onText: (chunk: Buffer) => void,
    private readonly onMarker: (line: string) => void,
  ) {}

  push(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const at = this.buf.indexOf(this.mark);
      if (at === -1) {
        const keep = this.partialTail();
        if (this.buf.length > keep) this.onText(this.buf.subarray(0, this.buf.length - keep));
        this.buf = this.buf.subarray(this.buf.length - keep);
        return;
      }
      if (at > 0) this.onText(this.buf.subarray(0, at));
      const nl = this.buf.indexOf(10, at);
      if (nl === -1) {
        this.buf = this.buf.subarray(at);
        return;
      }
      const line = this.buf.subarray(at + this.mark.length, nl).toString('latin1');
      this.buf = this.buf.subarray(nl + 1);
      this.onMarker(line);
    }
  }

  /** How many bytes at the end could begin a marker. */
  private partialTail(): number {
    const max = Math.min(this.mark.length - 1, this.buf.length);
    for (let k = max; k > 0; k--) {
      if (this.buf.subarray(this.buf.length - k).equals(this.mark.subarray(0, k))) return k;
    }
    return 0;
  }
}

/** One runner channel: idle, busy with one command, or gone. */
class Runner {
  private current: RunnerCommand | null = null;
  private onStart: ((started: boolean) => void) | null = null;
  private ended: Record<Stream, boolean> = { stdout: false, stderr: false };
  private status = 0;
  private gone = false;
  readonly ready: Promise<boolean>;
  private settleReady: (usable: boolean) => void = () => undefined;

  constructor(
    private readonly channel: ClientChannel,
    private readonly nonce: string,
    private readonly onIdle: (r: Runner) => void,
    private readonly onGone: (r: Runner) => void,
  ) {
    this.ready = new Promise((resolve) => {
      this.settleReady = resolve;
    });
    const mark = Buffer.from(`\u001e${nonce}-`, 'latin1');
    const split = (stream: Stream): MarkerSplitter =>
      new MarkerSplitter(
        mark,
        (chunk) => {
          // Output between commands (a background process of an earlier one) belongs to nobody.
          if (!this.current) return;
          if (stream === 'stdout') this.current.emit('data', chunk);
          else this.current.stderr.emit('data', chunk);
        },
        (line) => this.marker(stream, line),
      );
    const out = split('stdout');
    const err = split('stderr');
    channel.on('data', (c: Buffer) => out.push(c));
    channel.stderr.on('data', (c: Buffer) => err.push(c));
    channel.on('close', () => {
      this.gone = true;
      this.settleReady(false);
      this.onStart?.(false);
      this.onStart = null;
      const cmd = this.current;
      this.current = null;
      // No exit status: RemoteCommand decides between a lost connection and a plain close.
      cmd?.emit('close');
      this.onGone(this);
    });
  }

  get busy(): boolean {
    return this.current !== null;
  }

  get isGone(): boolean {
    return this.gone;
  }

  /** A channel-shaped handle for the next command; send() it once listeners are on it. */
  begin(): RunnerCommand {
    const cmd = new RunnerCommand(() => this.close());
    this.current = cmd;
    this.ended = { stdout: false, stderr: false };
    return cmd;
  }

  /** Resolves true once the runner says the command started, false if its channel closed first. */
  send(command: string): Promise<boolean> {
    const started = new Promise<boolean>((resolve) => {
      this.onStart = resolve;
    });
    if (this.gone) {
      this.onStart?.(false);
      this.onStart = null;
    } else this.channel.write(`${command}\n${this.nonce}\n`);
    return started;
  }

  close(): void {
    if (this.gone) return;
    this.gone = true;
    this.channel.close();
  }

  private marker(stream: Stream, line: string): void {
    if (line === 'ready') return this.settleReady(true);
    if (line === 'unusable') return this.settleReady(false);
    if (line === 'start') {
      this.onStart?.(true);
      this.onStart = null;
      return;
    }
    const m = /^end (\d+)$/.exec(line);
    if (!m || !this.current) return;
    this.status = Number(m[1]);
    this.ended[stream] = true;
    if (!(this.ended.stdout && this.ended.stderr)) return;
    const cmd = this.current;
    this.current = null;
    const [code, signal] = exitOf(this.status);
    cmd.emit('exit', code, signal);
    cmd.emit('close');
    if (!this.gone) this.onIdle(this);
  }
}

/**
 * The runners of one connection. `open` opens a channel for a runner (taking one of the
 * connection's channel slots until it closes). Null from acquire() means "use a channel of
 * your own": the host has no `setsid`, or its runner could not start.
 */
export class RunnerPool {
  private readonly runners: Runner[] = [];
  private readonly idle: Runner[] = [];
  private readonly waiters: Array<(r: Runner | null) => void> = [];
  private opening = 0;
  private unusable = false;

  constructor(
    private readonly open: (command: string) => Promise<ClientChannel>,
    private readonly limit: number,
  ) {}

  get enabled(): boolean {
    return this.limit > 0 && !this.unusable;
  }

  /** A free runner, a new one, or (at the limit) the next one freed. */
  async acquire(): Promise<Runner | null> {
    for (;;) {
      if (!this.enabled) return null;
      const r = this.idle.pop();
      if (r && !r.isGone) return r;
      if (r) continue;
      if (this.runners.length + this.opening < this.limit) return this.start();
      const next = await new Promise<Runner | null>((resolve) => this.waiters.push(resolve));
      if (next) return next;
    }
  }

  /** Close an idle runner (someone else needs its channel slot); false when none is idle. */
  closeIdle(): boolean {
    const r = this.idle.shift();
    if (!r) return false;
    r.close();
    return true;
  }

  closeAll(): void {
    for (const r of [...this.runners]) r.close();
  }

  private async start(): Promise<Runner | null> {
    this.opening++;
    let runner: Runner;
    try {
      const nonce = randomBytes(16).toString('hex');
      const channel = await this.open(runnerCommand(nonce));
      runner = new Runner(
        channel,
        nonce,
        (r) => this.release(r),
        (r) => this.forget(r),
      );
    } finally {
      this.opening--;
    }
    this.runners.push(runner);
    if (await runner.ready) return runner;
    this.unusable = true;
    runner.close();
    for (const w of this.waiters.splice(0)) w(null);
    return null;
  }

  private release(r: Runner): void {
    const next = this.waiters.shift();
    if (next) next(r);
    else this.idle.push(r);
  }

  private forget(r: Runner): void {
    const i = this.runners.indexOf(r);
    if (i !== -1) this.runners.splice(i, 1);
    const j = this.idle.indexOf(r);
    if (j !== -1) this.idle.splice(j, 1);
    // A waiter may now open a runner of its own in the freed place.
    const next = this.waiters.shift();
    if (next) void this.acquire().then(next, () => next(null));
  }
}

export type { Runner };
