import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Find the OpenSSH server binary (Debian puts it in /usr/sbin, outside a normal user's PATH). */
export function sshdBinary(): string {
  for (const p of ['/usr/sbin/sshd', '/usr/local/sbin/sshd', '/usr/bin/sshd']) if (existsSync(p)) return p;
  throw new Error('OpenSSH server not found (apt-get install openssh-server)');
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Poll until something accepts TCP connections on host:port, or fail after `timeoutMs`. */
export async function waitForPort(host: string, port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host, port }, () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function generateKey(file: string, type: 'ed25519' | 'rsa' = 'ed25519', passphrase = ''): Promise<string> {
  await run('ssh-keygen', ['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', passphrase, '-C', 'stackscope', '-f', file]);
  return readFileSync(`${file}.pub`, 'utf8').trim();
}

/** All descendants of a pid, from /proc (Linux). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (p: number): void => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

export interface SshdOptions {
  dir: string;
  host?: string;
  port?: number;
  /** Public keys allowed to log in (any user). */
  authorizedKeys?: string[];
  hostKeyType?: 'ed25519' | 'rsa';
  /** Extra sshd_config lines (e.g. `SetEnv NAME=value`). */
  extraConfig?: string[];
  /**
   * INFO logs one `Accepted publickey for …` line per login (how many connections a client made);
   * DEBUG1 also each forwarding a jump host makes (`server_request_direct_tcpip: … target H port P`).
   */
  logLevel?: 'ERROR' | 'INFO' | 'DEBUG1';
  /** Run sshd inside this network namespace (`ip netns exec`). */
  netns?: string;
  /** Give this server its own host name (a UTS namespace), as `hostname` shows to its sessions. */
  hostname?: string;
}

/** A real OpenSSH server with its own host key, config and authorized keys in `dir`. */
export class Sshd {
  readonly host: string;
  port = 0;
  hostKeyFile: string;
  private proc: ChildProcess | null = null;
  private log = '';

  constructor(private readonly opts: SshdOptions) {
    this.host = opts.host ?? '127.0.0.1';
    this.hostKeyFile = join(opts.dir, 'ssh_host_key');
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  get output(): string {
    return this.log;
  }

  /** Write host key, config and authorized keys; return the command that runs this server. */
  async prepare(): Promise<string[]> {
    const dir = this.opts.dir;
    mkdirSync(dir, { recursive: true });
    mkdirSync('/run/sshd', { recursive: true });
    if (!this.port) this.port = this.opts.port ?? (await freePort(this.host));
    if (!existsSync(this.hostKeyFile)) await generateKey(this.hostKeyFile, this.opts.hostKeyType ?? 'ed25519');
    const authorized = join(dir, 'authorized_keys');
    writeFileSync(authorized, `${(this.opts.authorizedKeys ?? []).join('\n')}\n`);
    chmodSync(authorized, 0o600);
    const config = join(dir, 'sshd_config');
    writeFileSync(
      config,
      [
        `Port ${this.port}`,
        `ListenAddress ${this.host}`,
        `HostKey ${this.hostKeyFile}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${authorized}`,
        'UsePAM no',
        'StrictModes no',
        'PermitRootLogin yes',
        'PasswordAuthentication yes',
        'KbdInteractiveAuthentication no',
        'AllowTcpForwarding yes',
        'AllowAgentForwarding no',
        'X11Forwarding no',
        'PrintMotd no',
        'MaxSessions 10',
        'MaxStartups 200',
        `LogLevel ${this.opts.logLevel ?? 'ERROR'}`,
        ...(this.opts.extraConfig ?? []),
        '',
      ].join('\n'),
    );
    // -D: stay in the foreground so we own the pid; -e: log to stderr. The config path must be absolute.
    const sshd = [sshdBinary(), '-D', '-e', '-f', config];
    return this.opts.hostname ? ['unshare', '--uts', 'sh', '-c', 'hostname "$0" && exec "$@"', this.opts.hostname, ...sshd] : sshd;
  }

  async start(): Promise<this> {
    const argv = await this.prepare();
    const [cmd, ...args] = this.opts.netns ? ['ip', 'netns', 'exec', this.opts.netns, ...argv] : argv;
    this.proc = spawn(cmd as string, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.proc.stderr?.on('data', (d: Buffer) => {
      this.log = (this.log + d.toString()).slice(-65536);
    });
    const exited = new Promise<never>((_, reject) =>
      this.proc?.once('exit', (code) => reject(new Error(`sshd on ${this.host}:${this.port} exited with ${code}: ${this.log.trim()}`))),
    );
    exited.catch(() => undefined);
    if (!this.opts.netns) await Promise.race([waitForPort(this.host, this.port), exited]);
    return this;
  }

  /** Stop the listener and every session under it (a clean stop of the whole server). */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.pid === undefined) return;
    const all = [proc.pid, ...descendants(proc.pid)];
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    // Parents first: a session sshd that outlives its command for a moment reports the command's
    // death ("exit-signal KILL") instead of dying with the connection, which is what stop() means.
    for (const pid of all) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await gone;
    this.proc = null;
  }

  /** Kill sshd and its sessions abruptly: the client sees the connection drop mid-command. */
  async kill(): Promise<void> {
    await this.stop();
  }
}
