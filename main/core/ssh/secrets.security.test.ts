// Issue 12, items 6 and 7: a secret belongs to one node, one host, one user; keyboard-interactive
// answers only password prompts with it. Against small ssh2 servers on loopback that record every
// secret they are sent.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerAuthPromptsOnTerminal } from '../../cli/auth-prompt.js';
import type { EventPayloads } from '../../contract/api.js';
import type { EventName } from '../../contract/methods.js';
import type { AuthPrompt, ClusterNode, NodeAuth, Run } from '../../contract/types.js';
import { createCore, type Core, type CoreOptions } from '../core.js';
import { SessionSecretStore, type SecretVault } from '../secrets.js';
import { ed25519KeyPair, RecordingSshServer, type RecordingServerOptions } from '../testing/recording-ssh-server.js';
import { tempDir } from '../testing/fixtures.js';
import { isPasswordPrompt } from './auth-prompts.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

let keyDir = '';
function core(options: Partial<CoreOptions> = {}): Core {
  const t = tempDir();
  keyDir = t.path;
  const c = createCore({ dataDir: join(t.path, 'data'), mode: 'cli', connectTimeoutMs: 5000, ...options });
  cleanups.push(t.remove, () => c.close());
  return c;
}

/** Key auth with a key the test servers refuse: the login goes on to keyboard-interactive. */
function refusedKey(): NodeAuth {
  const keyPath = join(keyDir, 'id_refused');
  writeFileSync(keyPath, ed25519KeyPair().private, { mode: 0o600 });
  return { method: 'key', keyPath, passphrase: false };
}

async function server(options: RecordingServerOptions): Promise<RecordingSshServer> {
  const s = await new RecordingSshServer(options).start();
  cleanups.push(() => s.stop());
  return s;
}

function addNode(c: Core, clusterId: number, name: string, s: { host: string; port: number }, extra: { user?: string; auth?: NodeAuth; jumpNodeId?: number | null } = {}): ClusterNode {
  return c.inventory.addNode({ clusterId, name, host: s.host, port: s.port, user: extra.user ?? 'ops', roles: ['controller'], auth: extra.auth ?? { method: 'password' }, jumpNodeId: extra.jumpNodeId ?? null });
}

async function trust(c: Core, node: ClusterNode): Promise<void> {
  await c.hostKeys.trust(node.id, (await c.hostKeys.probe(node.id)).fingerprint);
}

