import { readFileSync } from 'node:fs';
import type { ProcessOwner, RecordedOwner } from '../../db/owner.js';

// Owners of runs and terminal sessions as the OS sees them. The case log records owners
// (db/owner.ts) but never probes the OS: crash recovery is handed `ownerGone` from here.

let bootId: string | null | undefined;

function currentBootId(): string | null {
  if (bootId === undefined) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
    } catch {
      bootId = null; // not Linux
    }
  }
  return bootId;
}

/**
 * When process `pid` started, unique across reboots: the boot id plus /proc/PID/stat field 22.
 * Null where it cannot be read (macOS, Windows, /proc mounted with hidepid, a process gone).
 */
export function processStartId(pid: number): string | null {
  const boot = currentBootId();
  if (!boot) return null;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Field 2, the command name, is in parentheses and may hold spaces and ')': count from the last ')'.
  // What follows starts at field 3, so field 22 (starttime) is the 20th.
  const starttime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return starttime && /^\d+$/.test(starttime) ? `${boot}:${starttime}` : null;
}

let me: ProcessOwner | undefined;

/** This process, as recorded on the runs and sessions it starts. */
export function currentOwner(): ProcessOwner {
  me ??= { pid: process.pid, started: processStartId(process.pid) };
  return me;
}

/** A process is gone when signalling it fails with ESRCH; EPERM means it lives under another user. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the recorded owner of a run or session is gone: no pid, a pid no process has, or a pid
 * now held by a process that started at another time (this one included). Where either start time
 * is unknown the pid alone decides, as it did before start times were recorded.
 */
export function ownerGone(owner: RecordedOwner): boolean {
  if (owner.pid === null) return true;
  const self = currentOwner();
  if (owner.pid === self.pid) return owner.started !== null && self.started !== null && owner.started !== self.started;
  if (!processAlive(owner.pid)) return true;
  if (owner.started === null) return false;
  const now = processStartId(owner.pid);
  return now !== null && now !== owner.started;
}
