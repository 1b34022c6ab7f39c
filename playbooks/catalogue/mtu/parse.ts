/**
 * mtu: step output → facts. networks.sh prints `== switches` (Logical_Switch rows as bare CSV:
 * _uuid,name,ports,external_ids) and `== localnet (exit N)` (the localnet ports' uuids); encaps.sh
 * prints `== encaps` (chassis_name,type,ip) and `== chassis (exit N)` (name,hostname); links.sh
 * prints `== addr` (`IFACE inet|inet6 ADDR/PREFIX`) and `== mtu` (`IFACE MTU`).
 */
import { lines } from '../../engine/analyze-kit.js';

/** One CSV record as ovsdb's --format=csv writes it (a field with a comma or a quote is quoted, "" inside). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function sectionLines(ls: string[], head: (l: string) => boolean): string[] | null {
  const i = ls.findIndex(head);
  if (i < 0) return null;
  const end = ls.findIndex((l, j) => j > i && l.startsWith('== '));
  return ls.slice(i + 1, end < 0 ? undefined : end).filter((l) => l.trim());
}

export interface Network {
  uuid: string;
  /** neutron:network_name, else the switch's name. */
  name: string;
  mtu: number | null;
  /** Has a localnet port: a flat/VLAN provider network, not tunnelled. */
  provider: boolean;
  line: string;
}

export function parseNetworks(stdout: string): { networks: Network[]; ok: boolean; other: string[] } {
  const ls = lines(stdout);
  const rows = sectionLines(ls, (l) => l === '== switches');
  const local = sectionLines(ls, (l) => l.startsWith('== localnet'));
  const localExit = /^== localnet \(exit (\d+)\)$/.exec(ls.find((l) => l.startsWith('== localnet')) ?? '');
  if (!rows || !local || localExit?.[1] !== '0') return { networks: [], ok: false, other: ls.filter((l) => !l.startsWith('== ')).slice(0, 3) };
  const localnet = new Set(local.map((l) => l.trim()));
  const networks = rows.map((line) => {
    const [uuid = '', name = '', ports = '', ext = ''] = csvFields(line);
    const ids = Object.fromEntries(ext.split(' ').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    const mtu = Number(ids['neutron:mtu']);
    return { uuid, name: ids['neutron:network_name'] || name, mtu: Number.isInteger(mtu) && mtu > 0 ? mtu : null, provider: ports.split(' ').some((p) => localnet.has(p)), line };
  });
  return { networks, ok: true, other: [] };
}

export interface Encap {
  chassis: string;
  type: string;
  ip: string;
  line: string;
  hostname: string;
}

export function parseEncaps(stdout: string): { encaps: Encap[]; ok: boolean; other: string[] } {
  const ls = lines(stdout);
  const rows = sectionLines(ls, (l) => l === '== encaps');
  const chassis = sectionLines(ls, (l) => l.startsWith('== chassis'));
  if (!rows || !chassis || !/\(exit 0\)$/.test(ls.find((l) => l.startsWith('== chassis')) ?? '')) return { encaps: [], ok: false, other: ls.filter((l) => !l.startsWith('== ')).slice(0, 3) };
  const host = new Map(chassis.map((l) => csvFields(l)).map(([n = '', h = '']) => [n, h]));
  const encaps = rows.map((line) => {
    const [ch = '', type = '', ip = ''] = csvFields(line);
    return { chassis: ch, type, ip, line, hostname: host.get(ch) ?? '' };
  });
  return { encaps, ok: true, other: [] };
}

export interface Links {
  addrs: Array<{ iface: string; family: 'inet' | 'inet6'; ip: string; line: string }>;
  mtu: Map<string, { mtu: number; line: string }>;
}

export function parseLinks(stdout: string): Links {
  const ls = lines(stdout);
  const addrs = (sectionLines(ls, (l) => l === '== addr') ?? []).flatMap((line) => {
    const m = /^(\S+) (inet6?) ([^/\s]+)/.exec(line);
    return m ? [{ iface: m[1] ?? '', family: m[2] as 'inet' | 'inet6', ip: m[3] ?? '', line }] : [];
  });
  const mtu = new Map<string, { mtu: number; line: string }>();
  for (const line of sectionLines(ls, (l) => l === '== mtu') ?? []) {
    const m = /^(\S+) (\d+)$/.exec(line);
    if (m) mtu.set(m[1] ?? '', { mtu: Number(m[2]), line });
  }
  return { addrs, mtu };
}

/** Bytes a tunnel adds to each packet: outer IP + UDP + the tunnel header + the inner Ethernet header. */
export function overheadOf(type: string, family: 'inet' | 'inet6'): number {
  const v6 = family === 'inet6' ? 20 : 0;
  if (type === 'vxlan') return 50 + v6;
  // Geneve as OVN uses it (with its option TLV) and STT are counted as 58, as Neutron does.
  return 58 + v6;
}
