import { readFileSync } from 'node:fs';
import ssh2, { type ClientChannel, type ConnectConfig } from 'ssh2';

// ssh2 is CommonJS: Node's ESM loader cannot see its named exports.
const { Client, utils } = ssh2;
type Client = InstanceType<typeof Client>;
import type { Duplex } from 'node:stream';
import { StackscopeError } from '../../contract/errors.js';
import type { NodeAuth } from '../../contract/types.js';
import { fingerprintOf, hostKeyPreference, keyTypeOf } from './host-key.js';
import { RemoteCommand, type ExecOptions } from './remote-command.js';
import { killGroupCommand } from './shell.js';

/** One node as the SSH layer sees it, with its jump host chain resolved. */
export interface SshTarget {
  nodeId: number;
  name: string;
  host: string;
  port: number;
  user: string;
  auth: NodeAuth;
  jump: SshTarget | null;
}

export interface PresentedHostKey {
  keyType: string;
  fingerprint: string;
  /** base64 of the key blob */
  publicKey: string;
}

export interface HostKeyLookup {
  knownHostKey(host: string, port: number): { keyType: string; fingerprint: string } | undefined;
}

export interface SecretLookup {
  secret(nodeId: number, kind: 'password' | 'passphrase'): string | undefined;
}

export interface ConnectionManagerOptions {
  hostKeys: HostKeyLookup;
  secrets: SecretLookup;
  connectTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  /** OpenSSH allows 10 sessions per connection (MaxSessions); stay below it. */
  maxChannelsPerConnection?: number;
}

function describe(t: SshTarget): string {
  return `${t.name} (${t.user}@${t.host}:${t.port})`;
}

function poolKey(t: SshTarget): string {
  const auth = t.auth.method === 'key' ? `key:${t.auth.keyPath}` : t.auth.method;
  const own = `${t.user}@${t.host}:${t.port}/${auth}`;
  return t.jump ? `${own}<${poolKey(t.jump)}` : own;
}

/** Translate ssh2/socket errors into errors that name the node and say what to do. */
export function connectError(t: SshTarget, err: Error & { code?: string; level?: string }, timeoutMs: number): StackscopeError {
  const where = describe(t);
  const detail = { nodeId: t.nodeId, node: t.name, host: t.host, port: t.port };
  if (err instanceof StackscopeError) return err;
  if (err.level === 'client-timeout') {
    return new StackscopeError('CONNECT_TIMEOUT', `${where}: no SSH handshake within ${timeoutMs / 1000} s; check the address, port and firewall`, detail);
  }
  if (err.level === 'client-authentication') {
    const how = t.auth.method === 'key' ? `key ${t.auth.keyPath}` : t.auth.method === 'agent' ? 'ssh-agent' : 'password';
    return new StackscopeError('AUTH_FAILED', `${where}: authentication as ${t.user} with ${how} was refused`, detail);
  }
  switch (err.code) {
    case 'ECONNREFUSED':
      return new StackscopeError('UNREACHABLE', `${where}: connection refused; is sshd running and listening on port ${t.port}?`, detail);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StackscopeError('UNREACHABLE', `${where}: cannot resolve host name ${t.host}`, detail);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new StackscopeError('UNREACHABLE', `${where}: no route to host`, detail);
    case 'ECONNRESET':
      return new StackscopeError('CONNECTION_LOST', `${where}: connection reset during the SSH handshake`, detail);
    default:
      return new StackscopeError('UNREACHABLE', `${where}: ${err.message}`, detail);
  }
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
  give(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.free++;
  }
}

/** One authenticated SSH connection; runs many commands, each on its own channel. */
export class SshConnection {
  private closed = false;
  private readonly slots: Slots;
  readonly closedPromise: Promise<void>;

