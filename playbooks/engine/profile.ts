/**
 * The deployment profile: how a step that names a service reaches it on each flavour. A
 * playbook never says `kubectl` or `docker`; this table does, once.
 */
import { defaultCredentials, type ContainerEngine, type Deployment, type KollaPasswords, type ServiceCredentials } from '../../main/contract/types.js';
import { catalogGuard, clientPrelude, kollaDbCommand } from './credentials.js';
import { shCommand, shellQuote } from './shell.js';
import type { ServiceId, StepDef } from './types.js';

export interface ServiceProfile {
  /** openstack-helm: pods of the cluster's namespace matching `selector`; commands go to `container`. */
  helm: { selector: Record<string, string>; container: string } | null;
  /** kolla-ansible container name. */
  kolla: string | null;
  /** kolla-ansible log file on the host (services log to files there, not to `docker logs`). */
  kollaLog?: string;
  /** systemd unit on a packages install (logs via journalctl). */
  unit: string | null;
  /** Log file of a packages install, when the service writes one (Ubuntu/RDO nova does; journald then has little). */
  hostLog?: string;
  /** Shell run before the step's command inside the openstack-helm pod (client credentials). */
  helmPrelude?: string;
  /**
   * An agent of every node of its role (openstack-helm DaemonSet, Kolla's per-host container):
   * a node of that role without it is missing something. The other services run where their
   * replicas were placed (nova-scheduler on one controller of three is a healthy cluster), so a
   * node without one is not there: no step of that service is owed there.
   */
  everyNode?: true;
}

const helm = (application: string, component: string, container: string): ServiceProfile['helm'] => ({ selector: { application, component }, container });

/** Labels and container names are openstack-helm's and kolla-ansible's own. */
export const services: Record<ServiceId, ServiceProfile> = {
  host: { helm: null, kolla: null, unit: null },
  // OVN daemons log to files (Kolla: /var/log/kolla/openvswitch/, Debian/Ubuntu: /var/log/ovn/); `docker logs` and the journal hold little.
  'ovn-nb': { helm: helm('ovn', 'ovn-ovsdb-nb', 'ovsdb'), kolla: 'ovn_nb_db', kollaLog: '/var/log/kolla/openvswitch/ovn-nb-db.log', hostLog: '/var/log/ovn/ovsdb-server-nb.log', unit: 'ovn-ovsdb-server-nb' },
  'ovn-sb': { helm: helm('ovn', 'ovn-ovsdb-sb', 'ovsdb'), kolla: 'ovn_sb_db', kollaLog: '/var/log/kolla/openvswitch/ovn-sb-db.log', hostLog: '/var/log/ovn/ovsdb-server-sb.log', unit: 'ovn-ovsdb-server-sb' },
  'ovn-northd': { helm: helm('ovn', 'ovn-northd', 'northd'), kolla: 'ovn_northd', kollaLog: '/var/log/kolla/openvswitch/ovn-northd.log', hostLog: '/var/log/ovn/ovn-northd.log', unit: 'ovn-northd' },
  'ovn-controller': { helm: helm('ovn', 'ovn-controller', 'controller'), kolla: 'ovn_controller', kollaLog: '/var/log/kolla/openvswitch/ovn-controller.log', hostLog: '/var/log/ovn/ovn-controller.log', unit: 'ovn-controller', everyNode: true },
  // openvswitch: one daemonset with db + vswitchd containers (newer charts) or two daemonsets (older): match the application only.
  ovs: {
    helm: { selector: { application: 'openvswitch' }, container: 'openvswitch-vswitchd' },
    kolla: 'openvswitch_vswitchd',
    // ovs-vswitchd's file log (INFO and up); the journal gets only its errors.
    kollaLog: '/var/log/kolla/openvswitch/ovs-vswitchd.log',
    hostLog: '/var/log/openvswitch/ovs-vswitchd.log',
    unit: 'ovs-vswitchd',
    everyNode: true,
  },
  database: {
    helm: helm('mariadb', 'server', 'mariadb'),
    kolla: 'mariadb',
    unit: 'mariadb',
    // openstack-helm mounts the admin credentials as a defaults file, not as the root user's ~/.my.cnf.
    helmPrelude: 'if [ -r /etc/mysql/admin_user.cnf ]; then mysql() { command mysql --defaults-extra-file=/etc/mysql/admin_user.cnf "$@"; }; fi',
  },
  placement: { helm: helm('placement', 'api', 'placement-api'), kolla: 'placement_api', kollaLog: '/var/log/kolla/placement/placement-api.log', unit: 'placement-api' },
  rabbitmq: { helm: helm('rabbitmq', 'server', 'rabbitmq'), kolla: 'rabbitmq', unit: 'rabbitmq-server' },
  'nova-compute': { helm: helm('nova', 'compute', 'nova-compute'), kolla: 'nova_compute', kollaLog: '/var/log/kolla/nova/nova-compute.log', hostLog: '/var/log/nova/nova-compute.log', unit: 'nova-compute', everyNode: true },
  'nova-scheduler': { helm: helm('nova', 'scheduler', 'nova-scheduler'), kolla: 'nova_scheduler', kollaLog: '/var/log/kolla/nova/nova-scheduler.log', hostLog: '/var/log/nova/nova-scheduler.log', unit: 'nova-scheduler' },
  'neutron-server': { helm: helm('neutron', 'server', 'neutron-server'), kolla: 'neutron_server', kollaLog: '/var/log/kolla/neutron/neutron-server.log', hostLog: '/var/log/neutron/neutron-server.log', unit: 'neutron-server' },
  // Runs on the computes that host instances (ML2/OVN), not on every compute of every cloud: a node without it is not there.
  'neutron-ovn-metadata-agent': {
    helm: helm('neutron', 'ovn-metadata-agent', 'neutron-ovn-metadata-agent'),
    kolla: 'neutron_ovn_metadata_agent',
    kollaLog: '/var/log/kolla/neutron/neutron-ovn-metadata-agent.log',
    hostLog: '/var/log/neutron/neutron-ovn-metadata-agent.log',
    unit: 'neutron-ovn-metadata-agent',
  },
  // Keystone's API: openstack-helm's keystone-api pod, Kolla's keystone container (its Fernet keys are in the container), Debian's uwsgi unit.
  keystone: { helm: helm('keystone', 'api', 'keystone-api'), kolla: 'keystone', kollaLog: '/var/log/kolla/keystone/keystone.log', hostLog: '/var/log/keystone/keystone.log', unit: 'keystone' },
};

