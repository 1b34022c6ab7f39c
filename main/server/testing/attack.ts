import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ServerFrame } from '../../contract/api.js';

/** Tools the security tests use to attack a browser-mode server the way a hostile page or peer would. */

const root = join(import.meta.dirname, '..', '..', '..');

export type Rng = () => number;

/** Mulberry32: small and seeded, so a failing fuzz run replays exactly from its seed. */
export function seededRandom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
export const randomInt = (rng: Rng, max: number): number => Math.floor(rng() * max);
export function randomBytes(rng: Rng, length: number): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = randomInt(rng, 256);
  return b;
}

export interface RawReply {
  /** The HTTP status the server answered with, or null when it closed without a status line. */
  status: number | null;
  text: string;
  /** A socket error on our side (the server reset the connection), if any. */
  error?: string;
}

/**
 * Send raw bytes on a fresh TCP connection, half-close it (so an incomplete request ends instead of
 * waiting for the server's header timeout) and read until the server closes.
 */
export function rawRequest(port: number, data: string | Buffer, timeoutMs = 10_000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let error: string | undefined;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`127.0.0.1:${port} neither answered nor closed within ${timeoutMs} ms after ${JSON.stringify(String(data).slice(0, 80))}`));
    }, timeoutMs);
    socket.on('connect', () => socket.end(data));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : null, text, error });
    });
  });
}

/** Write a request and reset the connection at once (RST, not FIN): the server's answer meets a dead socket. */
export function resetAfterWriting(port: number, data: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.write(data);
      socket.resetAndDestroy();
      resolve();
    });
    socket.on('error', () => resolve());
  });
}

export interface Closed {
  code: number;
  reason: string;
}

/** An authenticated WebSocket client of the contract: calls with ids, and how the server closed it. */
export class ContractClient {
  private nextId = 1;
  private readonly waiting = new Map<number, (f: ServerFrame) => void>();
  readonly closed: Promise<Closed>;
  closedWith: Closed | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (m) => {
      const f = JSON.parse(String(m)) as ServerFrame;
      if (f.type === 'result') this.waiting.get(f.id)?.(f);
    });
    // The server may reset a socket it refuses; the close code below is what the tests look at.
    ws.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.closedWith = { code, reason: reason.toString() };
        resolve(this.closedWith);
      }),
    );
  }

  static open(port: number, token: string): Promise<ContractClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, { origin: `http://127.0.0.1:${port}`, maxPayload: 64 * 1024 * 1024 });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new ContractClient(ws)));
      ws.once('error', reject);
    });
  }

  /** One call; rejects when no answer comes within the time limit, naming the call. */
  call(method: string, input: unknown, timeoutMs = 10_000): Promise<ServerFrame> {
    const id = this.nextId++;
    return this.send(JSON.stringify({ type: 'call', id, method, input }), id, timeoutMs);
  }

  /** Send a frame exactly as given and wait for the result that carries `id`. */
  send(text: string, id: number, timeoutMs = 10_000): Promise<ServerFrame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`no answer to #${id} ${text.slice(0, 80)} within ${timeoutMs} ms (socket state ${this.ws.readyState})`));
      }, timeoutMs);
      this.waiting.set(id, (f) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(f);
      });
      this.ws.send(text);
    });
  }

  /** Resolves with the close, or rejects when the server neither closed nor answered in time. */
  closedWithin(timeoutMs = 10_000): Promise<Closed> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not close the WebSocket within ${timeoutMs} ms`)), timeoutMs);
      void this.closed.then((c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
  }
}

/** `stackscope serve` as a real process, built from dist/ (`npm run build` must be current). */
export interface ServeProcess {
  child: ChildProcess;
  port: number;
  token: string;
  stderr(): string;
  /**
   * Resolves with stderr once it matches: the log line and the HTTP answer travel on different
   * pipes, so the answer can arrive first.
   */
  logged(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** The process has neither exited nor been killed. */
  alive(): boolean;
  stop(): Promise<void>;
}

export function spawnServe(dataDir: string, timeoutMs = 30_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [join(root, 'bin', 'stackscope.js'), '--data-dir', dataDir, 'serve'], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`stackscope serve printed no address within ${timeoutMs} ms; stdout: ${stdout} stderr: ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`stackscope serve exited (${code ?? signal}) before printing its address; stderr: ${stderr}`));
    });
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /Open: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)/.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        child,
        port: Number(m[1]),
        token: m[2] as string,
        stderr: () => stderr,
        logged: (pattern, waitMs = 10_000) =>
          new Promise((resolveLog, rejectLog) => {
            if (pattern.test(stderr)) return resolveLog(stderr);
            const onData = (): void => {
              if (!pattern.test(stderr)) return;
              clearTimeout(limit);
              child.stderr.off('data', onData);
              resolveLog(stderr);
            };
            const limit = setTimeout(() => {
              child.stderr.off('data', onData);
              rejectLog(new Error(`stackscope serve did not log ${pattern} within ${waitMs} ms; stderr: ${stderr}`));
            }, waitMs);
            child.stderr.on('data', onData);
          }),
        alive,
        async stop() {
          if (alive()) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** A normal page load, as the browser makes it. */
export async function getIndex(port: number): Promise<number> {
  return (await fetch(`http://127.0.0.1:${port}/`)).status;
}

/** One WebSocket frame as a client would put it on the wire, or deliberately not. */
export function wsFrame(o: { opcode: number; payload: Buffer; fin?: boolean; rsv?: number; maskKey?: Buffer | null; declaredLength?: bigint }): Buffer {
  const { payload } = o;
  const length = o.declaredLength ?? BigInt(payload.length);
  const mask = o.maskKey === undefined ? Buffer.from([0x12, 0x34, 0x56, 0x78]) : o.maskKey;
  const head = [((o.fin ?? true) ? 0x80 : 0) | ((o.rsv ?? 0) << 4) | o.opcode];
  let ext = Buffer.alloc(0);
  if (length < 126n) head.push(Number(length));
  else if (length < 65536n) {
    head.push(126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(Number(length));
  } else {
    head.push(127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(length);
  }
  if (mask) head[1] = (head[1] as number) | 0x80;
  const body = mask ? Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] as number))) : payload;
  return Buffer.concat([Buffer.from(head), ext, mask ?? Buffer.alloc(0), body]);
}

