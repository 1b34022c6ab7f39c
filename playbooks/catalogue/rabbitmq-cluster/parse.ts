/**
 * rabbitmq-cluster: the text `rabbitmqctl cluster_status` and `rabbitmqctl status` print (RabbitMQ
 * 3.8 and later): sections under a heading line ("Running Nodes", "Alarms", "Network Partitions",
 * "File Descriptors"...), a blank line, then one item per line. Headings may come in ANSI bold;
 * items never do, so evidence quotes the item lines as printed.
 */
import { lines } from '../../engine/analyze-kit.js';

const ansi = /\x1b\[[0-9;]*m/g;
export const plain = (l: string): string => l.replace(ansi, '');

/** Section heading → its item lines (as printed), for the headings RabbitMQ's CLI uses. */
export function sections(stdout: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const ls = lines(stdout);
  let current: string | null = null;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i] ?? '';
    const p = plain(l).trim();
    // A heading: a non-empty line followed by an empty line, preceded by an empty line (or the top).
    const prev = plain(ls[i - 1] ?? '').trim();
    const prevEmpty = i === 0 || prev === '' || /^(Cluster status|Status) of node /.test(prev);
    const nextEmpty = plain(ls[i + 1] ?? 'x').trim() === '';
    if (p && prevEmpty && nextEmpty && /^[A-Z][A-Za-z ]+$/.test(p)) {
      current = p;
      out.set(current, []);
      continue;
    }
    if (current && p) out.get(current)?.push(l);
  }
  return out;
}

const items = (s: Map<string, string[]>, heading: string): string[] => (s.get(heading) ?? []).filter((l) => plain(l).trim() !== '(none)');

export interface ClusterView {
  /** The node that answered (`Cluster status of node rabbit@x ...`), or '' when printed quietly. */
  self: string;
  disk: string[];
  ram: string[];
  running: string[];
  /** `Memory alarm on node rabbit@x` and the like, verbatim, with what they say. */
  alarms: Array<{ line: string; node: string; resource: 'memory' | 'disk' | 'file_descriptors' | 'other' }>;
  /** `Node rabbit@a cannot communicate with rabbit@b, rabbit@c`, verbatim. */
  partitions: Array<{ line: string; node: string; peers: string[] }>;
  /** The lines of Disk Nodes, RAM Nodes and Running Nodes as printed. */
  memberLines: string[];
  runningLines: string[];
}

const nodeName = (l: string): string => plain(l).trim();

export function parseAlarm(line: string): ClusterView['alarms'][number] | null {
  const m = /^(Memory|Free disk space|File descriptor limit)\s+alarm on node (\S+)/i.exec(plain(line).trim());
  if (m) {
    const what = (m[1] ?? '').toLowerCase();
    return { line, node: m[2] ?? '', resource: what.startsWith('memory') ? 'memory' : what.startsWith('free disk') ? 'disk' : 'file_descriptors' };
  }
  const other = /alarm on node (\S+)/i.exec(plain(line));
  return other ? { line, node: other[1] ?? '', resource: 'other' } : null;
}

/** The output lines that the characters [from, to) of `text` lie on, verbatim. */
function linesSpanning(text: string, from: number, to: number): string[] {
  const start = text.lastIndexOf('\n', from - 1) + 1;
  const endNl = text.indexOf('\n', Math.max(from, to - 1));
  return lines(text.slice(start, endNl < 0 ? text.length : endNl));
}

/** The bracketed term that opens at `open` (a `[` or `{`), up to its matching close; -1 when unbalanced. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const atoms = (list: string): string[] =>
  list
    .split(',')
    .map((x) => x.trim().replace(/^'|'$/g, ''))
    .filter(Boolean);

/** A `{key,[...]}` term of RabbitMQ 3.7 and older (Erlang terms): its items' text and the lines it spans. */
function legacyTerm(text: string, key: string): { body: string; lines: string[] } | null {
  const at = text.indexOf(`{${key},[`);
  if (at < 0) return null;
  const open = at + key.length + 2;
  const end = closing(text, open);
  if (end < 0) return null;
  return { body: text.slice(open + 1, end), lines: linesSpanning(text, at, end + 1) };
}

