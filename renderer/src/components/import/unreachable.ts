import type { ClusterHostKeyProbe, HealthLevel, NodeHealth } from '../../../../main/contract/types.js';

/**
 * Nodes the bulk host-key probe could not reach (right after an import, typically): no check has
 * run on them yet, so the health data says only "not checked", yet we know more. Remembered in this
 * browser (not the case log: it is what one probe saw, not a finding) by node id with the address
 * it was probed at, and shown until a later probe reaches the node or a check sees it.
 */
const KEY = 'stackscope.unreachable';
/** A probe's word stays this long at most; after that the node is only "not checked" again. */
const KEEP_MS = 7 * 24 * 3600 * 1000;

export interface Unreached {
  host: string;
  port: number;
  at: string;
  message: string;
}

type Store = Record<string, Unreached>;

function read(storage: Storage | undefined): Store {
  try {
    const v: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Store) : {};
  } catch {
    return {};
  }
}

const local = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** Remember what a bulk probe saw: unreachable nodes are added, nodes that answered are forgotten. */
export function rememberProbe(nodes: ClusterHostKeyProbe[], now = new Date(), storage = local()): void {
  const store = read(storage);
  for (const n of nodes) {
    if (n.reachable) delete store[String(n.nodeId)];
    else store[String(n.nodeId)] = { host: n.host, port: n.port, at: now.toISOString(), message: n.error.message.slice(0, 300) };
  }
  for (const [id, u] of Object.entries(store)) if (!(now.getTime() - Date.parse(u.at) < KEEP_MS)) delete store[id];
  storage?.setItem(KEY, JSON.stringify(store));
}

/**
 * What the picture shows for a node: its health, or 'unreachable' when the last probe could not
 * reach it at its current address and no check has seen it since. Never turns a checked result
 * into something else, and never makes anything ok.
 */
export function shownHealth(n: Pick<NodeHealth, 'id' | 'host' | 'health' | 'checkedAt'>, port: number | undefined, storage = local()): { level: HealthLevel | 'unreachable'; unreached?: Unreached } {
  const u = read(storage)[String(n.id)];
  if (!u || u.host !== n.host || (port !== undefined && u.port !== port)) return { level: n.health };
  if (n.health !== 'unknown' || (n.checkedAt !== null && n.checkedAt >= u.at)) return { level: n.health };
  return { level: 'unreachable', unreached: u };
}
