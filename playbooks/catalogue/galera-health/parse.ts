/**
 * Galera outputs → facts. Pure parsing: `SHOW GLOBAL STATUS` rows (the `-N -B` tab form the step
 * prints, or the `| name | value |` table form people paste), grastate.dat files, and the mysql /
 * kubectl / docker error lines that say why a node could not be asked.
 */
import { allText, lines } from '../../engine/analyze-kit.js';
import type { StepOutput } from '../../engine/types.js';

/** One status or variable row: its value and the verbatim output line it came from. */
export interface Row {
  value: string;
  line: string;
}

/** `wsrep_cluster_status\tPrimary` or `| wsrep_cluster_status | Primary |`, by variable name. */
export function parseRows(text: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const line of lines(text)) {
    const tab = /^([A-Za-z][A-Za-z0-9_]*)\t(.*)$/.exec(line);
    const table = /^\|\s*([A-Za-z][A-Za-z0-9_]*)\s*\|\s*(.*?)\s*\|\s*$/.exec(line);
    const m = tab ?? table;
    if (!m?.[1] || m[1] === 'Variable_name') continue;
    rows.set(m[1].toLowerCase(), { value: (m[2] ?? '').trim(), line });
  }
  return rows;
}

/** Why the mysql client (or the container runtime in front of it) could not get an answer. */
export type ClientErrorKind =
  | 'mysqld-down' // ERROR 2002/2003: nothing listens on the socket / port
  | 'container-down' // kubectl / docker exec: the database container is not running
  | 'not-ready' // ERROR 1047: WSREP has not yet prepared node for application use
  | 'access-denied' // ERROR 1045: the client could not log in
  | 'no-client' // mysql is not installed where the step ran
  | 'other';

export interface ClientError {
  kind: ClientErrorKind;
  /** The verbatim line that says so. */
  line: string;
}

const errorPatterns: Array<[ClientErrorKind, RegExp]> = [
  ['not-ready', /ERROR 1047 \(08S01\)|WSREP has not yet prepared node for application use/],
  ['mysqld-down', /ERROR 200[23] \(HY000\)|Can't connect to (local )?(MySQL )?server/],
  ['access-denied', /ERROR 1045 \(28000\)|Access denied for user/],
  [
    'container-down',
    /container not found|unable to upgrade connection|cannot exec into a container|is not running|No such container|can only create exec sessions on running containers|pods? "?[\w.-]+"? not found/i,
  ],
  ['no-client', /(mysql|mariadb): (command )?not found|exec: "?mysql"?: executable file not found/],
];

/** The first error line in a step's stdout+stderr that explains a failure, or null. */
export function clientError(out: StepOutput): ClientError | null {
  const text = lines(allText(out));
  for (const [kind, re] of errorPatterns) {
    const line = text.find((l) => re.test(l));
    if (line) return { kind, line };
  }
  if (out.state === 'failed') {
    const last = text.filter((l) => l.trim() && !/^-+$/.test(l.trim())).at(-1);
    return { kind: 'other', line: last ?? `exit ${out.exitCode ?? '?'}` };
  }
  return null;
}

/** One grastate.dat as the `grastate` step printed it (or as a bare `cat` of the file). */
export interface Grastate {
  /** `== PATH (modified TIME)` header, when the step printed one. */
  header: string | null;
  path: string | null;
  modified: string | null;
  uuid: Row | null;
  seqno: Row | null;
  safeToBootstrap: Row | null;
  /** The file's lines as printed (header included), for evidence. */
  lines: string[];
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

export function parseGrastate(text: string): Grastate[] {
  const blocks: Grastate[] = [];
  let cur: Grastate | null = null;
  const open = (header: string | null): Grastate => {
    const h = header ? /^== (.+?)(?: \(modified (.*)\))?$/.exec(header) : null;
    const g: Grastate = { header, path: h?.[1] ?? null, modified: h?.[2] || null, uuid: null, seqno: null, safeToBootstrap: null, lines: header ? [header] : [] };
    blocks.push(g);
    return g;
  };
  for (const line of lines(text)) {
    if (line.startsWith('== ')) {
      cur = open(line);
      continue;
    }
    const m = /^\s*(uuid|seqno|safe_to_bootstrap):\s*(\S*)\s*$/.exec(line);
    if (!m && !/^\s*(#|version:)/.test(line)) continue;
    cur ??= open(null);
    cur.lines.push(line);
    if (!m) continue;
    const row = { value: m[2] ?? '', line };
    if (m[1] === 'uuid') cur.uuid = row;
    else if (m[1] === 'seqno') cur.seqno = row;
    else cur.safeToBootstrap = row;
  }
  return blocks.filter((b) => b.seqno || b.uuid);
}

/** The newest of several grastate.dat files found on one node (kubelet volumes can hold stale ones). */
export function newestGrastate(blocks: Grastate[]): Grastate | null {
  return [...blocks].sort((a, b) => (b.modified ?? '').localeCompare(a.modified ?? ''))[0] ?? null;
}

export function seqnoOf(g: Grastate): number | null {
  const n = Number(g.seqno?.value);
  return g.seqno && Number.isFinite(n) ? n : null;
}

export function hasClusterUuid(g: Grastate): boolean {
  return !!g.uuid?.value && g.uuid.value !== ZERO_UUID;
}
