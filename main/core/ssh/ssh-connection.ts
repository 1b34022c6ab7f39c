import type { Client, ClientChannel } from 'ssh2';
import type { Duplex } from 'node:stream';
import { StackscopeError } from '../../contract/errors.js';
import type { SshTarget } from './connection-manager.js';
import { RunnerPool } from './command-runner.js';
import { RemoteCommand, type ExecOptions } from './remote-command.js';
import { killGroupCommand } from './shell.js';

// Split from connection-manager.ts (which makes and pools these) to keep both files readable.

/** How errors name a node: its name and where it is reached. */
export function describe(t: SshTarget): string {
  return `${t.name} (${t.user}@${t.host}:${t.port})`;
}

/** A counting semaphore for channels on one connection. */
class Slots {
  private free: number;
  private readonly waiters: Array<() => void> = [];
  constructor(n: number) {
    this.free = n;
  }
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  get available(): number {
    return this.free;
  }
  give(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.free++;
  }
}

/**
 * One authenticated SSH connection; runs many commands. A command goes to one of the
 * connection's runner channels (command-runner.ts: far cheaper than a channel per command), or
 * to a channel of its own when it needs stdin (a sudo password) or the host cannot run one.
 */
export class SshConnection {
  private closed = false;
  private readonly slots: Slots;
  private readonly runners: RunnerPool;
  readonly closedPromise: Promise<void>;