  constructor(
    readonly target: SshTarget,
    private readonly client: Client,
    maxChannels: number,
  ) {
    this.slots = new Slots(maxChannels);
    this.closedPromise = new Promise((resolve) => client.once('close', () => resolve()));
    client.on('close', () => {
      this.closed = true;
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Run a command; resolves when it has ended, however it ended. */
  async exec(command: string, options: ExecOptions): Promise<RemoteCommand> {
    await this.slots.take();
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
    await this.slots.take();
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

/**
 * Connections keyed by (user, host, port, auth, jump chain): every command to the same node
 * reuses one authenticated connection. Host keys are checked against the trusted store on every
 * handshake: unknown keys and changed keys are refused with both fingerprints named.
 */
export class ConnectionManager {
  private readonly pool = new Map<string, Promise<SshConnection>>();
  private readonly connectTimeoutMs: number;
  private readonly keepaliveIntervalMs: number;
  private readonly maxChannels: number;

  constructor(private readonly options: ConnectionManagerOptions) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.keepaliveIntervalMs = options.keepaliveIntervalMs ?? 15_000;
    this.maxChannels = options.maxChannelsPerConnection ?? 8;
  }

  get connectTimeout(): number {
    return this.connectTimeoutMs;
  }

  async acquire(target: SshTarget): Promise<SshConnection> {
    const key = poolKey(target);
    const existing = this.pool.get(key);
    if (existing) {
      const conn = await existing.catch(() => undefined);
      if (conn && !conn.isClosed) return conn;
      if (this.pool.get(key) === existing) this.pool.delete(key);
    }
    const pending = this.connect(target);
    this.pool.set(key, pending);
    pending.then(
      (conn) => conn.closedPromise.then(() => this.pool.get(key) === pending && this.pool.delete(key)),
      () => this.pool.get(key) === pending && this.pool.delete(key),
    );
    return pending;
  }

  /** Connect just far enough to see the host key, then hang up. Used to show the key before trusting it. */
  async probeHostKey(target: SshTarget): Promise<PresentedHostKey> {
    const sock = target.jump ? await this.jumpStream(target) : undefined;
    return new Promise((resolve, reject) => {
      const client = new Client();
      let presented: PresentedHostKey | undefined;
      client.on('error', (err: Error & { level?: string }) => {
        if (presented) resolve(presented);
        else reject(connectError(target, err, this.connectTimeoutMs));
      });
      client.on('close', () => (presented ? resolve(presented) : undefined));
      client.connect({
        host: target.host,
        port: target.port,
        username: target.user,
        sock,
        readyTimeout: this.connectTimeoutMs,
        algorithms: { serverHostKey: hostKeyPreference(this.options.hostKeys.knownHostKey(target.host, target.port)?.keyType) as never },
        hostVerifier: (key: Buffer) => {
          presented = { keyType: keyTypeOf(key), fingerprint: fingerprintOf(key), publicKey: key.toString('base64') };
          return false;
        },
      });
    });
  }

  closeAll(): void {
    for (const pending of this.pool.values()) void pending.then((c) => c.close(), () => undefined);
    this.pool.clear();
  }

  private async jumpStream(target: SshTarget): Promise<Duplex> {
    const jump = target.jump;
    if (!jump) throw new Error('no jump host');
    const via = await this.acquire(jump);
    try {
      return await via.forward(target.host, target.port);
    } catch (err) {
      throw new StackscopeError(
        'UNREACHABLE',
        `${describe(target)}: jump host ${jump.name} could not open a connection to ${target.host}:${target.port}: ${(err as Error).message}`,
        { nodeId: target.nodeId, node: target.name, jump: jump.name },
      );
    }
  }

  private authConfig(target: SshTarget): Partial<ConnectConfig> {
    const auth = target.auth;
    const missing = (kind: 'password' | 'passphrase'): StackscopeError =>
      new StackscopeError('SECRET_REQUIRED', `${describe(target)}: a ${kind} is needed to connect`, { nodeId: target.nodeId, node: target.name, kind });
    switch (auth.method) {
      case 'agent': {
        const agent = auth.socket ?? process.env.SSH_AUTH_SOCK;
        if (!agent) {
          throw new StackscopeError('AUTH_FAILED', `${describe(target)}: ssh-agent selected but SSH_AUTH_SOCK is not set`, { node: target.name });
        }
        return { agent };
      }
      case 'password': {
        const password = this.options.secrets.secret(target.nodeId, 'password');
        if (password === undefined) throw missing('password');
        return { password, tryKeyboard: true };
      }
      case 'key': {
        let privateKey: Buffer;
        try {
          privateKey = readFileSync(auth.keyPath);
        } catch (err) {
          throw new StackscopeError('INVALID_INPUT', `${describe(target)}: cannot read private key ${auth.keyPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
            node: target.name,
            keyPath: auth.keyPath,
          });
        }
        const passphrase = this.options.secrets.secret(target.nodeId, 'passphrase');
        const parsed = utils.parseKey(privateKey, passphrase);
        if (parsed instanceof Error) {
          if (/encrypted/i.test(parsed.message) && passphrase === undefined) throw missing('passphrase');
          if (/bad passphrase|integrity check failed|decrypt/i.test(parsed.message)) {
            throw new StackscopeError('AUTH_FAILED', `${describe(target)}: the passphrase for ${auth.keyPath} is wrong`, { node: target.name, kind: 'passphrase' });
          }
          throw new StackscopeError('INVALID_INPUT', `${describe(target)}: ${auth.keyPath} is not a usable private key: ${parsed.message}`, { node: target.name });
        }
        return { privateKey, passphrase };
      }
    }
  }

  private async connect(target: SshTarget): Promise<SshConnection> {
    const auth = this.authConfig(target);
    const sock = target.jump ? await this.jumpStream(target) : undefined;
    const known = this.options.hostKeys.knownHostKey(target.host, target.port);
    return new Promise((resolve, reject) => {
      const client = new Client();
      let refusal: StackscopeError | undefined;
      let settled = false;
      client.on('ready', () => {
        settled = true;
        resolve(new SshConnection(target, client, this.maxChannels));
      });
      client.on('error', (err: Error & { level?: string }) => {
        if (settled) return; // errors after ready surface as 'close' on the channels
        settled = true;
        client.end();
        reject(refusal ?? connectError(target, err, this.connectTimeoutMs));
      });
      // Password auth over keyboard-interactive (PAM style prompts).
      client.on('keyboard-interactive', (_name, _instr, _lang, prompts, finish) => {
        finish(prompts.map(() => (auth.password as string | undefined) ?? ''));
      });
      const config: ConnectConfig = {
        host: target.host,
        port: target.port,
        username: target.user,
        sock,
        readyTimeout: this.connectTimeoutMs,
        keepaliveInterval: this.keepaliveIntervalMs,
        keepaliveCountMax: 3,
        algorithms: { serverHostKey: hostKeyPreference(known?.keyType) as never },
        hostVerifier: (key: Buffer) => {
          const fingerprint = fingerprintOf(key);
          const detail = { nodeId: target.nodeId, node: target.name, host: target.host, port: target.port, fingerprint, keyType: keyTypeOf(key) };
          if (!known) {
            refusal = new StackscopeError(
              'HOST_KEY_UNKNOWN',
              `${describe(target)}: host key ${fingerprint} is not trusted yet; check it and trust it first (stackscope node trust)`,
              detail,
            );
            return false;
          }
          if (known.fingerprint !== fingerprint) {
            refusal = new StackscopeError(
              'HOST_KEY_CHANGED',
              `${describe(target)}: HOST KEY CHANGED: trusted ${known.fingerprint} but the host presented ${fingerprint}; refusing to connect (possible man-in-the-middle, or the host was rebuilt)`,
              { ...detail, knownFingerprint: known.fingerprint },
            );
            return false;
          }
          return true;
        },
        ...auth,
      };
      client.connect(config);
    });
  }
}
