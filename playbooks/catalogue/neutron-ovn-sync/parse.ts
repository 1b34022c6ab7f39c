/**
 * neutron-ovn-sync: step output → facts. `neutron-db` prints `== schema NAME` (or `== no-neutron…`)
 * then tab-separated rows of one mysql -N -B session, each tagged by its first field (neutron-db.sh);
 * `nb-objects` prints `== TABLE`, the names of that table's rows with neutron:* external_ids, and
 * `== exit N` (nb-objects.sh).
 */
import { lines } from '../../engine/analyze-kit.js';

export type Kind = 'network' | 'port' | 'router' | 'security_group';
export const KINDS: Kind[] = ['network', 'port', 'router', 'security_group'];

export interface RingRow {
  group: string;
  host: string;
  node: string;
  /** Seconds since the row's last heartbeat (updated_at), null when unreadable. */
  age: number | null;
  line: string;
}

export interface Drift {
  type: string;
  uuid: string;
  ovnRevision: number;
  neutronRevision: number;
  /** Seconds since Neutron last changed the resource. */
  age: number | null;
  line: string;
}

export interface Deleted {
  type: string;
  uuid: string;
  /** Seconds since the revision row was last written (the delete in Neutron). */
  age: number | null;
  line: string;
}

export interface NeutronObject {
  id: string;
  /** Seconds since it was created. */
  age: number | null;
  line: string;
}

export interface NeutronDb {
  /** The `== no-neutron…` line when no schema holds Neutron's tables. */
  noNeutron: string | null;
  schema: string | null;
  nowLine: string | null;
  ring: RingRow[];
  revisions: number | null;
  driftCount: Record<string, number>;
  drift: Drift[];
  deletedCount: Record<string, number>;
  deleted: Deleted[];
  objects: Record<Kind, NeutronObject[]>;
}

const num = (s: string | undefined): number | null => (s !== undefined && /^-?\d+$/.test(s) ? Number(s) : null);

/** null when the output is not neutron-db.sh's (no header line). */
export function parseNeutronDb(stdout: string): NeutronDb | null {
  const db: NeutronDb = { noNeutron: null, schema: null, nowLine: null, ring: [], revisions: null, driftCount: {}, drift: [], deletedCount: {}, deleted: [], objects: { network: [], port: [], router: [], security_group: [] } };
  for (const line of lines(stdout)) {
    if (line.startsWith('== no-neutron')) db.noNeutron = line;
    const schema = /^== schema (\S+)/.exec(line);
    if (schema) db.schema = schema[1] as string;
    const f = line.split('\t');
    switch (f[0]) {
      case 'now':
        db.nowLine = line;
        break;
      case 'ring':
        if (f.length >= 5) db.ring.push({ group: f[1] ?? '', host: f[2] ?? '', node: f[3] ?? '', age: num(f[4]), line });
        break;
      case 'revisions':
        db.revisions = num(f[1]);
        break;
      case 'drift-count':
        if (f[1] && num(f[2]) !== null) db.driftCount[f[1]] = num(f[2]) as number;
        break;
      case 'drift':
        if (f.length >= 6) db.drift.push({ type: f[1] ?? '', uuid: f[2] ?? '', ovnRevision: num(f[3]) ?? -1, neutronRevision: num(f[4]) ?? -1, age: num(f[5]), line });
        break;
      case 'deleted-count':
        if (f[1] && num(f[2]) !== null) db.deletedCount[f[1]] = num(f[2]) as number;
        break;
      case 'deleted':
        if (f.length >= 4) db.deleted.push({ type: f[1] ?? '', uuid: f[2] ?? '', age: num(f[3]), line });
        break;
      default:
        if ((KINDS as string[]).includes(f[0] ?? '') && f[1]) db.objects[f[0] as Kind].push({ id: f[1], age: num(f[2]), line });
    }
  }
  return db.noNeutron || db.schema ? db : null;
}

export const NB_TABLES = ['Logical_Switch', 'Logical_Switch_Port', 'Logical_Router', 'Port_Group'] as const;
export type NbTable = (typeof NB_TABLES)[number];
/** The Northbound table that stands for each kind of Neutron object. */
export const TABLE_OF: Record<Kind, NbTable> = { network: 'Logical_Switch', port: 'Logical_Switch_Port', router: 'Logical_Router', security_group: 'Port_Group' };

export interface NbTableRows {
  names: string[];
  /** The exit status of its ovn-nbctl, null when the output stopped before it. */
  exit: number | null;
  /** The `== exit N` line. */
  exitLine: string | null;
}

export function parseNbObjects(stdout: string): Record<NbTable, NbTableRows> | null {
  const t = {} as Record<NbTable, NbTableRows>;
  let cur: NbTable | null = null;
  for (const line of lines(stdout)) {
    const head = /^== (\w+)$/.exec(line);
    if (head && (NB_TABLES as readonly string[]).includes(head[1] as string)) {
      cur = head[1] as NbTable;
      t[cur] = { names: [], exit: null, exitLine: null };
      continue;
    }
    if (!cur) continue;
    const exit = /^== exit (\d+)/.exec(line);
    if (exit) {
      t[cur].exit = Number(exit[1]);
      t[cur].exitLine = line;
    } else if (line.trim()) t[cur].names.push(line.trim());
  }
  return NB_TABLES.some((n) => t[n]) ? t : null;
}

/** The Northbound name Neutron gives each kind of object (neutron/common/ovn/utils.py ovn_name, ovn_port_group_name). */
export function nbName(kind: Kind, id: string): string {
  if (kind === 'port') return id;
  if (kind === 'security_group') return `pg_${id.replace(/-/g, '_')}`;
  return `neutron-${id}`;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const shapes: Record<Kind, RegExp> = {
  network: new RegExp(`^neutron-(${UUID})$`, 'i'),
  port: new RegExp(`^(${UUID})$`, 'i'),
  router: new RegExp(`^neutron-(${UUID})$`, 'i'),
  security_group: /^pg_([0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12})$/i,
};

/** The Neutron id a Northbound name stands for, or null for a name Neutron does not give that kind (neutron_pg_drop, provnet-…). */
export function idOfNbName(kind: Kind, name: string): string | null {
  const m = shapes[kind].exec(name);
  if (!m) return null;
  return kind === 'security_group' ? (m[1] as string).replace(/_/g, '-') : (m[1] as string);
}

/** Why the database query failed: no access, server down, or other. */
export function whyDbFailed(t: string): 'access' | 'unreachable' | 'other' {
  if (/Access denied|ERROR 1045|ERROR 1044|ERROR 1142/.test(t)) return 'access';
  if (/Can't connect|ERROR 2002|ERROR 2003|Lost connection|ERROR 2013/.test(t)) return 'unreachable';
  return 'other';
}
