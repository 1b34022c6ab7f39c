import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/core.js';
import { tempDir } from '../core/testing/fixtures.js';
import { startBrowserServer, type BrowserServer } from './server.js';
import { ContractClient, getIndex, rawRequest, rawWebSocket, seededRandom, type Rng } from './testing/attack.js';
import { httpRequest, wsAttack } from './testing/fuzz-cases.js';

// Issue 12: a bounded, reproducible fuzz run against a live browser-mode server with a real core.
// A failure names the seed and the case; STACKSCOPE_FUZZ_SEED=N replays (or explores) another run.
const SEED = Number(process.env.STACKSCOPE_FUZZ_SEED ?? 20_251_204);
const HTTP_REQUESTS = 2400;
const HTTP_LANES = 8;
const WS_ATTACKS = 1200;
const WS_LANES = 4;
const OVERSIZED_PER_LANE = 2;

let tmp: ReturnType<typeof tempDir>;
let core: Core;
let server: BrowserServer;
const logged: string[] = [];

beforeAll(async () => {
  tmp = tempDir();
  const web = join(tmp.path, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  core = createCore({ dataDir: join(tmp.path, 'data'), mode: 'browser' });
  server = await startBrowserServer({ core, staticDir: web, log: (l) => logged.push(l) });
});

afterAll(async () => {
  await server?.close();
  await core?.close();
  tmp?.remove();
});

/** Run `count` cases over `lanes` concurrent workers, each with its own seeded stream, so a run replays exactly. */
async function inLanes(lanes: number, count: number, work: (rng: Rng, lane: number, index: number) => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const rng = seededRandom(SEED + lane * 7919);
      for (let index = lane; index < count; index += lanes) await work(rng, lane, index);
    }),
  );
}

const isCallEnvelope = (text: string): boolean => {
  const f = JSON.parse(text) as { type?: unknown; id?: unknown } | null;
  return typeof f === 'object' && f !== null && !Array.isArray(f) && f.type === 'call' && typeof f.id === 'number';
};

describe(`browser mode under fuzzing (seed ${SEED})`, () => {
  it('answers thousands of malformed requests and frames without dying, and keeps serving a connected client', { timeout: 50_000 }, async () => {
    const problems: string[] = [];
    const statuses = new Map<string, number>();
    const count = (key: string): void => void statuses.set(key, (statuses.get(key) ?? 0) + 1);
    const bystander = await ContractClient.open(server.port, server.token);
    let bystanderCalls = 0;
    const checkBystander = async (): Promise<void> => {
      const r = await bystander.call('clusters.list', {});
      if (r.type !== 'result' || !r.ok) problems.push(`the connected client's call failed: ${JSON.stringify(r)}`);
      bystanderCalls++;
    };

    await inLanes(HTTP_LANES, HTTP_REQUESTS, async (rng, lane, index) => {
      const request = httpRequest(rng, server.port, server.token);
      try {
        const reply = await rawRequest(server.port, request);
        count(`http ${reply.status ?? 'closed'}`);
        if (reply.status !== null && reply.status >= 500) problems.push(`http #${index}: ${reply.status} for ${JSON.stringify(request.toString('latin1').slice(0, 120))}`);
      } catch (err) {
        problems.push(`http #${index}: ${(err as Error).message}`);
      }
      if (lane === 0 && index % 200 === 0) await checkBystander();
    });

    const oversizedLeft = Array.from({ length: WS_LANES }, () => OVERSIZED_PER_LANE);
    await inLanes(WS_LANES, WS_ATTACKS, async (rng, lane, index) => {
      const attack = wsAttack(rng, 1_000_000 + index, (oversizedLeft[lane] as number) > 0);
      const where = `ws #${index} (${attack.kind})`;
      try {
        if (attack.kind === 'raw') {
          const r = await rawWebSocket(server.port, server.token, attack.frames);
          count(`raw ${r.closeCode ?? 'no close frame'}`);
          // Whatever close code comes back is fine (a valid close frame is echoed): the handshake must work and the process live.
          if (r.status !== 101) problems.push(`${where}: handshake ${r.status}, close ${r.closeCode} after ${attack.frames.subarray(0, 24).toString('hex')}`);
          return;
        }
        const attacker = await ContractClient.open(server.port, server.token);
        let expectClose: number[] | null = null;
        if (attack.kind === 'text') {
          attacker.ws.send(attack.data, { binary: false });
          expectClose = [1003, 1007];
        } else if (attack.kind === 'binary') {
          attacker.ws.send(attack.data, { binary: true });
          expectClose = [1003];
        } else if (attack.kind === 'oversized') {
          oversizedLeft[lane] = (oversizedLeft[lane] as number) - 1;
          attacker.ws.send('x'.repeat(8 * 1024 * 1024 + 1));
          expectClose = [1009];
        } else if (!isCallEnvelope(attack.text)) {
          attacker.ws.send(attack.text);
          expectClose = [1003];
        } else {
          const id = (JSON.parse(attack.text) as { id: number }).id;
          const r = await attacker.send(attack.text, id);
          count(`call ${r.type === 'result' && r.ok ? 'ok' : r.type === 'result' ? r.error.code : r.type}`);
          if (r.type === 'result' && !r.ok && r.error.code === 'INTERNAL') problems.push(`${where}: INTERNAL ${r.error.message} for ${attack.text.slice(0, 160)}`);
          attacker.ws.close();
          return;
        }
        const closed = await attacker.closedWithin();
        count(`close ${closed.code}`);
        if (!expectClose.includes(closed.code)) problems.push(`${where}: closed with ${closed.code} (${closed.reason}), expected ${expectClose.join(' or ')}`);
      } catch (err) {
        problems.push(`${where}: ${(err as Error).message}`);
      }
      if (lane === 0 && index % 100 === 0) await checkBystander();
    });

    const summary = [...statuses].map(([k, n]) => `${k}: ${n}`).join(', ');
    expect(problems.slice(0, 10), `${problems.length} problems (seed ${SEED}); outcomes: ${summary}`).toEqual([]);
    // The attacks reached the paths they aim at, and none of them hit an unexpected exception.
    const log = logged.join('\n');
    expect(log).toMatch(/malformed URL/);
    expect(log).toMatch(/bad HTTP request/);
    expect(log).toMatch(/closed WebSocket from .*WS_ERR_INVALID_UTF8/);
    expect(log).toMatch(/closed WebSocket from .*WS_ERR_UNSUPPORTED_MESSAGE_LENGTH/);
    expect(log).not.toMatch(/please report this/);

    // Afterwards: the page, a fresh authenticated client, and the client connected all along.
    expect(bystanderCalls).toBeGreaterThan(10);
    expect(bystander.closedWith).toBeNull();
    expect(await bystander.call('cases.list', {})).toMatchObject({ type: 'result', ok: true });
    expect(await getIndex(server.port)).toBe(200);
    const fresh = await ContractClient.open(server.port, server.token);
    expect(await fresh.call('clusters.list', {})).toEqual({ type: 'result', id: 1, ok: true, value: [] });
    fresh.ws.close();
    bystander.ws.close();
  });
});
