import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import { PID_MARK } from '../ssh/shell.js';

// ssh2 is CommonJS: Node's ESM loader cannot see its named exports.
const { Server, utils } = ssh2;

/**
 * An ed25519 key pair ssh2 can read back. ssh2 1.17's generateKeyPairSync strips leading zero
 * bytes from the public key, so about 1 pair in 256 is malformed (mscdex/ssh2#1513, #1390; seen
 * here as "Cannot parse privateKey: Malformed OpenSSH private key" failing a test at random).
 */
export function ed25519KeyPair(): { private: string; public: string } {
  for (let i = 0; i < 32; i++) {
    const pair = utils.generateKeyPairSync('ed25519');
    if (!(utils.parseKey(pair.private) instanceof Error) && !(utils.parseKey(pair.public) instanceof Error)) return pair;
  }
  throw new Error('ssh2 produced 32 unreadable ed25519 key pairs in a row');
}

export interface KbdRound {
  prompts: Array<{ prompt: string; echo: boolean }>;
  title?: string;
  instructions?: string;
  /** Whether the answers pass; the default accepts anything. */
  accept?: (answers: string[]) => boolean;
}

export interface RecordingServerOptions {
  /** 127.0.0.1 by default; any 127.x address works on Linux loopback. */
  host?: string;
  user: string;
  /** The password the 'password' method accepts. */
  password: string;
  /**
   * Keyboard-interactive rounds, in order: when given, only keyboard-interactive is offered and
   * the login succeeds once every round passed. `repeatUntilAccepted` asks a failed round again
   * (PAM's retries), at most `maxTries` times.
   */
  rounds?: KbdRound[];
  repeatUntilAccepted?: boolean;
  maxTries?: number;
}

/**
 * A small ssh2 server on loopback that records every secret it is sent: passwords of the
 * 'password' method and every keyboard-interactive answer. Commands answer like the wrapper
 * (pid line on stderr) and print `hello from HOST:PORT` plus the last answer it was given, so a
 * test sees whether output echoing a typed code is redacted.
 */
export class RecordingSshServer {
  /** Every value of the 'password' method, in order. */
  readonly passwords: string[] = [];
  /** Every keyboard-interactive answer set, in order, with the prompts it answered. */
  readonly answers: Array<{ prompts: string[]; answers: string[] }> = [];
  host: string;
  port = 0;
  private readonly server: InstanceType<typeof Server>;
  private readonly clients = new Set<{ end(): void }>();

  constructor(private readonly options: RecordingServerOptions) {
    this.host = options.host ?? '127.0.0.1';
    const key = ed25519KeyPair();
    this.server = new Server({ hostKeys: [key.private] }, (client) => {
      let lastAnswer = '';
      this.clients.add(client);
      client.on('close', () => this.clients.delete(client));
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => {
        if (ctx.username !== options.user) return ctx.reject();
        const rounds = options.rounds;
        if (ctx.method === 'password') {
          // Recorded even when only keyboard-interactive is offered: the client sent it all the same.
          this.passwords.push(ctx.password);
          if (!rounds) return ctx.password === options.password ? ctx.accept() : ctx.reject(['password', 'keyboard-interactive']);
        }
        if (ctx.method === 'keyboard-interactive' && rounds) {
          let tries = 0;
          const ask = (i: number): void => {
            const round = rounds[i];
            if (!round) return ctx.accept();
            ctx.prompt(round.prompts, round.title ?? '', round.instructions ?? '', (answers: string[]) => {
              this.answers.push({ prompts: round.prompts.map((p) => p.prompt), answers });
              lastAnswer = answers.at(-1) ?? '';
              if (!round.accept || round.accept(answers)) return ask(i + 1);
              tries++;
              if (options.repeatUntilAccepted && tries < (options.maxTries ?? 3)) return ask(i);
              ctx.reject(['keyboard-interactive']);
            });
          };
          return ask(0);
        }
        ctx.reject(rounds ? ['keyboard-interactive'] : ['password']);
      });
      client.on('ready', () => {
        client.on('session', (accept) => {
          const session = accept();
          session.on('exec', (acceptExec) => {
            const ch = acceptExec();
            ch.stderr.write(`${PID_MARK}4242\n`);
            ch.write(`hello from ${this.host}:${this.port}; last answer ${lastAnswer}\n`);
            ch.exit(0);
            ch.end();
          });
        });
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, this.host, () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Every secret value the server has been sent, by any method. */
  received(): string[] {
    return [...this.passwords, ...this.answers.flatMap((a) => a.answers)];
  }

  /** Stop listening and hang up on every client (close() alone waits for them). */
  stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const c of this.clients) c.end();
    return closed;
  }
}