  constructor(
    readonly target: SshTarget,
    private readonly client: Client,
    maxChannels: number,
    /** Runner channels at most (each holds a slot); 0 = a channel per command. */
    maxRunners = Math.max(0, maxChannels - 2),
  ) {
    this.slots = new Slots(maxChannels);
    this.runners = new RunnerPool((command) => this.openRunner(command), Math.min(maxRunners, maxChannels - 1));
    this.closedPromise = new Promise((resolve) => client.once('close', () => resolve()));
    client.on('close', () => {
      this.closed = true;
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Run a command; resolves once it has started (its `done` when it has ended, however it ended). */
  async exec(command: string, options: ExecOptions): Promise<RemoteCommand> {
    if (options.stdin === undefined && this.runners.enabled) {
      if (this.closed) throw new StackscopeError('CONNECTION_LOST', `${describe(this.target)}: connection closed`, { node: this.target.name });
      const runner = await this.runners.acquire().catch((err: unknown) => {
        if (err instanceof StackscopeError) throw err;
        return null; // the runner channel was refused: a channel of its own, below
      });
      if (runner) {
        const cmd = runner.begin();
        const remote = new RemoteCommand(cmd, options, this.closedPromise, (pid) => this.killGroup(pid));
        if (await runner.send(command)) return remote;
        // The runner went away before the command started (the connection died while idle in
        // the pool): the command never ran, so the caller may run it on a fresh connection.
        await remote.done;
        throw new StackscopeError('CONNECTION_LOST', `${describe(this.target)}: connection closed before the command started`, { node: this.target.name });
      }
    }
    await this.takeSlot();
    try {
      const remote = await new Promise<RemoteCommand>((resolve, reject) => {
        if (this.closed) {
          reject(new StackscopeError('CONNECTION_LOST', `${describe(this.target)}: connection closed`, { node: this.target.name }));
          return;
        }
        // A connection the server dropped a moment ago may not have emitted 'close' yet; ssh2
        // then fails the request ("Not connected"). Say so in our terms, so the caller can retry
        // on a fresh connection: the command never started.
        const lost = (err: Error): void => {
          this.closed = true;
          reject(new StackscopeError('CONNECTION_LOST', `${describe(this.target)}: connection closed (${err.message})`, { node: this.target.name }));
        };
        try {
          // The listeners must be on the channel within this callback: when the whole reply
          // (data, exit-status, close) arrives in one TCP read, ssh2 emits 'exit' in the same
          // tick, and a listener added after an await misses it (seen as exit code null on ~20
          // of 50 nodes under load). Stream data is buffered; plain events are not.
          this.client.exec(command, (err, ch) =>
            err ? lost(err) : resolve(new RemoteCommand(ch, options, this.closedPromise, (pid) => this.killGroup(pid))),
          );
        } catch (err) {
          lost(err as Error);
        }
      });
      void remote.done.finally(() => this.slots.give());
      return remote;
    } catch (err) {
      this.slots.give();
      throw err;
    }
  }

  /**
   * An interactive login shell on a pseudo-terminal. It holds one channel slot until it closes.
   * `attach` runs inside ssh2's callback, before anything else can happen on the channel, so
   * its listeners see even an immediate exit (see exec).
   */
  async shell(pty: { term: string; cols: number; rows: number }, attach: (channel: ClientChannel) => void): Promise<ClientChannel> {
    await this.takeSlot();
    try {
      const channel = await new Promise<ClientChannel>((resolve, reject) => {
        const lost = (err: Error): void => {
          this.closed = true;
          reject(new StackscopeError('CONNECTION_LOST', `${describe(this.target)}: connection closed (${err.message})`, { node: this.target.name }));
        };
        if (this.closed) return lost(new Error('before the shell opened'));
        try {
          this.client.shell({ term: pty.term, cols: pty.cols, rows: pty.rows, width: 0, height: 0 }, (err, ch) => {
            if (err && /not connected/i.test(err.message)) return lost(err);
            if (err) {
              return reject(new StackscopeError('UNAVAILABLE', `${describe(this.target)}: the server refused an interactive shell: ${err.message}`, { node: this.target.name }));
            }
            attach(ch);
            resolve(ch);
          });
        } catch (err) {
          lost(err as Error);
        }
      });
      channel.once('close', () => this.slots.give());
      return channel;
    } catch (err) {
      this.slots.give();
      throw err;
    }
  }

  /** A channel slot; an idle runner gives its own back when none is free (a terminal must not wait on them). */
  private async takeSlot(): Promise<void> {
    if (this.slots.available === 0) this.runners.closeIdle();
    await this.slots.take();
  }

  /** A runner's channel: it holds a slot until it closes. */
  private async openRunner(command: string): Promise<ClientChannel> {
    await this.takeSlot();
    try {
      const channel = await new Promise<ClientChannel>((resolve, reject) => {
        if (this.closed) return reject(new StackscopeError('CONNECTION_LOST', `${describe(this.target)}: connection closed`, { node: this.target.name }));
        try {
          this.client.exec(command, (err, ch) => {
            if (err && /not connected/i.test(err.message)) {
              this.closed = true;
              return reject(new StackscopeError('CONNECTION_LOST', `${describe(this.target)}: connection closed (${err.message})`, { node: this.target.name }));
            }
            if (err) return reject(err);
            resolve(ch);
          });
        } catch (err) {
          this.closed = true;
          reject(new StackscopeError('CONNECTION_LOST', `${describe(this.target)}: connection closed (${(err as Error).message})`, { node: this.target.name }));
        }
      });
      channel.once('close', () => this.slots.give());
      return channel;
    } catch (err) {
      this.slots.give();
      throw err;
    }
  }

  /** Fire-and-forget: end a wrapped command's process group (TERM, then KILL). */
  private killGroup(pid: number): void {
    if (this.closed) return;
    this.client.exec(killGroupCommand(pid, 2), (err, ch) => {
      if (err) return; // the connection is going away; the command dies with it or was already gone
      ch.resume();
      ch.stderr.resume();
    });
  }

  /** Open a TCP stream through this host (ProxyJump). */
  forward(host: string, port: number): Promise<Duplex> {
    return new Promise((resolve, reject) => {
      this.client.forwardOut('127.0.0.1', 0, host, port, (err, stream) => (err ? reject(err) : resolve(stream)));
    });
  }

  close(): void {
    this.client.end();
  }
}
