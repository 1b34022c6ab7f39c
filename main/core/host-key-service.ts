import type { InventoryRepo } from '../../db/inventory-repo.js';
import { StackscopeError } from '../contract/errors.js';
import type { HostKeyProbe, KnownHostKey } from '../contract/types.js';
import type { InventoryService } from './inventory-service.js';
import type { ConnectionManager, PresentedHostKey } from './ssh/connection-manager.js';

/**
 * Trust on first use, made explicit: `probe` shows the key a node presents and how it compares
 * with the stored one; `trust` stores it only if the node still presents exactly the fingerprint
 * the user confirmed.
 */
export class HostKeyService {
  constructor(
    private readonly repo: InventoryRepo,
    private readonly inventory: InventoryService,
    private readonly ssh: ConnectionManager,
  ) {}

  async probe(nodeId: number): Promise<HostKeyProbe & { presented: PresentedHostKey }> {
    const node = this.inventory.node(nodeId);
    const presented = await this.ssh.probeHostKey(this.inventory.target(node));
    const known = this.repo.getHostKey(node.host, node.port);
    const status = !known ? 'unknown' : known.fingerprint === presented.fingerprint ? 'trusted' : 'changed';
    return {
      nodeId,
      nodeName: node.name,
      host: node.host,
      port: node.port,
      keyType: presented.keyType,
      fingerprint: presented.fingerprint,
      status,
      ...(status === 'changed' && known ? { knownFingerprint: known.fingerprint } : {}),
      presented,
    };
  }

  async trust(nodeId: number, fingerprint: string): Promise<KnownHostKey> {
    const probe = await this.probe(nodeId);
    if (probe.fingerprint !== fingerprint) {
      throw new StackscopeError(
        'HOST_KEY_CHANGED',
        `${probe.nodeName} (${probe.host}:${probe.port}) now presents ${probe.fingerprint}, not the ${fingerprint} you confirmed; nothing was trusted`,
        { node: probe.nodeName, fingerprint: probe.fingerprint, confirmed: fingerprint },
      );
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
