import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { InventoryRepo } from '../../db/inventory-repo.js';
import { createRepos } from '../../db/repos.js';
import { createCore, type Core } from './core.js';
import { currentOwner, processStartId } from './process-owner.js';
import { tempDir } from './testing/fixtures.js';

// Pids are reused (in a container the app is often pid 1 again after a restart): a run or a
// terminal whose recorded owner pid now belongs to another live process must not stay open forever.

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real long-lived process whose pid plays the reused one; killed when the test ends. */
async function liveProcess(): Promise<number> {
  const child: ChildProcess = spawn('sleep', ['60'], { stdio: 'ignore' });
  cleanups.push(() => {
    child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid as number));
    child.once('error', reject);
  });
}

describe('owners of running runs and open terminals (pid reuse)', () => {
  it('reads a start time that tells two processes apart, and stays the same for one process', async () => {
    const pid = await liveProcess();
    const identity = processStartId(pid);
    expect(identity).toMatch(/^[0-9a-f-]{36}:\d+$/); // boot id : clock ticks since boot
    expect(processStartId(pid)).toBe(identity);
    expect(currentOwner()).toEqual({ pid: process.pid, started: processStartId(process.pid) });
    expect(processStartId(2 ** 22 + 1)).toBeNull(); // above pid_max: no such process
  });

  it('interrupts runs and terminals whose pid another process now has, keeps their output, and leaves a live owner alone', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const dataDir = join(t.path, 'data');
    const pid = await liveProcess();
    const identity = processStartId(pid) as string;
    const [bootId] = identity.split(':');
    const before = `${bootId}:1`; // the original owner: same boot, started long before the process that has its pid now

    // What a process that died left behind, written as it would have written it.
    const db = openDatabase(join(dataDir, 'caselog.sqlite'));
    const inventory = new InventoryRepo(db);
    const nodeId = inventory.addNode(inventory.addCluster('c1', 'packages'), { name: 'ctl-1', host: '127.0.0.1', port: 22, user: 'root', roles: ['controller'], auth: { method: 'agent' }, jumpNodeId: null });
    const { cases, runs, terminals } = createRepos(db, { owner: currentOwner() });
    const caseId = cases.create('pid reuse', 'warning', null);
    const step = { nodeId: null, nodeName: 'ctl-1', command: 'journalctl', commandSent: 'journalctl' };
    const reused = runs.create(caseId, 1, 'exec', 'owner died, pid reused', {}, [step]);
    const reusedStep = reused.steps[0]?.id ?? 0;
    runs.markStepRunning(reusedStep, new Date().toISOString());
    runs.output.append([{ stepId: reusedStep, stream: 'stdout', data: 'arrived before the owner died\n' }]);
    const samePidAsUs = runs.create(caseId, 1, 'exec', 'owner died, its pid is ours now', {}, [step]);
    const live = runs.create(caseId, 1, 'exec', 'owner alive', {}, [step]);
    const unknownStart = runs.create(caseId, 1, 'exec', 'owner alive, start time not recorded (macOS, Windows)', {}, [step]);
    const setOwner = db.prepare('UPDATE runs SET owner_pid = ?, owner_started = ? WHERE id = ?');
    setOwner.run(pid, before, reused.id);
    setOwner.run(process.pid, before, samePidAsUs.id);
    setOwner.run(pid, identity, live.id);
    setOwner.run(pid, null, unknownStart.id);
    const session = (started: string | null, owner: number): number => {
      const s = terminals.create({ caseId, nodeId, nodeName: 'ctl-1', startedAt: '2026-01-02T03:04:05.000Z', width: 80, height: 24, header: '{"version":2,"width":80,"height":24}' });
      terminals.append([{ sessionId: s.id, events: '[1.5,"o","recorded before"]\n', bytes: 15 }]);
      db.prepare('UPDATE terminal_sessions SET owner_pid = ?, owner_started = ? WHERE id = ?').run(owner, started, s.id);
      return s.id;
    };
    const reusedTerminal = session(before, pid);
    const liveTerminal = session(identity, pid);
    db.close();

    // Open the case log as every start does.
    const core: Core = createCore({ dataDir, mode: 'cli', notice: () => undefined });
    cleanups.push(() => core.close());
    expect(core.repos.runs.get(reused.id)).toMatchObject({ state: 'interrupted', steps: [{ state: 'interrupted', stdout: 'arrived before the owner died\n' }] });
    expect(core.repos.runs.get(samePidAsUs.id)?.state).toBe('interrupted');
    expect(core.repos.runs.get(live.id)?.state).toBe('running');
    expect(core.repos.runs.get(unknownStart.id)?.state).toBe('running');
    expect(core.terminals.list(caseId).map((s) => [s.id, s.state])).toEqual([
      [reusedTerminal, 'interrupted'],
      [liveTerminal, 'open'],
    ]);
    expect(core.db.prepare('SELECT events FROM terminal_chunks WHERE session_id = ?').get(reusedTerminal)).toEqual({ events: '[1.5,"o","recorded before"]\n' });
    // The process holding the pid was alive all along: only its start time told them apart.
    expect(() => process.kill(pid, 0)).not.toThrow();
  });

  it('records the owner identity on new runs and terminal sessions', () => {
    const t = tempDir();
    cleanups.push(t.remove);
    // As every start wires the case log: this process, as the OS tells it, is the owner.
    const core = createCore({ dataDir: join(t.path, 'data'), mode: 'cli', notice: () => undefined });
    cleanups.push(() => core.close());
    const cluster = core.inventory.addCluster({ name: 'c1', deployment: 'packages' });
    const node = core.inventory.addNode({ clusterId: cluster.id, name: 'n', host: '127.0.0.1', port: 22, user: 'root', roles: ['controller'], auth: { method: 'agent' }, jumpNodeId: null });
    const caseId = core.repos.cases.create('owner', 'info', null);
    const run = core.repos.runs.create(caseId, cluster.id, 'exec', 'x', {}, []);
    const s = core.repos.terminals.create({ caseId, nodeId: node.id, nodeName: 'n', startedAt: new Date().toISOString(), width: 80, height: 24, header: '{}' });
    const me = currentOwner();
    expect(me.started).not.toBeNull();
    expect(core.db.prepare('SELECT owner_pid AS pid, owner_started AS started FROM runs WHERE id = ?').get(run.id)).toEqual(me);
    expect(core.db.prepare('SELECT owner_pid AS pid, owner_started AS started FROM terminal_sessions WHERE id = ?').get(s.id)).toEqual(me);
  });
});
