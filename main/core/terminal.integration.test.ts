import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../contract/api.js';
import type { ClusterNode } from '../contract/types.js';
import type { Sshd } from '../lab/sshd.js';
import { createCore } from './core.js';
import { databaseFile } from './paths.js';
import { currentOwner } from './process-owner.js';
import { openDatabase } from '../../db/database.js';
import { TerminalsRepo } from '../../db/terminals-repo.js';
import { sshWorld, type SshWorld } from './testing/fixtures.js';
import { eventually } from './testing/processes.js';

// Interactive terminals against a real OpenSSH server: live output, the redacted recording,
// acknowledgement flow control, and how sessions end.
let w: SshWorld;
let sshd: Sshd;
let node: ClusterNode;
let caseId: number;

beforeAll(async () => {
  w = await sshWorld();
  sshd = await w.startServer('term');
  const clusterId = w.core.inventory.addCluster({ name: 'term', deployment: 'packages' }).id;
  node = await addNode('ctl-1', sshd, clusterId);
  caseId = w.core.repos.cases.create('terminal tests', 'info', clusterId);
});

afterAll(async () => {
  await w?.close();
});

async function addNode(name: string, s: Sshd, clusterId: number): Promise<ClusterNode> {
  const n = w.core.inventory.addNode({ clusterId, name, host: s.host, port: s.port, user: 'root', roles: ['controller'], auth: { method: 'key', keyPath: w.clientKey, passphrase: false }, jumpNodeId: null });
  const probe = await w.core.hostKeys.probe(n.id);
  await w.core.hostKeys.trust(n.id, probe.fingerprint);
  return n;
}

/** A screen that collects one session's output; it acknowledges everything unless told not to. */
class Screen {
  text = '';
  chunks: string[] = [];
  received = 0;
  closed: EventPayloads['terminal.closed'] | null = null;
  autoAck = true;
  private readonly off: () => void;

  constructor(readonly sessionId: number) {
    this.off = w.core.events.subscribe((name, payload) => {
      if (name === 'terminal.output') {
        const p = payload as EventPayloads['terminal.output'];
        if (p.sessionId !== this.sessionId) return;
        this.text += p.data;
        this.chunks.push(p.data);
        this.received += p.bytes;
        if (this.autoAck) w.core.terminals.ack(p.sessionId, p.bytes);
      } else if (name === 'terminal.closed') {
        const p = payload as EventPayloads['terminal.closed'];
        if (p.sessionId === this.sessionId) this.closed = p;
      }
    });
  }

  async waitFor(needle: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const has = (): boolean => (typeof needle === 'string' ? this.text.includes(needle) : needle.test(this.text));
    await eventually(has, (v) => v, timeoutMs);
    if (!has()) throw new Error(`terminal never showed ${String(needle)}; it shows:\n${this.text.slice(-2000)}`);
  }

  async waitClosed(): Promise<EventPayloads['terminal.closed']> {
    await eventually(() => this.closed, (c) => c !== null, 15_000);
    if (!this.closed) throw new Error('terminal did not close');
    return this.closed;
  }

  dispose(): void {
    this.off();
  }
}

/** Open a session with a screen already listening (output can arrive before open resolves). */
async function open(cols = 80, rows = 24, n: ClusterNode = node): Promise<{ id: number; screen: Screen; type: (s: string) => void }> {
  const pending: Array<EventPayloads['terminal.output']> = [];
  const early = w.core.events.subscribe((name, p) => name === 'terminal.output' && pending.push(p as EventPayloads['terminal.output']));
  const r = await w.core.dispatch('terminal.open', { caseId, nodeId: n.id, cols, rows });
  early();
  if (!r.ok) throw new Error(r.error.message);
  const id = (r.value as { sessionId: number }).sessionId;
  const screen = new Screen(id);
  for (const p of pending.filter((x) => x.sessionId === id)) {
    screen.text += p.data;
    screen.received += p.bytes;
    w.core.terminals.ack(id, p.bytes);
  }
  return { id, screen, type: (s) => w.core.terminals.input(id, s) };
}

function parseCast(text: string): { header: Record<string, unknown>; events: Array<[number, string, string]> } {
  const [head, ...rest] = text.trimEnd().split('\n');
  return { header: JSON.parse(head ?? '') as Record<string, unknown>, events: rest.map((l) => JSON.parse(l) as [number, string, string]) };
}