/** Per-cluster choices the flavour leaves open; stored with the cluster (inventory's profileOf). */
export interface ClusterProfile {
  deployment: Deployment;
  /** kolla: which container engine the hosts use (`docker|podman exec`, `docker|podman logs`). */
  containerEngine: ContainerEngine;
  /** openstack-helm: the namespace of the OpenStack pods (discovery lists it; steps run in its pods). */
  namespace: string;
  /** openstack-helm: more namespaces discovery lists (infra pods, e.g. osh-infra). */
  infraNamespaces?: string[];
  /** openstack-helm: the node whose kubectl lists the pods and runs `kubectl exec|logs`; absent: the target nodes themselves. */
  kubeAccessNode?: string | null;
  /** Where the admin credentials of `client: openstack` steps live; absent: the flavour's default. */
  credentials?: ServiceCredentials;
  /** kolla: where passwords.yml is for DB steps; absent: /etc/kolla/passwords.yml on the DB step's own node. */
  kollaPasswords?: KollaPasswords | null;
}

/** The namespaces an openstack-helm cluster's pods are looked for in, its own first. */
export function namespacesOf(profile: Pick<ClusterProfile, 'namespace' | 'infraNamespaces'>): string[] {
  return [profile.namespace, ...(profile.infraNamespaces ?? []).filter((n) => n !== profile.namespace)];
}

/** The cluster's credentials, or its flavour's default when it names none. */
export function credentialsOf(profile: Pick<ClusterProfile, 'deployment' | 'credentials'>): ServiceCredentials {
  return profile.credentials ?? defaultCredentials(profile.deployment);
}

/** A `client: openstack` step's script with the credentials prelude in front (credentials.ts). */
export function withClient(profile: ClusterProfile, step: Pick<StepDef, 'client' | 'withoutCatalog'>, script: string): string {
  if (step.client !== 'openstack') return script;
  return [clientPrelude(credentialsOf(profile), profile.namespace), ...(step.withoutCatalog ? [] : [catalogGuard()]), script].join('\n');
}

/** A pod as discovery found it (openstack-helm). */
export interface PodRef {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  hostIP: string;
  nodeName: string;
  ready: boolean;
  containers: string[];
}

