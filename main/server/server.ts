import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { CallOutcome, ClientFrame, ServerFrame } from '../contract/api.js';
import { toWireError } from '../contract/errors.js';
import type { Core } from '../core/core.js';

export interface BrowserServerOptions {
  core: Core;
  /** Folder with the built renderer (index.html + assets). */
  staticDir: string;
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
  log?: (line: string) => void;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ws://${HOST}:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Inbound frame limit: terminal input arrives in 64 KiB pieces and calls are small, so 8 MB is generous. */
const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/** A request target as the server reads it; null when it is not one (`/%E0%A4%A`, `http://[`). */
function parseTarget(raw: string | undefined): { url: URL; path: string } | null {
  try {
    const url = new URL(raw ?? '/', `http://${HOST}`);
    return { url, path: decodeURIComponent(url.pathname) };
  } catch {
    return null;
  }
}

/** Client-controlled text for a log line: quoted (control characters escaped) and cut short. */
function quoted(text: string | undefined): string {
  const s = text ?? '';
  return JSON.stringify(s.length > 120 ? `${s.slice(0, 120)}…` : s);
}

/** Who sent it, for a log line; a socket that was reset has no address any more. */
const peerOf = (socket: Duplex): string => (socket as { remoteAddress?: string }).remoteAddress ?? 'a client that already hung up';

/** A request target for a log line, without its query: that is where the launch token travels. */
const loggedTarget = (raw: string | undefined): string => quoted((raw ?? '').split('?')[0]);

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.message}${(err as NodeJS.ErrnoException).code ? ` (${(err as NodeJS.ErrnoException).code})` : ''}` : String(err);
}

/** `"cases.get" #4` for log lines; the method is client data (`{"toString": 1}` would make String() throw). */
function callName(frame: ClientFrame): string {
  return `${typeof frame.method === 'string' ? quoted(frame.method) : `(a ${typeof frame.method} as method)`} #${frame.id}`;
}

/** Send without ever throwing: the peer may be closing, and a failed send is no reason to stop. */
function sendTo(ws: WebSocket, data: string): void {
  if (ws.readyState === ws.OPEN) ws.send(data, () => undefined);
}

