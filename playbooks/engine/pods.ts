/**
 * openstack-helm: where the pods run. One `kubectl get pods -o json` per namespace and run, from
 * the kube-access node or the first target node that answers (controllers first); a step then
 * runs in the ready pod of its service on each node. Pods are looked up by the labels openstack-helm gives them (profile.ts).
 */
import { podMatches, type PodRef, type ServiceProfile } from './profile.js';
import { shellQuote } from './shell.js';
import type { CommandRunner, TargetNode } from './run.js';
import type { StepOutput } from './types.js';

/** The step key of the pod listing in the case log (not a playbook step; the home picture reads it). */
export const DISCOVER_STEP = 'discover-pods';

/** `kubectl get pods -o json` → the pods the profile can address. */
export function parsePods(json: string): PodRef[] {
  const doc = JSON.parse(json) as { items?: Array<Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  return (doc.items ?? []).map((p) => {
    const statuses = (p.status?.containerStatuses ?? []) as Array<{ ready?: boolean }>;
    return {
      namespace: String(p.metadata?.namespace ?? ''),
      name: String(p.metadata?.name ?? ''),
      labels: (p.metadata?.labels ?? {}) as Record<string, string>,
      hostIP: String(p.status?.hostIP ?? ''),
      nodeName: String(p.spec?.nodeName ?? ''),
      ready: statuses.length > 0 && statuses.every((s) => s.ready === true),
      containers: ((p.spec?.containers ?? []) as Array<{ name: string }>).map((c) => c.name),
    };
  });
}

export interface Discovery {
  /** Pods of the cluster, or null when no node could list them. */
  pods: PodRef[] | null;
  outputs: StepOutput[];
  /** The kube-access node that listed them: `kubectl exec|logs` go through it too. */
  via?: TargetNode;
}

/**
 * Lists the pods of `namespaces` (the cluster's own, then its infra namespaces) from the first
 * node that answers: the kube-access node when the cluster names one (`via`), else the targets,
 * controllers first. An infra namespace that cannot be listed there only lacks its pods.
 */
export async function discoverPods(targets: TargetNode[], namespaces: string | string[], runner: CommandRunner, signal: AbortSignal, via?: TargetNode): Promise<Discovery> {
  const [own, ...infra] = typeof namespaces === 'string' ? [namespaces] : namespaces;
  const list = (ns: string | undefined): string => `kubectl get pods -n ${shellQuote(ns ?? 'openstack')} -o json`;
  const outputs: StepOutput[] = [];
  const order = via ? [via] : [...targets].sort((a, b) => Number(b.roles.includes('controller')) - Number(a.roles.includes('controller')));
  for (const node of order) {
    if (signal.aborted) break;
    const out = await runner.run({ step: DISCOVER_STEP, node, command: list(own), timeoutSec: 30, root: false }, signal);
    outputs.push(out);
    if (out.state !== 'succeeded') continue;
    let pods: PodRef[];
    try {
      pods = parsePods(out.stdout);
    } catch {
      continue;
    }
    for (const ns of infra) {
      if (signal.aborted) break;
      const more = await runner.run({ step: DISCOVER_STEP, node, command: list(ns), timeoutSec: 30, root: false }, signal);
      outputs.push(more);
      try {
        if (more.state === 'succeeded') pods = [...pods, ...parsePods(more.stdout)];
      } catch {
        // Not JSON: that namespace's pods stay unknown; the listing is in the case log.
      }
    }
    return { pods, outputs, ...(via ? { via } : {}) };
  }
  return { pods: null, outputs };
}

/** The service's pod in `namespaces` on this node (matched by host IP or node name), a ready one first. */
export function podOn(pods: PodRef[], helm: NonNullable<ServiceProfile['helm']>, namespaces: string | string[], node: TargetNode): PodRef | undefined {
  const onNode = pods.filter((p) => podMatches(p, helm, namespaces) && (p.hostIP === node.host || p.nodeName === node.name));
  return onNode.find((p) => p.ready) ?? onNode[0];
}
