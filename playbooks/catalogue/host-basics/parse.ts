/**
 * host-basics: step output → facts. host.sh prints `== boot-id: …`, `== cores: N`,
 * `== loadavg: 1 5 15 r/t pid`, a `== meminfo` section, `== df -P DIRS` and `== df -Pi DIRS`
 * tables, `== ps-states` counts, and either `== systemctl --failed` (units, then `== systemctl
 * exit: N`) or `== systemd: not running`.
 */
import { lines } from '../../engine/analyze-kit.js';

export interface Usage {
  /** The mount point df names (`Mounted on`). */
  mount: string;
  /** The device or filesystem (first column). */
  fs: string;
  /** Use in percent as df prints it (rounded up); null when df prints `-` (no inodes to count). */
  pct: number | null;
  line: string;
}

export interface FailedUnit {
  unit: string;
  line: string;
}

export interface HostFacts {
  bootId: string;
  cores: number | null;
  /** The figures as numbers, and as printed (`raw`: 1, 5 and 15 minutes). */
  load: { one: number; five: number; fifteen: number; raw: [string, string, string]; line: string } | null;
  mem: { totalKb: number; availableKb: number; swapTotalKb: number; swapFreeKb: number; lines: string[] } | null;
  /** The folders asked (those that exist on the node). */
  dirs: string[];
  disk: Usage[];
  inodes: Usage[];
  /** df's own complaints (a folder it could not read, a timeout), verbatim. */
  dfErrors: string[];
  procs: { total: number; d: number; z: number; line: string; named: string[] } | null;
  /** null: systemd is not running here; else the failed units, or `error` when systemctl failed. */
  systemd: { failed: FailedUnit[]; exit: number | null; error: string | null; header: string } | null;
  /** Sections the script printed (to tell a complete run from a cut one). */
  sections: string[];
}

/** The lines of one `== name…` section, up to the next `== ` line. */
function section(ls: string[], start: (l: string) => boolean): { head: string; body: string[] } | null {
  const i = ls.findIndex(start);
  if (i < 0) return null;
  const end = ls.findIndex((l, j) => j > i && l.startsWith('== '));
  return { head: ls[i] ?? '', body: ls.slice(i + 1, end < 0 ? undefined : end) };
}

function dfTable(body: string[]): { rows: Usage[]; errors: string[] } {
  const rows: Usage[] = [];
  const errors: string[] = [];
  for (const l of body) {
    if (/^Filesystem\s/.test(l)) continue;
    // POSIX df -P: Filesystem, total, used, available, capacity, mounted on (the last may hold spaces).
    const m = /^(\S+)\s+(\d+|-)\s+(\d+|-)\s+(\d+|-)\s+(\d+%|-)\s+(.+)$/.exec(l);
    if (m) rows.push({ fs: m[1] ?? '', pct: m[5] && m[5] !== '-' ? Number(m[5].slice(0, -1)) : null, mount: m[6] ?? '', line: l });
    else if (l.trim()) errors.push(l);
  }
  return { rows, errors };
}

const kb = (ls: string[], key: string): number | null => {
  const l = ls.find((x) => x.startsWith(`${key}:`));
  const m = l ? /:\s*(\d+)/.exec(l) : null;
  return m ? Number(m[1]) : null;
};

export function parseHost(stdout: string): HostFacts {
  const ls = lines(stdout);
  const value = (prefix: string): string | null => {
    const l = ls.find((x) => x.startsWith(prefix));
    return l === undefined ? null : l.slice(prefix.length).trim();
  };
  const cores = Number(value('== cores: ') ?? '');
  const loadLine = ls.find((l) => l.startsWith('== loadavg: '));
  const lm = loadLine ? /^== loadavg: ([\d.]+) ([\d.]+) ([\d.]+)/.exec(loadLine) : null;
  const memSec = section(ls, (l) => l === '== meminfo');
  const memBody = memSec?.body ?? [];
  const total = kb(memBody, 'MemTotal');
  const avail = kb(memBody, 'MemAvailable');
  const df = section(ls, (l) => l.startsWith('== df -P ') || l === '== df -P');
  const dfi = section(ls, (l) => l.startsWith('== df -Pi'));
  const disk = dfTable(df?.body ?? []);
  const inodes = dfTable(dfi?.body ?? []);
  const ps = section(ls, (l) => l === '== ps-states');
  const pm = ps ? /^total (\d+) D (\d+) Z (\d+)$/.exec(ps.body[0] ?? '') : null;
  const sd = section(ls, (l) => l === '== systemctl --failed');
  let systemd: HostFacts['systemd'] = null;
  if (sd) {
    const exitLine = value('== systemctl exit: ');
    const exit = exitLine === null ? null : Number(exitLine);
    // `UNIT LOAD ACTIVE SUB DESCRIPTION`, one per failed unit (--no-legend --plain: no bullet, no header).
    const failed = sd.body.filter((l) => /^\S+\.\S+\s+\S+\s+failed\s/.test(l.replace(/^[●*x×]\s*/, ''))).map((l) => ({ unit: l.replace(/^[●*x×]\s*/, '').split(/\s+/)[0] ?? '', line: l }));
    const error = exit !== 0 && !failed.length ? (sd.body.find((l) => l.trim()) ?? `exit ${exit ?? '?'}`) : null;
    systemd = { failed, exit, error, header: sd.head };
  }
  return {
    bootId: value('== boot-id: ') ?? '',
    cores: Number.isFinite(cores) && cores > 0 ? cores : null,
    load: lm && loadLine ? { one: Number(lm[1]), five: Number(lm[2]), fifteen: Number(lm[3]), raw: [lm[1] ?? '', lm[2] ?? '', lm[3] ?? ''], line: loadLine } : null,
    mem:
      total !== null && avail !== null
        ? { totalKb: total, availableKb: avail, swapTotalKb: kb(memBody, 'SwapTotal') ?? 0, swapFreeKb: kb(memBody, 'SwapFree') ?? 0, lines: memBody.filter((l) => /^(MemTotal|MemAvailable|SwapTotal|SwapFree):/.test(l)) }
        : null,
    dirs: (df?.head ?? '').replace(/^== df -P ?/, '').split(' ').filter(Boolean),
    disk: disk.rows,
    inodes: inodes.rows,
    dfErrors: [...disk.errors, ...inodes.errors],
    procs: pm && ps ? { total: Number(pm[1]), d: Number(pm[2]), z: Number(pm[3]), line: ps.body[0] ?? '', named: ps.body.slice(1).filter((l) => /^[DZ]:/.test(l)) } : null,
    systemd,
    sections: ls.filter((l) => l.startsWith('== ')),
  };
}

/** df rows by mount point, once each (several folders often sit on one mount). */
export function byMount(rows: Usage[]): Usage[] {
  return [...new Map(rows.map((r) => [r.mount, r])).values()];
}
