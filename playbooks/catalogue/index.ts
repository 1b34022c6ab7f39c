/** The catalogue's analyzers, by playbook id (static imports so the bundle carries them). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analyzer } from '../engine/types.js';
import { analyze as catalogEndpoints } from './catalog-endpoints/analyzer.js';
import { analyze as certificates } from './certificates/analyzer.js';
import { analyze as cephHealth } from './ceph-health/analyzer.js';
import { analyze as cinderVolumes } from './cinder-volumes/analyzer.js';
import { analyze as clockSync } from './clock-sync/analyzer.js';
import { analyze as galeraHealth } from './galera-health/analyzer.js';
import { analyze as k8sPods } from './k8s-pods/analyzer.js';
import { analyze as kernelLog } from './kernel-log/analyzer.js';
import { analyze as keystoneHealth } from './keystone-health/analyzer.js';
import { analyze as novaServices } from './nova-services/analyzer.js';
import { analyze as openstackLogSignatures } from './openstack-log-signatures/analyzer.js';
import { analyze as ovnHealth } from './ovn-health/analyzer.js';
import { analyze as ovnTrace } from './ovn-trace/analyzer.js';
import { analyze as ovsHealth } from './ovs-health/analyzer.js';
import { analyze as placementCapacity } from './placement-capacity/analyzer.js';

export const analyzers: Record<string, Analyzer> = {
  'catalog-endpoints': catalogEndpoints,
  'ceph-health': cephHealth,
  certificates,
  'cinder-volumes': cinderVolumes,
  'clock-sync': clockSync,
  'galera-health': galeraHealth,
  'k8s-pods': k8sPods,
  'kernel-log': kernelLog,
  'keystone-health': keystoneHealth,
  'nova-services': novaServices,
  'openstack-log-signatures': openstackLogSignatures,
  'ovn-health': ovnHealth,
  'ovn-trace': ovnTrace,
  'ovs-health': ovsHealth,
  'placement-capacity': placementCapacity,
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
