import type { ControlPlaneContext } from '../controlplane.js';

/** glance-api with the file store and one tiny image the lab makes itself. */
export async function startGlance(_ctx: ControlPlaneContext): Promise<void> {
  // not yet built
}
