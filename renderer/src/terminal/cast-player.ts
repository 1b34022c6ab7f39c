import type { Terminal } from '@xterm/xterm';
import { capIdle, nextIndex, parseSize, type Cast, type CastEvent } from './asciicast.js';

export interface PlayerStatus {
  playing: boolean;
  /** Seconds into the (idle-capped) recording. */
  position: number;
  duration: number;
}

/**
 * Plays an asciicast into a read-only xterm, honouring its timestamps (at `speed`), with pauses
 * longer than `maxIdle` seconds shortened. Output events between two timer ticks go to the screen
 * in one write.
 */
export class CastPlayer {
  private readonly events: CastEvent[];
  private index = 0;
  private position = 0;
  private playing = false;
  private speed = 1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** performance.now() and position when playback last (re)started. */
  private anchor = { at: 0, position: 0 };

  constructor(
    private readonly term: Terminal,
    private readonly cast: Cast,
    maxIdle: number,
    private readonly onStatus: (s: PlayerStatus) => void,
  ) {
    this.events = capIdle(cast.events, maxIdle);
  }

  get duration(): number {
    return this.events.at(-1)?.t ?? 0;
  }

  status(): PlayerStatus {
    return { playing: this.playing, position: this.playing ? this.now() : this.position, duration: this.duration };
  }

  play(): void {
    if (this.playing) return;
    if (this.index >= this.events.length) this.rewind();
    this.playing = true;
    this.anchor = { at: performance.now(), position: this.position };
    this.tick();
  }

  pause(): void {
    if (!this.playing) return;
    this.position = this.now();
    this.playing = false;
    this.clearTimer();
    this.report();
  }

  setSpeed(speed: number): void {
    if (this.playing) {
      this.position = this.now();
      this.anchor = { at: performance.now(), position: this.position };
    }
    this.speed = speed;
    if (this.playing) {
      this.clearTimer();
      this.tick();
    }
  }

  restart(): void {
    const was = this.playing;
    this.pause();
    this.rewind();
    this.report();
    if (was) this.play();
  }

  /** Show everything at once. */
  toEnd(): void {
    this.pause();
    this.position = this.duration;
    this.flushUntil(this.position);
    this.report();
  }

  dispose(): void {
    this.clearTimer();
  }

  private rewind(): void {
    this.term.reset();
    this.term.resize(this.cast.header.width, this.cast.header.height);
    this.index = 0;
    this.position = 0;
  }

  private now(): number {
    return Math.min(this.duration, this.anchor.position + ((performance.now() - this.anchor.at) / 1000) * this.speed);
  }

  private tick(): void {
    this.timer = null;
    if (!this.playing) return;
    this.position = this.now();
    this.flushUntil(this.position);
    if (this.index >= this.events.length) {
      this.playing = false;
      this.position = this.duration;
      this.report();
      return;
    }
    this.report();
    const next = this.events[this.index]?.t ?? this.position;
    this.timer = setTimeout(() => this.tick(), Math.max(0, ((next - this.position) / this.speed) * 1000));
  }

  private flushUntil(position: number): void {
    const end = nextIndex(this.events, this.index, position);
    let out = '';
    for (; this.index < end; this.index++) {
      const e = this.events[this.index];
      if (!e) continue;
      if (e.kind === 'o') out += e.data;
      else if (e.kind === 'r') {
        // Writes are queued and parsed later; the resize belongs between the output before it and after it.
        const size = parseSize(e.data);
        this.term.write(out, () => size && this.term.resize(size.cols, size.rows));
        out = '';
      }
    }
    if (out) this.term.write(out);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private report(): void {
    this.onStatus(this.status());
  }
}
