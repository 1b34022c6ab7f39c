import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';

/** An error of the practice lab: says what failed and, where there is one, which log to read. */
export class LabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabError';
  }
}

export interface RunOptions {
  /** Run inside this network namespace. */
  netns?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
  cwd?: string;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

function argvIn(netns: string | undefined, argv: string[]): string[] {
  return netns ? ['ip', 'netns', 'exec', netns, ...argv] : argv;
}

/** Run a command to completion and return its output whatever its exit code. */
export function runCommand(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  const [cmd, ...args] = argvIn(opts.netns, argv);
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd as string,
      args,
      { env: { ...process.env, ...opts.env }, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024, cwd: opts.cwd },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(new LabError(`${argv.join(' ')}: ${err.killed ? `timed out after ${opts.timeoutMs ?? 60_000} ms` : err.message}`));
          return;
        }
        resolve({ stdout: String(stdout), stderr: String(stderr), code: err ? Number(err.code) : 0 });
      },
    );
    // A command that exits before reading its input must not crash us with EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(opts.input ?? '');
  });
}

/** Run a command that must succeed; the error quotes the command and its stderr. */
export async function run(argv: string[], opts: RunOptions = {}): Promise<string> {
  const r = await runCommand(argv, opts);
  if (r.code !== 0) {
    const where = opts.netns ? ` (in ${opts.netns})` : '';
    throw new LabError(`${argv.join(' ')}${where} exited with ${r.code}: ${(r.stderr || r.stdout).trim().slice(-2000)}`);
  }
  return r.stdout;
}

export interface DaemonOptions extends RunOptions {
  logFile: string;
}

/**
 * Start a long-running process that outlives this one (the lab stays up after `lab up` returns):
 * its own session, output appended to its log file, not waited for.
 */
export function startDaemon(argv: string[], opts: DaemonOptions): number {
  const [cmd, ...args] = argvIn(opts.netns, argv);
  const fd = openSync(opts.logFile, 'a');
  try {
    const child = spawn(cmd as string, args, {
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', fd, fd],
      detached: true,
      cwd: opts.cwd,
    });
    if (child.pid === undefined) throw new LabError(`could not start ${argv[0]}: see ${opts.logFile}`);
    child.on('error', () => undefined);
    child.unref();
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** True when the process exists and is not a zombie. */
export function isAlive(pid: number | undefined): boolean {
  if (!pid || pid <= 0) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export function readPid(file: string): number | undefined {
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return `(no log at ${file})`;
  const text = readFileSync(file, 'utf8').trimEnd().split('\n');
  return text.slice(-lines).join('\n');
}

/** Poll `check` until it returns true; on timeout, fail naming what was awaited and its log. */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, logFile?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  let lastError = '';
  for (;;) {
    let ok = false;
    try {
      ok = await check();
    } catch (e) {
      lastError = (e as Error).message;
    }
    if (ok) return;
    if (Date.now() > deadline) {
      const why = lastError ? ` (last check: ${lastError.trim().slice(0, 500)})` : '';
      throw new LabError(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s${why}${logFile ? `; last lines of ${logFile}:\n${tail(logFile)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 500);
  }
}

/** Send a signal to a process, ignoring one that is already gone. */
export function signal(pid: number | undefined, sig: NodeJS.Signals = 'SIGTERM'): void {
  if (!pid) return;
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}
