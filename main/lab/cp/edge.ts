import type { ControlPlaneContext } from '../controlplane.js';

/** memcached, keepalived (VRRP, the API VIP) and HAProxy on every controller. Owner: issue 16 identity/edge work. */
export async function startEdge(_ctx: ControlPlaneContext): Promise<void> {
  // not yet built
}
