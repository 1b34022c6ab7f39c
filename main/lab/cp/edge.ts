import { join } from 'node:path';
import type { ControlPlaneContext } from '../controlplane.js';
import { controllers, type LabLayout, type LabNode } from '../layout.js';

/**
 * The edge of the control plane, as Kolla-Ansible builds it: memcached, keepalived (VRRP holding
 * the internal VIP and the public VIP) and HAProxy on every controller. HAProxy listens on
 * VIP:port (plain HTTP, the internal and admin endpoints) and PUBLIC_VIP:port (TLS with a
 * certificate of the lab's own CA, the public endpoints) for every API, and balances over the
 * controllers that run that API.
 */

/** An internal (and admin) endpoint: plain HTTP on the internal VIP, as Kolla's kolla_internal_vip_address. */
export const internalUrl = (l: LabLayout, port: number, path = ''): string => `http://${l.vip}:${port}${path}`;

/** A public endpoint: HTTPS on the public VIP (Kolla's kolla_external_vip_address), verified with labCaFile(l). */
export const publicUrl = (l: LabLayout, port: number, path = ''): string => `https://${l.publicVip}:${port}${path}`;

/** The lab's TLS folder: its CA, the public VIP's certificate and key (HAProxy's PEM). */
export const tlsDir = (l: LabLayout): string => join(l.root, 'tls');

/** The lab CA's certificate: what clients use as OS_CACERT / cafile / --os-cacert to verify the public endpoints. */
export const labCaFile = (l: LabLayout): string => join(tlsDir(l), 'ca.crt');

/** One API HAProxy fronts: its port, its health check, and which controllers run a backend. */
export interface EdgeApi {
  /** HAProxy's frontend/backend name (Kolla's: keystone_internal, nova_api, ...). */
  name: string;
  port: number;
  /** HTTP health check path (`option httpchk GET <path>`), answered without a token. */
  check: string;
  /** The controllers that run the API; a backend that is not up (yet) is shown DOWN, as HAProxy does. */
  backends: (l: LabLayout) => LabNode[];
}

const allControllers = (l: LabLayout): LabNode[] => controllers(l);
const firstController = (l: LabLayout): LabNode[] => controllers(l).slice(0, 1);

/** Every API behind HAProxy, in one table (ports as Kolla's). */
export const edgeApis: EdgeApi[] = [
  { name: 'keystone', port: 5000, check: '/v3', backends: allControllers },
  { name: 'placement_api', port: 8778, check: '/', backends: firstController },
  { name: 'glance_api', port: 9292, check: '/versions', backends: firstController },
  { name: 'nova_api', port: 8774, check: '/', backends: firstController },
  { name: 'nova_metadata', port: 8775, check: '/', backends: firstController },
  { name: 'neutron_server', port: 9696, check: '/', backends: firstController },
];

/** memcached's port on every controller (n.ip:11211): Keystone's and Nova's [cache] memcache_servers. */
export const MEMCACHED_PORT = 11211;

/** The memcache_servers list for oslo.cache / keystonemiddleware: every controller's memcached. */
export const memcacheServers = (l: LabLayout): string => controllers(l).map((n) => `${n.ip}:${MEMCACHED_PORT}`).join(',');

/** memcached, keepalived (VRRP, the API VIP) and HAProxy on every controller. */
export async function startEdge(_ctx: ControlPlaneContext): Promise<void> {
  // being built (issue 16, edge part)
}
