/** asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/): parsing and playback timing. */

export interface CastHeader {
  version: 2;
  width: number;
  height: number;
  timestamp?: number;
  env?: Record<string, string>;
}

export interface CastEvent {
  /** Seconds since the start (for playback: after idle capping). */
  t: number;
  kind: string;
  data: string;
}

export interface Cast {
  header: CastHeader;
  events: CastEvent[];
}

/** Parse a recording; a broken line is named by its number. */
export function parseCast(text: string): Cast {
  const lines = text.split('\n');
  let header: CastHeader;
  try {
    header = JSON.parse(lines[0] ?? '') as CastHeader;
  } catch {
    throw new Error('line 1: not an asciicast header (JSON expected)');
  }
  if (header.version !== 2 || !Number.isInteger(header.width) || !Number.isInteger(header.height)) {
    throw new Error('line 1: not an asciicast v2 header (version 2, width and height expected)');
  }
  const events: CastEvent[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    let e: unknown;
    try {
      e = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not JSON`);
    }
    if (!Array.isArray(e) || typeof e[0] !== 'number' || typeof e[1] !== 'string' || typeof e[2] !== 'string') {
      throw new Error(`line ${i + 1}: an event is [seconds, code, data]`);
    }
    events.push({ t: e[0], kind: e[1], data: e[2] });
  }
  return { header, events };
}

/** Shorten every pause longer than `maxIdle` seconds to `maxIdle` (asciinema's idle_time_limit). */
export function capIdle(events: CastEvent[], maxIdle: number): CastEvent[] {
  let last = 0;
  let shift = 0;
  return events.map((e) => {
    const gap = e.t - last;
    if (gap > maxIdle) shift += gap - maxIdle;
    last = e.t;
    return { ...e, t: Math.max(0, e.t - shift) };
  });
}

/** `COLSxROWS` of a resize event, or null when malformed. */
export function parseSize(data: string): { cols: number; rows: number } | null {
  const m = /^(\d+)x(\d+)$/.exec(data);
  return m ? { cols: Number(m[1]), rows: Number(m[2]) } : null;
}

/** Index of the first event after `position` seconds, starting the search at `from`. */
export function nextIndex(events: CastEvent[], from: number, position: number): number {
  let i = from;
  while (i < events.length && (events[i]?.t ?? 0) <= position) i++;
  return i;
}

/** `case-12-ctl-1-7.cast`: names that sort by case and say what is inside. */
export function castFileName(caseId: number, nodeName: string, sessionId: number): string {
  return `case-${caseId}-${nodeName.replace(/[^A-Za-z0-9._-]/g, '_')}-${sessionId}.cast`;
}
