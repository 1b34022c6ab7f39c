import type { Core } from '../core/core.js';
import { mapBounded } from '../../playbooks/engine/bounded.js';
import type { Cluster } from '../contract/types.js';
import { LabError } from './proc.js';
import type { LabState } from './state.js';

export const LAB_CLUSTER = 'lab';

async function call<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new LabError(`registering the lab in the inventory: ${method}: ${r.error.message}`);
  return r.value as T;
}

/**
 * Put the lab in the inventory as cluster `lab`: one node per lab host (root, the lab's key),
 * and trust each host key. The keys are the ones the lab generated, so the fingerprint each node
 * presents is checked against the key file before it is trusted; a key of an earlier lab at the
 * same address is replaced. The cluster is kept across `lab down` so its cases keep their cluster.
 */
export async function registerLab(core: Core, state: LabState, hostKeyFingerprint: (node: string) => Promise<string>): Promise<Cluster> {
  const l = state.layout;
  let cluster = core.inventory.list().find((c) => c.name === LAB_CLUSTER);
  if (!cluster) cluster = await call<Cluster>(core, 'clusters.add', { name: LAB_CLUSTER, deployment: l.flavor });
  else if (cluster.deployment !== l.flavor) cluster = await call<Cluster>(core, 'clusters.update', { id: cluster.id, deployment: l.flavor });
  // The lab's controllers carry the admin credentials in their SSH environment (nodes.ts nodeEnv:
  // the noauth token, or OS_CLOUD=admin of ~/.config/openstack/clouds.yaml on the full control
  // plane, which also writes ~/admin-openrc): nothing to name, unless someone set it on purpose.
  if (cluster.credentials === null) cluster = await call<Cluster>(core, 'clusters.update', { id: cluster.id, credentials: { kind: 'none' } });
  const wanted = new Set(l.nodes.map((n) => n.name));
  for (const old of cluster.nodes) if (!wanted.has(old.name)) await call(core, 'nodes.remove', { id: old.id });
  const auth = { method: 'key', keyPath: l.keyFile, passphrase: false };
  for (const n of l.nodes) {
    const existing = cluster.nodes.find((x) => x.name === n.name);
    const fields = { name: n.name, host: n.ip, port: 22, user: 'root', roles: [n.role], auth, jumpNodeId: null };
    if (existing) await call(core, 'nodes.update', { id: existing.id, ...fields });
    else await call(core, 'nodes.add', { clusterId: cluster.id, ...fields });
  }
  // kolla: passwords.yml is on the deploy node only, as after a real deploy (main/lab/kolla.ts writes it there).
  const deployNode = l.nodes.find((n) => n.role === 'controller')?.name ?? null;
  if (l.flavor === 'kolla' && core.inventory.clusterByName(LAB_CLUSTER).kollaPasswords?.node !== deployNode) {
    await call<Cluster>(core, 'clusters.update', { id: cluster.id, kollaPasswords: { node: deployNode, path: '/etc/kolla/passwords.yml' } });
  }
  const fresh = core.inventory.clusterByName(LAB_CLUSTER);
  // trust() probes the node and stores its key only if it is the one the lab generated.
  await mapBounded(fresh.nodes, 16, async (node) => void (await core.hostKeys.trust(node.id, await hostKeyFingerprint(node.name))));
  return core.inventory.clusterByName(LAB_CLUSTER);
}
