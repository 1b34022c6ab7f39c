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

export type HostKeyStatus = 'trusted' | 'unknown' | 'changed';

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
}
