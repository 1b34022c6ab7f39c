/**
 * Parsing for ovn-health: `cluster/status` of an ovsdb-server raft member, `ovn-sbctl list Chassis`
 * and `ovs-vsctl list Open_vSwitch` records. Text → facts, each fact with its verbatim line.
 */
import { map, parseRecords, str } from '../../engine/ovsdb.js';

export interface RaftServer {
  sid: string;
  address: string;
  self: boolean;
  /** "last msg N ms ago" (only the leader's view of followers is meaningful). */
  lastMsgMs: number | null;
  line: string;
}

export interface RaftStatus {
  /** This server's short id (first line of the output / "Server ID"). */
  sid: string | null;
  name: string | null;
  address: string | null;
  status: string | null;
  role: string | null;
  term: number | null;
  /** Short id of the leader, "self", or "unknown". */
  leader: string | null;
  electionTimerMs: number | null;
  /** Connection tokens; `(->8bfb)` in parentheses means the connection is not established. */
  connections: string[];
  /** "Adding server …" / "Removing server …" lines: a membership change in progress. */
  changes: string[];
  servers: RaftServer[];
  /** Verbatim line per field (`Role`, `Leader`, `Status`, …). */
  lines: Record<string, string>;
}

export function parseClusterStatus(text: string): RaftStatus | null {
  const st: RaftStatus = {
    sid: null,
    name: null,
    address: null,
    status: null,
    role: null,
    term: null,
    leader: null,
    electionTimerMs: null,
    connections: [],
    changes: [],
    servers: [],
    lines: {},
  };
  let inServers = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    if (inServers && /^\s+\S/.test(line)) {
      const m = /^([0-9a-f]{4})\s+\((\S+) at (\S+)\)(.*)$/.exec(t);
      if (m) {
        const rest = m[4] as string;
        const lm = /last msg (\d+) ms ago/.exec(rest);
        st.servers.push({ sid: m[1] as string, address: (m[3] as string).replace(/\)$/, ''), self: /\(self\)/.test(rest), lastMsgMs: lm ? Number(lm[1]) : null, line });
      }
      continue;
    }
    inServers = false;
    const kv = /^([A-Za-z][A-Za-z ]*?):\s*(.*)$/.exec(t);
    if (!kv) {
      if (/^(Adding|Removing) server /.test(t)) st.changes.push(line);
      else if (!st.sid && /^[0-9a-f]{4}$/.test(t)) st.sid = t;
      continue;
    }
    const key = kv[1] as string;
    const value = kv[2] as string;
    st.lines[key] = line;
    switch (key) {
      case 'Name':
        st.name = value;
        break;
      case 'Server ID':
        st.sid ??= value.split(/\s/)[0] ?? null;
        break;
      case 'Address':
        st.address = value;
        break;
      case 'Status':
        st.status = value;
        break;
      case 'Role':
        st.role = value;
        break;
      case 'Term':
        st.term = /^\d+$/.test(value) ? Number(value) : null;
        break;
      case 'Leader':
        st.leader = value;
        break;
      case 'Election timer':
        st.electionTimerMs = /^\d+$/.test(value) ? Number(value) : null;
        break;
      case 'Connections':
        st.connections = value.split(/\s+/).filter(Boolean);
        break;
      case 'Servers':
        inServers = true;
        break;
      default:
        if (/^(Adding|Removing) server/.test(t)) st.changes.push(line);
    }
  }
  return st.role || st.status ? st : null;
}

export interface Chassis {
  name: string;
  hostname: string;
  nameLine: string;
  hostnameLine: string | null;
}

export function parseChassis(text: string): Chassis[] {
  return parseRecords(text)
    .filter((r) => r.values.name !== undefined)
    .map((r) => ({
      name: str(r.values.name) ?? '',
      hostname: str(r.values.hostname) ?? '',
      nameLine: r.lines.name as string,
      hostnameLine: r.lines.hostname ?? null,
    }));
}

/** system-id and hostname from `ovs-vsctl --columns=external_ids list Open_vSwitch`. */
export function parseSystemId(text: string): { systemId: string | null; hostname: string | null; line: string | null } {
  const rec = parseRecords(text)[0];
  const ids = map(rec?.values.external_ids);
  return { systemId: ids['system-id'] ?? null, hostname: ids.hostname ?? null, line: rec?.lines.external_ids ?? null };
}

export const shortName = (h: string): string => h.split('.')[0]?.toLowerCase() ?? h.toLowerCase();
