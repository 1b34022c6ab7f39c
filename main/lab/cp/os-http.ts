import type { ControlPlaneContext } from '../controlplane.js';
import { controllers, type LabNode } from '../layout.js';
import { LabError } from '../proc.js';
import { saveState } from '../state.js';
import { cachedSchema, noteSchemaStart } from './schema-cache.js';

/**
 * The lab's own calls to the OpenStack APIs (Glance, Nova) from this machine, with the admin's
 * token: faster than one `openstack` process per call (≈1.1 s of Python start-up each), and the
 * error carries the API's own message.
 */

export const KEYSTONE_PORT = 5000;

/** Keystone of the first controller, straight (not through the VIP, which faults break on purpose). */
export const keystoneDirect = (ctx: ControlPlaneContext, path: string): string => `http://${(controllers(ctx.layout)[0] as LabNode).ip}:${KEYSTONE_PORT}${path}`;

const tokens = new WeakMap<ControlPlaneContext['state'], Map<string, { id: string; until: number }>>();

/** A token of the lab's admin, scoped to project admin (default) or to a project id. */
export async function adminToken(ctx: ControlPlaneContext, projectId?: string): Promise<string> {
  const mine = tokens.get(ctx.state) ?? new Map<string, { id: string; until: number }>();
  tokens.set(ctx.state, mine);
  const cached = mine.get(projectId ?? '');
  if (cached && cached.until > Date.now()) return cached.id;
  const res = await fetch(keystoneDirect(ctx, '/v3/auth/tokens'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'admin', domain: { id: 'default' }, password: ctx.secret('keystone:admin') } } },
        scope: { project: projectId ? { id: projectId } : { name: 'admin', domain: { id: 'default' } } },
      },
    }),
    signal: AbortSignal.timeout(30_000),
  }).catch((e: Error) => {
    throw new LabError(`keystone token for admin${projectId ? ` in project ${projectId}` : ''}: ${e.message}`);
  });
  const id = res.headers.get('x-subject-token');
  if (!res.ok || !id) throw new LabError(`keystone token for admin${projectId ? ` in project ${projectId}` : ''}: HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
  // Fernet tokens live an hour; take a new one well before.
  mine.set(projectId ?? '', { id, until: Date.now() + 30 * 60_000 });
  return id;
}

/** One API call with the admin's token; JSON in and out, failing with the API's own error text. */
export async function osApi(ctx: ControlPlaneContext, url: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}, projectId?: string): Promise<unknown> {
  const raw = body instanceof Blob;
  const res = await fetch(url, {
    method,
    headers: {
      'x-auth-token': await adminToken(ctx, projectId),
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': raw ? 'application/octet-stream' : 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    // 120 s: on a machine at load 20 one call was seen to take over 60 s; a timeout names the call.
    signal: AbortSignal.timeout(120_000),
  }).catch((e: Error) => {
    throw new LabError(`${method} ${url}: ${e.message}`);
  });
  const text = await res.text();
  if (!res.ok) throw new LabError(`${method} ${url}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

/**
 * A service's schema (db sync and friends) from the lab's schema cache (cp/schema-cache.ts): a
 * restored dump when one fits the installed packages (warm), else the service's own sync (cold).
 */
export async function schemaOnce(ctx: ControlPlaneContext, key: string, databases: string[], packages: string[], sync: () => Promise<void>): Promise<void> {
  const started = Date.now();
  const how = await cachedSchema({ key, databases, packages, node: controllers(ctx.layout)[0] as LabNode, sync, log: ctx.log });
  noteSchemaStart(ctx.state, how);
  saveState(ctx.state);
  ctx.log(`    ${key} schema (${databases.join(', ')}) ${how === 'warm' ? 'restored' : 'made'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
