import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';

describe('Batcher', () => {
  it('writes at once past the size bound, on flush, and once per interval otherwise', async () => {
    let writes = 0;
    const big = new Batcher(() => writes++, 60_000, 10);
    big.added(3);
    expect(writes).toBe(0);
    big.added(10);
    expect(writes).toBe(1);
    big.added(1);
    big.flush();
    expect(writes).toBe(2);

    // Below the bound: one write when the interval ends, however many additions came first.
    let timed = 0;
    await new Promise<void>((resolve) => {
      const b = new Batcher(() => (timed++, resolve()), 5, 1000);
      b.added(1);
      b.added(2);
      b.added(3);
    });
    expect(timed).toBe(1);
  });
});
