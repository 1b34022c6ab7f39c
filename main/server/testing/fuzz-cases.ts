import { pick, randomBytes, randomInt, wsFrame, type Rng } from './attack.js';

/** Generators of hostile requests and frames for the browser-mode fuzz test; every choice comes from the seeded Rng. */

const badEscapes = ['%', '%E0%A4%A', '%ZZ', '%C0%AF', '%FF', '%ED%A0%80', '%00', '%2e%2e/', '%2F..%2F', '%%', '%u002e', '%E2%82', '%F0%9F%98'];
const goodSegments = ['', 'index.html', 'assets', 'app.js', '..', '.', 'ws', 'a b', '~root', 'ü', '%20'];

function randomPath(rng: Rng): string {
  const parts: string[] = [];
  for (let i = randomInt(rng, 5); i >= 0; i--) parts.push(rng() < 0.5 ? pick(rng, badEscapes) : pick(rng, goodSegments));
  if (rng() < 0.3) parts.push(`%${Buffer.from(randomBytes(rng, 1)).toString('hex').toUpperCase()}`);
  const query = rng() < 0.3 ? `?token=${pick(rng, ['%', 'x', '%E0', ''])}&a=${pick(rng, badEscapes)}` : '';
  return `/${parts.join(rng() < 0.8 ? '/' : '\\')}${query}`;
}

const targets = (rng: Rng): string =>
  pick(rng, [
    () => randomPath(rng),
    () => 'http://[',
    () => 'http://[::1',
    () => `http://${pick(rng, ['[', '%', 'a:b@', ':99999', '[fe80::1%25eth0]', ''])}/${pick(rng, badEscapes)}`,
    () => '*',
    () => `//${pick(rng, ['evil.example', '[', '%'])}/x`,
    () => '',
    () => `/${'a'.repeat(randomInt(rng, 9000))}`,
    () => `/${randomBytes(rng, 1 + randomInt(rng, 20)).toString('latin1')}`,
  ])();

const methods = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS', 'PUT', 'FOO', 'get', 'G\u0001T', 'CONNECT', 'PRI', 'TRACE', ''];

function hostHeader(rng: Rng, port: number): string {
  return pick(rng, [
    `Host: 127.0.0.1:${port}\r\n`,
    `Host: 127.0.0.1:${port}\r\n`,
    `Host: localhost:${port}\r\n`,
    '',
    'Host: evil.example\r\n',
    `Host: 127.0.0.1:${port}\r\nHost: evil.example\r\n`,
    'Host: [\r\n',
    `Host: 127.0.0.1:${port}\u0000\r\n`,
    `Host: ${'h'.repeat(300)}\r\n`,
  ]);
}

