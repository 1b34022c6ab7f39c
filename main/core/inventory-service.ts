import { existsSync } from 'node:fs';
import type { InventoryRepo, NodeFields, ServiceAccessFields } from '../../db/inventory-repo.js';
import type { ClusterProfile } from '../../playbooks/engine/profile.js';
import type { ParsedInput } from '../contract/schemas.js';
import { StackscopeError } from '../contract/errors.js';
import { defaultCredentials, type Become, type Cluster, type ClusterNode, type ConnectionSettings, type NodeRole } from '../contract/types.js';
import type { SshTarget, TargetSettings } from './ssh/connection-manager.js';

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface InventoryHooks {
  /**
   * These nodes are gone, or how they are reached changed (host, port, user, auth or a hop of
   * their jump chain): secrets given for them must not be used for what the node is now.
   */
  identityGone?(nodeIds: number[]): void;
}

/**
 * How commands reach a cluster's services: its flavour, container engine and namespace, as
 * stored. The one place a ClusterProfile is made (playbook runs, suggestions, runbook steps).
 */
export function profileOf(cluster: Pick<Cluster, 'deployment' | 'containerEngine' | 'namespace'> & Partial<Pick<Cluster, 'credentials' | 'kollaPasswords' | 'kubeAccessNode' | 'infraNamespaces'>>): ClusterProfile {
  return {
    deployment: cluster.deployment,
    containerEngine: cluster.containerEngine,
    namespace: cluster.namespace,
    infraNamespaces: cluster.infraNamespaces ?? [],
    kubeAccessNode: cluster.kubeAccessNode ?? null,
    credentials: cluster.credentials ?? defaultCredentials(cluster.deployment),
    kollaPasswords: cluster.kollaPasswords ?? null,
  };
}

/** The service access settings a clusters.add/update input gives (absent ones stay as they are). */
function serviceAccessInput(input: Partial<ServiceAccessFields>): Partial<ServiceAccessFields> {
  return { credentials: input.credentials, kollaPasswords: input.kollaPasswords, kubeAccessNode: input.kubeAccessNode, infraNamespaces: input.infraNamespaces };
}

/** Node names the service access settings give, each with the setting that names it. */
function namedNodes(input: Partial<ServiceAccessFields>): Array<[string, string]> {
  const named: Array<[string, string]> = [];
  const c = input.credentials;
  if (c && (c.kind === 'openrc' || c.kind === 'clouds-yaml') && c.node) named.push(['credentials.node', c.node]);
  if (input.kollaPasswords?.node) named.push(['kollaPasswords.node', input.kollaPasswords.node]);
  if (input.kubeAccessNode) named.push(['kubeAccessNode', input.kubeAccessNode]);
  return named;
}

/** The connection settings a clusters.add/update input gives (absent ones stay as they are). */
function connectionInput(input: Partial<ConnectionSettings>): Partial<ConnectionSettings> {
  return {
    connectTimeoutSec: input.connectTimeoutSec,
    keepaliveSec: input.keepaliveSec,
    concurrency: input.concurrency,
    unknownHostKeys: input.unknownHostKeys,
    knownHostsFile: input.knownHostsFile,
  };
}

/** Host, port, user, auth and jump host: what a secret of the node was given for (see secrets.ts). */
function sameIdentity(a: NodeFields, b: NodeFields): boolean {
  return a.host === b.host && a.port === b.port && a.user === b.user && a.jumpNodeId === b.jumpNodeId && JSON.stringify(a.auth) === JSON.stringify(b.auth);
}

/** Clusters and nodes with the rules the schema alone cannot check (names unique, jump hosts sane). */
export class InventoryService {
  constructor(
    private readonly repo: InventoryRepo,
    private readonly hooks: InventoryHooks = {},
  ) {}

  list(): Cluster[] {
    return this.repo.listClusters();
  }

  cluster(id: number): Cluster {
    const c = this.repo.getCluster(id);
    if (!c) throw new StackscopeError('NOT_FOUND', `cluster ${id} does not exist`, { clusterId: id });
    return c;
  }

  clusterByName(name: string): Cluster {
    const c = this.repo.findClusterByName(name);
    if (!c) {
      const known = this.repo.listClusters().map((x) => x.name);
      throw new StackscopeError('NOT_FOUND', `unknown cluster "${name}"${known.length ? ` (known: ${known.join(', ')})` : ' (no clusters yet: stackscope cluster add)'}`, {
        cluster: name,
      });
    }
    return c;
  }

  node(id: number): ClusterNode {
    const n = this.repo.getNode(id);
    if (!n) throw new StackscopeError('NOT_FOUND', `node ${id} does not exist`, { nodeId: id });
    return n;
  }

  nodeByName(cluster: Cluster, name: string): ClusterNode {
    const n = cluster.nodes.find((x) => x.name === name);
    if (!n) {
      throw new StackscopeError('NOT_FOUND', `cluster ${cluster.name} has no node "${name}" (nodes: ${cluster.nodes.map((x) => x.name).join(', ') || 'none'})`, {
        cluster: cluster.name,
        node: name,
      });
    }
    return n;
  }

