/**
 * kolla-containers: step output → facts. containers.sh prints sections headed by `== ` lines:
 * `== none` (no engine answered; one line per engine tried), else `== engine docker|podman`,
 * `== now <node's UTC clock>`, `== ps` (`ps -a --format '{{json .}}'`, one JSON object a line),
 * `== inspect` (one `name=… status=… health=… restarts=… oom=… exit=… started=… finished=…
 * image=… [last_check="…"]` line per container), then `== log NAME FILE` sections with the last
 * lines of the logs of containers in trouble, and `== end`.
 */
import { lines } from '../../engine/analyze-kit.js';

export interface ContainerState {
  /** Without Docker's leading slash. */
  name: string;
  /** running | restarting | exited | created | paused | dead | … (podman: stopped, configured). */
  status: string;
  /** healthy | unhealthy | starting | none (no health check). */
  health: string;
  restarts: number;
  oom: boolean;
  exitCode: number;
  /** Seconds since the epoch; null when never (Docker's 0001-01-01) or unreadable. */
  startedAt: number | null;
  finishedAt: number | null;
  image: string;
  /** The output of the last health check, when the container has one. */
  lastCheck: string | null;
  /** The inspect line, verbatim. */
  line: string;
}

export interface NodeContainers {
  /** `engine`: the engine answered; `none`: neither docker nor podman did; `unknown`: not this script's output. */
  kind: 'engine' | 'none' | 'unknown';
  engine: string;
  engineLine: string | null;
  /** The node's clock (seconds) and its line. */
  now: number | null;
  nowLine: string | null;
  containers: ContainerState[];
  /** `ps -a` JSON line of each container, by name. */
  ps: Map<string, string>;
  /** Log tail of each container in trouble: the section's header line and its lines. */
  logs: Map<string, { header: string; file: string | null; lines: string[] }>;
  /** `== none`: what each engine said. */
  tried: string[];
  /** Inspect section lines that are not container lines (an engine error). */
  inspectErrors: string[];
  /** Whether the script reached its end (`== end`). */
  complete: boolean;
}

/**
 * A time as Docker (`2026-12-05T12:30:01.123456789Z`, RFC 3339 with nanoseconds) or podman
 * (Go's `2026-12-05 12:30:01.123456789 +0000 UTC`) prints it → seconds; null for Go's zero time.
 */
export function parseTime(s: string): number | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?/.exec(s.trim());
  if (!m || m[1] === '0001') return null;
  const frac = m[7] ? m[7].slice(0, 4) : '';
  const zone = !m[8] || m[8] === 'Z' ? 'Z' : `${m[8].slice(0, 3)}:${m[8].slice(-2)}`;
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${frac}${zone}`);
  return Number.isFinite(t) ? t / 1000 : null;
}

const INSPECT = /^name=\/?(\S+) status=(\S*) health=(\S*) restarts=(\d+) oom=(\S*) exit=(-?\d+) started=(.*?) finished=(.*?) image=(\S*)(?: last_check=(.*))?$/;

export function parseInspectLine(line: string): ContainerState | null {
  const m = INSPECT.exec(line);
  if (!m) return null;
  let lastCheck: string | null = null;
  if (m[10] !== undefined) {
    try {
      lastCheck = String(JSON.parse(m[10]));
    } catch {
      lastCheck = m[10];
    }
  }
  return {
    name: m[1] ?? '',
    status: m[2] ?? '',
    health: m[3] || 'none',
    restarts: Number(m[4]),
    oom: m[5] === 'true',
    exitCode: Number(m[6]),
    startedAt: parseTime(m[7] ?? ''),
    finishedAt: parseTime(m[8] ?? ''),
    image: m[9] ?? '',
    lastCheck,
    line,
  };
}

/** The container name(s) of a `ps --format '{{json .}}'` line: Docker's `Names` is a string (comma-separated), podman's a list. */
function psNames(line: string): string[] {
  try {
    const o = JSON.parse(line) as { Names?: string | string[] };
    const n = o.Names;
    return (Array.isArray(n) ? n : typeof n === 'string' ? n.split(',') : []).map((x) => x.replace(/^\//, ''));
  } catch {
    return [];
  }
}

export function parseContainers(stdout: string): NodeContainers {
  const out: NodeContainers = { kind: 'unknown', engine: '', engineLine: null, now: null, nowLine: null, containers: [], ps: new Map(), logs: new Map(), tried: [], inspectErrors: [], complete: false };
  let section = '';
  let log: { header: string; file: string | null; lines: string[] } | null = null;
  for (const l of lines(stdout)) {
    if (l.startsWith('== ')) {
      const head = l.slice(3);
      log = null;
      if (head === 'none') {
        out.kind = 'none';
        section = 'none';
      } else if (head.startsWith('engine ')) {
        out.kind = 'engine';
        out.engine = head.slice(7).trim();
        out.engineLine = l;
        section = '';
      } else if (head.startsWith('now ')) {
        out.now = parseTime(head.slice(4));
        out.nowLine = l;
        section = '';
      } else if (head === 'ps' || head === 'inspect') {
        section = head;
      } else if (head.startsWith('log ')) {
        const m = /^log (\S+) (.*)$/.exec(head);
        if (m?.[1]) {
          log = { header: l, file: m[2]?.startsWith('/') ? m[2] : null, lines: [] };
          out.logs.set(m[1], log);
        }
        section = 'log';
      } else if (head === 'end') {
        out.complete = true;
        section = '';
      }
      continue;
    }
    if (section === 'none') out.tried.push(l);
    else if (section === 'ps') for (const n of psNames(l)) out.ps.set(n, l);
    else if (section === 'inspect') {
      const c = parseInspectLine(l);
      if (c) out.containers.push(c);
      else if (l.trim()) out.inspectErrors.push(l);
    } else if (section === 'log' && log) log.lines.push(l);
  }
  return out;
}
