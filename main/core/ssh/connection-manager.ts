import { readFileSync } from 'node:fs';
import ssh2, { type ConnectConfig } from 'ssh2';

// ssh2 is CommonJS: Node's ESM loader cannot see its named exports.
const { Client, utils } = ssh2;
import type { Duplex } from 'node:stream';
import { StackscopeError } from '../../contract/errors.js';
import type { NodeAuth } from '../../contract/types.js';
import { KeyboardInteractive, type AuthPrompter } from './auth-prompts.js';
import { fingerprintOf, hostKeyPreference, keyTypeOf } from './host-key.js';
import type { HostKeyDecision, PresentedKey } from './host-key-trust.js';
import { describe, SshConnection } from './ssh-connection.js';


/** The key `stackscope lab up` makes in its temp folder (main/lab/lab.ts). */
const LAB_KEY = /\/stackscope-lab-[A-Za-z0-9]+\/id_ed25519$/;
/** One node as the SSH layer sees it, with its jump host chain resolved. */
export interface SshTarget {
  nodeId: number;
  name: string;
  host: string;
  port: number;
  user: string;
  auth: NodeAuth;
  jump: SshTarget | null;
  /** The cluster's connection settings (clusters.update); absent: the manager's defaults. */
  settings?: TargetSettings;
}

export interface TargetSettings {
  /** The cluster's name, for the `stackscope node trust` hint. */
  cluster: string;
  connectTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  unknownHostKeys: 'ask' | 'refuse';
  knownHostsFile: string | null;
}

export interface PresentedHostKey {
  keyType: string;
  fingerprint: string;
  /** base64 of the key blob */
  publicKey: string;
}

/** Whether a presented host key may be used (ssh/host-key-trust.ts: our store, then known_hosts). */
export interface HostKeyLookup {
  check(target: SshTarget, presented: PresentedKey): HostKeyDecision;
  /** Key types to ask the server for first, so it shows a key we can check. */
  preferredKeyTypes(target: SshTarget): string[];
}

/** Secrets are looked up for a whole target (address, user, jump chain), never by node id alone. */
export interface SecretLookup {
  secret(target: SshTarget, kind: 'password' | 'passphrase'): string | undefined;
}

export interface ConnectionManagerOptions {
  hostKeys: HostKeyLookup;
  secrets: SecretLookup;
  /** Who answers keyboard-interactive prompts that are not a password prompt (one-time codes). */
  prompter?: AuthPrompter;
  /** How long a person has to answer such a prompt. */
  promptTimeoutMs?: number;
  connectTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  /** OpenSSH allows 10 sessions per connection (MaxSessions); stay below it. */
  maxChannelsPerConnection?: number;
}

export { SshConnection } from './ssh-connection.js';

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

