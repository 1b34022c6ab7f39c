import { becomeDefaults, clusterProfileDefaults, type Become, type Cluster, type ClusterNode, type ConnectionSettings, type ContainerEngine, type Deployment, type KnownHostKey, type KollaPasswords, kollaPasswordsDefaultPath, type NodeAuth, type NodeRole, type ServiceCredentials } from '../main/contract/types.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

interface ClusterRow {
  id: number;
  name: string;
  deployment: Deployment;
  container_engine: ContainerEngine;
  namespace: string;
  become_enabled: number;
  become_user: string;
  become_password: number;
  connect_timeout_sec: number | null;
  keepalive_sec: number | null;
  concurrency: number | null;
  unknown_host_keys: ConnectionSettings['unknownHostKeys'];
  known_hosts_file: string | null;
  credentials_kind: ServiceCredentials['kind'] | null;
  credentials_node: string | null;
  credentials_path: string | null;
  credentials_cloud: string | null;
  credentials_secret: string | null;
  kolla_passwords_node: string | null;
  kolla_passwords_path: string | null;
  kube_access_node: string | null;
  infra_namespaces: string;
  created_at: string;
}

/** The stored place of the admin credentials (null: the flavour's default). */
function credentialsOf(c: ClusterRow): ServiceCredentials | null {
  switch (c.credentials_kind) {
    case 'none':
      return { kind: 'none' };
    case 'openrc':
      return { kind: 'openrc', node: c.credentials_node, path: c.credentials_path ?? '' };
    case 'clouds-yaml':
      return { kind: 'clouds-yaml', node: c.credentials_node, path: c.credentials_path ?? '', cloud: c.credentials_cloud ?? '' };
    case 'helm-secret':
      return { kind: 'helm-secret', secret: c.credentials_secret ?? 'keystone-keystone-admin' };
    default:
      return null;
  }
}

/** The five credentials columns of a setting (all NULL: the flavour's default). */
function credentialColumns(c: ServiceCredentials | null): Array<string | null> {
  if (!c) return [null, null, null, null, null];
  return [c.kind, 'node' in c ? c.node : null, 'path' in c ? c.path : null, c.kind === 'clouds-yaml' ? c.cloud : null, c.kind === 'helm-secret' ? c.secret : null];
}

/** Service access as the settings a cluster stores (clusters.add/update). */
export interface ServiceAccessFields {
  credentials: ServiceCredentials | null;
  kollaPasswords: KollaPasswords | null;
  kubeAccessNode: string | null;
  infraNamespaces: string[];
}

function connectionOf(c: ClusterRow): ConnectionSettings {
  return {
    connectTimeoutSec: c.connect_timeout_sec,
    keepaliveSec: c.keepalive_sec,
    concurrency: c.concurrency,
    unknownHostKeys: c.unknown_host_keys,
    knownHostsFile: c.known_hosts_file,
  };
}

const connectionColumns: Record<keyof ConnectionSettings, string> = {
  connectTimeoutSec: 'connect_timeout_sec',
  keepaliveSec: 'keepalive_sec',
  concurrency: 'concurrency',
  unknownHostKeys: 'unknown_host_keys',
  knownHostsFile: 'known_hosts_file',
};

/** What a cluster's profile may say besides its flavour (the contract checks the values). */
export interface ClusterProfileFields {
  containerEngine: ContainerEngine;
  namespace: string;
  become: Become;
}

interface NodeRow {
  id: number;
  cluster_id: number;
  name: string;
  host: string;
  port: number;
  user: string;
  roles: string;
  auth: string;
  jump_node_id: number | null;
  become_enabled: number | null;
  become_user: string | null;
  become_password: number | null;
  kh_key_type: string | null;
  kh_fingerprint: string | null;
  kh_trusted_at: string | null;
}

/** What a node is made of when it is stored (the contract's node without its ids and host key). */
export type NodeFields = Pick<ClusterNode, 'name' | 'host' | 'port' | 'user' | 'roles' | 'auth' | 'jumpNodeId'> & { become?: Become | null };

export interface StoredHostKey extends KnownHostKey {
  publicKey: string;
}

const nodeSelect = `
  SELECT n.*, k.key_type AS kh_key_type, k.fingerprint AS kh_fingerprint, k.trusted_at AS kh_trusted_at
  FROM nodes n LEFT JOIN known_host_keys k ON k.host = n.host AND k.port = n.port`;

