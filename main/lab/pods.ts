import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeByName } from './layout.js';
import { nodeEnv } from './nodes.js';
import type { LabState } from './state.js';

/**
 * The pod table the lab's `kubectl` facade reads (openstack-helm flavour): which lab processes
 * make up which pod of namespace `openstack`, where their logs are, and the environment
 * `kubectl exec` gives a command so it talks to that component. Status is never stored here:
 * the facade derives it from the processes each time it is asked.
 */
export interface PodTableEntry {
  name: string;
  namespace: string;
  node: string;
  hostIP: string;
  labels: Record<string, string>;
  createdAt: string;
  containers: Array<{
    name: string;
    image: string;
    pidFile: string;
    logFile: string;
    supervisedDir: string | null;
    netns: string;
    env: Record<string, string>;
  }>;
}

export const NAMESPACE = 'openstack';

export function writePodTable(state: LabState): void {
  const pods = new Map<string, PodTableEntry>();
  for (const c of state.components) {
    if (!c.pod) continue;
    const node = nodeByName(state.layout, c.node);
    const pod = pods.get(c.pod.name) ?? {
      name: c.pod.name,
      namespace: NAMESPACE,
      node: c.node,
      hostIP: node.ip,
      labels: { ...c.pod.labels, release_group: c.pod.labels.application ?? 'lab' },
      createdAt: state.createdAt,
      containers: [],
    };
    pod.containers.push({
      name: c.pod.container,
      image: c.pod.image,
      pidFile: c.pidFile,
      logFile: c.logFile,
      supervisedDir: c.supervised?.dir ?? null,
      netns: c.netns,
      env: { ...nodeEnv(state.layout, node), ...c.env },
    });
    pods.set(c.pod.name, pod);
  }
  writeFileSync(join(state.layout.root, 'pods.json'), `${JSON.stringify([...pods.values()], null, 2)}\n`);
}
