/**
 * instances-stuck: step output → facts. servers.sh prints `== now: EPOCH`, `== server list` with
 * cliff's JSON list (one key per line), then, when some server is in ERROR, BUILD or has a task,
 * `== server details: ID …` followed by what one interactive openstack process printed for each
 * of them: a `server show` object (`{` … `}` at column 0) and a `server event list` array
 * (`[` … `]`), in that order, with any error message in between.
 */
import { lines, parseJson } from '../../engine/analyze-kit.js';

type Row = Record<string, unknown>;
const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export interface Listed {
  id: string;
  name: string;
  status: string;
  taskState: string;
  host: string;
  flavor: string;
  /** The ID, Name, Status, Task State and Host lines of its object in the list. */
  lines: string[];
}

export interface ServerEvent {
  action: string;
  start: string;
  message: string;
  requestId: string;
  line: string;
}

export interface Shown {
  id: string;
  name: string;
  status: string;
  taskState: string;
  vmState: string;
  host: string;
  flavor: string;
  created: string;
  updated: string;
  /** Epoch seconds of `updated` (UTC), null when absent. */
  updatedSec: number | null;
  faultMessage: string;
  faultCreated: string;
  /** Its show lines worth quoting: id, name, status, task state, host, updated, the fault's message. */
  lines: string[];
  /** The server's actions, newest first as Nova lists them (from `server event list`). */
  events: ServerEvent[];
}

export interface Servers {
  now: number | null;
  /** null when the list is not JSON (the client failed). */
  listed: Listed[] | null;
  /** The IDs servers.sh asked details for (the `== server details:` line), and that line. */
  asked: string[];
  askedLine: string;
  shown: Shown[];
  /** Lines of the details part that are no JSON (an error message of the client). */
  detailErrors: string[];
}

/** A time as Nova gives it (`2026-12-05T12:20:10Z`, `2026-12-05T12:20:07.000000`: UTC) → epoch seconds. */
export function novaTime(s: string): number | null {
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)/.exec(s);
  if (!m) return null;
  const tz = /(Z|[+-]\d\d:?\d\d)$/.exec(s)?.[1] ?? 'Z';
  const t = Date.parse(`${m[1]}T${m[2]}${tz === 'Z' ? 'Z' : tz.replace(/^([+-]\d\d)(\d\d)$/, '$1:$2')}`);
  return Number.isFinite(t) ? t / 1000 : null;
}

/** Line blocks of the top-level objects of a cliff JSON array (`  {` … `  }`). */
function objectLines(body: string[]): string[][] {
  const out: string[][] = [];
  let start = -1;
  body.forEach((l, i) => {
    if (/^ {2}\{\s*$/.test(l)) start = i;
    else if (/^ {2}\},?\s*$/.test(l) && start >= 0) {
      out.push(body.slice(start + 1, i));
      start = -1;
    }
  });
  return out;
}

function parseList(body: string[]): Listed[] | null {
  const rows = parseJson<unknown>(`${body.join('\n')}\n`);
  if (!Array.isArray(rows)) return null;
  const blocks = objectLines(body);
  const shown = /^\s*"(ID|Name|Status|Task State|Host)":/;
  return (rows as Row[]).map((r, i) => ({
    id: text(r.ID),
    name: text(r.Name),
    status: text(r.Status),
    taskState: text(r['Task State']),
    host: text(r.Host),
    flavor: text(r['Flavor Name'] ?? r.Flavor),
    lines: (blocks[i] ?? []).filter((l) => shown.test(l)),
  }));
}

/** The JSON documents of the details part (each starts with `{` or `[` at column 0 and ends with `}` or `]` there), and the other lines. */
function documents(body: string[]): { docs: Array<{ value: unknown; lines: string[] }>; other: string[] } {
  const docs: Array<{ value: unknown; lines: string[] }> = [];
  const other: string[] = [];
  let cur: string[] | null = null;
  let close = '';
  for (const l of body) {
    if (cur) {
      cur.push(l);
      if (l === close) {
        const value = parseJson<unknown>(cur.join('\n'));
        if (value === null) other.push(...cur);
        else docs.push({ value, lines: cur });
        cur = null;
      }
    } else if (l === '{' || l === '[') {
      cur = [l];
      close = l === '{' ? '}' : ']';
    } else if (l.trim()) other.push(l);
  }
  if (cur) other.push(...cur);
  return { docs, other };
}

const SHOWN_KEYS = /^\s*"(id|name|status|OS-EXT-STS:task_state|OS-EXT-SRV-ATTR:host|updated|message)":/;

