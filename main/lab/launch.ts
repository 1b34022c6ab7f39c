import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { containerHost, runContainer, stopContainer } from './containers.js';
import { isAlive, readPid, runCommand, signal, startDaemon, waitUntil } from './proc.js';
import type { LabComponent } from './state.js';

/**
 * A script shipped with the lab (`main/lab/scripts/` in the source tree, `dist/lab/scripts/`
 * after a build; `../lab/scripts` resolves to the right one from either place).
 */
export function labScript(name: string): string {
  const candidates = [fileURLToPath(new URL(`../lab/scripts/${name}`, import.meta.url)), fileURLToPath(new URL(`./scripts/${name}`, import.meta.url))];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`lab script ${name} not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** The pid of the component's process now (for a supervised one: the current child). */
export function componentPid(c: LabComponent): number | undefined {
  return readPid(c.pidFile);
}

export function supervisorPid(c: LabComponent): number | undefined {
  return c.supervised ? readPid(join(c.supervised.dir, 'supervisor.pid')) : undefined;
}

export interface SupervisorState {
  state: 'running' | 'waiting';
  reason?: string;
  message?: string;
  startedAt?: string;
  restarts: number;
  lastState: { exitCode: number; reason: string; startedAt: string; finishedAt: string } | null;
}

export function supervisorState(c: LabComponent): SupervisorState | undefined {
  if (!c.supervised) return undefined;
  try {
    return JSON.parse(readFileSync(join(c.supervised.dir, 'state.json'), 'utf8')) as SupervisorState;
  } catch {
    return undefined;
  }
}

/** Start a component as a daemon (under the lab's supervisor if it has one) and record its pid. */
export function launch(c: LabComponent): void {
  // Crash dumps (RabbitMQ's MnesiaCore.*, core files) land in the working directory: keep them in the lab.
  // Some components' data "dir" is a file (an OVSDB database): those keep the default cwd.
  const cwd = c.dataDir && existsSync(c.dataDir) && statSync(c.dataDir).isDirectory() ? c.dataDir : undefined;
  // kolla flavour: a Docker container of the node's dockerd; Docker's restart policy is its supervisor.
  const docker = containerHost(c);
  if (docker) return runContainer(c, docker, cwd);
  if (c.supervised) {
    mkdirSync(c.supervised.dir, { recursive: true });
    startDaemon([process.execPath, labScript('supervise.mjs'), c.supervised.dir, '--', ...c.argv], {
      netns: c.netns,
      env: c.env,
      logFile: join(c.supervised.dir, 'supervisor.log'),
      cwd,
    });
    return;
  }
  // dockerd enters the node's namespace itself (nsenter --net): `ip netns exec` remounts /sys, which dockerd cannot use.
  const pid = startDaemon(c.argv, { netns: c.kind === 'dockerd' ? undefined : c.netns, env: c.env, logFile: c.logFile, cwd });
  writeFileSync(c.pidFile, `${pid}\n`);
}

/** Stop a component (and its supervisor) and wait until it is gone. */
export async function halt(c: LabComponent, sig: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  // A container is stopped through Docker, so its restart policy leaves it down.
  const docker = containerHost(c);
  if (docker) return stopContainer(c, docker, sig);
  const pids = [supervisorPid(c), componentPid(c)].filter((p): p is number => p !== undefined);
  for (const pid of pids) signal(pid, sig);
  await waitUntil(`${c.name} to stop`, () => !pids.some(isAlive), 60_000, c.logFile);
}

/** `ovs-appctl -t TARGET ARGS` for a component, in its namespace and environment; undefined if it does not answer. */
export async function appctl(c: LabComponent, target: string, args: string[], timeoutMs = 5000): Promise<string | undefined> {
  const r = await runCommand(['ovs-appctl', '-t', target, ...args], { netns: c.netns, env: c.env, timeoutMs });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

export function isRunning(c: LabComponent): boolean {
  return isAlive(componentPid(c));
}