  addCluster(input: ParsedInput<'clusters.add'>): Cluster {
    try {
      // A new cluster has no nodes yet: a setting that names one comes with `cluster update` after them.
      const named = namedNodes(input);
      if (named.length) {
        throw new StackscopeError('INVALID_INPUT', `${named.map(([k, n]) => `${k} names node "${n}"`).join(', ')}, but cluster ${input.name} has no nodes yet: add the nodes, then set it with cluster update`, { method: 'clusters.add' });
      }
      const id = this.repo.addCluster(input.name, input.deployment, { containerEngine: input.containerEngine, namespace: input.namespace, become: input.become });
      this.repo.updateConnection(id, connectionInput(input));
      this.repo.updateServiceAccess(id, serviceAccessInput(input));
      return this.cluster(id);
    } catch (err) {
      if (isUniqueViolation(err)) throw new StackscopeError('CONFLICT', `a cluster named "${input.name}" already exists`, { cluster: input.name });
      throw err;
    }
  }

  updateCluster(input: ParsedInput<'clusters.update'>): Cluster {
    const current = this.cluster(input.id);
    for (const [key, node] of namedNodes(input)) {
      if (!current.nodes.some((n) => n.name === node)) {
        throw new StackscopeError('INVALID_INPUT', `${key}: cluster ${current.name} has no node "${node}" (nodes: ${current.nodes.map((n) => n.name).join(', ') || 'none'})`, { cluster: current.name, node });
      }
    }
    try {
      this.repo.updateCluster(input.id, input);
      this.repo.updateConnection(input.id, connectionInput(input));
      this.repo.updateServiceAccess(input.id, serviceAccessInput(input));
    } catch (err) {
      if (isUniqueViolation(err)) throw new StackscopeError('CONFLICT', `a cluster named "${input.name}" already exists`, { cluster: input.name ?? '' });
      throw err;
    }
    return this.cluster(input.id);
  }

  /** The cluster's profile: what decides how a step reaches a service there (engine/profile.ts). */
  profile(cluster: Cluster): ClusterProfile {
    return profileOf(cluster);
  }

  removeCluster(id: number): void {
    const nodeIds = this.repo.listNodes(id).map((n) => n.id);
    if (!this.repo.removeCluster(id)) throw new StackscopeError('NOT_FOUND', `cluster ${id} does not exist`, { clusterId: id });
    this.hooks.identityGone?.(nodeIds);
  }

  /** `become` may be left out (null: the node follows its cluster's sudo setting). */
  addNode(input: Omit<ParsedInput<'nodes.add'>, 'become'> & { become?: Become | null }): ClusterNode {
    const cluster = this.cluster(input.clusterId);
    const fields: NodeFields = { ...input };
    this.checkNode(cluster, null, fields);
    try {
      return this.node(this.repo.addNode(cluster.id, fields));
    } catch (err) {
      if (isUniqueViolation(err)) throw new StackscopeError('CONFLICT', `cluster ${cluster.name} already has a node named "${input.name}"`, { node: input.name });
      throw err;
    }
  }

  updateNode(input: ParsedInput<'nodes.update'>): ClusterNode {
    const current = this.node(input.id);
    const cluster = this.cluster(current.clusterId);
    const { id, ...changes } = input;
    const next: NodeFields = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    this.checkNode(cluster, id, next);
    try {
      this.repo.updateNode(id, next);
    } catch (err) {
      if (isUniqueViolation(err)) throw new StackscopeError('CONFLICT', `cluster ${cluster.name} already has a node named "${next.name}"`, { node: next.name });
      throw err;
    }
    if (!sameIdentity(current, next)) this.hooks.identityGone?.(this.routedThrough(cluster, id));
    return this.node(id);
  }

  removeNode(id: number): void {
    const current = this.repo.getNode(id);
    // Nodes that jumped through it lose their jump host (ON DELETE SET NULL): their route changes too.
    const affected = current ? this.routedThrough(this.cluster(current.clusterId), id) : [];
    if (!this.repo.removeNode(id)) throw new StackscopeError('NOT_FOUND', `node ${id} does not exist`, { nodeId: id });
    this.hooks.identityGone?.(affected);
  }

  /** The node and every node of the cluster whose jump chain passes through it. */
  private routedThrough(cluster: Cluster, id: number): number[] {
    const byId = new Map(cluster.nodes.map((n) => [n.id, n]));
    const passesThrough = (n: ClusterNode): boolean => {
      // Chains were checked for loops when stored; the bound guards against a hand-edited database.
      let hop = n.jumpNodeId === null ? undefined : byId.get(n.jumpNodeId);
      for (let depth = 0; hop && depth <= 8; depth++) {
        if (hop.id === id) return true;
        hop = hop.jumpNodeId === null ? undefined : byId.get(hop.jumpNodeId);
      }
      return false;
    };
    return [id, ...cluster.nodes.filter(passesThrough).map((n) => n.id)];
  }