export function podMatches(pod: PodRef, svc: NonNullable<ServiceProfile['helm']>, namespaces: string | string[]): boolean {
  return (typeof namespaces === 'string' ? pod.namespace === namespaces : namespaces.includes(pod.namespace)) && Object.entries(svc.selector).every(([k, v]) => pod.labels[k] === v);
}

/**
 * The shell command that runs `script` inside `service` on a node (pod already chosen for helm).
 * A `run:` script goes as it is (its parameters are already quoted words in it); a `script:` file
 * comes with `args`, which reach it as "$1"… after `sh -c` the same way in every flavour.
 */
export function inService(profile: ClusterProfile, service: ServiceId, script: string, pod?: PodRef, args?: { name: string; values: string[] }): string {
  const svc = services[service];
  const onHost = (): string => (args ? shCommand(script, args) : script);
  if (service === 'host' || profile.deployment === 'packages') return onHost();
  if (profile.deployment === 'kolla') {
    if (!svc.kolla) return onHost();
    // The DB password comes from passwords.yml on the node, through a defaults file (credentials.ts).
    if (service === 'database') return kollaDbCommand(profile.containerEngine, svc.kolla, script, profile.kollaPasswords ?? null, args);
    return `${profile.containerEngine} exec ${shellQuote(svc.kolla)} ${shCommand(script, args)}`;
  }
  if (!svc.helm) return onHost();
  if (!pod) throw new Error(`no pod for service ${service}`);
  const container = pod.containers.includes(svc.helm.container) ? svc.helm.container : pod.containers[0];
  const withPrelude = svc.helmPrelude ? `${svc.helmPrelude}\n${script}` : script;
  return `kubectl -n ${shellQuote(pod.namespace)} exec ${shellQuote(pod.name)}${container ? ` -c ${shellQuote(container)}` : ''} -- ${shCommand(withPrelude, args)}`;
}

/**
 * Whether the step's command needs root on the node's host in this flavour: when the playbook
 * says so (a root-owned file or socket), and always where the flavour's own way in needs it:
 * kolla's `docker|podman exec|logs` (the engine's socket) and a packages install's
 * `journalctl -u` of a system unit. A step that runs in an openstack-helm pod goes through
 * kubectl, which needs the kubeconfig, not root: the pod's own user decides inside.
 */
export function needsRoot(profile: ClusterProfile, step: Pick<StepDef, 'service' | 'root' | 'logs'>): boolean {
  const svc = services[step.service];
  if (step.service === 'host') return step.root;
  if (profile.deployment === 'openstack-helm') return svc.helm ? false : step.root;
  if (profile.deployment === 'kolla') return step.logs ? !svc.kollaLog || step.root : Boolean(svc.kolla) || step.root;
  // packages: the log file when readable, else journalctl of the unit (root sees every unit's journal).
  return step.root || Boolean(step.logs);
}

/** The command that prints a service's recent log. */
export function serviceLogs(profile: ClusterProfile, service: ServiceId, tail: number, previous: boolean, pod?: PodRef): string {
  const svc = services[service];
  const n = Math.max(1, Math.trunc(tail));
  if (profile.deployment === 'kolla' && svc.kollaLog) return `tail -n ${n} ${shellQuote(svc.kollaLog)}`;
  if (profile.deployment === 'kolla' && svc.kolla) return `${profile.containerEngine} logs --tail ${n} ${shellQuote(svc.kolla)} 2>&1`;
  if (profile.deployment === 'openstack-helm' && svc.helm) {
    if (!pod) throw new Error(`no pod for service ${service}`);
    const container = pod.containers.includes(svc.helm.container) ? svc.helm.container : pod.containers[0];
    return `kubectl -n ${shellQuote(pod.namespace)} logs ${shellQuote(pod.name)}${container ? ` -c ${shellQuote(container)}` : ''}${previous ? ' --previous' : ''} --tail ${n}`;
  }
  // `previous` (the crashed container's log) has no meaning for a systemd unit: its journal has it all.
  const journal = svc.unit ? `journalctl -u ${shellQuote(svc.unit)} -n ${n} --no-pager` : null;
  if (svc.hostLog && journal) return `if [ -r ${shellQuote(svc.hostLog)} ]; then tail -n ${n} ${shellQuote(svc.hostLog)}; else ${journal}; fi`;
  if (journal) return journal;
  throw new Error(`service ${service} has no log`);
}
