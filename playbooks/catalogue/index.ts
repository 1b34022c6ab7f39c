/** The catalogue's analyzers, by playbook id (static imports so the bundle carries them). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analyzer } from '../engine/types.js';
import { analyze as apiErrors } from './api-errors/analyzer.js';
import { analyze as catalogEndpoints } from './catalog-endpoints/analyzer.js';
import { analyze as certificates } from './certificates/analyzer.js';
import { analyze as cephHealth } from './ceph-health/analyzer.js';
import { analyze as cinderVolumes } from './cinder-volumes/analyzer.js';
import { analyze as clockSync } from './clock-sync/analyzer.js';
import { analyze as configDrift } from './config-drift/analyzer.js';
import { analyze as galeraHealth } from './galera-health/analyzer.js';
import { analyze as haproxyBackends } from './haproxy-backends/analyzer.js';
import { analyze as k8sNodes } from './k8s-nodes/analyzer.js';
import { analyze as k8sPods } from './k8s-pods/analyzer.js';
import { analyze as kernelLog } from './kernel-log/analyzer.js';
import { analyze as kollaContainers } from './kolla-containers/analyzer.js';
import { analyze as hostBasics } from './host-basics/analyzer.js';
import { analyze as memcached } from './memcached/analyzer.js';
import { analyze as mtu } from './mtu/analyzer.js';
import { analyze as neutronAgents } from './neutron-agents/analyzer.js';
import { analyze as neutronOvnSync } from './neutron-ovn-sync/analyzer.js';
import { analyze as instancesStuck } from './instances-stuck/analyzer.js';
import { analyze as novaCells } from './nova-cells/analyzer.js';
import { analyze as novaComputeLog } from './nova-compute-log/analyzer.js';
import { analyze as keystoneHealth } from './keystone-health/analyzer.js';
import { analyze as novaServices } from './nova-services/analyzer.js';
import { analyze as openstackLogSignatures } from './openstack-log-signatures/analyzer.js';
import { analyze as ovnControllerLog } from './ovn-controller-log/analyzer.js';
import { analyze as ovnGateway } from './ovn-gateway/analyzer.js';
import { analyze as droppedTraffic } from './dropped-traffic/analyzer.js';
import { analyze as ovnHealth } from './ovn-health/analyzer.js';
import { analyze as ovnTrace } from './ovn-trace/analyzer.js';
import { analyze as ovsHealth } from './ovs-health/analyzer.js';
import { analyze as ovsVswitchdLog } from './ovs-vswitchd-log/analyzer.js';
import { analyze as placementCapacity } from './placement-capacity/analyzer.js';
import { analyze as rabbitmqCluster } from './rabbitmq-cluster/analyzer.js';
import { analyze as rabbitmqQueues } from './rabbitmq-queues/analyzer.js';
import { analyze as sysctlSettings } from './sysctl-settings/analyzer.js';
import { analyze as portBinding } from './port-binding/analyzer.js';

export const analyzers: Record<string, Analyzer> = {
  'api-errors': apiErrors,
  'catalog-endpoints': catalogEndpoints,
  'ceph-health': cephHealth,
  certificates,
  'cinder-volumes': cinderVolumes,
  'clock-sync': clockSync,
  'config-drift': configDrift,
  'galera-health': galeraHealth,
  'haproxy-backends': haproxyBackends,
  'k8s-nodes': k8sNodes,
  'k8s-pods': k8sPods,
  'kernel-log': kernelLog,
  'kolla-containers': kollaContainers,
  'host-basics': hostBasics,
  memcached,
  mtu,
  'neutron-agents': neutronAgents,
  'neutron-ovn-sync': neutronOvnSync,
  'instances-stuck': instancesStuck,
  'nova-cells': novaCells,
  'nova-compute-log': novaComputeLog,
  'keystone-health': keystoneHealth,
  'nova-services': novaServices,
  'openstack-log-signatures': openstackLogSignatures,
  'ovn-controller-log': ovnControllerLog,
  'ovn-gateway': ovnGateway,
  'dropped-traffic': droppedTraffic,
  'ovn-health': ovnHealth,
  'ovn-trace': ovnTrace,
  'ovs-health': ovsHealth,
  'ovs-vswitchd-log': ovsVswitchdLog,
  'placement-capacity': placementCapacity,
  'rabbitmq-cluster': rabbitmqCluster,
  'rabbitmq-queues': rabbitmqQueues,
  'sysctl-settings': sysctlSettings,
  'port-binding': portBinding,
};

/**
 * Where the playbook folders are: this folder in the source tree; beside the bundle's package
 * root when built (dist/cli/index.js → ../../playbooks/catalogue).
 */
export function catalogueDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [here, join(here, '..', '..', 'playbooks', 'catalogue')]) {
    if (existsSync(join(candidate, 'index.ts')) || existsSync(join(candidate, 'galera-health', 'playbook.yaml'))) return candidate;
  }
  throw new Error(`playbook catalogue not found near ${here}`);
}