async function call(c: Core, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return (await c.dispatch(method, input)) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** The app's path: exec.start (which checks for missing secrets), then the finished run. */
async function runThroughContract(c: Core, clusterId: number, node: ClusterNode, command = 'hostname'): Promise<{ error?: { code: string; message: string }; run?: Run }> {
  const caseId = c.repos.cases.create(`run ${command}`, 'info', clusterId);
  const started = await call(c, 'exec.start', { caseId, clusterId, nodeIds: [node.id], command });
  if (!started.ok) return { error: started.error };
  const runId = (started.value as { runId: number }).runId;
  await c.runs.wait(runId);
  return { run: c.repos.runs.get(runId) };
}

/** Below the contract: the connection itself, as any later caller would make it. */
async function runDirect(c: Core, clusterId: number, node: ClusterNode): Promise<Run> {
  const caseId = c.repos.cases.create('direct', 'info', clusterId);
  const started = c.exec.start({ caseId, clusterId, nodes: [c.inventory.node(node.id)], command: 'hostname', timeoutSec: 30 });
  await c.runs.wait(started.id);
  const run = c.repos.runs.get(started.id);
  if (!run) throw new Error('run missing');
  return run;
}

function recordEvents(c: Core): Array<{ name: EventName; payload: unknown }> {
  const seen: Array<{ name: EventName; payload: unknown }> = [];
  const stop = c.events.subscribe(<E extends EventName>(name: E, payload: EventPayloads[E]) => void seen.push({ name, payload }));
  cleanups.push(stop);
  return seen;
}

describe('item 6: a secret belongs to one node, one host, one user', () => {
  it('does not send a removed node’s password to the host that was added after it (the reported reproduction)', async () => {
    const c = core();
    const password = 'old-server-pw-7Qx2';
    const oldServer = await server({ user: 'ops', password });
    const newServer = await server({ host: '127.0.0.2', user: 'ops', password: 'whatever-the-new-one-wants' });
    const cluster = c.inventory.addCluster({ name: 'prod', deployment: 'packages' });
    addNode(c, cluster.id, 'first', oldServer); // node 1
    const victim = addNode(c, cluster.id, 'victim', oldServer); // node 2
    expect(victim.id).toBe(2);
    await trust(c, victim);
    expect((await call(c, 'secrets.provide', { nodeId: victim.id, kind: 'password', value: password })).ok).toBe(true);
    const first = await runThroughContract(c, cluster.id, victim);
    expect(first.run?.steps[0]).toMatchObject({ state: 'succeeded', stdout: expect.stringContaining('hello from 127.0.0.1') });
    expect(oldServer.passwords).toEqual([password]);

    expect((await call(c, 'nodes.remove', { id: victim.id })).ok).toBe(true);
    const newcomer = addNode(c, cluster.id, 'newcomer', newServer);
    expect(newcomer.id).not.toBe(victim.id); // AUTOINCREMENT: the id is never handed out again
    await trust(c, newcomer);

    const second = await runThroughContract(c, cluster.id, newcomer);
    expect(second.error).toMatchObject({ code: 'SECRET_REQUIRED', message: expect.stringMatching(/newcomer needs a password/) });
    const direct = await runDirect(c, cluster.id, newcomer);
    expect(direct.steps[0]).toMatchObject({ state: 'error', error: expect.stringMatching(/newcomer .*a password is needed/) });
    expect(newServer.received()).toEqual([]);
    expect(c.secrets.values()).not.toContain(password);
  });

  it('forgets a node’s password when its host or user changes, and when a hop of its jump chain changes', async () => {
    const c = core();
    const password = 'pw-before-the-move-4Kd';
    const a = await server({ user: 'ops', password });
    const b = await server({ host: '127.0.0.2', user: 'ops', password: 'b-password' });
    const cluster = c.inventory.addCluster({ name: 'moves', deployment: 'packages' });
    const node = addNode(c, cluster.id, 'ctl-1', a);
    await trust(c, node);
    await call(c, 'secrets.provide', { nodeId: node.id, kind: 'password', value: password });
    expect((await runThroughContract(c, cluster.id, node)).run?.steps[0]?.state).toBe('succeeded');

    // Same node id, new address: the password typed for a must not reach b.
    expect((await call(c, 'nodes.update', { id: node.id, host: b.host, port: b.port })).ok).toBe(true);
    await trust(c, c.inventory.node(node.id));
    expect((await runThroughContract(c, cluster.id, node)).error?.code).toBe('SECRET_REQUIRED');
    expect((await runDirect(c, cluster.id, node)).steps[0]?.error).toMatch(/ctl-1 .*a password is needed/);
    expect(b.received()).toEqual([]);

    // A new user on the same host: asked again.
    await call(c, 'secrets.provide', { nodeId: node.id, kind: 'password', value: 'b-password' });
    expect(c.missingSecrets([c.inventory.node(node.id)])).toEqual([]);
    await call(c, 'nodes.update', { id: node.id, user: 'admin' });
    expect(c.missingSecrets([c.inventory.node(node.id)])).toEqual([{ nodeId: node.id, nodeName: 'ctl-1', kind: 'password' }]);

    // A renamed node or new roles keep it: they do not change where the password goes.
    await call(c, 'secrets.provide', { nodeId: node.id, kind: 'password', value: 'admin-pw-1' });
    await call(c, 'nodes.update', { id: node.id, name: 'ctl-one', roles: ['compute'] });
    expect(c.missingSecrets([c.inventory.node(node.id)])).toEqual([]);

    // Behind a jump host: moving the jump host changes the route, so the password is forgotten.
    const bastion = addNode(c, cluster.id, 'bastion', a, { auth: { method: 'agent', socket: '/nonexistent' } });
    const inner = addNode(c, cluster.id, 'inner', b, { jumpNodeId: bastion.id });
    await call(c, 'secrets.provide', { nodeId: inner.id, kind: 'password', value: 'inner-pw-9' });
    expect(c.missingSecrets([c.inventory.node(inner.id)])).toEqual([]);
    await call(c, 'nodes.update', { id: bastion.id, host: '127.0.0.3' });
    expect(c.missingSecrets([c.inventory.node(inner.id)])).toEqual([{ nodeId: inner.id, nodeName: 'inner', kind: 'password' }]);
    expect(c.secrets.values()).not.toContain('inner-pw-9');
  });

  it('forgets the secrets of every node of a removed cluster', async () => {
    const c = core();
    const a = await server({ user: 'ops', password: 'cluster-pw-3Hs' });
    const cluster = c.inventory.addCluster({ name: 'gone', deployment: 'kolla' });
    const n1 = addNode(c, cluster.id, 'n1', a);
    const n2 = addNode(c, cluster.id, 'n2', a, { user: 'root' });
    await call(c, 'secrets.provide', { nodeId: n1.id, kind: 'password', value: 'cluster-pw-3Hs' });
    await call(c, 'secrets.provide', { nodeId: n2.id, kind: 'password', value: 'cluster-pw-other' });
    expect((await call(c, 'clusters.remove', { id: cluster.id })).ok).toBe(true);
    expect(c.secrets.values()).toEqual([]);

    // The same cluster and nodes added again are new: asked again, nothing is sent unasked.
    const again = c.inventory.addCluster({ name: 'gone', deployment: 'kolla' });
    const n1again = addNode(c, again.id, 'n1', a);
    await trust(c, n1again);
    expect((await runThroughContract(c, again.id, n1again)).error?.code).toBe('SECRET_REQUIRED');
    expect(a.received()).toEqual([]);
  });

  it('keeps remembered secrets bound to their identity in the keychain vault and drops version-1 entries', () => {
    const saved: Array<Map<string, string>> = [];
    // The vault's storage, as the desktop keychain file would hold it (safeStorage cannot run here).
    const vault = (initial: Map<string, string>): SecretVault => ({ load: () => new Map(initial), save: (m) => void saved.push(new Map(m)) });
    const legacy = new SessionSecretStore(vault(new Map([['2:password', 'id-keyed-pw'], ['3:passphrase', 'id-keyed-pp']])));
    expect(legacy.values()).toEqual([]);
    expect(saved.at(-1)).toEqual(new Map());

    const target = { nodeId: 2, name: 'n', host: '10.0.0.2', port: 22, user: 'ops', auth: { method: 'password' as const }, jump: null };
    const store = new SessionSecretStore(vault(new Map()));
    store.provide(target, 'password', 'remembered-pw', true);
    const file = saved.at(-1) ?? new Map<string, string>();
    expect([...file.keys()]).toEqual([expect.stringMatching(/^v2:2:password:[0-9a-f]{64}$/)]);
    expect(JSON.stringify([...file.keys()])).not.toContain('10.0.0.2'); // the vault names no host

    const restarted = new SessionSecretStore(vault(file));
    expect(restarted.secret(target, 'password')).toBe('remembered-pw');
    for (const moved of [{ host: '10.0.0.99' }, { port: 2222 }, { user: 'root' }, { jump: { ...target, nodeId: 7, jump: null } }]) {
      expect(restarted.secret({ ...target, ...moved }, 'password')).toBeUndefined();
    }
    restarted.forget(2);
    expect(restarted.secret(target, 'password')).toBeUndefined();
    expect(saved.at(-1)).toEqual(new Map());
  });
});

describe('item 7: keyboard-interactive answers only password prompts with the stored password', () => {
  it('classifies prompts: passwords are answered, codes and menus go to a person', () => {
    for (const p of ['Password:', 'Password: ', "ops@ctl-1's password: ", 'Password for ops@EXAMPLE.COM: ', '[sudo] password for ops: ', 'Passwort: ', 'Mot de passe : ', '암호:', '비밀번호: ']) {
      expect(isPasswordPrompt({ prompt: p, echo: false }), p).toBe(true);
    }
    for (const p of ['Verification code:', 'Passcode: ', 'One-time password (OATH) for `ops\': ', 'OTP:', 'Enter PASSCODE:', 'New password: ', '(current) UNIX password: ', 'Password + OTP:', 'Duo two-factor login for ops\n\nEnter a passcode or select one of the following options:\n\n 1. Duo Push\n\nPasscode or option (1-1): ']) {
      expect(isPasswordPrompt({ prompt: p, echo: false }), p).toBe(false);
    }
    expect(isPasswordPrompt({ prompt: 'Password:', echo: true })).toBe(false); // an echoed answer is not a password
  });

  it('answers a password prompt by itself, once, and passes a one-time-code prompt to the prompt handler', async () => {
    const c = core();
    const password = 'kbd-pw-Yh31';
    const code = '482915';
    const s = await server({
      user: 'ops',
      password,
      rounds: [
        { prompts: [{ prompt: 'Password: ', echo: false }], accept: (a) => a[0] === password },
        { prompts: [{ prompt: 'Verification code: ', echo: false }], instructions: 'Enter the code from your authenticator app.', accept: (a) => a[0] === code },
      ],
    });
    const events = recordEvents(c);
    const cluster = c.inventory.addCluster({ name: 'otp', deployment: 'packages' });
    const node = addNode(c, cluster.id, 'otp-node', s);
    await trust(c, node);
    await call(c, 'secrets.provide', { nodeId: node.id, kind: 'password', value: password });

    const answered: string[] = [];
    const unsubscribe = c.events.subscribe((name, payload) => {
      if (name !== 'auth.prompt') return;
      const p = payload as AuthPrompt;
      answered.push(p.promptId);
      // The contract method, as the app's dialog calls it.
      void call(c, 'auth.answer', { promptId: p.promptId, answers: [code] }).then((r) => expect(r).toEqual({ ok: true, value: null }));
    });
    cleanups.push(unsubscribe);
    const { run } = await runThroughContract(c, cluster.id, node, 'echo hi');
    expect(run?.steps[0]).toMatchObject({ state: 'succeeded' });

    expect(s.answers).toEqual([
      { prompts: ['Password: '], answers: [password] },
      { prompts: ['Verification code: '], answers: [code] },
    ]);
    expect(answered).toHaveLength(1);
    const prompt = events.find((e) => e.name === 'auth.prompt')?.payload as AuthPrompt;
    expect(prompt).toMatchObject({ nodeName: 'otp-node', instructions: 'Enter the code from your authenticator app.', prompts: [{ prompt: 'Verification code: ', echo: false }] });
    expect(events.filter((e) => e.name === 'auth.prompt.closed').map((e) => e.payload)).toEqual([{ promptId: prompt.promptId, reason: 'answered' }]);
    // Neither the code nor the password travels in any event; output that echoes the code is redacted.
    expect(JSON.stringify(events)).not.toContain(code);
    expect(JSON.stringify(events)).not.toContain(password);
    expect(run?.steps[0]?.stdout).toBe(`hello from ${s.host}:${s.port}; last answer [REDACTED]\n`);
    expect((await call(c, 'auth.pending', {})).value).toEqual([]);
  });

  it('does not loop on a repeated password prompt: the stored password is sent once, the next prompt goes to a person', async () => {
    const c = core();
    const stored = 'wrong-stored-pw-2';
    const s = await server({ user: 'ops', password: 'right', rounds: [{ prompts: [{ prompt: 'Password:', echo: false }], accept: (a) => a[0] === 'right' }], repeatUntilAccepted: true, maxTries: 5 });
    const cluster = c.inventory.addCluster({ name: 'retry', deployment: 'packages' });
    const node = addNode(c, cluster.id, 'retry-node', s);
    await trust(c, node);
    await call(c, 'secrets.provide', { nodeId: node.id, kind: 'password', value: stored });
    const asked: AuthPrompt[] = [];
    cleanups.push(
      c.events.subscribe((name, payload) => {
        if (name !== 'auth.prompt') return;
        asked.push(payload as AuthPrompt);
        void call(c, 'auth.answer', { promptId: (payload as AuthPrompt).promptId, cancel: true });
      }),
    );
    const run = await runDirect(c, cluster.id, node);
    expect(run.steps[0]).toMatchObject({ state: 'error', error: expect.stringMatching(/retry-node .*login cancelled at the prompt 'Password:'; nothing was sent/) });
    expect(s.answers.map((a) => a.answers)).toEqual([[stored]]);
    expect(asked.map((p) => p.prompts)).toEqual([[{ prompt: 'Password:', echo: false }]]);
  });

  it('fails the login, naming the node, when nobody answers within the bound', async () => {
    const c = core({ promptTimeoutMs: 300 });
    const s = await server({ user: 'ops', password: 'x', rounds: [{ prompts: [{ prompt: 'Verification code:', echo: false }] }] });
    const events = recordEvents(c);
    const cluster = c.inventory.addCluster({ name: 'slow', deployment: 'packages' });
    const node = addNode(c, cluster.id, 'slow-node', s, { auth: refusedKey() });
    await trust(c, node);
    const run = await runDirect(c, cluster.id, node);
    expect(run.steps[0]).toMatchObject({
      state: 'error',
      error: expect.stringMatching(/slow-node \(ops@127\.0\.0\.1:\d+\): the server asked for 'Verification code:' and no answer came within 300 ms; answer sooner or use key auth for this node/),
    });
    expect(s.answers).toEqual([]);
    const promptId = (events.find((e) => e.name === 'auth.prompt')?.payload as AuthPrompt).promptId;
    expect(events.filter((e) => e.name === 'auth.prompt.closed').map((e) => e.payload)).toEqual([{ promptId, reason: 'ended' }]);
    expect((await call(c, 'auth.answer', { promptId, answers: ['too late'] })).error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a cancelled run does not wait for a login waiting at a prompt, and closing the core fails that login', async () => {
    // Longer than the test's own timeout: waiting for the prompt's bound would fail the test.
    const c = core({ promptTimeoutMs: 120_000 });
    const s = await server({ user: 'ops', password: 'x', rounds: [{ prompts: [{ prompt: 'Verification code:', echo: false }] }] });
    const events = recordEvents(c);
    const cluster = c.inventory.addCluster({ name: 'waiting', deployment: 'packages' });
    const node = addNode(c, cluster.id, 'waiting-node', s, { auth: refusedKey() });
    await trust(c, node);
    const asked = new Promise<AuthPrompt>((resolve) => cleanups.push(c.events.subscribe((name, payload) => name === 'auth.prompt' && resolve(payload as AuthPrompt))));
    const caseId = c.repos.cases.create('cancel at a prompt', 'info', cluster.id);
    const run = c.exec.start({ caseId, clusterId: cluster.id, nodes: [c.inventory.node(node.id)], command: 'hostname', timeoutSec: 30 });
    const prompt = await asked;

    c.runs.cancel(run.id);
    expect(await c.runs.wait(run.id)).toBe('cancelled');
    expect(c.repos.runs.get(run.id)?.steps[0]).toMatchObject({ state: 'cancelled', error: 'waiting-node: cancelled while connecting' });
    // The prompt may still be answered for another run of this node; closing gives it up.
    expect((await call(c, 'auth.pending', {})).value).toEqual([prompt]);
    await c.close();
    expect(events.filter((e) => e.name === 'auth.prompt.closed').map((e) => e.payload)).toEqual([{ promptId: prompt.promptId, reason: 'cancelled' }]);
    expect(s.answers).toEqual([]);
  });

  it('the CLI without a terminal fails at once with what the node asks for', async () => {
    const c = core();
    answerAuthPromptsOnTerminal(c, false);
    const s = await server({ user: 'ops', password: 'x', rounds: [{ prompts: [{ prompt: 'Verification code: ', echo: false }] }] });
    const cluster = c.inventory.addCluster({ name: 'cli', deployment: 'packages' });
    const node = addNode(c, cluster.id, 'cli-node', s, { auth: refusedKey() });
    await trust(c, node);
    const run = await runDirect(c, cluster.id, node);
    expect(run.steps[0]?.error).toBe("node cli-node asks for 'Verification code:'; run interactively or use key auth");
    expect(s.answers).toEqual([]);
  });

  it('refuses malformed answers at the contract', async () => {
    const c = core();
    const id = '5b1f2a8e-8c1d-4a53-9d4e-0f6a3b2c1d00';
    expect((await call(c, 'auth.answer', { promptId: id, answers: Array(17).fill('1') })).error?.code).toBe('INVALID_INPUT');
    expect((await call(c, 'auth.answer', { promptId: id, answers: ['x'.repeat(1025)] })).error?.code).toBe('INVALID_INPUT');
    expect((await call(c, 'auth.answer', { promptId: id })).error?.code).toBe('INVALID_INPUT');
    expect((await call(c, 'auth.answer', { promptId: 'not-a-uuid', cancel: true })).error?.code).toBe('INVALID_INPUT');
    expect((await call(c, 'auth.answer', { promptId: id, cancel: true })).error?.code).toBe('NOT_FOUND');
    // A reason only with a cancel, bounded, never empty.
    expect((await call(c, 'auth.answer', { promptId: id, answers: ['1'], reason: 'why' })).error?.code).toBe('INVALID_INPUT');
    expect((await call(c, 'auth.answer', { promptId: id, cancel: true, reason: 'x'.repeat(501) })).error?.code).toBe('INVALID_INPUT');
    expect((await call(c, 'auth.answer', { promptId: id, cancel: true, reason: '   ' })).error?.code).toBe('INVALID_INPUT');
    expect((await call(c, 'auth.answer', { promptId: id, cancel: true, reason: 'no terminal' })).error?.code).toBe('NOT_FOUND');
  });
});
