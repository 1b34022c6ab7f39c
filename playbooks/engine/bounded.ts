/** Run `fn` over `items` with at most `limit` in flight (at least one). */
export async function mapBounded<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * At most `limit` tasks at once across every caller that shares it: a whole-cluster check runs
 * several playbooks side by side and still keeps its fan-out bounded. A task whose signal aborts
 * while it waits stops waiting and runs at once (it sees the abort and ends without work).
 */
export class Gate {
  private active = 0;
  private readonly waiting = new Set<() => void>();

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const held = await this.enter(signal);
    try {
      return await task();
    } finally {
      if (held) this.leave();
    }
  }

  /** True when a slot was taken (false: aborted while waiting). */
  private enter(signal?: AbortSignal): Promise<boolean> {
    if (this.active < Math.max(1, this.limit)) {
      this.active++;
      return Promise.resolve(true);
    }
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const onAbort = (): void => {
        this.waiting.delete(wake);
        resolve(false);
      };
      const wake = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve(true);
      };
      this.waiting.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private leave(): void {
    this.active--;
    const next = this.waiting.values().next();
    if (!next.done) {
      this.waiting.delete(next.value);
      next.value();
    }
  }
}
