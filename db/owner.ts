/**
 * Which process owns a running run or an open terminal session. The pid alone is not enough: pids
 * are reused, and in a container the app is often pid 1 again after a restart. So the owner's
 * start time is recorded with it. The case log only stores and reads these; telling whether an
 * owner still lives takes the OS, which is the core's job (main/core/process-owner.ts).
 */
export interface ProcessOwner {
  pid: number;
  /** "<boot id>:<start time in clock ticks since boot>" (Linux), or null where it cannot be read. */
  started: string | null;
}

/** An owner as stored: rows written before owners were recorded have no pid. */
export interface RecordedOwner {
  pid: number | null;
  started: string | null;
}

/** Whether a recorded owner is gone (crash recovery closes what it left open). */
export type OwnerGone = (owner: RecordedOwner) => boolean;
