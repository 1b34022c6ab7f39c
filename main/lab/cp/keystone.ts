import type { ControlPlaneContext } from '../controlplane.js';

/** Keystone on every controller (Fernet), bootstrapped, with the catalog behind the VIP. */
export async function startKeystone(_ctx: ControlPlaneContext): Promise<void> {
  // not yet built
}
