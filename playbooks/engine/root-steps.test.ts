import { describe, expect, it } from 'vitest';
import { analyzers, catalogueDir } from '../catalogue/index.js';
import { loadCatalogue } from './loader.js';
import { needsRoot, type ClusterProfile } from './profile.js';

const flavours: Record<string, ClusterProfile> = {
  packages: { deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' },
  kolla: { deployment: 'kolla', containerEngine: 'docker', namespace: 'openstack' },
  helm: { deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'openstack' },
};

/** Which steps of the shipped catalogue run as root (through sudo for a login that is not root), per flavour. */
function rootSteps(profile: ClusterProfile): string[] {
  const c = loadCatalogue(catalogueDir(), analyzers);
  expect(c.problems).toEqual([]);
  return [...c.playbooks.values()]
    .filter((p) => p.def.appliesTo.includes(profile.deployment))
    .flatMap((p) => p.def.steps.filter((s) => needsRoot(profile, s)).map((s) => `${p.def.id}/${s.id}`))
    .sort();
}

describe('steps that need root', () => {
  it('packages: root-owned sockets and files, and journalctl of system units', () => {
    expect(rootSteps(flavours.packages as ClusterProfile)).toEqual([
      'api-errors/haproxy-log',
      'ceph-health/health',
      'ceph-health/status',
      'certificates/certs',
      'config-drift/config',
      'dropped-traffic/controller-log',
      'dropped-traffic/datapath',
      'dropped-traffic/ports',
      'galera-health/app-query',
      'galera-health/grastate',
      'galera-health/wsrep-status',
      'haproxy-backends/haproxy',
      'kernel-log/kernel',
      'keystone-health/keys',
      'mtu/encaps',
      'mtu/networks',
      'neutron-agents/metadata-log',
      'neutron-ovn-sync/nb-objects',
      'neutron-ovn-sync/neutron-db',
      'neutron-ovn-sync/neutron-server-log',
      'nova-cells/cell-mappings',
      'nova-compute-log/nova-compute-log',
      'nova-services/compute-log',
      'nova-services/scheduler-log',
      'openstack-log-signatures/neutron-server-log',
      'openstack-log-signatures/nova-compute-log',
      'openstack-log-signatures/ovn-controller-log',
      'openstack-log-signatures/ovn-sb-log',
      'openstack-log-signatures/rabbitmq-log',
      'ovn-controller-log/controller',
      'ovn-gateway/bfd',
      'ovn-gateway/nb-gateways',
      'ovn-gateway/ovn-controller-log',
      'ovn-gateway/ovs-vswitchd-log',
      'ovn-gateway/sb-gateways',
      'ovn-health/controller-connection',
      'ovn-health/nb-raft',
      'ovn-health/nb-reachable',
      'ovn-health/sb-chassis',
      'ovn-health/sb-raft',
      'ovn-health/system-id',
      'ovn-trace/trace',
      'ovs-health/config',
      'ovs-health/interfaces',
      'ovs-health/show',
      'ovs-vswitchd-log/vswitchd',
      'placement-capacity/nova-instances',
      'port-binding/chassis',
      'rabbitmq-cluster/broker',
      'rabbitmq-queues/queues',
    ]);
  });

  it("kolla: every docker exec and docker logs (the engine's socket), and root files on the host; not the openstack client", () => {
    const kolla = rootSteps(flavours.kolla as ClusterProfile);
    expect(kolla).toContain('galera-health/grastate');
    expect(kolla).toContain('ovs-health/show');
    // The container engine's socket: docker|podman ps and inspect on the host.
    expect(kolla).toContain('kolla-containers/containers');
    expect(kolla).toContain('keystone-health/keys');
    expect(kolla).not.toContain('keystone-health/tokens');
    expect(kolla).not.toContain('nova-services/compute-services');
    expect(kolla).not.toContain('instances-stuck/servers');
    expect(kolla).not.toContain('placement-capacity/placement-providers');
  });

  it('openstack-helm: only what reads the host itself; kubectl exec into a pod needs the kubeconfig, not root', () => {
    expect(rootSteps(flavours.helm as ClusterProfile)).toEqual(['api-errors/haproxy-log', 'ceph-health/health', 'ceph-health/status', 'certificates/certs', 'config-drift/config', 'galera-health/grastate', 'haproxy-backends/haproxy', 'kernel-log/kernel']);
  });
});
