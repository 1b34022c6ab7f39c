/** Importing a cluster from what its operators already have: the plan shown before anything changes. */
import type { Become, Cluster, Deployment, NodeAuth, NodeRole } from './inventory.js';

/** kolla: an Ansible INI inventory (Kolla's multinode); ansible-yaml: Ansible's YAML form; ssh-config: OpenSSH client config; k8s: `kubectl get nodes -o json`. */
export const importSourceKinds = ['kolla', 'ansible-yaml', 'ssh-config', 'k8s'] as const;
export type ImportSourceKind = (typeof importSourceKinds)[number];

/** A source bigger than this is refused before it is parsed (a 500-node inventory is ~50 KB). */
export const maxImportSourceBytes = 4 * 1024 * 1024;

/** A problem in the source: file:line, the host concerned, what to do. Never quotes a secret. */
export interface ImportIssue {
  file: string;
  line: number;
  host?: string;
  message: string;
}

export type ImportField = 'host' | 'port' | 'user' | 'roles' | 'auth' | 'jump' | 'become';

/** One field of a node that the import would change, both sides as shown to a person. */
export interface ImportFieldChange {
  field: ImportField;
  from: string;
  to: string;
}

export interface PlannedNode {
  name: string;
  /** same: in the cluster already, exactly so. */
  action: 'add' | 'change' | 'same';
  /** The node this matches in the cluster (by name); null when it is added. */
  nodeId: number | null;
  host: string;
  port: number;
  user: string;
  /** Empty for a jump host (a bastion) that the source names only as a hop. */
  roles: NodeRole[];
  auth: NodeAuth;
  /** The node it jumps through (by name), or null. */
  jump: string | null;
  /** The node's own sudo setting (Ansible's ansible_become/ansible_become_user); null: the cluster's. */
  become: Become | null;
  changes: ImportFieldChange[];
  /** Where the source describes it. */
  file: string;
  line: number;
}

export interface ImportPlan {
  cluster: string;
  /** null: the cluster does not exist and applying creates it. */
  clusterId: number | null;
  deployment: Deployment;
  source: { kind: ImportSourceKind; file: string };
  /** Every node of the source, jump hosts before the nodes that use them. */
  nodes: PlannedNode[];
  /** Nodes of the cluster that are not in the source and are removed (only when prune was asked). */
  remove: { nodeId: number; name: string }[];
  /** Nodes of the cluster that are not in the source and stay (prune not asked). */
  kept: string[];
  counts: { add: number; change: number; same: number; remove: number };
  /** Any error blocks applying. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** The plan's fingerprint: importApply applies only a plan with this digest (nothing changed since the preview). */
  digest: string;
}

export interface ImportApplied {
  cluster: Cluster;
  created: boolean;
  added: string[];
  changed: string[];
  removed: string[];
}