/** Why a presented key may not be used, or undefined when it may (trusted here or in known_hosts). */
export function hostKeyRefusal(target: SshTarget, presented: PresentedKey, decision: HostKeyDecision): StackscopeError | undefined {
  const { fingerprint, keyType } = presented;
  const detail = { nodeId: target.nodeId, node: target.name, host: target.host, port: target.port, fingerprint, keyType };
  const trustCommand = `stackscope node trust ${target.settings?.cluster ?? 'CLUSTER'} ${target.name}`;
  switch (decision.status) {
    case 'trusted':
    case 'known_hosts':
      return undefined;
    case 'unknown':
      // 'refuse': nobody is offered this key; someone trusts it on purpose, with the command named.
      if (target.settings?.unknownHostKeys === 'refuse') {
        return new StackscopeError(
          'HOST_KEY_UNKNOWN',
          `unknown host key for ${target.name} (${target.host}:${target.port}): ${keyType} ${fingerprint}; this cluster refuses unknown keys; trust it with ${trustCommand} (or add it to known_hosts)`,
          { ...detail, policy: 'refuse' },
        );
      }
      return new StackscopeError('HOST_KEY_UNKNOWN', `${describe(target)}: host key ${fingerprint} is not trusted yet; check it and trust it first (${trustCommand})`, { ...detail, policy: 'ask' });
    case 'changed': {
      const where = decision.file ? `${decision.file}:${decision.line} lists` : 'trusted';
      return new StackscopeError(
        'HOST_KEY_CHANGED',
        `${describe(target)}: HOST KEY CHANGED: ${where} ${decision.knownFingerprint} but the host presented ${fingerprint}; refusing to connect (possible man-in-the-middle, or the host was rebuilt)`,
        { ...detail, knownFingerprint: decision.knownFingerprint, ...(decision.file ? { knownHosts: { file: decision.file, line: decision.line ?? 0 } } : {}) },
      );
    }
    case 'revoked':
      return new StackscopeError(
        'HOST_KEY_REVOKED',
        `${describe(target)}: host key ${fingerprint} is REVOKED (${decision.file}:${decision.line}); refusing to connect, whatever trusted it before`,
        { ...detail, knownHosts: { file: decision.file, line: decision.line } },
      );
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
  private readonly promptTimeoutMs: number;

  constructor(private readonly options: ConnectionManagerOptions) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    // Below OpenSSH's LoginGraceTime (120 s), so our message comes before the server hangs up.
    this.promptTimeoutMs = options.promptTimeoutMs ?? 90_000;
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
        else reject(connectError(target, err, this.timeoutFor(target)));
      });
      client.on('close', () => (presented ? resolve(presented) : undefined));
      client.connect({
        host: target.host,
        port: target.port,
        username: target.user,
        sock,
        readyTimeout: this.timeoutFor(target),
        algorithms: { serverHostKey: hostKeyPreference(this.options.hostKeys.preferredKeyTypes(target)) as never },
        hostVerifier: (key: Buffer) => {
          presented = { keyType: keyTypeOf(key), fingerprint: fingerprintOf(key), publicKey: key.toString('base64') };
          return false;
        },
      });
    });
  }

  private timeoutFor(target: SshTarget): number {
    return target.settings?.connectTimeoutMs ?? this.connectTimeoutMs;
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
    // The same detail as the preflight's (core/secret-preflight.ts), so a client can ask for it.
    const missing = (kind: 'password' | 'passphrase'): StackscopeError =>
      new StackscopeError('SECRET_REQUIRED', `${describe(target)}: a ${kind} is needed to connect`, { missing: [{ nodeId: target.nodeId, nodeName: target.name, kind }] });
    switch (auth.method) {
      case 'agent': {
        const agent = auth.socket ?? process.env.SSH_AUTH_SOCK;
        if (!agent) {
          throw new StackscopeError('AUTH_FAILED', `${describe(target)}: ssh-agent selected but SSH_AUTH_SOCK is not set`, { node: target.name });
        }
        return { agent };
      }
      case 'password': {
        const password = this.options.secrets.secret(target, 'password');
        if (password === undefined) throw missing('password');
        return { password };
      }
      case 'key': {
        let privateKey: Buffer;
        try {
          privateKey = readFileSync(auth.keyPath);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          // The practice lab keeps its key in its own folder, removed by `lab down`: say that, not ENOENT.
          if (code === 'ENOENT' && LAB_KEY.test(auth.keyPath)) {
            throw new StackscopeError('INVALID_INPUT', `${describe(target)}: the practice lab is down (its key ${auth.keyPath} went with it); start it with: stackscope lab up`, { node: target.name, keyPath: auth.keyPath });
          }
          throw new StackscopeError('INVALID_INPUT', `${describe(target)}: cannot read private key ${auth.keyPath}: ${code ?? (err as Error).message}`, {
            node: target.name,
            keyPath: auth.keyPath,
          });
        }
        const passphrase = this.options.secrets.secret(target, 'passphrase');
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
    const timeoutMs = this.timeoutFor(target);
    return new Promise((resolve, reject) => {
      const client = new Client();
      let refusal: StackscopeError | undefined;
      let settled = false;
      // Our own handshake timer instead of ssh2's readyTimeout: it must not run while a person
      // types a one-time code (the prompt has its own, longer bound).
      let handshakeTimer: NodeJS.Timeout | undefined;
      const fail = (err: StackscopeError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(handshakeTimer);
        kbd.stop(err);
        client.end();
        reject(err);
      };
      const waitForHandshake = (): void => {
        clearTimeout(handshakeTimer);
        handshakeTimer = setTimeout(() => {
          fail(connectError(target, Object.assign(new Error('handshake timed out'), { level: 'client-timeout' }), timeoutMs));
          client.destroy();
        }, timeoutMs);
      };
      const kbd = new KeyboardInteractive({
        target,
        password: auth.password as string | undefined,
        prompter: this.options.prompter,
        timeoutMs: this.promptTimeoutMs,
        onWaiting: (waiting) => (waiting ? clearTimeout(handshakeTimer) : waitForHandshake()),
      });
      client.on('ready', () => {
        if (settled) return void client.end();
        settled = true;
        clearTimeout(handshakeTimer);
        kbd.stop(new Error('logged in'));
        resolve(new SshConnection(target, client, this.maxChannels));
      });
      client.on('error', (err: Error & { level?: string }) => {
        // errors after ready surface as 'close' on the channels
        fail(refusal ?? connectError(target, err, timeoutMs));
      });
      // A server that hangs up during login (LoginGraceTime while a prompt waits) emits no error.
      client.on('close', () => {
        fail(refusal ?? new StackscopeError('CONNECTION_LOST', `${describe(target)}: the server closed the connection during login`, { nodeId: target.nodeId, node: target.name }));
      });
      // Keyboard-interactive (PAM): the stored password answers a password prompt, once; one-time
      // codes and every other prompt go to a person (see auth-prompts.ts).
      client.on('keyboard-interactive', (name, instructions, _lang, prompts, finish) => {
        kbd.round(name, instructions, prompts).then(finish, (err: unknown) =>
          fail(err instanceof StackscopeError ? err : connectError(target, err as Error, timeoutMs)),
        );
      });
      const config: ConnectConfig = {
        host: target.host,
        port: target.port,
        username: target.user,
        sock,
        readyTimeout: 0,
        // For every method: a server may ask for a one-time code after the key or password.
        tryKeyboard: true,
        keepaliveInterval: target.settings?.keepaliveIntervalMs ?? this.keepaliveIntervalMs,
        keepaliveCountMax: 3,
        algorithms: { serverHostKey: hostKeyPreference(this.options.hostKeys.preferredKeyTypes(target)) as never },
        hostVerifier: (key: Buffer) => {
          const presented = { keyType: keyTypeOf(key), fingerprint: fingerprintOf(key) };
          refusal = hostKeyRefusal(target, presented, this.options.hostKeys.check(target, presented));
          return refusal === undefined;
        },
        ...auth,
      };
      client.connect(config);
      // After connect() returns: it decrypts a passphrase-protected key synchronously (bcrypt,
      // hundreds of ms under load), which is not the network's time to answer.
      waitForHandshake();
    });
  }
}
