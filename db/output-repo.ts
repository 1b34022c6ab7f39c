import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

export type Stream = 'stdout' | 'stderr';

/**
 * A block holds at most this many characters, cut after a line break where there is one: a hit
 * is a line of a block, and reading or snippeting a block stays cheap whatever the step's size.
 */
export const BLOCK_CHARS = 16 * 1024;

export interface OutputChunk {
  stepId: number;
  stream: Stream;
  data: string;
}

export interface OutputBlock {
  id: number;
  stepId: number;
  stream: Stream;
  firstLine: number;
  startChar: number;
  text: string;
}

/** Where the next piece of text cut from `text` (from `from`) ends: after a line break if one fits. */
export function blockEnd(text: string, from: number, max = BLOCK_CHARS): number {
  if (text.length - from <= max) return text.length;
  const nl = text.lastIndexOf('\n', from + max - 1);
  if (nl >= from) return nl + 1;
  // One line longer than a block: cut it, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(from + max - 1);
  return code >= 0xd800 && code <= 0xdbff ? from + max - 1 : from + max;
}

function breaksIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The recorded output of steps, as blocks of whole lines (see migration 007). Appending writes
 * blocks directly: a running step's output is already where a finished one's is, so finishing a
 * step moves nothing and memory stays flat however large the output.
 */
export class OutputRepo {
  private readonly insert;
  private readonly insertText;
  private readonly counters;
  private readonly bump;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO output_blocks (step_id, stream, first_line, start_char, chars) VALUES (?, ?, ?, ?, ?)');
    this.insertText = db.prepare('INSERT INTO output_text (id, text) VALUES (?, ?)');
    this.counters = db.prepare('SELECT stdout_chars, stdout_breaks, stderr_chars, stderr_breaks FROM step_results WHERE id = ?');
    this.bump = {
      stdout: db.prepare('UPDATE step_results SET stdout_chars = stdout_chars + ?, stdout_breaks = stdout_breaks + ? WHERE id = ?'),
      stderr: db.prepare('UPDATE step_results SET stderr_chars = stderr_chars + ?, stderr_breaks = stderr_breaks + ? WHERE id = ?'),
    };
  }

  /** Append streamed text (already redacted) in one transaction. */
  append(chunks: OutputChunk[]): void {
    if (chunks.length === 0) return;
    this.db.transaction(() => {
      for (const c of chunks) this.appendOne(c);
    })();
  }

  private appendOne({ stepId, stream, data }: OutputChunk): void {
    if (data.length === 0) return;
    const row = this.counters.get(stepId) as Record<string, number> | undefined;
    if (!row) throw new Error(`output for step ${stepId}, which does not exist`);
    let chars = row[`${stream}_chars`] ?? 0;
    let breaks = row[`${stream}_breaks`] ?? 0;
    const addedChars = data.length;
    let addedBreaks = 0;
    for (let from = 0; from < data.length; ) {
      const end = blockEnd(data, from);
      const text = data.slice(from, end);
      const n = breaksIn(text);
      this.insertText.run(this.insert.run(stepId, stream, breaks + 1, chars, text.length).lastInsertRowid, text);
      chars += text.length;
      breaks += n;
      addedBreaks += n;
      from = end;
    }
    this.bump[stream].run(addedChars, addedBreaks, stepId);
  }

  /** Characters stored so far for each stream of a step. */
  lengths(stepId: number): { stdout: number; stderr: number } {
    const row = this.counters.get(stepId) as { stdout_chars: number; stderr_chars: number } | undefined;
    return { stdout: row?.stdout_chars ?? 0, stderr: row?.stderr_chars ?? 0 };
  }

  private selectText: Statement<[number, Stream]> | undefined;

  /** The whole stream (analyzers, small outputs, exports one step at a time). */
  text(stepId: number, stream: Stream): string {
    // Prepared once: a whole-cluster check reads every step's two streams for its analyzers, and
    // preparing the join each time cost more than running it.
    this.selectText ??= this.db.prepare<[number, Stream]>('SELECT t.text FROM output_blocks b JOIN output_text t ON t.id = b.id WHERE b.step_id = ? AND b.stream = ? ORDER BY b.start_char').pluck();
    return (this.selectText.all(stepId, stream) as string[]).join('');
  }

  /** Characters [offset, offset + length) of a stream, reading only the blocks they lie in. */
  slice(stepId: number, stream: Stream, offset: number, length: number): string {
    if (length <= 0) return '';
    const first = this.db
      .prepare('SELECT start_char FROM output_blocks WHERE step_id = ? AND stream = ? AND start_char <= ? ORDER BY start_char DESC LIMIT 1')
      .pluck()
      .get(stepId, stream, offset) as number | undefined;
    const rows = this.db
      .prepare(
        `SELECT b.start_char, t.text FROM output_blocks b JOIN output_text t ON t.id = b.id
         WHERE b.step_id = ? AND b.stream = ? AND b.start_char >= ? AND b.start_char < ? ORDER BY b.start_char`,
      )
      .all(stepId, stream, first ?? 0, offset + length) as Array<{ start_char: number; text: string }>;
    if (rows.length === 0) return '';
    const joined = rows.map((r) => r.text).join('');
    const base = rows[0]?.start_char ?? 0;
    return joined.slice(offset - base, offset - base + length);
  }

  /** The last `n` characters of a stream. */
  tail(stepId: number, stream: Stream, n: number): string {
    if (n <= 0) return '';
    const total = this.lengths(stepId)[stream];
    const from = Math.max(0, total - n);
    return this.slice(stepId, stream, from, total - from);
  }

  /** Blocks by id (search hits), with what is needed to number their lines. */
  blocks(ids: number[]): OutputBlock[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT b.id, b.step_id, b.stream, b.first_line, b.start_char, t.text FROM output_blocks b JOIN output_text t ON t.id = b.id WHERE b.id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids) as Array<{ id: number; step_id: number; stream: Stream; first_line: number; start_char: number; text: string }>;
    return rows.map((r) => ({ id: r.id, stepId: r.step_id, stream: r.stream, firstLine: r.first_line, startChar: r.start_char, text: r.text }));
  }
}
