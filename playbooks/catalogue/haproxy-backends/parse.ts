/**
 * haproxy-backends: what haproxy.sh prints on one controller (keepalived's VIP lines, HAProxy's
 * pid, the configuration lines that name sockets and binds, then `show stat` CSV), and `ip -br addr`.
 */
import { lines } from '../../engine/analyze-kit.js';

export interface StatRow {
  pxname: string;
  svname: string;
  status: string;
  /** `L4CON`, `L7STS`..., and `last_chk` (the check's own words: "Connection refused"). */
  checkStatus: string;
  lastCheck: string;
  /** The CSV line as printed. */
  line: string;
}

export interface HaproxyNode {
  /** absent: no HAProxy here; stopped: configured (listen/frontend) but no process; running. */
  state: 'absent' | 'stopped' | 'running';
  /** The line that says so (`stackscope: ...`, `haproxy pid N`). */
  stateLine: string;
  /** Addresses HAProxy binds (from `bind ADDR:PORT` lines), with the lines. */
  binds: Array<{ address: string; line: string }>;
  /** keepalived's virtual addresses (inside virtual_ipaddress { }), with the lines. */
  vips: Array<{ address: string; line: string }>;
  socket: string;
  /** show stat rows; null when the socket was not read. */
  rows: StatRow[] | null;
}

/** The address of a `bind` value: `10.0.0.250:5000`, `ipv4@10.0.0.250:80`, `[fd00::5]:443`, `*:80` (none). */
export function bindAddress(value: string): string {
  const v = value.replace(/^(?:ipv4|ipv6|tcp|tcp4|tcp6)@/, '').split(',')[0] ?? '';
  const six = /^\[([^\]]+)\]/.exec(v);
  const addr = six ? (six[1] ?? '') : v.includes(':') && v.indexOf(':') === v.lastIndexOf(':') ? v.slice(0, v.indexOf(':')) : v.includes(':') ? '' : v;
  return ['', '*', '0.0.0.0', '::'].includes(addr) ? '' : addr;
}

export function parseHaproxy(stdout: string): HaproxyNode {
  const ls = lines(stdout);
  const stateLine = ls.find((l) => /^stackscope: (no haproxy on this node|haproxy is configured)|^haproxy pid \d+/.test(l)) ?? '';
  const state: HaproxyNode['state'] = /^haproxy pid/.test(stateLine) ? 'running' : /configured/.test(stateLine) ? 'stopped' : 'absent';
  const binds: HaproxyNode['binds'] = [];
  const vips: HaproxyNode['vips'] = [];
  let inVip = false;
  let socket = '';
  const header = ls.findIndex((l) => l.startsWith('# pxname,'));
  const confEnd = header < 0 ? ls.length : header;
  for (const l of ls.slice(0, confEnd)) {
    const t = l.trim();
    if (/^virtual_ipaddress(_excluded)?\s*\{/.test(t)) {
      inVip = true;
      continue;
    }
    if (/^(keepalived|haproxy|config|show stat|stackscope:)\b/.test(l) || /^vrrp_instance\s/.test(t) || /^(listen|frontend|backend)\s/.test(t)) inVip = false;
    if (inVip) {
      const a = /^([0-9a-fA-F.:]+)(?:\/\d+)?(?:\s|$)/.exec(t)?.[1];
      if (a) vips.push({ address: a, line: l });
      continue;
    }
    const b = /^bind\s+(\S+)/.exec(t);
    if (b) {
      const address = bindAddress(b[1] ?? '');
      if (address) binds.push({ address, line: l });
    }
    const s = /^show stat (\S+)/.exec(l);
    if (s) socket = s[1] ?? '';
  }
  let rows: StatRow[] | null = null;
  if (header >= 0) {
    const cols = (ls[header] ?? '').replace(/^# /, '').split(',');
    const at = (name: string): number => cols.indexOf(name);
    rows = ls
      .slice(header + 1)
      .filter((l) => l.includes(','))
      .map((line) => {
        const v = line.split(',');
        const get = (name: string): string => (at(name) >= 0 ? (v[at(name)] ?? '') : '');
        return { pxname: get('pxname'), svname: get('svname'), status: get('status'), checkStatus: get('check_status'), lastCheck: get('last_chk'), line };
      });
  }
  return { state, stateLine, binds, vips, socket, rows };
}

/** Is a server row down as HAProxy's checks see it (DOWN, "DOWN 1/2" on its way up)? MAINT/DRAIN are an operator's choice. */
export const isDown = (r: StatRow): boolean => /^DOWN/.test(r.status);
export const isServer = (r: StatRow): boolean => r.svname !== 'FRONTEND' && r.svname !== 'BACKEND';

/** The addresses of `ip -br addr` (without prefix length), with the line each is on. */
export function parseAddresses(stdout: string): Array<{ address: string; line: string }> {
  return lines(stdout).flatMap((line) =>
    line
      .trim()
      .split(/\s+/)
      .slice(2)
      .map((a) => a.replace(/\/\d+$/, ''))
      .filter((a) => /^[0-9a-fA-F.:]+$/.test(a) && a.length > 1)
      .map((address) => ({ address, line })),
  );
}
