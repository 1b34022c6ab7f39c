/**
 * dropped-traffic's outputs: a node's datapath drops with the flows before them (datapath.sh) and
 * the Northbound's ports. Flows are read as `ovs-appctl dpctl/dump-flows` prints them, for the
 * kernel and the userspace datapath alike: `key(field=value,…),…, packets:N, bytes:N, used:Xs,
 * flags:…, actions:…`. A masked value (`dst=10.0.0.12/255.255.255.248`, `dst=22/0xffc0`) is not
 * an address or port: it is left unknown.
 */
import { lineTime, parseNodeClock, type NodeClock } from '../../engine/log-time.js';

const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

export interface DpFlow {
  line: string;
  inPort: string;
  recircId: string;
  /** The recirculation its actions go on to, if any. */
  recircTo: string | null;
  ethSrc: string | null;
  ethDst: string | null;
  family: 'ipv4' | 'ipv6' | null;
  ipSrc: string | null;
  ipDst: string | null;
  proto: number | null;
  dport: number | null;
  packets: number;
  usedSec: number | null;
  drop: boolean;
}

export interface NodeDrops {
  clock: NodeClock | null;
  /** datapath port number → interface name, per datapath. */
  ports: Map<string, string>;
  flows: DpFlow[];
  /** VM interfaces: name → attached MAC and the logical port (iface-id). */
  interfaces: Map<string, { mac: string | null; ifaceId: string | null }>;
  complete: boolean;
  failed: boolean;
}

/** `key(a=1,b=2)` of a flow's match: its fields, exact values only. */
function fields(line: string, key: string): Map<string, string> | null {
  const m = new RegExp(`(?:^|,)${key}\\(([^()]*)\\)`).exec(line);
  if (!m) return null;
  const out = new Map<string, string>();
  for (const kv of (m[1] ?? '').split(',')) {
    const eq = kv.indexOf('=');
    if (eq > 0 && !kv.includes('/')) out.set(kv.slice(0, eq), kv.slice(eq + 1));
  }
  return out;
}

const mac = (v: string | undefined): string | null => (v && MAC.test(v.toLowerCase()) ? v.toLowerCase() : null);
const ip = (v: string | undefined, family: 'ipv4' | 'ipv6'): string | null => (v && (family === 'ipv4' ? /^\d{1,3}(?:\.\d{1,3}){3}$/ : /^[0-9a-f:]+$/i).test(v) ? v.toLowerCase() : null);
const int = (v: string | undefined, max: number): number | null => (v && /^\d{1,5}$/.test(v) && Number(v) <= max ? Number(v) : null);

export function parseFlow(line: string): DpFlow | null {
  const stats = /, packets:(\d+), bytes:\d+, used:(never|[\d.]+s)(?:, flags:[^,]*)?, actions:(.*)$/.exec(line);
  if (!stats) return null;
  const match = line.slice(0, stats.index);
  const actions = stats[3] ?? '';
  const eth = fields(match, 'eth');
  const family = /(?:^|,)ipv4\(/.test(match) ? 'ipv4' : /(?:^|,)ipv6\(/.test(match) ? 'ipv6' : null;
  const l3 = family ? fields(match, family) : null;
  const l4 = fields(match, 'tcp') ?? fields(match, 'udp') ?? fields(match, 'sctp');
  return {
    line,
    inPort: /(?:^|,)in_port\(([^()]*)\)/.exec(match)?.[1] ?? '',
    recircId: /(?:^|,)recirc_id\(([0-9a-fx]+)\)/.exec(match)?.[1] ?? '0',
    recircTo: /(?:^|[,:])recirc\(([0-9a-fx]+)\)/.exec(actions)?.[1] ?? null,
    ethSrc: mac(eth?.get('src')),
    ethDst: mac(eth?.get('dst')),
    family,
    ipSrc: family ? ip(l3?.get('src'), family) : null,
    ipDst: family ? ip(l3?.get('dst'), family) : null,
    proto: int(l3?.get('proto'), 255),
    dport: int(l4?.get('dst'), 65535),
    packets: Number(stats[1]),
    usedSec: stats[2] === 'never' ? null : Number.parseFloat(stats[2] ?? ''),
    drop: actions === 'drop',
  };
}

export function parseDatapath(stdout: string): NodeDrops {
  const out: NodeDrops = { clock: null, ports: new Map(), flows: [], interfaces: new Map(), complete: false, failed: false };
  let section = '';
  let dp = '';
  for (const line of stdout.split('\n')) {
    if (line.startsWith('== ')) {
      const [, head, arg] = /^== (\S+)(?: (.*))?$/.exec(line) ?? [];
      section = head ?? '';
      if (section === 'now') out.clock = parseNodeClock(arg ?? '');
      if (section === 'ports' || section === 'drops') dp = arg ?? '';
      if (section === 'end') out.complete = true;
      if (section === 'dpctl') out.failed = true;
      continue;
    }
    if (section === 'ports') {
      const m = /^(\d+) (\S+)$/.exec(line);
      if (m) out.ports.set(`${dp}\u0000${m[1]}`, m[2] as string);
    } else if (section === 'drops') {
      const f = parseFlow(line);
      if (f) out.flows.push({ ...f, inPort: out.ports.get(`${dp}\u0000${f.inPort}`) ?? f.inPort });
    } else if (section === 'interfaces') {
      const comma = line.indexOf(',');
      if (comma <= 0) continue;
      const ids = new Map(line.slice(comma + 1).split(' ').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as const));
      out.interfaces.set(line.slice(0, comma), { mac: mac(ids.get('attached-mac')), ifaceId: ids.get('iface-id') ?? null });
    }
  }
  return out;
}

export interface CloudPort {
  /** The logical switch port's name (a Neutron port's id). */
  name: string;
  /** What an operator calls it: Neutron's port name, else the logical name. */
  label: string;
  device: string | null;
  macs: string[];
  ips: string[];
  line: string;
}

/** One CSV record (RFC 4180: a field in quotes, a quote in it doubled); null when it is not one. */
export function csvFields(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(v);
    } else {
      const c = line.indexOf(',', i);
      out.push(line.slice(i, c < 0 ? line.length : c));
      i = c < 0 ? line.length : c;
    }
    if (i >= line.length) break;
    if (line[i] !== ',') return null;
    i++;
    if (i === line.length) out.push('');
  }
  return out;
}

