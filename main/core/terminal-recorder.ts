import type { TerminalBatch, TerminalsRepo } from '../../db/terminals-repo.js';
import { Batcher } from './batcher.js';
import { redactLine, StreamRedactor } from './redact.js';

/** CSI, OSC and two-byte escape sequences: stripped to look for a secret that a colour code splits. */
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

/**
 * Redact released lines a second time without their escape sequences: `grep --color password`
 * prints `password\x1b[m = secret`, which the plain patterns do not see. Such a line is stored
 * without its colours, only when that uncovers something to redact.
 */
export function redactStyledLines(text: string, literals: readonly string[]): string {
  if (!text.includes('\x1b')) return text;
  return text.replace(/[^\r\n]*(\r\n|\r|\n|$)/g, (line, eol: string) => {
    const body = line.slice(0, line.length - eol.length);
    if (!body.includes('\x1b')) return line;
    const plain = body.replace(ESCAPES, '');
    const redacted = redactLine(plain, literals);
    return redacted === plain ? line : redacted + eol;
  });
}

/** The first line of an asciicast v2 file. */
export function asciicastHeader(o: { width: number; height: number; startedAt: Date; term: string }): string {
  return JSON.stringify({ version: 2, width: o.width, height: o.height, timestamp: Math.floor(o.startedAt.getTime() / 1000), env: { TERM: o.term } });
}

export interface RecorderOptions {
  sessionId: number;
  width: number;
  height: number;
  startedAt: Date;
  term: string;
  /** Literal secrets of this app session (passwords given for nodes), redacted wherever they appear. */
  secrets: () => readonly string[];
  /** Stop recording output past this many characters (the live session goes on). */
  maxChars: number;
  /** Milliseconds on a monotonic clock. */
  clock?: () => number;
}

/**
 * One session's asciicast v2 recording. Output is redacted line by line before it is kept: a
 * partial line (a prompt, a command being typed and echoed) is held until it completes, so a
 * secret is never split across two events where no pattern could see it. Keystrokes are not
 * recorded at all.
 */
export class AsciicastRecorder {
  readonly header: string;
  private readonly redactor: StreamRedactor;
  private readonly clock: () => number;
  private readonly t0: number;
  private events = '';
  private rawBytes = 0;
  private recordedChars = 0;
  private capped = false;

  constructor(private readonly options: RecorderOptions) {
    this.clock = options.clock ?? (() => performance.now());
    this.t0 = this.clock();
    this.redactor = new StreamRedactor(options.secrets);
    this.header = asciicastHeader(options);
  }

  get sessionId(): number {
    return this.options.sessionId;
  }

  /** Characters of events waiting to be written. */
  get pendingSize(): number {
    return this.events.length;
  }

  output(text: string, rawBytes: number): void {
    this.rawBytes += rawBytes;
    if (this.capped) return;
    this.emit(this.redactor.push(text));
  }

  resize(cols: number, rows: number): void {
    if (this.capped) return;
    this.event('r', `${cols}x${rows}`);
  }

  /** The session ended: release the held partial line. */
  end(): void {
    if (!this.capped) this.emit(this.redactor.end());
  }

  /** Everything recorded since the last take, for one write. */
  take(): TerminalBatch | null {
    if (this.events.length === 0 && this.rawBytes === 0) return null;
    const batch = { sessionId: this.options.sessionId, events: this.events, bytes: this.rawBytes };
    this.events = '';
    this.rawBytes = 0;
    return batch;
  }

  private emit(released: string): void {
    if (released.length === 0) return;
    const text = redactStyledLines(released, this.options.secrets());
    this.recordedChars += text.length;
    this.event('o', text);
    if (this.recordedChars >= this.options.maxChars) {
      this.capped = true;
      const mb = Math.round(this.options.maxChars / (1024 * 1024));
      this.event('o', `\r\n[stackscope: recording stopped after ${mb} MB of output; the live session went on]\r\n`);
    }
  }

  private event(kind: 'o' | 'r', data: string): void {
    const t = Math.max(0, this.clock() - this.t0) / 1000;
    this.events += `${JSON.stringify([Number(t.toFixed(6)), kind, data])}\n`;
  }
}

/**
 * Writes recordings in batches: one transaction for every session's new events every
 * `intervalMs` (sooner past `maxBatchChars`), so a `cat` of a large file costs few writes.
 */
export class RecordingWriter {
  private readonly dirty = new Set<AsciicastRecorder>();
  private readonly batcher: Batcher;

  constructor(
    private readonly repo: TerminalsRepo,
    intervalMs = 250,
    maxBatchChars = 1024 * 1024,
  ) {
    this.batcher = new Batcher(() => this.write(), intervalMs, maxBatchChars);
  }

  changed(recorder: AsciicastRecorder): void {
    this.dirty.add(recorder);
    this.batcher.added(recorder.pendingSize);
  }

  flush(): void {
    this.batcher.flush();
  }

  private write(): void {
    const batches: TerminalBatch[] = [];
    for (const r of this.dirty) {
      const b = r.take();
      if (b) batches.push(b);
    }
    this.dirty.clear();
    this.repo.append(batches);
  }
}