export function parseServers(stdout: string): Servers {
  const sections: Array<{ head: string; body: string[] }> = [];
  let now: number | null = null;
  for (const l of lines(stdout)) {
    if (l.startsWith('== now: ')) now = Number(l.slice(8)) || null;
    else if (/^== (server list|server details:)/.test(l)) sections.push({ head: l, body: [] });
    else sections.at(-1)?.body.push(l);
  }
  const list = sections.find((s) => s.head === '== server list');
  const details = sections.find((s) => s.head.startsWith('== server details:'));
  const asked = details ? details.head.slice('== server details:'.length).trim().split(/\s+/).filter(Boolean) : [];
  const shown: Shown[] = [];
  const { docs, other } = documents(details?.body ?? []);
  for (const d of docs) {
    if (Array.isArray(d.value)) {
      // A server's event list: it belongs to the server its rows name.
      const rows = d.value as Row[];
      const id = text(rows[0]?.['Server ID']);
      const target = shown.find((s) => s.id === id);
      if (!target) continue;
      const blocks = objectLines(d.lines);
      target.events = rows.map((r, i) => ({
        action: text(r.Action),
        start: text(r['Start Time']),
        message: text(r.Message),
        requestId: text(r['Request ID']),
        line: (blocks[i] ?? []).find((l) => /^\s*"Action":/.test(l)) ?? '',
      }));
      continue;
    }
    const v = d.value as Row;
    if (!v || typeof v !== 'object' || !v.id) continue;
    const fault = (v.fault && typeof v.fault === 'object' ? v.fault : {}) as Row;
    shown.push({
      id: text(v.id),
      name: text(v.name),
      status: text(v.status),
      taskState: text(v['OS-EXT-STS:task_state']),
      vmState: text(v['OS-EXT-STS:vm_state']),
      host: text(v['OS-EXT-SRV-ATTR:host']),
      flavor: text(v.flavor).replace(/ \([0-9a-f-]+\)$/, ''),
      created: text(v.created),
      updated: text(v.updated),
      updatedSec: novaTime(text(v.updated)),
      faultMessage: text(fault.message).trim(),
      faultCreated: text(fault.created),
      lines: d.lines.filter((l) => SHOWN_KEYS.test(l)),
      events: [],
    });
  }
  return { now, listed: list ? parseList(list.body) : null, asked, askedLine: details?.head ?? '', shown, detailErrors: other };
}

/** A server the list shows in a state worth a look: ERROR, BUILD, or a task under way. */
export const isProblem = (s: Pick<Listed, 'status' | 'taskState'>): boolean => s.status === 'ERROR' || s.status === 'BUILD' || (s.taskState !== '' && s.taskState !== 'null');

/** What a fault message says went wrong (texts `instances-stuck.fault.<kind>.cause|next`). Order matters: a retry's "Last exception" names the real cause. */
export type FaultKind = 'port-binding' | 'no-valid-host' | 'network' | 'volume' | 'rpc' | 'retries' | 'other' | 'none';

export function faultKind(message: string): FaultKind {
  if (!message.trim()) return 'none';
  if (/Binding failed for port|PortBindingFailed|binding_failed/i.test(message)) return 'port-binding';
  if (/No valid host was found|NoValidHost/i.test(message)) return 'no-valid-host';
  if (/Failed to allocate the network|VirtualInterfaceCreateException|Virtual Interface creation failed|vif[_ -]plug/i.test(message)) return 'network';
  if (/[Vv]olume|Block Device Mapping|BlockDeviceMapping|InvalidBDM/.test(message)) return 'volume';
  if (/MessagingTimeout|Timed out waiting for a reply/.test(message)) return 'rpc';
  if (/Exceeded maximum number of retries|Exceeded max scheduling attempts|was re-scheduled/i.test(message)) return 'retries';
  return 'other';
}

/** What a stuck task is about (texts `instances-stuck.task.<kind>.cause|next`). */
export type TaskKind = 'build' | 'delete' | 'migrate' | 'reboot' | 'snapshot' | 'other';

export function taskKind(status: string, taskState: string): TaskKind {
  if (/^deleting|^soft-deleting/.test(taskState)) return 'delete';
  if (status === 'BUILD' || /^(scheduling|block_device_mapping|networking|spawning)$/.test(taskState)) return 'build';
  if (/migrat|resize/.test(taskState)) return 'migrate';
  if (/reboot|powering|pausing|suspending|resuming|starting|stopping/.test(taskState)) return 'reboot';
  if (/image_|snapshot|shelv/.test(taskState)) return 'snapshot';
  return 'other';
}

/** Why the server list failed: no Nova in the catalog, credentials, rejected, unreachable, or other. */
export function whyFailed(t: string): 'no-nova' | 'no-credentials' | 'rejected' | 'unreachable' | 'other' {
  if (/endpoint for compute service[\w\s]* not found|Could not find requested endpoint in Service Catalog|EndpointNotFound|No service with a type, name or ID of 'compute'|'(?:Proxy|list)' object has no attribute '(?:servers|services|get)'/i.test(t)) return 'no-nova';
  if (/Missing value auth-url|Missing parameter|--os-auth-url|OS_CLOUD|clouds\.yaml|stackscope-credentials:/i.test(t)) return 'no-credentials';
  if (/HTTP 401|Unauthorized|HTTP 403|Forbidden/i.test(t)) return 'rejected';
  if (/Unable to establish connection|Connection refused|timed out|HTTP 50[234]/i.test(t)) return 'unreachable';
  return 'other';
}