const json = (text: string | undefined): unknown => {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** An OVSDB JSON value as its strings: "a" → [a]; ["set", [a, b]] → [a, b]. */
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) && v[0] === 'set' && Array.isArray(v[1]) ? v[1].filter((x): x is string => typeof x === 'string') : []);
/** An OVSDB JSON map: ["map", [[k, v], …]]. */
const map = (v: unknown): Map<string, string> =>
  new Map(Array.isArray(v) && v[0] === 'map' && Array.isArray(v[1]) ? v[1].filter((kv): kv is [string, string] => Array.isArray(kv) && typeof kv[0] === 'string' && typeof kv[1] === 'string') : []);

/**
 * `name,type,addresses,external_ids` of each Logical_Switch_Port, as `ovn-nbctl --format=csv
 * --data=json` prints them. Only ports of instances (type empty, a MAC in addresses) can be either
 * end of a conversation; routers, localnet and localport ports are not.
 */
export function parsePorts(stdout: string): { ports: CloudPort[]; complete: boolean } {
  const ports: CloudPort[] = [];
  let complete = false;
  for (const line of stdout.split('\n')) {
    if (line === '== end') {
      complete = true;
      continue;
    }
    const f = csvFields(line);
    if (!f || f.length !== 4) continue;
    const [name, type, addresses, externalIds] = f.map(json);
    if (typeof name !== 'string' || !name || type !== '') continue;
    const words = strings(addresses).flatMap((a) => a.split(/\s+/)).filter(Boolean);
    const macs = words.map((w) => mac(w)).filter((m): m is string => m !== null);
    if (!macs.length) continue;
    const ids = map(externalIds);
    ports.push({ name, label: ids.get('neutron:port_name') || name, device: ids.get('neutron:device_id') || null, macs, ips: words.filter((w) => !mac(w) && /^[0-9a-f.:]+$/i.test(w) && /[.:]/.test(w)), line });
  }
  return { ports, complete };
}

/** One `acl_log` line of ovn-controller: an ACL with log=true matched a packet. */
export interface AclLog {
  time: number;
  name: string;
  verdict: string;
  proto: string;
  dlSrc: string | null;
  dlDst: string | null;
  nwSrc: string | null;
  nwDst: string | null;
  tpDst: number | null;
  line: string;
}

/**
 * ovn-controller's ACL log lines (`…|acl_log(ovn_pinctrl0)|INFO|name="neutron-pg-drop-ingress",
 * verdict=drop, severity=info, direction=to-lport: tcp,vlan_tci=0x0000,dl_src=…,dl_dst=…,
 * nw_src=…,nw_dst=…,…,tp_dst=22,tcp_flags=syn`), with the time each was written on the node.
 */
export function parseAclLog(stdout: string, clock: NodeClock): AclLog[] {
  const out: AclLog[] = [];
  for (const line of stdout.split('\n')) {
    const m = /\|acl_log\([^)|]*\)\|[A-Z]+\|name="((?:[^"\\]|\\.){0,256})", verdict=(\w+),.*? direction=[\w-]+: (\w+),(.*)$/.exec(line);
    if (!m) continue;
    const time = lineTime(line, clock);
    if (time === null) continue;
    const kv = new Map((m[4] ?? '').split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const));
    const family = kv.has('ipv6_src') ? 'ipv6' : 'ipv4';
    const addr = (k: string): string | null => ip(kv.get(k), family);
    out.push({
      time,
      name: (m[1] ?? '').replace(/\\(.)/g, '$1'),
      verdict: m[2] ?? '',
      proto: m[3] ?? '',
      dlSrc: mac(kv.get('dl_src')),
      dlDst: mac(kv.get('dl_dst')),
      nwSrc: addr(family === 'ipv6' ? 'ipv6_src' : 'nw_src'),
      nwDst: addr(family === 'ipv6' ? 'ipv6_dst' : 'nw_dst'),
      tpDst: int(kv.get('tp_dst'), 65535),
      line,
    });
  }
  return out;
}
