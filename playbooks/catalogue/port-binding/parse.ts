/**
 * port-binding: step output → facts. ports.sh prints `== <what>` sections, each holding one
 * cliff JSON document (`-f json`: one key per line); `ovn-sbctl list Chassis` prints one
 * `column : value` block per chassis.
 */
import { lines, markedSections, parseJson, type MarkedSection } from '../../engine/analyze-kit.js';

type Section = MarkedSection;

type Row = Record<string, unknown>;
const str = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
/** The lines of a section that show a key. */
const keyLines = (s: Section, keys: string[]): string[] => s.lines.filter((l) => keys.some((k) => l.trimStart().startsWith(`"${k}":`)));

/** A JSON list's objects, each with the lines between its braces. */
function objects(s: Section): Array<{ row: Row; lines: string[] }> | null {
  const rows = parseJson<unknown>(s.body);
  if (!Array.isArray(rows)) return null;
  const ranges: Array<[number, number]> = [];
  let start = -1;
  s.lines.forEach((l, i) => {
    if (/^ {2}\{\s*$/.test(l)) start = i;
    else if (/^ {2}\},?\s*$/.test(l) && start >= 0) {
      ranges.push([start, i]);
      start = -1;
    }
  });
  return (rows as Row[]).map((row, i) => {
    const r = ranges[i];
    return { row, lines: r ? s.lines.slice(r[0] + 1, r[1]) : [] };
  });
}

export interface Server {
  id: string;
  name: string;
  status: string;
  host: string;
  lines: string[];
}
export interface PortRow {
  id: string;
  name: string;
  status: string;
}
export interface ServerShown {
  id: string;
  name: string;
  status: string;
  fault: string;
  /** The port a "Binding failed for port …" fault names. */
  faultPort: string;
  lines: string[];
}
export interface PortShown {
  id: string;
  name: string;
  status: string;
  hostId: string;
  vifType: string;
  deviceId: string;
  deviceOwner: string;
  networkId: string;
  lines: string[];
}
export interface NetworkShown {
  id: string;
  name: string;
  type: string;
  physnet: string;
  lines: string[];
}

export interface PortsFacts {
  /** Where the listing stopped: the section whose output is not JSON (an error), with its text. */
  failed: Section | null;
  servers: Server[];
  ports: PortRow[];
  serverShows: ServerShown[];
  portShows: Map<string, PortShown>;
  networks: Map<string, NetworkShown>;
}

export function parsePorts(stdout: string): PortsFacts {
  const f: PortsFacts = { failed: null, servers: [], ports: [], serverShows: [], portShows: new Map(), networks: new Map() };
  for (const s of markedSections(stdout)) {
    if (s.head === 'server list' || s.head === 'port list') {
      const objs = objects(s);
      if (!objs) {
        f.failed = s;
        break;
      }
      if (s.head === 'server list') f.servers = objs.map(({ row, lines: ls }) => ({ id: str(row.ID), name: str(row.Name), status: str(row.Status), host: str(row.Host), lines: ls }));
      else f.ports = objs.map(({ row }) => ({ id: str(row.ID), name: str(row.Name), status: str(row.Status) }));
      continue;
    }
    const row = parseJson<Row>(s.body);
    if (!row || typeof row !== 'object' || Array.isArray(row)) continue;
    if (s.head.startsWith('server show ')) {
      const fault = (row.fault ?? {}) as Row;
      const message = str(fault.message);
      f.serverShows.push({
        id: str(row.id),
        name: str(row.name),
        status: str(row.status),
        fault: message,
        faultPort: /Binding failed for port ([0-9a-f-]+)/.exec(message)?.[1] ?? '',
        lines: keyLines(s, ['name', 'status', 'message']),
      });
    } else if (s.head.startsWith('port show ')) {
      const p: PortShown = {
        id: str(row.id),
        name: str(row.name),
        status: str(row.status),
        hostId: str(row.binding_host_id),
        vifType: str(row.binding_vif_type),
        deviceId: str(row.device_id),
        deviceOwner: str(row.device_owner),
        networkId: str(row.network_id),
        lines: keyLines(s, ['name', 'status', 'binding_host_id', 'binding_vif_type', 'device_id', 'network_id']),
      };
      f.portShows.set(p.id, p);
    } else if (s.head.startsWith('network show ')) {
      const n: NetworkShown = { id: str(row.id), name: str(row.name), type: str(row['provider:network_type']), physnet: str(row['provider:physical_network']), lines: keyLines(s, ['name', 'provider:network_type', 'provider:physical_network']) };
      f.networks.set(n.id, n);
    }
  }
  return f;
}

