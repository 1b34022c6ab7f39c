import { controllers, type LabLayout, type LabNode } from '../layout.js';
import { LabError } from '../proc.js';
import { loadState } from '../state.js';

/**
 * Keystone from this machine (the lab's own calls): a token and the catalog for a user of the
 * lab, straight from a controller's Keystone (its own address, not the VIP, so the lab's calls
 * do not depend on HAProxy or keepalived, which faults break on purpose).
 */

export const KEYSTONE_PORT = 5000;

/** A Keystone of one controller (default: the first), as this machine reaches it. */
export const keystoneNodeUrl = (n: LabNode, path = ''): string => `http://${n.ip}:${KEYSTONE_PORT}${path}`;

export interface CatalogEntry {
  type: string;
  name: string;
  endpoints: Array<{ interface: string; region_id: string; url: string }>;
}

export interface KeystoneSession {
  token: string;
  expiresAt: number;
  catalog: CatalogEntry[];
  projectId: string;
  userId: string;
}

export interface TokenRequest {
  /** Default admin; service users (placement, nova, glance, neutron) are in project `service`. */
  user?: string;
  password?: string;
  project?: string;
  /** The controller whose Keystone issues it (default: the first). */
  via?: LabNode;
}

const sessions = new Map<string, KeystoneSession>();

/** The lab's password for a Keystone user (made by the keystone part, kept in the lab's state). */
function passwordOf(l: LabLayout, user: string): string {
  const p = loadState(l.root).secrets?.[`keystone:${user}`];
  if (!p) throw new LabError(`the lab has no Keystone password for ${user} (is this a full control plane lab with Keystone up?)`);
  return p;
}

/** Issue a project-scoped token (password method), with the catalog. */
export async function keystoneToken(l: LabLayout, req: TokenRequest = {}): Promise<KeystoneSession> {
  const user = req.user ?? 'admin';
  const project = req.project ?? (user === 'admin' ? 'admin' : 'service');
  const via = req.via ?? (controllers(l)[0] as LabNode);
  const res = await fetch(keystoneNodeUrl(via, '/v3/auth/tokens'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, domain: { id: 'default' }, password: req.password ?? passwordOf(l, user) } } },
        scope: { project: { name: project, domain: { id: 'default' } } },
      },
    }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  const token = res.headers.get('x-subject-token');
  if (res.status !== 201 || !token) throw new LabError(`keystone on ${via.name}: token for ${user}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { token: { expires_at: string; catalog?: CatalogEntry[]; project: { id: string }; user: { id: string } } };
  return { token, expiresAt: Date.parse(body.token.expires_at), catalog: body.token.catalog ?? [], projectId: body.token.project.id, userId: body.token.user.id };
}

/** The admin's session for this lab, reused until 10 minutes before it expires. */
export async function adminSession(l: LabLayout): Promise<KeystoneSession> {
  const cached = sessions.get(l.root);
  if (cached && cached.expiresAt - Date.now() > 10 * 60_000) return cached;
  const s = await keystoneToken(l);
  sessions.set(l.root, s);
  return s;
}

/** Forget the cached admin session (after a fault made Keystone refuse it). */
export function forgetSession(l: LabLayout): void {
  sessions.delete(l.root);
}

/** The URL of a service in a catalog, by type and interface. */
export function endpointOf(catalog: CatalogEntry[], type: string, iface: 'internal' | 'admin' | 'public' = 'internal'): string {
  const url = catalog.find((e) => e.type === type)?.endpoints.find((e) => e.interface === iface)?.url;
  if (!url) throw new LabError(`the Keystone catalog has no ${iface} ${type} endpoint`);
  return url;
}

/** One Keystone API call (JSON) on a controller's Keystone with a token; fails with Keystone's own message. */
export async function keystoneApi(n: LabNode, token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown> | null> {
  const res = await fetch(keystoneNodeUrl(n, path), {
    method,
    headers: { 'x-auth-token': token, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new LabError(`keystone on ${n.name}: ${method} ${path}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}
