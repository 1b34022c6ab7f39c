/**
 * ceph-health: step output → facts. `ceph health detail -f json-pretty` prints the monitor's
 * health_check_map_t (src/mon/health_check.h): {"status", "checks": {CODE: {"severity",
 * "summary": {"message", "count"}, "detail": [{"message"}], "muted"}}}; json-pretty puts every
 * message on its own line, so a finding quotes exactly the lines that name its problem.
 */
import { lines, parseJson } from '../../engine/analyze-kit.js';

export interface HealthCheck {
  code: string;
  /** HEALTH_WARN or HEALTH_ERR, as Ceph rates it. */
  severity: string;
  summary: string;
  details: string[];
  muted: boolean;
  /** The output lines of the summary and detail messages (verbatim), summary first. */
  lines: string[];
}

export interface Health {
  status: string;
  checks: HealthCheck[];
}

interface RawCheck {
  severity?: string;
  summary?: { message?: string; count?: number } | string;
  detail?: Array<{ message?: string }>;
  muted?: boolean;
}

/** The health report, or null when the output is not Ceph's JSON (an error message instead). */
export function parseHealth(stdout: string): Health | null {
  const raw = parseJson<{ status?: string; checks?: Record<string, RawCheck> }>(stdout);
  if (!raw || typeof raw !== 'object' || typeof raw.status !== 'string') return null;
  const all = lines(stdout);
  const checks: HealthCheck[] = [];
  for (const [code, c] of Object.entries(raw.checks ?? {})) {
    const summary = typeof c.summary === 'string' ? c.summary : (c.summary?.message ?? '');
    const details = (c.detail ?? []).map((d) => d.message ?? '').filter(Boolean);
    // The check's block starts at its key; its messages follow it, each on its own line.
    const start = all.findIndex((l) => l.trim().startsWith(`${JSON.stringify(code)}:`));
    const quoted: string[] = [];
    let at = start;
    for (const m of [summary, ...details]) {
      if (!m || at < 0) continue;
      const key = `"message": ${JSON.stringify(m)}`;
      const i = all.findIndex((l, j) => j > at && l.trim().startsWith(key));
      if (i >= 0) {
        quoted.push(all[i] as string);
        at = i;
      }
    }
    if (!quoted.length && start >= 0) quoted.push(all[start] as string);
    checks.push({ code, severity: c.severity ?? '', summary, details, muted: c.muted === true, lines: quoted });
  }
  return { status: raw.status, checks };
}

export interface Status {
  fsid: string;
  osds: number | null;
  osdsUp: number | null;
  osdsIn: number | null;
  pgs: number | null;
  /** PG counts by state, e.g. `active+clean`. */
  pgStates: Array<{ state: string; count: number }>;
  quorum: string[];
  /** Lines to quote: the OSD counts and the PG states. */
  lines: string[];
}

interface RawStatus {
  fsid?: string;
  quorum_names?: string[];
  osdmap?: { num_osds?: number; num_up_osds?: number; num_in_osds?: number; osdmap?: { num_osds?: number; num_up_osds?: number; num_in_osds?: number } };
  pgmap?: { num_pgs?: number; pgs_by_state?: Array<{ state_name?: string; count?: number }> };
}

/** `ceph -s -f json-pretty`; null when not JSON. Older releases nest the counts in osdmap.osdmap. */
export function parseStatus(stdout: string): Status | null {
  const raw = parseJson<RawStatus>(stdout);
  if (!raw || typeof raw !== 'object' || (!raw.osdmap && !raw.pgmap)) return null;
  const osd = raw.osdmap?.osdmap ?? raw.osdmap ?? {};
  const shown = /^\s*"(num_osds|num_up_osds|num_in_osds|num_pgs|state_name)":/;
  return {
    fsid: raw.fsid ?? '',
    osds: osd.num_osds ?? null,
    osdsUp: osd.num_up_osds ?? null,
    osdsIn: osd.num_in_osds ?? null,
    pgs: raw.pgmap?.num_pgs ?? null,
    pgStates: (raw.pgmap?.pgs_by_state ?? []).map((s) => ({ state: s.state_name ?? '', count: s.count ?? 0 })),
    quorum: raw.quorum_names ?? [],
    lines: lines(stdout).filter((l) => shown.test(l)),
  };
}

/** Why `ceph` gave no report: no client here, no cluster configured here, or a cluster that does not answer. */
export type Unreachable = 'no-cli' | 'no-config' | 'no-keyring' | 'timeout' | 'other';

export function whyNoReport(text: string, exitCode: number | null): Unreachable {
  if (exitCode === 127 || /no ceph command on this node|ceph: (command )?not found/.test(text)) return 'no-cli';
  if (/conf_read_file|did not load config file|ObjectNotFound|unable to get monitor info|No such file or directory.*ceph\.conf/i.test(text)) return 'no-config';
  if (/keyring|AuthRegistry|auth: unable to find|Permission denied|error connecting to the cluster: .*EACCES|PermissionDeniedError/i.test(text)) return 'no-keyring';
  if (/timed out|TimedOut|errno 110|RADOS timed out|monclient\(hunting\)/i.test(text)) return 'timeout';
  return 'other';
}