export interface RawWsReply {
  /** The handshake's HTTP status (101 when it upgraded). */
  status: number | null;
  /** The code of the close frame the server sent, or null when it sent none. */
  closeCode: number | null;
}

/** Upgrade a raw TCP connection with the token, write the given bytes as frames, and read how the server ended it. */
export function rawWebSocket(port: number, token: string, frames: Buffer, timeoutMs = 10_000): Promise<RawWsReply> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = Buffer.alloc(0);
    let sent = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`127.0.0.1:${port} did not end a raw WebSocket within ${timeoutMs} ms after frames ${frames.subarray(0, 16).toString('hex')}`));
    }, timeoutMs);
    socket.on('connect', () =>
      socket.write(
        `GET /ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
          'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      ),
    );
    socket.on('data', (c: Buffer) => {
      received = Buffer.concat([received, c]);
      if (!sent && received.includes('\r\n\r\n')) {
        sent = true;
        socket.end(frames);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const headEnd = received.indexOf('\r\n\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received.toString('latin1'));
      resolve({ status: status ? Number(status[1]) : null, closeCode: headEnd < 0 ? null : serverCloseCode(received.subarray(headEnd + 4)) });
    });
  });
}

/** Walk the server's (unmasked) frames and return the code of its close frame, if it sent one. */
function serverCloseCode(data: Buffer): number | null {
  let at = 0;
  while (at + 2 <= data.length) {
    const opcode = (data[at] as number) & 0x0f;
    let length = (data[at + 1] as number) & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > data.length) return null;
      length = data.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > data.length) return null;
      length = Number(data.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 0x8) return length >= 2 && start + 2 <= data.length ? data.readUInt16BE(start) : null;
    at = start + length;
  }
  return null;
}
