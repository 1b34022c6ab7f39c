import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PodTableEntry } from './pods.js';

/**
 * The lab's kubectl facade (scripts/kubectl.mjs) on a pod table of its own, without a lab: what
 * the k8s-nodes playbook asks of it (nodes with their conditions and openstack-helm's labels, no
 * claims, field-selected pods and events) answers as the API server would for such a cluster.
 */
const lab = mkdtempSync(join(tmpdir(), 'kubectl-facade-'));
afterAll(() => rmSync(lab, { recursive: true, force: true }));
const container = (name: string): PodTableEntry['containers'][number] => ({ name, image: `lab/${name}`, pidFile: join(lab, `${name}.pid`), logFile: join(lab, `${name}.log`), supervisedDir: null, netns: 'none', env: {} });
const pods: PodTableEntry[] = [
  { name: 'mariadb-server-0', namespace: 'openstack', node: 'controller-1', hostIP: '198.18.0.11', labels: { application: 'mariadb', component: 'server' }, createdAt: '2026-12-05T10:00:00.000Z', containers: [container('mariadb')] },
  { name: 'openvswitch-compute-1', namespace: 'openstack', node: 'compute-1', hostIP: '198.18.0.21', labels: { application: 'openvswitch' }, createdAt: '2026-12-05T10:00:00.000Z', containers: [container('openvswitch-vswitchd')] },
];
writeFileSync(join(lab, 'pods.json'), JSON.stringify(pods));

function kubectl(...args: string[]): { out: string; err: string; code: number | null } {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, 'scripts', 'kubectl.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, STACKSCOPE_LAB: lab } });
  return { out: r.stdout, err: r.stderr, code: r.status };
}
const json = (args: string[]): { items: Array<Record<string, any>> } => JSON.parse(kubectl(...args).out) as { items: Array<Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("the lab's kubectl", () => {
  it('get nodes -o json: every node Ready without pressure, schedulable, labelled for its openstack-helm role', () => {
    const nodes = json(['get', 'nodes', '-o', 'json']).items;
    expect(nodes.map((n) => n.metadata.name)).toEqual(['compute-1', 'controller-1']);
    for (const n of nodes) {
      expect(n.spec.unschedulable).toBeUndefined();
      expect(n.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toEqual(['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True']);
    }
    expect(nodes[0]?.metadata.labels['openstack-compute-node']).toBe('enabled');
    expect(nodes[1]?.metadata.labels['openstack-control-plane']).toBe('enabled');
  });

  it('get pvc: no claims (an empty List with -o json, "No resources found" otherwise)', () => {
    expect(json(['get', 'pvc', '-A', '-o', 'json']).items).toEqual([]);
    expect(kubectl('get', 'pvc', '-A')).toMatchObject({ out: '', err: 'No resources found\n', code: 0 });
  });

  it('field selectors: pods by phase (none Failed, both Running), events by reason; an unknown field is refused', () => {
    expect(json(['get', 'pods', '-A', '--field-selector', 'status.phase=Failed', '-o', 'json']).items).toEqual([]);
    expect(json(['get', 'pods', '-A', '--field-selector', 'status.phase=Running', '-o', 'json']).items.map((p) => p.metadata.name)).toEqual(['mariadb-server-0', 'openvswitch-compute-1']);
    expect(json(['get', 'pods', '-A', '--field-selector', 'spec.nodeName=compute-1', '-o', 'json']).items.map((p) => p.metadata.name)).toEqual(['openvswitch-compute-1']);
    expect(json(['get', 'events', '-A', '--field-selector', 'reason=ProvisioningFailed', '-o', 'json']).items).toEqual([]);
    const bad = kubectl('get', 'pods', '-A', '--field-selector', 'status.podIP=1.2.3.4', '-o', 'json');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/field label not supported: status\.podIP/);
  });
});