describe('terminal sessions against a real sshd', () => {
  it('runs typed commands, records the output as asciicast v2, and ends when the shell exits', async () => {
    const { id, screen, type } = await open(100, 30);
    type('echo stackscope-$((6*7))\r');
    await screen.waitFor('stackscope-42\r\n'); // the echoed command line says $((6*7))
    type('exit 0\r');
    const closed = await screen.waitClosed();
    expect(closed).toMatchObject({ reason: 'exit', exitCode: 0, message: 'the shell exited with status 0' });

    const [session] = w.core.terminals.list(caseId).filter((s) => s.id === id);
    expect(session).toMatchObject({ nodeName: 'ctl-1', state: 'closed', width: 100, height: 30, closeReason: 'the shell exited with status 0' });
    expect(session?.endedAt).not.toBeNull();
    expect(session?.bytes).toBe(screen.received);

    const cast = parseCast(w.core.terminals.recording(id));
    expect(cast.header).toMatchObject({ version: 2, width: 100, height: 30, env: { TERM: 'xterm-256color' } });
    expect(Math.abs((cast.header.timestamp as number) - Date.parse(session?.startedAt ?? '') / 1000)).toBeLessThan(1.01);
    const output = cast.events.filter((e) => e[1] === 'o');
    expect(output.map((e) => e[2]).join('')).toContain('stackscope-42\r\n');
    const times = cast.events.map((e) => e[0]);
    expect([...times].sort((a, b) => a - b)).toEqual(times); // monotonic
    // Terminal closed: more input is refused with a clear error.
    expect(await w.core.dispatch('terminal.input', { sessionId: id, data: 'ls\r' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `terminal session ${id} has ended` } });
    screen.dispose();
  });

  it('keeps keystrokes out of the recording and redacts secrets in what is stored, not in what is shown', async () => {
    const { id, screen, type } = await open();
    // A password typed at a no-echo prompt (as for sudo) reaches the shell but is never output.
    type("read -rs -p 'pw: ' PW; echo; echo got-${#PW}-chars\r");
    await screen.waitFor(/\rpw: $/); // the prompt itself, not the echo of the command line
    type('hunter2-typed-secret\r');
    await screen.waitFor('got-20-chars');
    // A secret the node prints: shown live, redacted in the recording. The echoed command line
    // holds only its halves; colour codes in the middle do not hide it either.
    type("X=s3cr; printf 'db_password = %s\\n' \"${X}et-plain\"; printf 'admin_password\\033[0m = %s\\n' \"${X}et-styled\"\r");
    await screen.waitFor('s3cret-styled');
    expect(screen.text).toContain('db_password = s3cret-plain');
    await w.core.dispatch('terminal.close', { sessionId: id });
    expect((await screen.waitClosed()).reason).toBe('closed');

    const recording = w.core.terminals.recording(id);
    expect(recording).not.toContain('hunter2-typed-secret');
    expect(recording).toContain('got-20-chars');
    expect(recording).not.toContain('s3cret-plain');
    expect(recording).not.toContain('s3cret-styled');
    expect(recording).toContain('db_password = [REDACTED]');
    expect(recording).toContain('admin_password = [REDACTED]');
    expect(parseCast(recording).events.every((e) => e[1] === 'o' || e[1] === 'r')).toBe(true); // no "i" events
    screen.dispose();
  });

  it('resizes the pty and records the resize', async () => {
    const { id, screen, type } = await open(80, 24);
    await w.core.dispatch('terminal.resize', { sessionId: id, cols: 132, rows: 40 });
    type('stty size\r');
    await screen.waitFor('40 132\r\n');
    await w.core.terminals.close(id);
    const events = parseCast(w.core.terminals.recording(id)).events;
    expect(events.filter((e) => e[1] === 'r').map((e) => e[2])).toEqual(['132x40']);
    screen.dispose();
  });

  it('never splits a UTF-8 character across output events', async () => {
    const { id, screen, type } = await open();
    type('yes 한글 | head -n 100000; echo utf8-$((2*2))-done\r');
    await screen.waitFor('utf8-4-done', 30_000);
    expect(screen.chunks.some((c) => c.includes('\uFFFD'))).toBe(false);
    expect(screen.chunks.length).toBeGreaterThan(10); // it did arrive in many pieces
    expect(screen.text.match(/한글\r\n/g)?.length).toBe(100000);
    await w.core.terminals.close(id);
    screen.dispose();
  });

  it('pauses the shell while the screen has not acknowledged the output, and resumes on acks', async () => {
    const { id, screen, type } = await open();
    await screen.waitFor(/[#$] $/); // the prompt: everything so far is acknowledged
    screen.autoAck = false;
    type('head -c 20000000 /dev/zero | base64; echo flow-$((1+1))-done\r');
    const high = 256 * 1024;
    await eventually(() => w.core.terminals.flowOf(id)?.paused, (p) => p === true, 15_000);
    const atPause = screen.received;
    expect(atPause).toBeGreaterThan(high);
    expect(atPause).toBeLessThan(high + 64 * 1024); // at most one SSH packet past the mark
    // Nothing more reaches the screen while it is behind (20 MB are waiting on the node).
    await new Promise((r) => setTimeout(r, 750));
    expect(screen.received).toBe(atPause);
    expect(screen.text).not.toContain('flow-2-done');

    // Acknowledge part of it: still above the low mark, still paused.
    w.core.terminals.ack(id, atPause - 100 * 1024);
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.received).toBe(atPause);
    // Acknowledge the rest and keep up from now on: the whole output flows through.
    screen.autoAck = true;
    w.core.terminals.ack(id, 100 * 1024);
    await screen.waitFor('flow-2-done', 60_000);
    expect(screen.received).toBeGreaterThan(26_000_000); // 20 MB in base64 with line breaks
    expect(w.core.terminals.flowOf(id)).toMatchObject({ paused: false });
    await w.core.terminals.close(id);
    screen.dispose();
  });

  it('reports a dropped connection inside the session and keeps the recording', async () => {
    const doomed = await w.startServer('doomed');
    const clusterId = w.core.repos.cases.summary(caseId)?.clusterId ?? 0;
    const n = await addNode('doomed', doomed, clusterId);
    const { id, screen, type } = await open(80, 24, n);
    type('echo before-$((3*3))-drop\r');
    await screen.waitFor('before-9-drop');
    await doomed.kill();
    const closed = await screen.waitClosed();
    expect(closed).toMatchObject({ reason: 'lost', message: 'the connection to doomed was lost' });
    expect(w.core.terminals.recording(id)).toContain('before-9-drop');
    expect(w.core.terminals.list(caseId).find((s) => s.id === id)).toMatchObject({ state: 'closed', closeReason: 'the connection to doomed was lost' });
    screen.dispose();
  });

  it('keeps channels for runs: at most four live terminals per node', async () => {
    const opened = [await open(), await open(), await open(), await open()];
    expect(await w.core.dispatch('terminal.open', { caseId, nodeId: node.id, cols: 80, rows: 24 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'ctl-1 already has 4 open terminals; close one first' },
    });
    await w.core.terminals.close(opened[0]?.id ?? 0);
    opened[0]?.screen.dispose();
    const fifth = await open();
    for (const o of [...opened.slice(1), fifth]) {
      await w.core.terminals.close(o.id);
      o.screen.dispose();
    }
  });

  it('closes live terminals when the core shuts down, and keeps their recordings', async () => {
    const dataDir = join(w.dir, 'shutdown-data');
    const other = createCore({ dataDir, mode: 'cli' });
    const cl = other.inventory.addCluster({ name: 'sd', deployment: 'packages' });
    const n = other.inventory.addNode({ clusterId: cl.id, name: 'sd-1', host: sshd.host, port: sshd.port, user: 'root', roles: ['controller'], auth: { method: 'key', keyPath: w.clientKey, passphrase: false }, jumpNodeId: null });
    await other.hostKeys.trust(n.id, (await other.hostKeys.probe(n.id)).fingerprint);
    const c = other.repos.cases.create('shutdown', 'info', cl.id);
    const closed: string[] = [];
    let sawOutput!: () => void;
    const output = new Promise<void>((r) => (sawOutput = r));
    other.events.subscribe((name, p) => {
      if (name === 'terminal.closed') closed.push((p as EventPayloads['terminal.closed']).reason);
      if (name === 'terminal.output' && (p as EventPayloads['terminal.output']).data.includes('shut-6')) sawOutput();
    });
    const s = await other.terminals.open({ caseId: c, nodeId: n.id, cols: 80, rows: 24 });
    other.terminals.input(s.id, 'echo shut-$((2*3))\r');
    await output;
    await other.close();
    expect(closed).toEqual(['shutdown']);
    const db = openDatabase(databaseFile(dataDir));
    try {
      const repo = new TerminalsRepo(db, { owner: currentOwner() });
      expect(repo.get(s.id)).toMatchObject({ state: 'closed', closeReason: 'Stackscope was closed while the terminal was open' });
      expect(repo.recording(s.id)).toContain('shut-6');
    } finally {
      db.close();
    }
  });

  it('refuses a node outside the case cluster and unknown sessions', async () => {
    const other = w.core.inventory.addCluster({ name: 'other', deployment: 'packages' }).id;
    const stranger = w.core.inventory.addNode({ clusterId: other, name: 'x-1', host: sshd.host, port: sshd.port, user: 'root', roles: ['compute'], auth: { method: 'key', keyPath: w.clientKey, passphrase: false }, jumpNodeId: null });
    expect(await w.core.dispatch('terminal.open', { caseId, nodeId: stranger.id, cols: 80, rows: 24 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: `node x-1 is not in the cluster of case ${caseId}` },
    });
    expect(await w.core.dispatch('terminal.recording', { sessionId: 99999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.core.dispatch('terminal.open', { caseId, nodeId: node.id, cols: 0, rows: 24 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
