import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/testing/fixtures.js';
import { takeFullLabLock } from './test-lab.js';

describe('the full-lab lock (one full control plane at a time across test workers)', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
  const lockIn = (): string => {
    const d = tempDir();
    dirs.push(d);
    return join(d.path, 'full-lab.lock');
  };

  it('makes a second taker wait until the first releases, then hands it over', async () => {
    const lock = lockIn();
    const release1 = await takeFullLabLock(60_000, lock);
    let second = false;
    const waiting = takeFullLabLock(60_000, lock).then((r) => {
      second = true;
      return r;
    });
    // The second taker is still waiting while the first holds it: a short timeout fails with the owner named.
    await expect(takeFullLabLock(0, lock)).rejects.toThrow(`another full lab (pid ${process.pid}) held ${lock}`);
    expect(second).toBe(false);
    release1();
    const release2 = await waiting;
    expect(second).toBe(true);
    expect(existsSync(lock)).toBe(true);
    release2();
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock whose owner is dead (a killed test run)', async () => {
    const lock = lockIn();
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), '999999999');
    const release = await takeFullLabLock(0, lock);
    expect(existsSync(lock)).toBe(true);
    release();
  });
});
