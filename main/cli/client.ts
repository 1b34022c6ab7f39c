import type { EventPayloads, MethodResults } from '../contract/api.js';
import { fromWireError, isStackscopeError, StackscopeError, type FieldIssue, type MissingSecret, type WireError } from '../contract/errors.js';
import type { EventName, MethodName } from '../contract/methods.js';
import type { MethodInput } from '../contract/schemas.js';
import type { Cluster, ClusterNode } from '../contract/types.js';
import type { Core } from '../core/core.js';
import { askSecret } from './prompt.js';

/** What the CLI uses of the core: the contract's calls and events, as the app has them. */
export type Client = Pick<Core, 'dispatch' | 'events'>;

/** The schema's field names as the operator typed them, so a refusal names the flag. */
export type FlagNames = Record<string, string>;

/** The flags of the cluster, node and case commands, by the field they fill; other fields keep their name. */
const defaultFlags: FlagNames = { roles: '--role', host: '--host', port: '--port', user: '--user', name: 'NAME', title: 'TITLE', deployment: '--deployment', containerEngine: '--container-engine', namespace: '--namespace' };

/** A refusal as the CLI prints it: validation issues name the flag (`--host: …`) instead of the schema path. */
function refusal(error: WireError, flags: FlagNames): StackscopeError {
  const err = fromWireError(error);
  const detail = isStackscopeError(err, 'INVALID_INPUT') ? err.detail : undefined;
  // As sent by the core (dispatch's schema issues), checked anyway: a detail travels untyped.
  const issues = detail && 'issues' in detail && Array.isArray(detail.issues) ? (detail.issues as FieldIssue[]) : [];
  if (issues.length === 0) return err;
  const message = issues.map((i) => (i.path.length ? `${flags[i.path[0] ?? ''] ?? i.path.join('.')}: ${i.message}` : i.message)).join('; ');
  return new StackscopeError('INVALID_INPUT', message, err.detail);
}

/**
 * One contract call, checked by the method's schema as the app's calls are (values the operator
 * typed included); a refusal becomes the StackscopeError the CLI prints. `flags` names the flag
 * each input field came from.
 */
export async function call<M extends MethodName>(client: Client, method: M, input: MethodInput<M>, flags: FlagNames = defaultFlags): Promise<MethodResults[M]> {
  const outcome = await client.dispatch(method, input);
  if (!outcome.ok) throw refusal(outcome.error, flags);
  return outcome.value as MethodResults[M];
}

/** One event of the contract, typed; returns the unsubscribe. */
export function on<E extends EventName>(client: Client, event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return client.events.subscribe((name, payload) => {
    if ((name as EventName) === event) listener(payload as unknown as EventPayloads[E]);
  });
}

/** The cluster an operator named, from `clusters.list`. */
export async function clusterNamed(client: Client, name: string): Promise<Cluster> {
  const clusters = await call(client, 'clusters.list', {});
  const c = clusters.find((x) => x.name === name);
  if (c) return c;
  const known = clusters.map((x) => x.name);
  throw new StackscopeError('NOT_FOUND', `unknown cluster "${name}"${known.length ? ` (known: ${known.join(', ')})` : ' (no clusters yet: stackscope cluster add)'}`, { cluster: name });
}

/** A node of that cluster by its name. */
export function nodeNamed(cluster: Cluster, name: string): ClusterNode {
  const n = cluster.nodes.find((x) => x.name === name);
  if (n) return n;
  throw new StackscopeError('NOT_FOUND', `cluster ${cluster.name} has no node "${name}" (nodes: ${cluster.nodes.map((x) => x.name).join(', ') || 'none'})`, { cluster: cluster.name, node: name });
}

/** The secrets a refusal asks for; undefined when the call failed for another reason. */
function secretsAskedFor(err: unknown): MissingSecret[] | undefined {
  return isStackscopeError(err, 'SECRET_REQUIRED') && Array.isArray(err.detail?.missing) && err.detail.missing.length > 0 ? err.detail.missing : undefined;
}

/**
 * `attempt`, and when the core answers that a password or key passphrase is missing, ask for each
 * on the terminal, give it with `secrets.provide` (memory only, this process) and try again: what
 * the app's secret dialog does. A secret asked for again after it was given ends the loop.
 */
export async function withSecrets<T>(client: Client, attempt: () => Promise<T>): Promise<T> {
  const given = new Set<string>();
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      const missing = secretsAskedFor(err);
      if (!missing || missing.some((m) => given.has(`${m.nodeId}:${m.kind}`))) throw err;
      for (const m of missing) {
        let value: string;
        try {
          value = await askSecret(`${m.kind === 'password' ? 'Password' : m.kind === 'sudo' ? 'sudo password (this session only)' : 'Key passphrase'} for ${m.nodeName}: `);
        } catch (why) {
          throw new StackscopeError('SECRET_REQUIRED', (why as Error).message, { missing });
        }
        if (!value) throw new StackscopeError('SECRET_REQUIRED', `no ${m.kind} given for ${m.nodeName}`, { missing });
        await call(client, 'secrets.provide', { nodeId: m.nodeId, kind: m.kind, value, remember: false });
        given.add(`${m.nodeId}:${m.kind}`);
      }
    }
  }
}