/** A client frame, or the close reason for one that is not a call. */
function readFrame(raw: RawData, isBinary: boolean): ClientFrame | { refused: string } {
  if (isBinary) return { refused: 'binary frames are not accepted' };
  let frame: Partial<ClientFrame> | null;
  try {
    frame = JSON.parse(raw.toString()) as Partial<ClientFrame> | null;
  } catch {
    return { refused: 'frames must be JSON' };
  }
  if (typeof frame !== 'object' || frame === null || frame.type !== 'call' || typeof frame.id !== 'number') return { refused: 'unexpected frame' };
  return frame as ClientFrame;
}

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browser mode: the renderer bundle and a WebSocket carrying the contract, on 127.0.0.1 only.
 * Every WebSocket must present the per-launch token and come from this server's own origin;
 * the Host header is checked so a DNS-rebinding page cannot reach it either.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { core } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = resolve(options.staticDir);
  if (!existsSync(join(staticRoot, 'index.html'))) {
    throw new Error(`renderer bundle not found in ${staticRoot}; run \`npm run build\` first`);
  }
  const log = options.log ?? (() => undefined);
  let port = 0;
  const allowedHosts = (): string[] => [`${HOST}:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`);

  function serveStatic(req: IncomingMessage, res: ServerResponse): void {
    if (!allowedHosts().includes(req.headers.host ?? '')) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Stackscope: unexpected Host header\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const target = parseTarget(req.url);
    if (!target) {
      log(`400 for ${req.method} ${loggedTarget(req.url)} from ${peerOf(req.socket)}: malformed URL (bad percent-encoding or target)`);
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Stackscope: malformed URL\n');
      return;
    }
    const pathname = target.path;
    const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^([/\\])+/, '');
    let file = resolve(staticRoot, relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
      res.writeHead(404).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) file = join(staticRoot, 'index.html');
    res.writeHead(200, {
      'content-type': mime[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else
      pipeline(createReadStream(file), res, (err) => {
        // A reader that goes away mid-file is normal; a file that cannot be read is worth a line.
        if (err && (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') log(`could not send ${file}: ${errorText(err)}`);
      });
  }

  /** Nothing a request does may escape as an exception: it would take every run and terminal down. */
  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    try {
      serveStatic(req, res);
    } catch (err) {
      log(`500 for ${req.method} ${loggedTarget(req.url)}: ${errorText(err)} (main/server/server.ts); the server keeps running, please report this`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Stackscope: internal error\n');
      else res.destroy();
    }
  }

  const http = createServer(onRequest);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  // Requests Node cannot parse (bad method, bad request line, headers over the limit) and sockets
  // reset mid-request: answer when the socket can still take it, never let them become an exception.
  http.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    log(`bad HTTP request from ${peerOf(socket)}: ${errorText(err)}`);
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const peer = peerOf(req.socket);
    // Node hands the socket over without an error listener: a reset during the refusal or the
    // handshake would otherwise be an uncaught 'error'.
    const onSocketError = (err: Error): void => {
      log(`WebSocket handshake from ${peer} failed: ${errorText(err)}`);
      socket.destroy();
    };
    socket.on('error', onSocketError);
    const refuse = (status: number, reason: string, detail = ''): void => {
      log(`refused WebSocket from ${peer}: ${reason}${detail}`);
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
    };
    try {
      const target = parseTarget(req.url);
      if (!target) return refuse(400, 'Bad Request', `: malformed URL ${loggedTarget(req.url)}`);
      if (target.url.pathname !== '/ws') return refuse(404, 'Not Found');
      if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(403, 'Forbidden host');
      if (!allowedOrigins().includes(req.headers.origin ?? '')) return refuse(403, 'Forbidden origin');
      if (!sameToken(target.url.searchParams.get('token'), token)) return refuse(401, 'Invalid token');
      wss.handleUpgrade(req, socket, head, (ws) => {
        socket.off('error', onSocketError);
        wss.emit('connection', ws, req);
      });
    } catch (err) {
      log(`WebSocket upgrade from ${peer} failed: ${errorText(err)} (main/server/server.ts); the server keeps running, please report this`);
      socket.destroy();
    }
  });

  const clients = new Set<WebSocket>();
  const unsubscribe = core.events.subscribe((name, payload) => {
    let frame: string;
    try {
      frame = JSON.stringify({ type: 'event', name, payload } satisfies ServerFrame);
    } catch (err) {
      log(`event ${name} could not be sent to the browser: ${errorText(err)}`);
      return;
    }
    for (const ws of clients) sendTo(ws, frame);
  });

  /** The reply to call `id`; a value JSON cannot carry becomes an INTERNAL error instead of no answer at all. */
  function reply(ws: WebSocket, frame: ClientFrame, outcome: CallOutcome): void {
    let text: string;
    try {
      const result: ServerFrame = outcome.ok ? { type: 'result', id: frame.id, ok: true, value: outcome.value } : { type: 'result', id: frame.id, ok: false, error: outcome.error };
      text = JSON.stringify(result);
    } catch (err) {
      log(`${callName(frame)}: the result could not be sent: ${errorText(err)}`);
      text = JSON.stringify({ type: 'result', id: frame.id, ok: false, error: { code: 'INTERNAL', message: `the result of ${callName(frame)} could not be sent: ${errorText(err)}` } } satisfies ServerFrame);
    }
    sendTo(ws, text);
  }

  /** Run one call and answer it. The core promises never to reject; if it breaks that promise the caller still gets an error. */
  async function answer(ws: WebSocket, frame: ClientFrame): Promise<void> {
    let outcome: CallOutcome;
    try {
      outcome = await core.dispatch(frame.method, frame.input);
    } catch (err) {
      log(`${callName(frame)}: the core's dispatcher failed: ${errorText(err)} (main/core/dispatch.ts); please report this`);
      outcome = { ok: false, error: toWireError(err) };
    }
    reply(ws, frame, outcome);
  }

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const peer = peerOf(req.socket);
    clients.add(ws);
    ws.on('close', () => clients.delete(ws));
    // ws closes the socket itself with the fitting code (1007 invalid UTF-8, 1009 too big, 1002
    // protocol error) and then reports it here; without a listener the report would kill the process.
    ws.on('error', (err) => log(`closed WebSocket from ${peer}: ${errorText(err)}`));
    ws.on('message', (raw, isBinary) => {
      const frame = readFrame(raw, isBinary);
      if ('refused' in frame) {
        log(`closed WebSocket from ${peer}: ${frame.refused}`);
        ws.close(1003, frame.refused);
        return;
      }
      answer(ws, frame).catch((err: unknown) => log(`${callName(frame)} from ${peer}: no answer sent: ${errorText(err)}`));
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, HOST, () => resolveListen());
  });
  port = (http.address() as AddressInfo).port;
  // After listening, a server error (accept failing with EMFILE under a flood) is a log line, not an exit.
  http.removeAllListeners('error');
  http.on('error', (err) => log(`HTTP server error: ${errorText(err)}`));

  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      wss.close();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
