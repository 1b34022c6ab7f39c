/**
 * Step output → facts. `placement-providers` prints each Placement response body followed by a
 * marker line `== HTTP <code> GET <url>` (curl's --write-out); `nova-instances` prints tab-separated
 * rows tagged `live`, `deleted` or `migration`.
 */
import { lines, parseJson } from '../../engine/analyze-kit.js';

export interface Inventory {
  total: number;
  reserved: number;
  min_unit: number;
  max_unit: number;
  step_size: number;
  allocation_ratio: number;
}

/** One response: its status, URL and the verbatim body lines with their index in the output. */
export interface Response {
  status: number;
  url: string;
  /** Path and query after the endpoint, e.g. `/resource_providers/<uuid>/usages`. */
  path: string;
  body: string;
  bodyLines: Array<{ index: number; text: string }>;
  marker: { index: number; text: string };
}

export interface Provider {
  uuid: string;
  name: string;
  parent: string | null;
  inventories: Record<string, Inventory> | null;
  usages: Record<string, number> | null;
  /** consumer uuid → resources. */
  allocations: Record<string, Record<string, number>> | null;
  responses: { inventories?: Response; usages?: Response; allocations?: Response };
}

export interface Candidates {
  /** The `resources=` query as sent, e.g. `VCPU:4,MEMORY_MB:8192,DISK_GB:80`. */
  query: string;
  response: Response;
  /** Null when the body was not an allocation candidates document (HTTP error). */
  requests: Array<Record<string, Record<string, number>>> | null;
}

export interface PlacementDump {
  endpoint: string | null;
  list: Response | null;
  providers: Provider[];
  candidates: Candidates | null;
  responses: Response[];
}

const MARKER = /^== HTTP (\d{3}) GET (\S+)$/;

export function parseResponses(stdout: string): Response[] {
  const out: Response[] = [];
  let body: Array<{ index: number; text: string }> = [];
  lines(stdout).forEach((text, index) => {
    const m = MARKER.exec(text);
    if (!m) {
      body.push({ index, text });
      return;
    }
    const url = m[2] as string;
    const path = /^[a-z]+:\/\/[^/]+(?:\/.*?)?(\/(?:resource_providers|allocation_candidates)(?:[/?].*)?)$/.exec(url)?.[1] ?? url;
    // curl's -w starts with a newline: the body's own last line ends there, so drop that empty line.
    const bodyLines = body.filter((l) => l.text.trim() !== '');
    out.push({ status: Number(m[1]), url, path, body: bodyLines.map((l) => l.text).join('\n'), bodyLines, marker: { index, text } });
    body = [];
  });
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function inventoriesOf(doc: unknown): Record<string, Inventory> | null {
  if (!isRecord(doc) || !isRecord(doc.inventories)) return null;
  // No prototype: a resource class is whatever the API printed ("__proto__", "constructor" included).
  const out = Object.create(null) as Record<string, Inventory>;
  for (const [rc, raw] of Object.entries(doc.inventories)) {
    if (!isRecord(raw)) continue;
    const total = num(raw.total, 0);
    out[rc] = {
      total,
      reserved: num(raw.reserved, 0),
      min_unit: num(raw.min_unit, 1),
      max_unit: num(raw.max_unit, total),
      step_size: num(raw.step_size, 1),
      allocation_ratio: num(raw.allocation_ratio, 1),
    };
  }
  return out;
}

function amounts(v: unknown): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  if (isRecord(v)) for (const [k, n] of Object.entries(v)) if (typeof n === 'number') out[k] = n;
  return out;
}

export function parsePlacement(stdout: string): PlacementDump {
  const responses = parseResponses(stdout);
  const list = responses.find((r) => /^\/resource_providers(\?.*)?$/.test(r.path)) ?? null;
  const providers: Provider[] = [];
  const listDoc = list && list.status === 200 ? parseJson<unknown>(list.body) : null;
  if (isRecord(listDoc) && Array.isArray(listDoc.resource_providers)) {
    for (const rp of listDoc.resource_providers as unknown[]) {
      if (!isRecord(rp) || typeof rp.uuid !== 'string') continue;
      providers.push({
        uuid: rp.uuid,
        name: typeof rp.name === 'string' ? rp.name : rp.uuid,
        parent: typeof rp.parent_provider_uuid === 'string' ? rp.parent_provider_uuid : null,
        inventories: null,
        usages: null,
        allocations: null,
        responses: {},
      });
    }
  }
  const byUuid = new Map(providers.map((p) => [p.uuid, p]));
  let candidates: Candidates | null = null;
  for (const r of responses) {
    const m = /^\/resource_providers\/([0-9a-fA-F-]+)\/(inventories|usages|allocations)$/.exec(r.path);
    if (m) {
      const p = byUuid.get(m[1] as string);
      if (!p) continue;
      const kind = m[2] as 'inventories' | 'usages' | 'allocations';
      p.responses[kind] = r;
      if (r.status !== 200) continue;
      const doc = parseJson<unknown>(r.body);
      if (kind === 'inventories') p.inventories = inventoriesOf(doc);
      if (kind === 'usages' && isRecord(doc) && isRecord(doc.usages)) p.usages = amounts(doc.usages);
      if (kind === 'allocations' && isRecord(doc) && isRecord(doc.allocations)) {
        p.allocations = Object.create(null) as Record<string, Record<string, number>>;
        for (const [consumer, a] of Object.entries(doc.allocations)) p.allocations[consumer] = amounts(isRecord(a) ? a.resources : null);
      }
      continue;
    }
    const c = /^\/allocation_candidates\?(?:.*&)?resources=([^&]*)/.exec(r.path);
    if (c) {
      const doc = r.status === 200 ? parseJson<unknown>(r.body) : null;
      let requests: Candidates['requests'] = null;
      if (isRecord(doc) && Array.isArray(doc.allocation_requests)) {
        requests = (doc.allocation_requests as unknown[]).map((ar) => {
          const allocs = isRecord(ar) && isRecord(ar.allocations) ? ar.allocations : {};
          return Object.fromEntries(Object.entries(allocs).map(([rp, a]) => [rp, amounts(isRecord(a) ? a.resources : null)]));
        });
      }
      candidates = { query: decodeURIComponent(c[1] as string), response: r, requests };
    }
  }
  const endpoint = list ? list.url.replace(/\/resource_providers(\?.*)?$/, '') : null;
  return { endpoint, list, providers, candidates, responses };
}

