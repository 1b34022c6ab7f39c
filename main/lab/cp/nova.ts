import type { ControlPlaneContext } from '../controlplane.js';

/** nova-api (+ metadata), nova-conductor, nova-scheduler; cells v2. */
export async function startNovaControl(_ctx: ControlPlaneContext): Promise<void> {
  // not yet built
}

/** nova-compute (fake driver, per-compute sizes) on the Nova computes; discover_hosts. */
export async function startNovaComputes(_ctx: ControlPlaneContext): Promise<void> {
  // not yet built
}

/** The tenant's servers, created through the Nova API on the tenant's Neutron ports. */
export async function createServers(_ctx: ControlPlaneContext): Promise<void> {
  // not yet built
}
