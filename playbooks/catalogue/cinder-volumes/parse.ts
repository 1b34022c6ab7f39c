/**
 * cinder-volumes: step output → facts. `openstack volume service list --long -f json` is cliff's
 * JSON list (one key per line, two-space indent); volumes.sh prints `== now: EPOCH`, `== volume
 * list` with the list's JSON, then `== volume show ID` with each stuck candidate's JSON.
 */
import { lines, parseJson } from '../../engine/analyze-kit.js';

type Row = Record<string, unknown>;
const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Line ranges of the top-level objects of a cliff JSON array (`  {` … `  }`). */
function objectLines(stdout: string): string[][] {
  const all = lines(stdout);
  const out: string[][] = [];
  let start = -1;
  all.forEach((l, i) => {
    if (/^ {2}\{\s*$/.test(l)) start = i;
    else if (/^ {2}\},?\s*$/.test(l) && start >= 0) {
      out.push(all.slice(start + 1, i));
      start = -1;
    }
  });
  return out;
}

export interface VolumeService {
  binary: string;
  host: string;
  zone: string;
  status: string;
  state: string;
  updatedAt: string;
  disabledReason: string;
  lines: string[];
}

export function parseServices(stdout: string): VolumeService[] | null {
  const rows = parseJson<unknown>(stdout);
  if (!Array.isArray(rows)) return null;
  const blocks = objectLines(stdout);
  const shown = /^\s*"(Binary|Host|Status|State|Updated At|Disabled Reason)":/;
  return (rows as Row[]).map((r, i) => ({
    binary: text(r.Binary),
    host: text(r.Host),
    zone: text(r.Zone),
    status: text(r.Status).toLowerCase(),
    state: text(r.State).toLowerCase(),
    updatedAt: text(r['Updated At']),
    disabledReason: text(r['Disabled Reason']).replace(/^None$/, ''),
    lines: (blocks[i] ?? []).filter((l) => shown.test(l)),
  }));
}

export interface VolumeShown {
  id: string;
  name: string;
  status: string;
  updatedAt: string;
  /** Epoch seconds of updated_at (UTC), null when absent. */
  updatedSec: number | null;
  host: string;
  attachedTo: string[];
  lines: string[];
}

export interface Volumes {
  now: number | null;
  /** Volumes in the list; null when the list failed. */
  listed: number | null;
  listLines: string[];
  shown: VolumeShown[];
}

/** updated_at as Cinder gives it (`2026-12-05T08:01:12.000000`, UTC without a zone) → epoch seconds. */
export function cinderTime(s: string): number | null {
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)/.exec(s);
  if (!m) return null;
  const tz = /(Z|[+-]\d\d:?\d\d)$/.exec(s)?.[1] ?? 'Z';
  const t = Date.parse(`${m[1]}T${m[2]}${tz === 'Z' ? 'Z' : tz.replace(/^([+-]\d\d)(\d\d)$/, '$1:$2')}`);
  return Number.isFinite(t) ? t / 1000 : null;
}

export function parseVolumes(stdout: string): Volumes {
  const sections: Array<{ head: string; body: string[] }> = [];
  let now: number | null = null;
  for (const l of lines(stdout)) {
    if (l.startsWith('== now: ')) now = Number(l.slice(8)) || null;
    else if (l.startsWith('== ')) sections.push({ head: l.slice(3), body: [] });
    else sections.at(-1)?.body.push(l);
  }
  const list = sections.find((s) => s.head === 'volume list');
  const listText = list ? `${list.body.join('\n')}\n` : '';
  const rows = parseJson<unknown>(listText);
  const shown: VolumeShown[] = [];
  for (const s of sections.filter((x) => x.head.startsWith('volume show '))) {
    const v = parseJson<Row>(`${s.body.join('\n')}\n`);
    if (!v || typeof v !== 'object') continue;
    const attachments = Array.isArray(v.attachments) ? (v.attachments as Row[]) : [];
    const wanted = /^\s*"(id|name|status|updated_at|os-vol-host-attr:host)":/;
    shown.push({
      id: text(v.id),
      name: text(v.name),
      status: text(v.status),
      updatedAt: text(v.updated_at),
      updatedSec: cinderTime(text(v.updated_at)),
      host: text(v['os-vol-host-attr:host']),
      attachedTo: attachments.map((a) => text(a.server_id ?? a.host_name)).filter(Boolean),
      lines: s.body.filter((l) => wanted.test(l)),
    });
  }
  return { now, listed: Array.isArray(rows) ? rows.length : null, listLines: list?.body ?? [], shown };
}

/** Why a listing failed: no Cinder in the catalog, credentials, rejected, unreachable, or other. */
export function whyFailed(text: string): 'no-cinder' | 'no-credentials' | 'rejected' | 'unreachable' | 'other' {
  if (/Could not find requested endpoint in Service Catalog|endpoint for (?:volumev[23]|volume|block-?storage)[\w-]* service[\w\s]* not found|EndpointNotFound|has no attribute '(?:services|volumes)'|Block Storage (?:API|service) (?:is )?not (?:available|found)|No service with a type, name or ID of '(?:volume|block-storage)/i.test(text)) return 'no-cinder';
  if (/Missing value auth-url|Missing parameter|--os-auth-url|OS_CLOUD|clouds\.yaml|stackscope-credentials:/i.test(text)) return 'no-credentials';
  if (/HTTP 401|Unauthorized|HTTP 403|Forbidden/i.test(text)) return 'rejected';
  if (/Unable to establish connection|Connection refused|timed out|HTTP 50[234]/i.test(text)) return 'unreachable';
  return 'other';
}
