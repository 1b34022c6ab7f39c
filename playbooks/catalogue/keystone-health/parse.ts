/**
 * keystone-health: step output → facts. keys.sh prints, per Keystone node, `== conf PATH`,
 * `== fernet DIR` with one `key N HASH` line per key file (a short sha256 made on the node), and
 * `== log PATH` with counts; tokens.sh prints the HTTP status of each token issued and checked
 * (`issue vip 201`, `check vip 1 200`, `issue controller-2 201`, `check controller-2 on controller-1 401`).
 */
import { lines } from '../../engine/analyze-kit.js';

export interface Key {
  /** The file name: 0 is the staged key, the highest number the primary one. */
  num: number;
  hash: string | null;
  line: string;
}

export interface KeyRepo {
  /** `missing` (no keystone.conf, no repository: no Keystone here), `unreadable`, `read`. */
  state: 'absent' | 'missing' | 'unreadable' | 'read';
  confMissing: boolean;
  dir: string;
  keys: Key[];
  /** The lines that show it, verbatim (the header and the keys). */
  lines: string[];
  log: LogCount | null;
}

export interface LogCount {
  file: string;
  lines: number;
  refused: number;
  first: string;
  last: string;
  evidence: string[];
}

export function parseKeys(stdout: string): KeyRepo {
  const ls = lines(stdout);
  const conf = ls.find((l) => l.startsWith('== conf '));
  const confMissing = conf === undefined || / missing$/.test(conf);
  const head = ls.find((l) => l.startsWith('== fernet '));
  const keys: Key[] = [];
  let inFernet = false;
  for (const l of ls) {
    if (l.startsWith('== ')) {
      inFernet = l.startsWith('== fernet ');
      continue;
    }
    const m = inFernet ? /^key (\d+) (\S+)$/.exec(l) : null;
    if (m) keys.push({ num: Number(m[1]), hash: m[2] === 'unreadable' ? null : (m[2] ?? null), line: l });
  }
  keys.sort((a, b) => a.num - b.num);
  const hm = head ? /^== fernet (.*?)( missing| unreadable)?$/.exec(head) : null;
  const dir = (hm?.[1] ?? '').replace(/(.)\/+$/, '$1');
  let state: KeyRepo['state'] = 'read';
  if (!head || hm?.[2] === ' missing') state = confMissing ? 'absent' : 'missing';
  else if (hm?.[2] === ' unreadable' || keys.some((k) => k.hash === null)) state = 'unreadable';
  else if (!keys.length) state = 'missing';
  return { state, confMissing, dir, keys, lines: [head, ...keys.map((k) => k.line)].filter((l): l is string => l !== undefined), log: parseLog(ls) };
}

function parseLog(ls: string[]): LogCount | null {
  const at = ls.findIndex((l) => l.startsWith('== log ') && l !== '== log none');
  if (at < 0) return null;
  const part = ls.slice(at + 1);
  const val = (k: string): string | undefined => part.find((l) => l.startsWith(`${k} `))?.slice(k.length + 1);
  const refusedLine = part.find((l) => l.startsWith('refused '));
  const latest = part.find((l) => l.startsWith('latest '));
  return {
    file: (ls[at] ?? '').slice('== log '.length),
    lines: Number(val('lines') ?? 0),
    refused: Number(val('refused') ?? 0),
    first: val('first') ?? '',
    last: val('last') ?? '',
    evidence: [ls[at], part.find((l) => l.startsWith('lines ')), refusedLine, latest].filter((l): l is string => l !== undefined),
  };
}

/** The primary key (the highest number) of a repository. */
export const primaryOf = (r: KeyRepo): Key | undefined => r.keys.at(-1);

/**
 * A repository as one comparable value: key numbers and hashes, the staged key (0) aside. Keystone's
 * own rule ([fernet_tokens] key_repository): "each node must share the same key repository
 * contents, with the exception of the staged key (index 0)".
 */
export const signatureOf = (r: KeyRepo): string => r.keys.filter((k) => k.num !== 0).map((k) => `${k.num}:${k.hash ?? ''}`).join(',');

export interface TokenChecks {
  vipUrl: string | null;
  /** HTTP status of the token issued through the VIP (`ok`/`failed` when the client issued it). */
  vipIssue: { code: string; line: string } | null;
  vipChecks: Array<{ code: string; line: string }>;
  /** `none`: no HAProxy keystone servers found; `no-credentials`: no password or token to issue with. */
  nodes: 'listed' | 'none' | 'no-credentials' | 'unknown';
  servers: Array<{ name: string; addr: string; line: string }>;
  issued: Array<{ node: string; code: string; line: string }>;
  checks: Array<{ from: string; on: string; code: string; line: string }>;
}

export function parseTokens(stdout: string): TokenChecks {
  const ls = lines(stdout);
  const vip = ls.find((l) => l.startsWith('== vip '))?.slice('== vip '.length) ?? null;
  const nodesHead = ls.find((l) => l.startsWith('== nodes'));
  const nodes: TokenChecks['nodes'] = nodesHead === '== nodes' ? 'listed' : nodesHead === '== nodes none' ? 'none' : nodesHead === '== nodes no-credentials' ? 'no-credentials' : 'unknown';
  const out: TokenChecks = { vipUrl: vip === 'none' ? null : vip, vipIssue: null, vipChecks: [], nodes, servers: [], issued: [], checks: [] };
  for (const l of ls) {
    let m: RegExpExecArray | null;
    if ((m = /^issue (vip|client) (\S+)$/.exec(l))) out.vipIssue = { code: m[2] ?? '', line: l };
    else if ((m = /^check vip \d+ (\S+)$/.exec(l))) out.vipChecks.push({ code: m[1] ?? '', line: l });
    else if ((m = /^server (\S+) (\S+) \S+$/.exec(l))) out.servers.push({ name: m[1] ?? '', addr: m[2] ?? '', line: l });
    else if ((m = /^issue (\S+) (\S+)$/.exec(l))) out.issued.push({ node: m[1] ?? '', code: m[2] ?? '', line: l });
    else if ((m = /^check (\S+) on (\S+) (\S+)$/.exec(l))) out.checks.push({ from: m[1] ?? '', on: m[2] ?? '', code: m[3] ?? '', line: l });
  }
  return out;
}

/** An issued token: 201 from the API, `ok` from the client. */
export const issuedOk = (code: string): boolean => code === '201' || code === '200' || code === 'ok';