const legacyResource: Record<string, ClusterView['alarms'][number]['resource']> = { memory: 'memory', disk: 'disk', file_descriptor_limit: 'file_descriptors' };

/** cluster_status of RabbitMQ 3.7 and older: `[{nodes,[{disc,[...]}]},{running_nodes,[...]},{partitions,[...]},{alarms,[...]}]`. */
function parseLegacy(stdout: string): ClusterView {
  const disc = legacyTerm(stdout, 'disc');
  const ram = legacyTerm(stdout, 'ram');
  const running = legacyTerm(stdout, 'running_nodes');
  const parts = legacyTerm(stdout, 'partitions');
  const alarmTerm = legacyTerm(stdout, 'alarms');
  const pairs = (body: string): Array<[string, string[]]> => [...body.matchAll(/\{\s*'?([^',{}[\]\s]+)'?\s*,\s*\[([^\]]*)\]\s*\}/g)].map((m) => [m[1] ?? '', atoms(m[2] ?? '')]);
  const partitions = parts
    ? pairs(parts.body).map(([node, peers]) => ({ line: parts.lines.find((l) => l.includes(node)) ?? parts.lines[0] ?? '', node, peers }))
    : [];
  const alarms = alarmTerm
    ? pairs(alarmTerm.body).flatMap(([node, list]) =>
        list.filter((a) => a !== 'nodedown').map((a) => ({ line: alarmTerm.lines.find((l) => l.includes(node)) ?? alarmTerm.lines[0] ?? '', node, resource: legacyResource[a] ?? ('other' as const) })),
      )
    : [];
  return {
    self: (/^Cluster status of node '?([^'\s]+?)'?(?:\s|\.\.\.|$)/m.exec(stdout)?.[1] ?? '').replace(/'/g, ''),
    disk: atoms(disc?.body ?? ''),
    ram: atoms(ram?.body ?? ''),
    running: atoms(running?.body ?? ''),
    alarms,
    partitions,
    memberLines: [...(disc?.lines ?? []), ...(ram?.lines ?? [])],
    runningLines: running?.lines ?? [],
  };
}

