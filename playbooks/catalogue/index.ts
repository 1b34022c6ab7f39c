/** The catalogue's analyzers, by playbook id (static imports so the bundle carries them). */
import type { Analyzer } from '../engine/types.js';
import { analyze as galeraHealth } from './galera-health/analyzer.js';
import { analyze as k8sPods } from './k8s-pods/analyzer.js';
import { analyze as novaServices } from './nova-services/analyzer.js';
import { analyze as ovnHealth } from './ovn-health/analyzer.js';
import { analyze as ovnTrace } from './ovn-trace/analyzer.js';
import { analyze as ovsHealth } from './ovs-health/analyzer.js';
import { analyze as placementCapacity } from './placement-capacity/analyzer.js';

export const analyzers: Record<string, Analyzer> = {
  'galera-health': galeraHealth,
  'k8s-pods': k8sPods,
  'nova-services': novaServices,
  'ovn-health': ovnHealth,
  'ovn-trace': ovnTrace,
  'ovs-health': ovsHealth,
  'placement-capacity': placementCapacity,
};
