import type { InventoryRepo } from '../../db/inventory-repo.js';
import { StackscopeError } from '../contract/errors.js';
import type { ClusterHostKeyProbe, ClusterHostKeyProbes, ClusterHostKeyTrust, HostKeyProbe, KnownHostKey } from '../contract/types.js';
import type { InventoryService } from './inventory-service.js';
import { mapBounded } from '../../playbooks/engine/bounded.js';
import type { ConnectionManager, PresentedHostKey } from './ssh/connection-manager.js';
import type { HostKeyTrust } from './ssh/host-key-trust.js';

/** Probes in flight at once for a whole cluster (each is one short handshake). */
const PROBE_CONCURRENCY = 16;

type Probed = HostKeyProbe & { presented: PresentedHostKey };

/**
 * Trust on first use, made explicit: `probe` shows the key a node presents and how it compares
 * with the stored one and the user's known_hosts; `trust` stores it only if the node still
 * presents exactly the fingerprint the user confirmed. The cluster-wide pair does the same for
 * every node at once, so sixty nodes are one confirmation, not sixty.
 */
export class HostKeyService {
  constructor(
    private readonly repo: InventoryRepo,
    private readonly inventory: InventoryService,
    private readonly ssh: ConnectionManager,
    private readonly trustRules: HostKeyTrust,
  ) {}

  async probe(nodeId: number): Promise<Probed> {
    const node = this.inventory.node(nodeId);
    const target = this.inventory.target(node);
    const presented = await this.ssh.probeHostKey(target);
    const decision = this.trustRules.check(target, presented);
    const base = { nodeId, nodeName: node.name, host: node.host, port: node.port, keyType: presented.keyType, fingerprint: presented.fingerprint, presented };
    switch (decision.status) {
      case 'trusted':
      case 'unknown':
        return { ...base, status: decision.status };
      case 'known_hosts':
      case 'revoked':
        return { ...base, status: decision.status, knownHosts: { file: decision.file, line: decision.line } };
      case 'changed':
        return { ...base, status: 'changed', knownFingerprint: decision.knownFingerprint, ...(decision.file ? { knownHosts: { file: decision.file, line: decision.line ?? 0 } } : {}) };
    }
  }

  async trust(nodeId: number, fingerprint: string): Promise<KnownHostKey> {
    return this.store(await this.probe(nodeId), fingerprint);
  }

  /** Every node of the cluster, a few at a time (jump hosts first connect once and are shared). */
  async probeCluster(clusterId: number): Promise<ClusterHostKeyProbes & { presented: Map<number, Probed> }> {
    const cluster = this.inventory.cluster(clusterId);
    const presented = new Map<number, Probed>();
    const nodes: ClusterHostKeyProbe[] = new Array(cluster.nodes.length);
    await mapBounded(
      cluster.nodes.map((n, i) => ({ n, i })),
      PROBE_CONCURRENCY,
      async ({ n, i }) => {
        try {
          const p = await this.probe(n.id);
          presented.set(n.id, p);
          const { presented: _bytes, ...probe } = p;
          nodes[i] = { ...probe, reachable: true };
        } catch (err) {
          const e = err instanceof StackscopeError ? err : new StackscopeError('INTERNAL', (err as Error).message);
          nodes[i] = { reachable: false, nodeId: n.id, nodeName: n.name, host: n.host, port: n.port, status: 'unreachable', error: { code: e.code, message: e.message } };
        }
      },
    );
    const first = cluster.nodes[0];
    const knownHostsNotes = first ? this.trustRules.notes(this.inventory.target(first)) : [];
    return { clusterId, nodes, knownHostsNotes, presented };
  }

  /**
   * Trust what the person confirmed, node by node: each node is probed again and stored only if
   * it still presents that fingerprint. A changed or revoked key is never stored by this path
   * (replacing a changed key stays a deliberate, single-node `hostKeys.trust`).
   */
  async trustCluster(clusterId: number, confirmed: Array<{ nodeId: number; fingerprint: string }>): Promise<ClusterHostKeyTrust> {
    const cluster = this.inventory.cluster(clusterId);
    for (const c of confirmed) {
      if (!cluster.nodes.some((n) => n.id === c.nodeId)) throw new StackscopeError('NOT_FOUND', `node ${c.nodeId} is not in cluster ${cluster.name}`, { nodeId: c.nodeId });
    }
    // Answers land in their node's slot: the result lists nodes in the order they were confirmed.
    const outcome: Array<{ trusted: KnownHostKey } | { refused: ClusterHostKeyTrust['refused'][number] }> = new Array(confirmed.length);
    await mapBounded(
      confirmed.map((c, i) => ({ c, i })),
      PROBE_CONCURRENCY,
      async ({ c, i }) => {
        const nodeName = cluster.nodes.find((n) => n.id === c.nodeId)?.name ?? String(c.nodeId);
        const refuse = (reason: string): void => void (outcome[i] = { refused: { nodeId: c.nodeId, nodeName, reason } });
        try {
          const probe = await this.probe(c.nodeId);
          if (probe.status === 'changed' || probe.status === 'revoked') {
            const where = probe.knownHosts ? ` (${probe.knownHosts.file}:${probe.knownHosts.line})` : '';
            return refuse(`host key ${probe.status}${where}: presents ${probe.fingerprint}${probe.knownFingerprint ? `, known ${probe.knownFingerprint}` : ''}; nothing trusted`);
          }
          outcome[i] = { trusted: this.store(probe, c.fingerprint) };
        } catch (err) {
          refuse((err as Error).message);
        }
      },
    );
    return {
      clusterId,
      trusted: outcome.flatMap((o) => ('trusted' in o ? [o.trusted] : [])),
      refused: outcome.flatMap((o) => ('refused' in o ? [o.refused] : [])),
    };
  }

  private store(probe: Probed, fingerprint: string): KnownHostKey {
    if (probe.fingerprint !== fingerprint) {
      throw new StackscopeError(
        'HOST_KEY_CHANGED',
        `${probe.nodeName} (${probe.host}:${probe.port}) now presents ${probe.fingerprint}, not the ${fingerprint} you confirmed; nothing was trusted`,
        { node: probe.nodeName, fingerprint: probe.fingerprint, confirmed: fingerprint },
      );
    }
    if (probe.status === 'revoked') {
      const kh = probe.knownHosts;
      throw new StackscopeError('HOST_KEY_REVOKED', `${probe.nodeName} (${probe.host}:${probe.port}) presents ${probe.fingerprint}, which ${kh?.file}:${kh?.line} revokes; nothing was trusted`, {
        nodeId: probe.nodeId,
        node: probe.nodeName,
        host: probe.host,
        port: probe.port,
        fingerprint: probe.fingerprint,
        keyType: probe.keyType,
        knownHosts: kh ?? { file: '', line: 0 },
      });
    }
    const { trustedAt, keyType, host, port } = this.repo.trustHostKey({
      host: probe.host,
      port: probe.port,
      keyType: probe.presented.keyType,
      fingerprint: probe.presented.fingerprint,
      publicKey: probe.presented.publicKey,
    });
    return { host, port, keyType, fingerprint: probe.fingerprint, trustedAt };
  }
}