/** The cluster as one node sees it; null when the output is not cluster_status's (an error instead). */
export function parseClusterStatus(stdout: string): ClusterView | null {
  if (/\{running_nodes,\[/.test(stdout)) return parseLegacy(stdout);
  const s = sections(stdout);
  if (!s.has('Running Nodes') && !s.has('Disk Nodes')) return null;
  const self = /^Cluster status of node (\S+?)(?:\s|\.\.\.|$)/m.exec(plain(stdout))?.[1] ?? '';
  const alarms = items(s, 'Alarms').map(parseAlarm).filter((a): a is NonNullable<typeof a> => a !== null);
  const partitions = items(s, 'Network Partitions').flatMap((line) => {
    const m = /^Node (\S+) cannot communicate with (.+)$/.exec(plain(line).trim());
    return m ? [{ line, node: m[1] ?? '', peers: (m[2] ?? '').split(/,\s*/).map((x) => x.trim()).filter(Boolean) }] : [];
  });
  return {
    self,
    disk: items(s, 'Disk Nodes').map(nodeName),
    ram: items(s, 'RAM Nodes').map(nodeName),
    running: items(s, 'Running Nodes').map(nodeName),
    alarms,
    partitions,
    memberLines: [...items(s, 'Disk Nodes'), ...items(s, 'RAM Nodes')],
    runningLines: items(s, 'Running Nodes'),
  };
}

export interface NodeStatus {
  self: string;
  alarms: ClusterView['alarms'];
  /** `Total: 2, limit: 32671` of File Descriptors, and the line. */
  fd: { used: number; limit: number; line: string } | null;
  sockets: { used: number; limit: number; line: string } | null;
  /** `Total memory used: 0.0914 gb` and `Memory high watermark setting: ...`, verbatim. */
  memoryLines: string[];
  diskLines: string[];
}

/** `rabbitmqctl status` of one node; null when it is not that output. */
export function parseStatus(stdout: string): NodeStatus | null {
  const s = sections(stdout);
  if (!s.has('File Descriptors') && !s.has('Alarms') && !s.has('Memory')) return null;
  const self = /^Status of node (\S+?)(?:\s|\.\.\.|$)/m.exec(plain(stdout))?.[1] ?? '';
  const count = (re: RegExp): NodeStatus['fd'] => {
    const line = (s.get('File Descriptors') ?? []).find((l) => re.test(plain(l)));
    const m = line ? /(\d+), limit: (\d+)/.exec(plain(line)) : null;
    return line && m ? { used: Number(m[1]), limit: Number(m[2]), line } : null;
  };
  return {
    self,
    alarms: items(s, 'Alarms').map(parseAlarm).filter((a): a is NonNullable<typeof a> => a !== null),
    fd: count(/^Total: \d+, limit: \d+/),
    sockets: count(/^Sockets: \d+, limit: \d+/),
    memoryLines: items(s, 'Memory').filter((l) => /^(Total memory used|Memory high watermark setting)/.test(plain(l))),
    diskLines: items(s, 'Free Disk Space'),
  };
}

/** Why rabbitmqctl printed no report on a node, from its text and exit code. */
export type NoReport = 'no-cli' | 'no-container' | 'no-data' | 'not-running' | 'timeout' | 'other';

export function whyNoReport(text: string, exitCode: number | null): NoReport {
  if (exitCode === 127 || /rabbitmqctl: (command )?not found|executable file not found/.test(text)) return 'no-cli';
  // Kolla's container absent from this host (a stopped one "is not running": a broker down).
  if (/No such container|pods? "?[\w.-]+"? not found|container not found/i.test(text)) return 'no-container';
  // broker.sh: no broker has ever kept data on this node.
  if (/^stackscope: no RabbitMQ data in /m.test(text)) return 'no-data';
  if (exitCode === 75 || /timed out|timeout/i.test(text)) return 'timeout';
  if (exitCode === 69 || /unable to perform an operation on node|epmd reports|nodedown|Target node is not running/.test(text)) return 'not-running';
  return 'other';
}

/** The host part of an Erlang node name (rabbit@controller-1 → controller-1). */
export const hostOf = (erlangNode: string): string => erlangNode.replace(/^[^@]*@/, '');

/** Does the Erlang node name name this inventory node (by name, short name or address)? */
export function namesNode(erlangNode: string, node: { name: string; host?: string }): boolean {
  const h = hostOf(erlangNode).toLowerCase();
  const n = node.name.toLowerCase();
  const ip = /^[\d.]+$|:/.test(h);
  return h === n || (!ip && h.split('.')[0] === n.split('.')[0]) || (node.host !== undefined && h === node.host.toLowerCase());
}

/** broker.sh prints `rabbitmqctl status` after this line, when an alarm names the node. */
export const STATUS_MARK = 'stackscope: ---- rabbitmqctl status ----';
const FD_LINE = /^stackscope: file descriptors of (\S*) \(pid (\d+)\): (\d+) open, (\d+) sockets, limit (\d+)$/;

/** The broker process's descriptors as broker.sh read them from /proc (open, of which sockets, the soft limit). */
export interface ProcFds {
  used: number;
  sockets: number;
  limit: number;
  line: string;
}

/** broker.sh's output: cluster_status's text, status's text when it ran, the /proc descriptor line. */
export function splitBroker(stdout: string): { cluster: string; status: string | null; fds: ProcFds | null } {
  const ls = lines(stdout);
  const mark = ls.indexOf(STATUS_MARK);
  const fdAt = ls.findIndex((l) => l.startsWith('stackscope: file descriptors of '));
  const end = (i: number): number => (i < 0 ? ls.length : i);
  const cluster = ls.slice(0, Math.min(end(mark), end(fdAt))).join('\n');
  const status = mark < 0 ? null : ls.slice(mark + 1, fdAt > mark ? fdAt : ls.length).join('\n');
  const m = fdAt < 0 ? null : FD_LINE.exec(ls[fdAt] ?? '');
  const fds = m ? { used: Number(m[3]), sockets: Number(m[4]), limit: Number(m[5]), line: ls[fdAt] ?? '' } : null;
  return { cluster, status, fds };
}
