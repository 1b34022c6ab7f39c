/** Clusters, their nodes and how they are reached: what the inventory stores. Plain JSON only. */

export const deployments = ['openstack-helm', 'kolla', 'packages'] as const;
export type Deployment = (typeof deployments)[number];

/** How a kolla cluster's hosts run containers (`docker|podman exec`). */
export const containerEngines = ['docker', 'podman'] as const;
export type ContainerEngine = (typeof containerEngines)[number];

/** A cluster's profile when nobody said otherwise (and what clusters stored before it existed). */
export const clusterProfileDefaults: { containerEngine: ContainerEngine; namespace: string } = { containerEngine: 'docker', namespace: 'openstack' };

/**
 * Running the steps that need root through sudo when the login user is not root (Ansible's
 * `become`). `user` is who the step runs as (root unless said otherwise); `password`: sudo there
 * asks for one, so each session asks the person once (kept in memory only, never stored).
 */
export interface Become {
  enabled: boolean;
  user: string;
  password: boolean;
}

export const becomeDefaults: Become = { enabled: false, user: 'root', password: false };

/**
 * Where a cluster's admin credentials for the `openstack` client live ON the cluster: only the
 * place is stored, never a value. `node` null: the file is read on the node the step runs on
 * (a controller). none: the SSH session's own environment (or ~/openrc), as before.
 */
export type ServiceCredentials =
  | { kind: 'none' }
  | { kind: 'openrc'; node: string | null; path: string }
  | { kind: 'clouds-yaml'; node: string | null; path: string; cloud: string }
  | { kind: 'helm-secret'; secret: string };
export const serviceCredentialKinds = ['none', 'openrc', 'clouds-yaml', 'helm-secret'] as const;

/** Kolla's passwords.yml (database_password for DB steps): on `node` (null: the DB step's own node). */
export interface KollaPasswords {
  node: string | null;
  path: string;
}
export const kollaPasswordsDefaultPath = '/etc/kolla/passwords.yml';

/** What a cluster that says nothing about its credentials gets, by flavour (the stored value stays null). */
export function defaultCredentials(deployment: Deployment): ServiceCredentials {
  if (deployment === 'kolla') return { kind: 'openrc', node: null, path: '/etc/kolla/admin-openrc.sh' };
  if (deployment === 'openstack-helm') return { kind: 'helm-secret', secret: 'keystone-keystone-admin' };
  return { kind: 'none' };
}

/** What happens to a host key neither trusted nor in known_hosts: a person confirms it, or connections fail until someone runs `node trust`. Never "accept". */
export const unknownHostKeyPolicies = ['ask', 'refuse'] as const;
export type UnknownHostKeyPolicy = (typeof unknownHostKeyPolicies)[number];

/** How Stackscope connects to a cluster's nodes; null means the app's default (connectionDefaults). */
export interface ConnectionSettings {
  connectTimeoutSec: number | null;
  /** 0 turns keepalives off. */
  keepaliveSec: number | null;
  /** Commands in flight at once for a run or check on this cluster. */
  concurrency: number | null;
  unknownHostKeys: UnknownHostKeyPolicy;
  /** Read in place of ~/.ssh/known_hosts (OpenSSH's UserKnownHostsFile); /etc/ssh/ssh_known_hosts is read too. */
  knownHostsFile: string | null;
}

/** The app's defaults, shown beside a cluster's null settings. */
export const connectionDefaults = { connectTimeoutSec: 10, keepaliveSec: 15, concurrency: 16 } as const;

/** Bounds the contract enforces on ConnectionSettings (and the migration's CHECKs repeat). */
export const connectionLimits = { connectTimeoutSec: [1, 300], keepaliveSec: [0, 3600], concurrency: [1, 256] } as const;

export const nodeRoles = ['controller', 'compute', 'network', 'storage'] as const;
export type NodeRole = (typeof nodeRoles)[number];

/** How a node authenticates. Secrets themselves never appear here: only whether one is needed. */
export type NodeAuth =
  | { method: 'key'; keyPath: string; passphrase: boolean }
  | { method: 'agent'; socket?: string }
  | { method: 'password' };

export interface Cluster {
  id: number;
  name: string;
  deployment: Deployment;
  /** kolla: the container engine of the hosts (default docker). */
  containerEngine: ContainerEngine;
  /** openstack-helm: the Kubernetes namespace of the OpenStack pods (default `openstack`). */
  namespace: string;
  /** sudo for steps that need root, for every node that does not say otherwise. */
  become: Become;
  /** Timeouts, concurrency and host-key policy (null fields: the app's defaults). */
  connection: ConnectionSettings;
  /** Where the admin credentials live on the cluster; null: the flavour's default (defaultCredentials). */
  credentials: ServiceCredentials | null;
  /** kolla: where passwords.yml is; null: /etc/kolla/passwords.yml on the DB step's own node. */
  kollaPasswords: KollaPasswords | null;
  /** openstack-helm: the node whose kubectl lists and reaches the pods; null: any controller, as it answers. */
  kubeAccessNode: string | null;
  /** openstack-helm: more namespaces where infrastructure pods (MariaDB, RabbitMQ, OVN) may live, e.g. osh-infra. */
  infraNamespaces: string[];
  createdAt: string;
  nodes: ClusterNode[];
}

export interface ClusterNode {
  id: number;
  clusterId: number;
  name: string;
  host: string;
  port: number;
  user: string;
  roles: NodeRole[];
  auth: NodeAuth;
  jumpNodeId: number | null;
  /** This node's own sudo setting; null: the cluster's. */
  become: Become | null;
  /** Trusted host key for host:port, if any. */
  hostKey: KnownHostKey | null;
}

export interface KnownHostKey {
  host: string;
  port: number;
  keyType: string;
  /** As OpenSSH prints it: `SHA256:` + unpadded base64. */
  fingerprint: string;
  trustedAt: string;
}

/**
 * trusted: Stackscope's own store has this key; known_hosts: the user's OpenSSH known_hosts lists
 * it for the host; changed: either lists another key of this type for the host; revoked: a
 * known_hosts `@revoked` line names this key (refused whatever else trusts it).
 */
export type HostKeyStatus = 'trusted' | 'known_hosts' | 'unknown' | 'changed' | 'revoked';

/** Where known_hosts said what it said (status known_hosts, changed or revoked from a file). */
export interface KnownHostsLine {
  file: string;
  line: number;
}

export interface HostKeyProbe {
  nodeId: number;
  nodeName: string;
  host: string;
  port: number;
  keyType: string;
  fingerprint: string;
  status: HostKeyStatus;
  /** The fingerprint stored before, when status is 'changed'. */
  knownFingerprint?: string;
  /** The known_hosts line behind status known_hosts, changed or revoked. */
  knownHosts?: KnownHostsLine;
}

/** One node of a bulk probe: a probe, or why the node could not be probed. */
export type ClusterHostKeyProbe =
  | (HostKeyProbe & { reachable: true })
  | { reachable: false; nodeId: number; nodeName: string; host: string; port: number; status: 'unreachable'; error: { code: string; message: string } };

export interface ClusterHostKeyProbes {
  clusterId: number;
  nodes: ClusterHostKeyProbe[];
  /** What reading the known_hosts files found worth saying (unreadable, too large, malformed lines, CA lines ignored). */
  knownHostsNotes: string[];
}

/** What a bulk trust did, node by node. */
export interface ClusterHostKeyTrust {
  clusterId: number;
  trusted: KnownHostKey[];
  /** Nodes not trusted: the key changed since it was shown, it is revoked, or the node did not answer. */
  refused: Array<{ nodeId: number; nodeName: string; reason: string }>;
}
