import { describe, expect, it } from 'vitest';
import { Gate, mapBounded } from './bounded.js';

/** A task that stays in flight until released, recording how many were in flight at once. */
function tracker() {
  let inFlight = 0;
  let peak = 0;
  const releases: Array<() => void> = [];
  const task = () =>
    new Promise<void>((resolve) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      releases.push(() => {
        inFlight--;
        resolve();
      });
    });
  return { task, peak: () => peak, inFlight: () => inFlight, releaseAll: () => releases.splice(0).forEach((r) => r()) };
}

/** Let queued promise callbacks run (no timers). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('Gate', () => {
  it('bounds tasks across every caller that shares it (three playbooks of a check)', async () => {
    const gate = new Gate(4);
    const t = tracker();
    // Three "runs", each with its own mapBounded of 4, share one gate of 4.
    const runs = [1, 2, 3].map(() => mapBounded(Array.from({ length: 6 }, (_, i) => i), 4, () => gate.run(t.task)));
    let all = false;
    void Promise.all(runs).then(() => (all = true));
    while (!all) {
      await settle();
      expect(t.inFlight()).toBeLessThanOrEqual(4);
      t.releaseAll();
    }
    expect(t.peak()).toBe(4);
  });

  it('lets a waiting task go when its signal aborts, without taking a slot', async () => {
    const gate = new Gate(1);
    const t = tracker();
    const first = gate.run(t.task);
    const abort = new AbortController();
    let ran = false;
    const waiting = gate.run(async () => void (ran = true), abort.signal);
    await settle();
    expect(ran).toBe(false);
    abort.abort();
    await waiting;
    expect(ran).toBe(true);
    // The slot is still the first task's: a third waits until it ends.
    let third = false;
    const next = gate.run(async () => void (third = true));
    await settle();
    expect(third).toBe(false);
    t.releaseAll();
    await Promise.all([first, next]);
    expect(third).toBe(true);
  });
});
