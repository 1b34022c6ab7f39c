import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { LabState } from './state.js';

/**
 * Where `lab up`'s time goes (issue 16's budget: ≤ 90 s warm): each phase's start and end, in
 * seconds since `lab up` began, kept in the lab state (`lab status --json` → up.phases) and
 * appended to <lab folder>/lab-timing.log as it happens. Phases nest and overlap (independent
 * parts start in parallel): the critical path is the chain of phases that ends last.
 */
export interface PhaseTiming {
  phase: string;
  start: number;
  end: number;
  /** The machine's 1-minute load average when the phase ended (the machine is shared: times are noisy). */
  load: number;
}

const origins = new WeakMap<LabState, number>();

/** Start recording the phases of `state`'s `lab up`, which began at `since` (Date.now()). */
export function startTiming(state: LabState, since: number): void {
  origins.set(state, since);
  state.timings = [];
}

const at = (since: number): number => Math.round((Date.now() - since) / 100) / 10;

/**
 * Run `fn` as phase `phase` of a `lab up` being timed; a state that is not (faults and heal reuse
 * the same start functions) just runs it. A failing phase is recorded too, named `… (failed)`.
 */
export async function timed<T>(state: LabState, phase: string, fn: () => Promise<T>): Promise<T> {
  const since = origins.get(state);
  if (since === undefined) return fn();
  const start = at(since);
  let failed = true;
  try {
    const r = await fn();
    failed = false;
    return r;
  } finally {
    const p: PhaseTiming = { phase: failed ? `${phase} (failed)` : phase, start, end: at(since), load: Math.round((loadavg()[0] ?? 0) * 10) / 10 };
    (state.timings ??= []).push(p);
    try {
      appendFileSync(join(state.layout.root, 'lab-timing.log'), `${p.start.toFixed(1).padStart(6)} ${p.end.toFixed(1).padStart(6)} ${(p.end - p.start).toFixed(1).padStart(6)} s  load ${p.load}  ${p.phase}\n`);
    } catch {
      // the log is a convenience; the state keeps the same
    }
  }
}
