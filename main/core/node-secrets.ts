import { StackscopeError, type MissingSecret } from '../contract/errors.js';
import type { ClusterNode } from '../contract/types.js';
import { sudoNeeds } from './become.js';
import type { InventoryService } from './inventory-service.js';
import type { SecretKind, SecretStore } from './secrets.js';
import type { SshTarget } from './ssh/connection-manager.js';

/**
 * The secrets of nodes as the API sees them: what a set of nodes (and their jump hosts) lacks,
 * the one preflight that refuses to start anything without them, and giving one for a node.
 */
export class NodeSecrets {
  constructor(
    private readonly inventory: InventoryService,
    private readonly store: SecretStore,
  ) {}

  /**
   * Secrets the given nodes (and their jump hosts) need that this session does not have. `sudo`:
   * the work has steps that need root, so a node whose sudo asks for a password needs that too.
   */
  missing(nodes: ClusterNode[], opts: { sudo?: boolean } = {}): MissingSecret[] {
    const missing = new Map<string, MissingSecret>();
    for (const start of nodes) {
      if (opts.sudo && sudoNeeds(this.inventory.cluster(start.clusterId), start).password && this.sudoPassword(start) === undefined) {
        missing.set(`${start.id}:sudo`, { nodeId: start.id, nodeName: start.name, kind: 'sudo' });
      }
      for (let t: SshTarget | null = this.inventory.target(start); t; t = t.jump) {
        const kind = t.auth.method === 'password' ? 'password' : t.auth.method === 'key' && t.auth.passphrase ? 'passphrase' : null;
        if (kind && this.store.secret(t, kind) === undefined) missing.set(`${t.nodeId}:${kind}`, { nodeId: t.nodeId, nodeName: t.name, kind });
      }
    }
    return [...missing.values()];
  }

  /**
   * Throws SECRET_REQUIRED, naming every secret missing, before anything is started on `nodes`;
   * `purpose` finishes "provide it to …" (run this command, open a terminal…). A client asks the
   * person for `detail.missing` and tries again.
   */
  requireSecrets(nodes: ClusterNode[], purpose: string, opts: { sudo?: boolean } = {}): void {
    const missing = this.missing(nodes, opts);
    if (missing.length === 0) return;
    throw new StackscopeError('SECRET_REQUIRED', `${missing.map((m) => `${m.nodeName} needs a ${m.kind}`).join('; ')}; provide it to ${purpose}`, { missing });
  }

  /** Bound to the node's address, user and jump chain as they are now (see secrets.ts). */
  provide(nodeId: number, kind: SecretKind, value: string, remember: boolean): void {
    this.store.provide(this.inventory.target(this.inventory.node(nodeId)), kind, value, remember);
  }

  forget(nodeId: number): void {
    this.store.forget(nodeId);
  }

  /** The sudo password given for this node this session (bound to its login like its SSH password). */
  sudoPassword(node: ClusterNode): string | undefined {
    return this.store.secret(this.inventory.target(node), 'sudo');
  }

  /** sudo refused it: ask again at the next run. */
  forgetSudoPassword(nodeId: number): void {
    this.store.forgetKind(nodeId, 'sudo');
  }
}
