import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabLayout } from './layout.js';
import { LabError } from './proc.js';
import type { LabTenant } from './tenant.js';
import type { PhaseTiming } from './timing.js';

export type ComponentKind =
  | 'sshd'
  | 'ovn-nb'
  | 'ovn-sb'
  | 'ovn-northd'
  | 'ovs-db'
  | 'ovs-vswitchd'
  | 'ovn-controller'
  | 'mysqld'
  | 'placement-api'
  | 'rabbitmq'
  // full control plane
  | 'memcached'
  | 'haproxy'
  | 'keepalived'
  | 'keystone'
  | 'glance-api'
  | 'nova-api'
  | 'nova-conductor'
  | 'nova-scheduler'
  | 'nova-compute'
  | 'neutron-server'
  | 'ovn-metadata-agent'
  // kolla flavour
  | 'dockerd'
  | 'kolla-toolbox';

/** How the kolla flavour runs a component: a container of the node's dockerd, named as Kolla names it. */
export interface ContainerInfo {
  name: string;
  /** Kolla's image name, shown by `docker ps` (the lab tags its base image with it). */
  image: string;
  /** Kolla's service folder: /etc/kolla/<service>/ and /var/log/kolla/<service>/ on the node. */
  service: string;
  /** Kolla's health check for it, run in the container (default: by kind, or healthcheck_curl of its first http endpoint). */
  health?: string;
  /** Run privileged (default: by kind, as Kolla runs openvswitch_vswitchd, nova_compute…). */
  privileged?: boolean;
}

/** How the openstack-helm flavour presents a component: as a pod of namespace `openstack`. */
export interface PodInfo {
  name: string;
  labels: Record<string, string>;
  container: string;
  image: string;
}

/** One process the lab runs, with everything needed to check it, show it and start it again. */
export interface LabComponent {
  name: string;
  kind: ComponentKind;
  node: string;
  netns: string;
  /** Where its pid is: written by the lab at launch, or by the supervisor for a supervised one. */
  pidFile: string;
  logFile: string;
  dataDir?: string;
  /** unixctl socket, for `ovs-appctl -t`. */
  ctl?: string;
  endpoints: string[];
  /** The command and environment that start it (used again by `lab heal`). */
  argv: string[];
  env: Record<string, string>;
  /** Restarted by the lab's supervisor when it exits, as Kubernetes or systemd would. */
  supervised?: { dir: string };
  /** How the openstack-helm flavour shows it; hosts (sshd) are not pods. */
  pod?: PodInfo;
  /** How the kolla flavour runs it (absent: not containerised, e.g. sshd, dockerd). */
  container?: ContainerInfo;
}

export interface LabState {
  version: 1;
  layout: LabLayout;
  tenant: LabTenant;
  components: LabComponent[];
  /** Faults in force, with what `heal` needs to undo them. */
  faults: Record<string, { since: string; undo: Record<string, unknown> }>;
  createdAt: string;
  readyAt?: string;
  upSeconds?: number;
  /** Each phase of `lab up` with its start and end (seconds since it began): main/lab/timing.ts. */
  timings?: PhaseTiming[];
  /** Full control plane: whether every schema came from the cache (warm) or some were made (cold). */
  start?: 'cold' | 'warm';
  /**
   * Passwords the lab made for its services (database users, Keystone service users, RabbitMQ,
   * admin). A practice lab's own, kept in its folder only; never in the case log.
   */
  secrets?: Record<string, string>;
  /** What the full control plane created and only knows after creating it (Neutron and Nova ids). */
  cloud?: Record<string, unknown>;
}

export const stateFile = (root: string): string => join(root, 'state.json');

/** Written whole and renamed into place, so a crash mid-write never leaves half a state. */
export function saveState(state: LabState): void {
  const file = stateFile(state.layout.root);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

export function loadState(root: string): LabState {
  const file = stateFile(root);
  if (!existsSync(file)) throw new LabError(`no lab state at ${file}`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LabState;
  } catch (e) {
    throw new LabError(`${file}: not a lab state file (${(e as Error).message})`);
  }
}

export function component(state: LabState, kind: ComponentKind, node: string): LabComponent {
  const c = state.components.find((x) => x.kind === kind && x.node === node);
  if (!c) throw new LabError(`the lab has no ${kind} on ${node}`);
  return c;
}
