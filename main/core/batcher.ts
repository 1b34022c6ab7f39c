/**
 * Gathers writes into batches: `write` runs `intervalMs` after the first thing added, or at once
 * when what waits reaches `maxSize`. The output sink and the terminal recordings use it, so a
 * flood of small chunks costs a few SQLite transactions, not one each.
 */
export class Batcher {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly write: () => void,
    private readonly intervalMs: number,
    private readonly maxSize: number,
  ) {}

  /** Something was added; `waiting` is how much waits now (in the caller's unit). */
  added(waiting: number): void {
    if (waiting >= this.maxSize) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Write what waits now. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.write();
  }
}
