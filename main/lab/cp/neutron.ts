import type { ControlPlaneContext } from '../controlplane.js';

/** neutron-server with ML2/OVN on the lab's NB/SB raft clusters. */
export async function startNeutron(_ctx: ControlPlaneContext): Promise<void> {
  // not yet built
}

/** The tenant (networks, router, security groups, ports) through the Neutron API. */
export async function startNeutronTenant(_ctx: ControlPlaneContext): Promise<void> {
  // not yet built
}

/** neutron-ovn-metadata-agent on the Nova computes. */
export async function startMetadataAgents(_ctx: ControlPlaneContext): Promise<void> {
  // not yet built
}
