import type { NodeRole } from '../../contract/types.js';

/**
 * Ansible group names that give a node a Stackscope role. Edit here to teach another layout;
 * groups not listed (monitoring, deployment, service groups such as nova-api) give no role.
 * Kolla-Ansible's multinode groups first, then openstack-ansible's `*_hosts` groups.
 */
export const groupRoles: Readonly<Record<string, NodeRole>> = {
  // Kolla-Ansible (ansible/inventory/multinode)
  control: 'controller',
  network: 'network',
  compute: 'compute',
  storage: 'storage',
  // openstack-ansible (openstack_user_config.yml host groups)
  'shared-infra_hosts': 'controller',
  infra_hosts: 'controller',
  'os-infra_hosts': 'controller',
  'identity_hosts': 'controller',
  'repo-infra_hosts': 'controller',
  'haproxy_hosts': 'controller',
  compute_hosts: 'compute',
  network_hosts: 'network',
  'network-infra_hosts': 'network',
  'network-agent_hosts': 'network',
  storage_hosts: 'storage',
  'storage-infra_hosts': 'storage',
  ceph_hosts: 'storage',
};

/** The role a group gives, if any (case-sensitive, as Ansible's group names are). */
export function roleOfGroup(group: string): NodeRole | undefined {
  return Object.hasOwn(groupRoles, group) ? groupRoles[group] : undefined;
}