function toNode(row: NodeRow): ClusterNode {
  return {
    id: row.id,
    clusterId: row.cluster_id,
    name: row.name,
    host: row.host,
    port: row.port,
    user: row.user,
    roles: JSON.parse(row.roles) as NodeRole[],
    auth: JSON.parse(row.auth) as NodeAuth,
    jumpNodeId: row.jump_node_id,
    become: row.become_enabled === null ? null : { enabled: row.become_enabled === 1, user: row.become_user ?? becomeDefaults.user, password: row.become_password === 1 },
    hostKey:
      row.kh_fingerprint && row.kh_key_type && row.kh_trusted_at
        ? { host: row.host, port: row.port, keyType: row.kh_key_type, fingerprint: row.kh_fingerprint, trustedAt: row.kh_trusted_at }
        : null,
  };
}

/** A node's own sudo setting as its three columns (all NULL: it follows its cluster). */
function becomeColumns(b: Become | null): [number | null, string | null, number | null] {
  return b ? [b.enabled ? 1 : 0, b.user, b.password ? 1 : 0] : [null, null, null];
}

/** Clusters, nodes and known host keys. Plain data in, plain data out; validation happens in the contract. */
export class InventoryRepo {
  constructor(private readonly db: Db) {}

  listClusters(): Cluster[] {
    const clusters = this.db.prepare('SELECT * FROM clusters ORDER BY name').all() as ClusterRow[];
    const nodes = (this.db.prepare(`${nodeSelect} ORDER BY n.name`).all() as NodeRow[]).map(toNode);
    return clusters.map((c) => ({
      id: c.id,
      name: c.name,
      deployment: c.deployment,
      containerEngine: c.container_engine,
      namespace: c.namespace,
      become: { enabled: c.become_enabled === 1, user: c.become_user, password: c.become_password === 1 },
      connection: connectionOf(c),
      credentials: credentialsOf(c),
      kollaPasswords: c.kolla_passwords_node === null && c.kolla_passwords_path === null ? null : { node: c.kolla_passwords_node, path: c.kolla_passwords_path ?? kollaPasswordsDefaultPath },
      kubeAccessNode: c.kube_access_node,
      infraNamespaces: c.infra_namespaces.split(' ').filter(Boolean),
      createdAt: c.created_at,
      nodes: nodes.filter((n) => n.clusterId === c.id),
    }));
  }

  getCluster(id: number): Cluster | undefined {
    return this.listClusters().find((c) => c.id === id);
  }

  findClusterByName(name: string): Cluster | undefined {
    return this.listClusters().find((c) => c.name === name);
  }

  private selectCluster: Statement<[number]> | undefined;

  /** The connection settings of one cluster, without reading its nodes (asked for on every connection and step; prepared once). */
  connectionSettings(id: number): (ConnectionSettings & { cluster: string }) | undefined {
    this.selectCluster ??= this.db.prepare<[number]>('SELECT * FROM clusters WHERE id = ?');
    const row = this.selectCluster.get(id) as ClusterRow | undefined;
    return row ? { ...connectionOf(row), cluster: row.name } : undefined;
  }

  /** Set the given settings; undefined leaves one as it is, null puts it back to the default. */
  updateConnection(id: number, fields: Partial<ConnectionSettings>): void {
    for (const [key, column] of Object.entries(connectionColumns) as Array<[keyof ConnectionSettings, string]>) {
      const value = fields[key];
      if (value !== undefined) this.db.prepare(`UPDATE clusters SET ${column} = ? WHERE id = ?`).run(value, id);
    }
  }

  /** Set the given service access settings; undefined leaves one as it is, null puts it back to the default. */
  updateServiceAccess(id: number, f: Partial<ServiceAccessFields>): void {
    if (f.credentials !== undefined) {
      this.db
        .prepare('UPDATE clusters SET credentials_kind = ?, credentials_node = ?, credentials_path = ?, credentials_cloud = ?, credentials_secret = ? WHERE id = ?')
        .run(...credentialColumns(f.credentials), id);
    }
    if (f.kollaPasswords !== undefined) {
      this.db.prepare('UPDATE clusters SET kolla_passwords_node = ?, kolla_passwords_path = ? WHERE id = ?').run(f.kollaPasswords?.node ?? null, f.kollaPasswords?.path ?? null, id);
    }
    if (f.kubeAccessNode !== undefined) this.db.prepare('UPDATE clusters SET kube_access_node = ? WHERE id = ?').run(f.kubeAccessNode, id);
    if (f.infraNamespaces !== undefined) this.db.prepare('UPDATE clusters SET infra_namespaces = ? WHERE id = ?').run(f.infraNamespaces.join(' '), id);
  }

