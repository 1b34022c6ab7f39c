import { StackscopeError } from '../../contract/errors.js';
import type { ClusterNode } from '../../contract/types.js';
import type { InventoryService } from '../inventory-service.js';
import type { ConnectionManager } from '../ssh/connection-manager.js';
import { wrapRemoteCommand } from '../ssh/shell.js';
import { maxKubeJsonBytes } from './types.js';

/** The one command an OpenStack-Helm import runs on its kubectl node: read-only. */
export const kubectlGetNodes = 'kubectl get nodes -o json';

/** `kubectl get nodes -o json` on `via` over SSH (through its jump chain), its stdout. */
export async function kubectlNodes(ssh: ConnectionManager, inventory: InventoryService, via: ClusterNode): Promise<string> {
  const conn = await ssh.acquire(inventory.target(via));
  let stdout = '';
  let stderr = '';
  const remote = await conn.exec(wrapRemoteCommand(kubectlGetNodes), {
    timeoutMs: 60_000,
    maxOutputBytes: maxKubeJsonBytes,
    onData: (stream, text) => {
      if (stream === 'stdout') stdout += text;
      else if (stderr.length < 4096) stderr += text;
    },
  });
  const o = await remote.done;
  const at = { node: via.name, nodeId: via.id, host: via.host };
  if (o.timedOut) throw new StackscopeError('COMMAND_TIMEOUT', `${kubectlGetNodes} on ${via.name} did not answer in 60 s`, at);
  if (o.truncated) throw new StackscopeError('UNAVAILABLE', `${kubectlGetNodes} on ${via.name} printed more than ${maxKubeJsonBytes / 1024 / 1024} MiB`, at);
  if (o.exitCode !== 0) {
    const why = stderr.trim().split('\n').slice(-1)[0] ?? '';
    throw new StackscopeError('UNAVAILABLE', `${kubectlGetNodes} on ${via.name} failed (exit ${o.exitCode ?? 'none'})${why ? `: ${why.slice(0, 300)}` : ''}: is kubectl there, with a kubeconfig for ${via.user}?`, at);
  }
  return stdout;
}
