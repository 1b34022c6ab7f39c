/**
 * neutron-agents: step output → facts. `openstack network agent list -f json` prints a JSON array
 * of flat objects, one key per line (cliff's `json.dump(rows, indent=2)`); each agent keeps the
 * output lines that show it. Alive and State are booleans in JSON (":-)"/"XXX" and "UP"/"DOWN"
 * in the table form, accepted too).
 */
import { lines, objectLineRanges, parseJson } from '../../engine/analyze-kit.js';

export interface Agent {
  id: string;
  type: string;
  host: string;
  binary: string;
  alive: boolean;
  /** admin_state_up: false is an agent an operator disabled. */
  adminUp: boolean;
  /** Output lines of this agent's object (Agent Type, Host, Alive, State, Binary). */
  lines: string[];
}

type Row = Record<string, string | number | boolean | null>;

const text = (v: Row[string] | undefined): string => (v === null || v === undefined ? '' : String(v));
const yes = (v: Row[string] | undefined): boolean => v === true || /^(true|:-\)|up)$/i.test(text(v));

/** The agents, or null when the output is not the JSON list (an error message instead). */
export function parseAgents(stdout: string): Agent[] | null {
  const rows = parseJson<unknown>(stdout);
  if (!Array.isArray(rows)) return null;
  const all = lines(stdout);
  const ranges = objectLineRanges(all);
  const shown = /^\s*"(Agent Type|Host|Alive|State|Binary)":/;
  return (rows as Row[]).map((r, i) => {
    const range = ranges[i];
    return {
      id: text(r.ID),
      type: text(r['Agent Type']),
      host: text(r.Host),
      binary: text(r.Binary),
      alive: yes(r.Alive),
      adminUp: r.State === undefined || r.State === null ? true : yes(r.State),
      lines: range ? all.slice(range[0] + 1, range[1]).filter((l) => shown.test(l)) : [],
    };
  });
}

/** Does Neutron's host name (often an FQDN) name this inventory node? */
export function sameHost(host: string, node: string): boolean {
  const a = host.toLowerCase();
  const b = node.toLowerCase();
  return a === b || a.split('.')[0] === b.split('.')[0];
}

/** The agents an instance's networking needs on its compute: ovn-controller (ports, flows) and the metadata agent. */
export const isDataPlane = (a: Pick<Agent, 'type' | 'binary'>): boolean => /OVN|Metadata|Open vSwitch|Linux bridge|DHCP|L3/i.test(a.type) || /ovn-controller|metadata/i.test(a.binary);
export const isMetadata = (a: Pick<Agent, 'type' | 'binary'>): boolean => /Metadata/i.test(a.type) || /metadata/i.test(a.binary);
export const isOvnController = (a: Pick<Agent, 'type' | 'binary'>): boolean => /OVN Controller/i.test(a.type) || a.binary === 'ovn-controller';

/** Why the listing failed: no Neutron in the catalog, credentials, rejected, unreachable, or other. */
export function whyFailed(text: string): 'no-neutron' | 'no-credentials' | 'rejected' | 'unreachable' | 'other' {
  if (/Could not find requested endpoint in Service Catalog|endpoint for network service[\w\s]* not found|EndpointNotFound|has no attribute 'agents'|No service with a type, name or ID of 'network'/i.test(text)) return 'no-neutron';
  // The client pinned to another service's endpoint (OS_ENDPOINT): that API has no /v2.0/agents.
  if (/ResourceNotFound: 404: Client Error for url: \S+\/v2\.0\/agents\b/.test(text)) return 'no-neutron';
  if (/Missing value auth-url|Missing parameter|--os-auth-url|OS_CLOUD|clouds\.yaml|stackscope-credentials:/i.test(text)) return 'no-credentials';
  if (/HTTP 401|Unauthorized|HTTP 403|Forbidden/i.test(text)) return 'rejected';
  if (/Unable to establish connection|Connection refused|timed out|HTTP 50[234]/i.test(text)) return 'unreachable';
  return 'other';
}

/** An empty log: nothing, journalctl's `-- No entries --`, or tail's missing file (no agent on this node). */
export function isEmptyLog(stdout: string, stderr = ''): boolean {
  const quiet = lines(stdout).every((l) => !l.trim() || /^-- No entries --$/.test(l.trim()));
  return quiet && (!stderr.trim() || /No such file or directory|No journal files were found|cannot open/i.test(stderr));
}

/** Lines of an agent log worth quoting: its errors and stop messages, then its last lines (a stopped agent goes quiet), in log order. */
export function logTail(stdout: string, max = 5): string[] {
  const ls = lines(stdout).filter((l) => l.trim() && !/^-- No entries --$/.test(l.trim()));
  const last = new Set(ls.slice(-2));
  const bad = new Set(ls.filter((l) => /\b(ERROR|CRITICAL)\b|Traceback|Caught SIG\w+|Stopping|exiting/i.test(l)).slice(-(max - last.size)));
  return ls.filter((l) => bad.has(l) || last.has(l));
}

/** The metadata agent's own word that its chassis row is gone from the southbound database (ovsdbapp RowNotFound). */
export function chassisGone(stdout: string): string[] {
  return lines(stdout).filter((l) => /Cannot find Chassis(?:_Private)? with name=/.test(l));
}