  addCluster(name: string, deployment: Deployment, profile: Partial<ClusterProfileFields> = {}): number {
    const become = profile.become ?? becomeDefaults;
    const info = this.db
      .prepare('INSERT INTO clusters (name, deployment, container_engine, namespace, become_enabled, become_user, become_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        name,
        deployment,
        profile.containerEngine ?? clusterProfileDefaults.containerEngine,
        profile.namespace ?? clusterProfileDefaults.namespace,
        become.enabled ? 1 : 0,
        become.user,
        become.password ? 1 : 0,
        new Date().toISOString(),
      );
    return Number(info.lastInsertRowid);
  }

  updateCluster(id: number, fields: { name?: string; deployment?: Deployment } & Partial<ClusterProfileFields>): void {
    if (fields.name !== undefined) this.db.prepare('UPDATE clusters SET name = ? WHERE id = ?').run(fields.name, id);
    if (fields.deployment !== undefined) this.db.prepare('UPDATE clusters SET deployment = ? WHERE id = ?').run(fields.deployment, id);
    if (fields.containerEngine !== undefined) this.db.prepare('UPDATE clusters SET container_engine = ? WHERE id = ?').run(fields.containerEngine, id);
    if (fields.namespace !== undefined) this.db.prepare('UPDATE clusters SET namespace = ? WHERE id = ?').run(fields.namespace, id);
    if (fields.become !== undefined) {
      this.db.prepare('UPDATE clusters SET become_enabled = ?, become_user = ?, become_password = ? WHERE id = ?').run(fields.become.enabled ? 1 : 0, fields.become.user, fields.become.password ? 1 : 0, id);
    }
  }

  removeCluster(id: number): boolean {
    return this.db.prepare('DELETE FROM clusters WHERE id = ?').run(id).changes > 0;
  }

  getNode(id: number): ClusterNode | undefined {
    const row = this.db.prepare(`${nodeSelect} WHERE n.id = ?`).get(id) as NodeRow | undefined;
    return row ? toNode(row) : undefined;
  }

  listNodes(clusterId: number): ClusterNode[] {
    return (this.db.prepare(`${nodeSelect} WHERE n.cluster_id = ? ORDER BY n.name`).all(clusterId) as NodeRow[]).map(toNode);
  }

  addNode(clusterId: number, f: NodeFields): number {
    const info = this.db
      .prepare(
        `INSERT INTO nodes (cluster_id, name, host, port, user, roles, auth, jump_node_id, become_enabled, become_user, become_password, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(clusterId, f.name, f.host, f.port, f.user, JSON.stringify(f.roles), JSON.stringify(f.auth), f.jumpNodeId, ...becomeColumns(f.become ?? null), new Date().toISOString());
    return Number(info.lastInsertRowid);
  }

  updateNode(id: number, f: Partial<NodeFields>): void {
    const current = this.getNode(id);
    if (!current) return;
    const next = { ...current, ...f };
    this.db
      .prepare('UPDATE nodes SET name = ?, host = ?, port = ?, user = ?, roles = ?, auth = ?, jump_node_id = ?, become_enabled = ?, become_user = ?, become_password = ? WHERE id = ?')
      .run(next.name, next.host, next.port, next.user, JSON.stringify(next.roles), JSON.stringify(next.auth), next.jumpNodeId, ...becomeColumns(next.become ?? null), id);
  }

  removeNode(id: number): boolean {
    return this.db.prepare('DELETE FROM nodes WHERE id = ?').run(id).changes > 0;
  }

  getHostKey(host: string, port: number): StoredHostKey | undefined {
    const row = this.db.prepare('SELECT * FROM known_host_keys WHERE host = ? AND port = ?').get(host, port) as
      | { host: string; port: number; key_type: string; fingerprint: string; public_key: string; trusted_at: string }
      | undefined;
    return row
      ? { host: row.host, port: row.port, keyType: row.key_type, fingerprint: row.fingerprint, publicKey: row.public_key, trustedAt: row.trusted_at }
      : undefined;
  }

  /** Trust a key for host:port, replacing any earlier one (the caller has confirmed it explicitly). */
  trustHostKey(key: Omit<StoredHostKey, 'trustedAt'>): StoredHostKey {
    const trustedAt = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO known_host_keys (host, port, key_type, fingerprint, public_key, trusted_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (host, port) DO UPDATE SET key_type = excluded.key_type, fingerprint = excluded.fingerprint,
           public_key = excluded.public_key, trusted_at = excluded.trusted_at`,
      )
      .run(key.host, key.port, key.keyType, key.fingerprint, key.publicKey, trustedAt);
    return { ...key, trustedAt };
  }
}
