/**
 * nova-services: step output → facts. `openstack compute service list --long -f json` prints a
 * JSON array of flat objects, one key per line; each service keeps the output lines that show it.
 * Log lines are sorted into the failure kinds nova-compute and nova-scheduler log.
 */
import { lines, objectLineRanges, parseJson } from '../../engine/analyze-kit.js';

export interface Service {
  id: string;
  binary: string;
  host: string;
  zone: string;
  status: string;
  state: string;
  updatedAt: string;
  disabledReason: string;
  forcedDown: boolean;
  /** Output lines of this service's object (Binary, Host, Status, State, Updated At, Disabled Reason). */
  lines: string[];
}

type Row = Record<string, string | number | boolean | null>;

const text = (v: Row[string] | undefined): string => (v === null || v === undefined ? '' : String(v));

/** The services, or null when the output is not the JSON list (an error message instead). */
export function parseServices(stdout: string): Service[] | null {
  const rows = parseJson<unknown>(stdout);
  if (!Array.isArray(rows)) return null;
  const all = lines(stdout);
  const ranges = objectLineRanges(all);
  const shown = /^\s*"(Binary|Host|Status|State|Updated At|Disabled Reason|Forced Down)":/;
  return (rows as Row[]).map((r, i) => {
    const range = ranges[i];
    const own = range ? all.slice(range[0] + 1, range[1]).filter((l) => shown.test(l)) : [];
    return {
      id: text(r.ID),
      binary: text(r.Binary),
      host: text(r.Host),
      zone: text(r.Zone),
      status: text(r.Status).toLowerCase(),
      state: text(r.State).toLowerCase(),
      updatedAt: text(r['Updated At']),
      disabledReason: text(r['Disabled Reason']).replace(/^None$/, ''),
      forcedDown: r['Forced Down'] === true || r['Forced Down'] === 'True',
      lines: own,
    };
  });
}

/** Does nova's host name (often an FQDN) name this inventory node? */
export function sameHost(novaHost: string, node: string): boolean {
  const a = novaHost.toLowerCase();
  const b = node.toLowerCase();
  return a === b || a.split('.')[0] === b.split('.')[0];
}

export interface LogKind {
  /** Its texts are nova-services.kind.KIND.means (for the explanation), .cause and .next (main/shared/finding-texts/nova-services.ts). */
  kind: string;
  re: RegExp;
}

/** What a nova-compute log says when the service drops out of `compute service list`. */
export const computeKinds: LogKind[] = [
  {
    kind: 'amqp',
    re: /AMQP server on \S+ is unreachable|Connection to AMQP server lost|Unable to connect to AMQP server|ACCESS_REFUSED|AMQPConnectionError/,
  },
  {
    kind: 'rpc-timeout',
    re: /MessagingTimeout|Timed out waiting for a reply to message ID/,
  },
  {
    kind: 'db',
    re: /DBConnectionError|Can't connect to MySQL server|Lost connection to MySQL server|MySQL server has gone away|Access denied for user/,
  },
  {
    kind: 'libvirt',
    re: /Connection to libvirt lost|Failed to connect to libvirt|libvirtError|Connection to the hypervisor is broken/,
  },
  {
    kind: 'refused',
    re: /Connection refused|ECONNREFUSED/,
  },
];

/** A log line without its timestamp/pid/request prefix, to tell repeated lines apart. */
export function logKey(line: string): string {
  return line
    .replace(/^.*?\d{4}-\d\d-\d\d[ T][\d:.,]+\s+(\d+\s+)?/, '')
    .replace(/\[(?:req-|None req-)[^\]]*\]/, '')
    .replace(/[0-9a-f]{32}/g, '…')
    .trim();
}

/** Distinct lines (ignoring timestamps and message IDs), each at its last occurrence, in output order. */
export function distinct(ls: string[]): string[] {
  const last = new Map<string, number>();
  ls.forEach((l, i) => last.set(logKey(l), i));
  return ls.filter((l, i) => last.get(logKey(l)) === i);
}

/** An empty log: nothing, or journalctl's `-- No entries --`. */
export function isEmptyLog(stdout: string): boolean {
  return lines(stdout).every((l) => !l.trim() || /^-- No entries --$/.test(l.trim()));
}

export interface SchedulerFacts {
  /** `Filtering removed all hosts …` lines with the filter that ended at 0. */
  filtered: Array<{ line: string; filter: string; instance: string }>;
  filterZero: string[];
  noCandidates: string[];
  noValidHost: string[];
  /** ComputeFilter's `… has not been heard from in a while` (a down compute). */
  notHeard: string[];
}

export function schedulerFacts(stdout: string): SchedulerFacts {
  const f: SchedulerFacts = { filtered: [], filterZero: [], noCandidates: [], noValidHost: [], notHeard: [] };
  for (const l of lines(stdout)) {
    const removed = /Filtering removed all hosts for the request with (?:reservation ID '[^']*' and )?instance ID '([^']*)'\. Filter results: (.*)$/.exec(l);
    if (removed) {
      const zero = [...(removed[2] ?? '').matchAll(/'?(\w+): \(start: \d+, end: 0\)/g)].map((m) => m[1] ?? '');
      f.filtered.push({ line: l, filter: zero.at(-1) ?? '', instance: removed[1] ?? '' });
    } else if (/Filter \w+ returned 0 hosts/.test(l)) f.filterZero.push(l);
    else if (/Got no allocation candidates from the Placement API/.test(l)) f.noCandidates.push(l);
    else if (/NoValidHost|No valid host was found/.test(l)) f.noValidHost.push(l);
    else if (/has not been heard from in a while/.test(l)) f.notHeard.push(l);
  }
  return f;
}
