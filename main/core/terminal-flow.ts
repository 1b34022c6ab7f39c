/**
 * Acknowledgement-based flow control for one terminal (the scheme Tabby and VS Code use): the
 * screen acknowledges the bytes it has written; while more than `high` bytes are unacknowledged
 * the source is paused, and it resumes once the backlog falls under `low`. A `cat` of a huge file
 * then moves at the speed the screen can draw it, and neither the UI nor memory floods.
 */
export class FlowWindow {
  private unacked = 0;
  private paused = false;

  constructor(
    private readonly pause: () => void,
    private readonly resume: () => void,
    readonly high = 256 * 1024,
    readonly low = 64 * 1024,
  ) {}

  get pending(): number {
    return this.unacked;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  sent(bytes: number): void {
    this.unacked += bytes;
    if (!this.paused && this.unacked > this.high) {
      this.paused = true;
      this.pause();
    }
  }

  acked(bytes: number): void {
    // A screen cannot acknowledge more than it was sent (a stale or repeated ack): clamp.
    this.unacked = Math.max(0, this.unacked - bytes);
    if (this.paused && this.unacked < this.low) {
      this.paused = false;
      this.resume();
    }
  }
}