export interface Chassis {
  name: string;
  hostname: string;
  /** Physical networks of ovn-bridge-mappings, from other_config (OVN ≥ 22.09) and external_ids (older OVN; what older Neutron reads). */
  physnets: string[];
  /** The value as written, e.g. physnet1:br-ex. */
  mappings: string;
  /** The lines that show the name, hostname and the mappings. */
  lines: string[];
}

/** `ovn-sbctl list Chassis` blocks; null when the output holds none (an error). */
export function parseChassis(stdout: string): Chassis[] | null {
  const blocks = stdout.split(/\n\s*\n/).map((b) => lines(b).filter((l) => l.trim()));
  const out: Chassis[] = [];
  for (const b of blocks) {
    const get = (col: string): string | undefined => b.find((l) => new RegExp(`^${col}\\s*:`).test(l));
    const nameLine = get('name');
    if (!nameLine) continue;
    const val = (l: string | undefined): string => (l ? l.replace(/^\S+\s*:\s*/, '').replace(/^"(.*)"$/, '$1') : '');
    const mapLines = b.filter((l) => /^(other_config|external_ids)\s*:.*ovn-bridge-mappings=/.test(l));
    const values = mapLines.map((l) => /ovn-bridge-mappings=(?:"([^"]*)"|([^,}\s]*))/.exec(l)).map((m) => m?.[1] ?? m?.[2] ?? '');
    const physnets = [...new Set(values.flatMap((v) => v.split(',').map((x) => x.split(':')[0]?.trim() ?? '').filter(Boolean)))];
    const hostLine = get('hostname');
    out.push({ name: val(nameLine), hostname: val(hostLine), physnets, mappings: [...new Set(values.filter(Boolean))].join(' / '), lines: [nameLine, ...(hostLine ? [hostLine] : []), ...mapLines] });
  }
  return out.length || /^\s*$/.test(stdout) ? out : null;
}

/** Does a Nova/Neutron host name (often an FQDN) name this chassis hostname? */
export function sameHost(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.split('.')[0] === y.split('.')[0];
}

/** Why the listing failed: no Nova or Neutron in the catalog, credentials, rejected, unreachable, or other. */
export function whyFailed(text: string): 'not-here' | 'no-credentials' | 'rejected' | 'unreachable' | 'other' {
  if (/Could not find requested endpoint in Service Catalog|endpoint for (?:compute|network) service[\w\s]* not found|EndpointNotFound|has no attribute '(?:servers|ports)'|No service with a type, name or ID of '(?:compute|network)'/i.test(text)) return 'not-here';
  // The client pinned to another service's endpoint (OS_ENDPOINT): what answers is not Nova's or Neutron's API
  // (novaclient/openstacksdk then fail on its body, or get a 404 for /servers or /v2.0/ports).
  if (/ResourceNotFound: 404: Client Error for url: \S+\/(?:servers|v2\.0\/ports)\b|^'list' object has no attribute 'get'$/m.test(text)) return 'not-here';
  if (/Missing value auth-url|Missing parameter|--os-auth-url|OS_CLOUD|clouds\.yaml|stackscope-credentials:/i.test(text)) return 'no-credentials';
  if (/HTTP 401|Unauthorized|HTTP 403|Forbidden/i.test(text)) return 'rejected';
  if (/Unable to establish connection|Connection refused|timed out|HTTP 50[234]/i.test(text)) return 'unreachable';
  return 'other';
}