function upgradeHeaders(rng: Rng, port: number): string {
  const origin = pick(rng, [`http://127.0.0.1:${port}`, 'http://evil.example', 'null', '']);
  const key = pick(rng, ['dGhlIHNhbXBsZSBub25jZQ==', 'short', '', '!!!!!!!!!!!!!!!!!!!!!!==']);
  const version = pick(rng, ['13', '8', '', 'x']);
  return (
    `Upgrade: ${pick(rng, ['websocket', 'WebSocket', 'h2c', ''])}\r\nConnection: ${pick(rng, ['Upgrade', 'keep-alive, Upgrade', 'close'])}\r\n` +
    `${origin ? `Origin: ${origin}\r\n` : ''}Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: ${version}\r\n` +
    (rng() < 0.2 ? 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=99\r\n' : '')
  );
}

/** One malformed (or merely odd) HTTP request as raw bytes. */
export function httpRequest(rng: Rng, port: number, token: string): Buffer {
  const kind = randomInt(rng, 8);
  if (kind === 0) return randomBytes(rng, 1 + randomInt(rng, 300));
  const version = rng() < 0.9 ? 'HTTP/1.1' : pick(rng, ['HTTP/1.0', 'HTTP/9.9', 'HTTP/1', 'HTTP/1.1 extra', '']);
  const method = pick(rng, methods);
  let target = targets(rng);
  if (kind === 1) target = `/ws?token=${rng() < 0.5 ? token : pick(rng, ['', 'x', '%', token.slice(1)])}`;
  let headers = hostHeader(rng, port);
  if (kind === 1 || kind === 2) headers += upgradeHeaders(rng, port);
  if (kind === 3) headers += `X-Big: ${'b'.repeat(8_000 + randomInt(rng, 80_000))}\r\n`;
  if (kind === 4) for (let i = randomInt(rng, 3000); i > 0; i--) headers += `X-${i}: ${i}\r\n`;
  if (kind === 5) headers += pick(rng, ['Content-Length: 5\r\nTransfer-Encoding: chunked\r\n', 'Content-Length: -1\r\n', 'Content-Length: 99999999\r\n', 'Transfer-Encoding: chunked\r\n\r\nzz\r\n', 'Expect: 100-continue\r\nContent-Length: 3\r\n']);
  if (kind === 6) headers += `${pick(rng, ['Bad Header', ' leading-space', 'X:\u0000', 'Ü: 1', 'X-Fold: a\r\n folded'])}: v\r\n`;
  const end = rng() < 0.9 ? '\r\n' : pick(rng, ['', '\n', '\r']);
  const lineEnd = rng() < 0.95 ? '\r\n' : '\n';
  return Buffer.from(`${method} ${target} ${version}${lineEnd}${headers}${end}`, 'latin1');
}

const fuzzMethods = [
  'app.info', 'clusters.list', 'cases.list', 'cases.get', 'cases.search', 'cases.create', 'notes.add', 'playbooks.list', 'runs.get', 'runs.cancel',
  'terminal.input', 'terminal.resize', 'terminal.ack', 'terminal.close', 'terminal.list', 'terminal.recording', 'runbooks.list', 'home.overview',
  'cases.timeline', 'cases.findings', 'steps.output', 'followups.list', 'report.preview', 'secrets.forget', 'nope', '__proto__', 'constructor', 'toString',
];

const oddStrings = ['', ' ', 'x', '\u0000', '\ud800', '\udfff', '😀', 'é\u0301', '\u202e', '%', "'; DROP TABLE cases; --", '../../etc/passwd', 'a'.repeat(70_000)];
const oddNumbers = [0, -1, 1, 2, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 65536];

function jsonValue(rng: Rng, depth = 0): unknown {
  switch (randomInt(rng, depth > 3 ? 4 : 6)) {
    case 0:
      return pick(rng, oddNumbers);
    case 1:
      return pick(rng, oddStrings);
    case 2:
      return pick(rng, [null, true, false]);
    case 3:
      return randomBytes(rng, randomInt(rng, 12)).toString('latin1');
    case 4:
      return Array.from({ length: randomInt(rng, 4) }, () => jsonValue(rng, depth + 1));
    default: {
      const keys = ['id', 'caseId', 'sessionId', 'stepId', 'runId', 'nodeId', 'query', 'data', 'title', 'text', 'cols', 'rows', 'bytes', 'stream', 'offset', 'length', 'options', '__proto__', 'constructor'];
      return Object.fromEntries(Array.from({ length: randomInt(rng, 5) }, () => [pick(rng, keys), jsonValue(rng, depth + 1)]));
    }
  }
}

export type WsAttack =
  | { kind: 'text'; data: Buffer | string } // expected: the server closes with 1003 or 1007
  | { kind: 'binary'; data: Buffer } // expected: 1003
  | { kind: 'call'; text: string } // expected: an answer (or 1003 for a wrong envelope)
  | { kind: 'oversized' } // expected: 1009
  | { kind: 'raw'; frames: Buffer }; // a protocol violation written by hand: 1002/1007/1009 or no close frame

/** One hostile WebSocket frame. `allowOversized` keeps the 8 MB frames few (they cost real memory). */
export function wsAttack(rng: Rng, id: number, allowOversized: boolean): WsAttack {
  const r = rng();
  if (r < 0.1) return { kind: 'text', data: Buffer.concat([Buffer.from('{"type":"call","id":1,"method":"'), randomBytes(rng, 1 + randomInt(rng, 8)), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]) };
  if (r < 0.17) return { kind: 'binary', data: randomBytes(rng, randomInt(rng, 200)) };
  if (r < 0.25) return { kind: 'text', data: pick(rng, ['', 'not json', '{', '{"type":"call"', '\u0000', `[${'['.repeat(5000)}`, 'NaN']) };
  if (r < 0.33) return { kind: 'call', text: JSON.stringify(pick(rng, [null, [], 1, 'x', {}, { type: 'call' }, { type: 'call', id: '1', method: 'app.info' }, { type: 'event', name: 'case.changed' }, { type: 'result', id }])) };
  if (r < 0.35 && allowOversized) return { kind: 'oversized' };
  if (r < 0.5) return { kind: 'raw', frames: rawViolation(rng) };
  const method = rng() < 0.9 ? pick(rng, fuzzMethods) : jsonValue(rng);
  const input = rng() < 0.1 ? undefined : jsonValue(rng);
  return { kind: 'call', text: JSON.stringify({ type: 'call', id, method, input }) };
}

/** Frames no browser would send: unmasked, reserved bits and opcodes, bad control frames, lying lengths. */
function rawViolation(rng: Rng): Buffer {
  const payload = randomBytes(rng, randomInt(rng, 40));
  const good = wsFrame({ opcode: 1, payload: Buffer.from('{"type":"call","id":1,"method":"app.info","input":{}}') });
  const bad = pick(rng, [
    () => wsFrame({ opcode: 1, payload, maskKey: null }),
    () => wsFrame({ opcode: 1, payload, rsv: 1 + randomInt(rng, 7) }),
    () => wsFrame({ opcode: pick(rng, [3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf]), payload }),
    () => wsFrame({ opcode: 9, payload: randomBytes(rng, 126 + randomInt(rng, 100)) }),
    () => wsFrame({ opcode: 9, payload, fin: false }),
    () => wsFrame({ opcode: 0, payload }),
    () => wsFrame({ opcode: 8, payload: Buffer.from([0x03, 0xe7 + randomInt(rng, 20)]) }),
    () => wsFrame({ opcode: 8, payload: Buffer.from([0x03]) }),
    () => wsFrame({ opcode: 8, payload: Buffer.concat([Buffer.from([0x03, 0xe8]), Buffer.from([0xff])]) }),
    () => wsFrame({ opcode: 1, payload: Buffer.alloc(0), declaredLength: 2n ** 63n - 1n }),
    () => wsFrame({ opcode: 2, payload: Buffer.alloc(0), declaredLength: 9n * 1024n * 1024n }),
    () => wsFrame({ opcode: 1, payload: Buffer.from([0xc3]), fin: false }),
    () => wsFrame({ opcode: 1, payload, fin: false }).subarray(0, 3),
    () => Buffer.concat([wsFrame({ opcode: 1, payload: Buffer.from('{'), fin: false }), wsFrame({ opcode: 1, payload: Buffer.from('}') })]),
    () => randomBytes(rng, 1 + randomInt(rng, 64)),
  ])();
  return rng() < 0.3 ? Buffer.concat([good, bad]) : bad;
}