export interface NovaRow {
  uuid: string;
  host: string;
  name: string;
  /** vm_state for live rows, deleted_at for deleted ones, status for migrations. */
  extra: string;
  line: { index: number; text: string };
}

export interface NovaFacts {
  live: Map<string, NovaRow>;
  deleted: Map<string, NovaRow>;
  migrations: Map<string, NovaRow>;
  /** False when nova.migrations could not be read (the step says so). */
  migrationsChecked: boolean;
}

export function parseNova(stdout: string): NovaFacts {
  const facts: NovaFacts = { live: new Map(), deleted: new Map(), migrations: new Map(), migrationsChecked: true };
  lines(stdout).forEach((text, index) => {
    if (/^no table nova\.migrations/.test(text)) facts.migrationsChecked = false;
    const f = text.split('\t');
    const [tag, uuid, host = '', name = '', extra = ''] = f;
    if (!uuid || !/^[0-9a-fA-F-]{32,36}$/.test(uuid)) return;
    const row: NovaRow = { uuid, host: host === 'NULL' ? '' : host, name: name === 'NULL' ? '' : name, extra: extra === 'NULL' ? '' : extra, line: { index, text } };
    if (tag === 'live') facts.live.set(uuid, row);
    else if (tag === 'deleted' && !facts.deleted.has(uuid)) facts.deleted.set(uuid, row);
    else if (tag === 'migration') facts.migrations.set(uuid, row);
  });
  return facts;
}

/** An enabled Nova flavor as nova_api.flavors holds it, with what it asks of Placement. */
export interface NovaFlavor {
  id: string;
  name: string;
  vcpus: number;
  memoryMb: number;
  /** root_gb + ephemeral_gb + swap rounded up to GB: the DISK_GB nova-scheduler asks for an image-backed server. */
  diskGb: number;
  /** resources:* or hw:cpu_policy extra specs change what it asks (PCPU, custom classes): not judged by its size. */
  special: boolean;
  line: { index: number; text: string };
}

export interface FlavorFacts {
  /** False when nova_api.flavors is not there to read (the step says so) or the step printed no flavor line. */
  checked: boolean;
  flavors: NovaFlavor[];
}

const WHOLE = /^\d{1,9}$/;

/** The `flavor` lines of the nova-instances step (tab-separated, as `mysql -N -B` prints them). */
export function parseFlavors(stdout: string): FlavorFacts {
  const facts: FlavorFacts = { checked: false, flavors: [] };
  let noTable = false;
  lines(stdout).forEach((text, index) => {
    if (/^no table nova_api\.flavors/.test(text)) noTable = true;
    if (/^flavors read: \d+$/.test(text)) facts.checked = true;
    const f = text.split('\t');
    if (f[0] !== 'flavor' || f.length !== 9) return;
    const [, id = '', name = '', vcpus = '', mem = '', root = '', eph = '', swap = '', special = ''] = f;
    if (![vcpus, mem, root, eph, swap, special].every((x) => WHOLE.test(x))) return;
    facts.flavors.push({
      id,
      name: name || id,
      vcpus: Number(vcpus),
      memoryMb: Number(mem),
      diskGb: Number(root) + Number(eph) + Math.ceil(Number(swap) / 1024),
      special: Number(special) > 0,
      line: { index, text },
    });
  });
  if (noTable) facts.checked = false;
  return facts;
}

/** Placement's own rule: capacity = int((total − reserved) × allocation_ratio). */
export function capacityOf(inv: Inventory): number {
  return Math.floor((inv.total - inv.reserved) * inv.allocation_ratio);
}

export interface UsageRow {
  rc: string;
  /** Null when usage exists for a class the provider has no inventory of. */
  inv: Inventory | null;
  capacity: number;
  used: number;
  free: number;
}

/** Every resource class of a provider with its capacity, usage and what is free. */
export function usageRows(p: Provider): UsageRow[] {
  const inv = p.inventories ?? {};
  const used = p.usages ?? {};
  // Own keys only, whatever built the maps: a class named "constructor" has no inventory unless listed.
  const own = <T>(m: Record<string, T>, rc: string): T | undefined => (Object.hasOwn(m, rc) ? m[rc] : undefined);
  const classes = [...new Set([...Object.keys(inv), ...Object.keys(used).filter((rc) => (own(used, rc) ?? 0) > 0)])];
  return classes.map((rc) => {
    const i = own(inv, rc) ?? null;
    const capacity = i ? capacityOf(i) : 0;
    const u = own(used, rc) ?? 0;
    return { rc, inv: i, capacity, used: u, free: capacity - u };
  });
}