  private checkNode(cluster: Cluster, selfId: number | null, f: NodeFields): void {
    if (f.auth.method === 'key' && !existsSync(f.auth.keyPath)) {
      throw new StackscopeError('INVALID_INPUT', `node ${f.name}: private key file ${f.auth.keyPath} does not exist`, { node: f.name, keyPath: f.auth.keyPath });
    }
    if (f.jumpNodeId === null) return;
    if (f.jumpNodeId === selfId) throw new StackscopeError('INVALID_INPUT', `node ${f.name} cannot be its own jump host`, { node: f.name });
    const jump = cluster.nodes.find((n) => n.id === f.jumpNodeId);
    if (!jump) throw new StackscopeError('INVALID_INPUT', `jump host ${f.jumpNodeId} is not a node of cluster ${cluster.name}`, { node: f.name });
    // Walk the chain to refuse loops (a → b → a) before they are stored.
    const seen = new Set<number>(selfId === null ? [] : [selfId]);
    for (let hop: ClusterNode | undefined = jump; hop; hop = cluster.nodes.find((n) => n.id === hop?.jumpNodeId)) {
      if (seen.has(hop.id)) throw new StackscopeError('INVALID_INPUT', `jump host chain of ${f.name} loops through ${hop.name}`, { node: f.name });
      seen.add(hop.id);
    }
  }

  /**
   * Many nodes of one cluster added (id null) or changed at once, as an import does: the rules of
   * addNode and updateNode, checked against the cluster as it grows, which is read once rather
   * than per node (500 nodes one by one read 125,000 rows). Run it in a transaction. Returns the ids.
   */
  putNodes(clusterId: number, ops: Array<{ id: number | null; fields: NodeFields }>): number[] {
    const cluster = this.cluster(clusterId);
    return ops.map(({ id, fields }) => {
      const current = id === null ? undefined : cluster.nodes.find((n) => n.id === id);
      if (id !== null && !current) throw new StackscopeError('NOT_FOUND', `node ${id} is not in cluster ${cluster.name}`, { nodeId: id });
      const next: NodeFields = current ? { ...current, ...fields } : fields;
      this.checkNode(cluster, id, next);
      let stored: number;
      try {
        stored = id === null ? this.repo.addNode(cluster.id, next) : (this.repo.updateNode(id, next), id);
      } catch (err) {
        if (isUniqueViolation(err)) throw new StackscopeError('CONFLICT', `cluster ${cluster.name} already has a node named "${next.name}"`, { node: next.name });
        throw err;
      }
      const node: ClusterNode = { id: stored, clusterId: cluster.id, hostKey: current?.hostKey ?? null, ...next, become: next.become ?? null };
      cluster.nodes = [...cluster.nodes.filter((n) => n.id !== stored), node];
      if (current && !sameIdentity(current, next)) this.hooks.identityGone?.(this.routedThrough(cluster, stored));
      return stored;
    });
  }

  /** Nodes of a cluster picked by id and/or role (union), in name order. */
  select(cluster: Cluster, nodeIds: number[], roles: NodeRole[]): ClusterNode[] {
    for (const id of nodeIds) {
      if (!cluster.nodes.some((n) => n.id === id)) throw new StackscopeError('NOT_FOUND', `node ${id} is not in cluster ${cluster.name}`, { nodeId: id });
    }
    const picked = cluster.nodes.filter((n) => nodeIds.includes(n.id) || n.roles.some((r) => roles.includes(r)));
    if (picked.length === 0) {
      throw new StackscopeError('INVALID_INPUT', `no node of cluster ${cluster.name} has role ${roles.join(' or ')}`, { cluster: cluster.name, roles });
    }
    return picked;
  }

  /** The SSH view of a node with its jump chain (checked for loops when stored). */
  target(node: ClusterNode, depth = 0): SshTarget {
    if (depth > 8) throw new StackscopeError('INVALID_INPUT', `jump host chain of ${node.name} is longer than 8 hops`, { node: node.name });
    const jump = node.jumpNodeId === null ? null : this.target(this.node(node.jumpNodeId), depth + 1);
    return { nodeId: node.id, name: node.name, host: node.host, port: node.port, user: node.user, auth: node.auth, jump, settings: this.targetSettings(node.clusterId) };
  }

  /** The cluster's connection settings as the SSH layer takes them (absent values: its defaults). */
  private targetSettings(clusterId: number): TargetSettings | undefined {
    const c = this.repo.connectionSettings(clusterId);
    if (!c) return undefined;
    return {
      cluster: c.cluster,
      ...(c.connectTimeoutSec !== null ? { connectTimeoutMs: c.connectTimeoutSec * 1000 } : {}),
      ...(c.keepaliveSec !== null ? { keepaliveIntervalMs: c.keepaliveSec * 1000 } : {}),
      unknownHostKeys: c.unknownHostKeys,
      knownHostsFile: c.knownHostsFile,
    };
  }

  /** Commands in flight for a run on this cluster: its own setting, else the app's. */
  concurrencyOf(clusterId: number, appDefault: number): number {
    return this.repo.connectionSettings(clusterId)?.concurrency ?? appDefault;
  }
}
