import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const edit = (input: AnalyzerInput, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });

describe('k8s-nodes', () => {
  it('the healthy helm lab: every node Ready, labelled for its role, no claims — ok only', () => {
    const input = load('lab-helm-light');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['k8s.nodes', 'ok'],
      ['k8s.pvcs', 'ok'],
    ]);
    expect(fs[0]?.title).toBe('5 Kubernetes node(s) Ready, no pressure, schedulable');
    expect(fs[1]?.title).toBe('No PersistentVolumeClaims in any namespace');
    verbatim(input, fs);
  });

  it('public: a silent compute is critical, memory pressure, a missing compute label and evictions are warnings; a failed Job pod is info', () => {
    const input = load('public-notready-evicted');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['k8s.node-not-ready', 'critical'],
      ['k8s.node-memorypressure', 'warning'],
      ['k8s.node-label-compute', 'warning'],
      ['k8s.nodes', 'ok'],
      ['k8s.pvcs', 'ok'],
      ['k8s.pods-evicted', 'warning'],
      ['k8s.pods-failed', 'info'],
    ]);
    expect(fs[0]?.title).toBe('Kubernetes node(s) not Ready (Unknown): cmp-1');
    expect(fs[0]?.evidence[0]?.lines).toContain('                        "message": "Kubelet stopped posting node status.",');
    expect(fs[2]?.title).toBe('Compute node(s) without the label openstack-compute-node=enabled: cmp-3');
    expect(fs[3]?.explanation).toContain(': ctl-1.');
    expect(fs[5]?.title).toBe('2 pod(s) evicted on cmp-2');
    expect(fs[5]?.explanation).toContain('the last one said: The node was low on resource: memory. Container neutron-server was using 1932044Ki, which exceeds its request of 0.');
    verbatim(input, fs);
  });

  it('public: a claim Pending quotes its ProvisioningFailed event, a Lost one is critical, a cordoned controller a warning', () => {
    const input = load('public-pvc-pending-cordoned');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['k8s.node-cordoned', 'warning'],
      ['k8s.nodes', 'ok'],
      ['k8s.pvc-pending', 'warning'],
      ['k8s.pvc-lost', 'critical'],
      ['k8s.pvcs', 'ok'],
    ]);
    expect(fs[0]?.title).toBe('Node(s) cordoned (SchedulingDisabled): osh-ctl-2');
    expect(fs[2]?.explanation).toContain('The provisioner says (39 time(s)): storageclass.storage.k8s.io "general" not found');
    expect(fs[2]?.evidence[0]?.lines).toContain('            "message": "storageclass.storage.k8s.io \\"general\\" not found",');
    expect(fs[3]?.title).toBe('Volume claim openstack/glance-images is Lost');
    verbatim(input, fs);
  });

  it('a node is matched to the inventory by its InternalIP when the names differ', () => {
    const input = load('public-notready-evicted');
    const renamed = { ...input, nodes: input.nodes.map((n) => ({ ...n, name: `${n.name}.example` })) };
    const fs = analyze(renamed);
    expect(fs.find((f) => f.check === 'k8s.node-label-compute')?.title).toBe('Compute node(s) without the label openstack-compute-node=enabled: cmp-3');
    expect(fs.find((f) => f.check === 'k8s.node-unknown')).toBeUndefined();
    const strangers = analyze({ ...input, nodes: [{ name: 'elsewhere', roles: ['compute'], host: '203.0.113.9' }] });
    expect(strangers.find((f) => f.check === 'k8s.node-unknown')).toMatchObject({ severity: 'info', title: 'Not found among the Kubernetes nodes: elsewhere' });
  });

  it('kubectl refused: could-not-check for that listing only, never ok', () => {
    const input = load('public-pvc-pending-cordoned');
    const noPvc = analyze(edit(input, (s) => s.replace(/(== pvc\n)[\s\S]*?(?=\n== provisioning-failed)/, '$1Error from server (Forbidden): persistentvolumeclaims is forbidden')));
    expect(noPvc.filter((f) => f.check === 'k8s.pvc').map((f) => [f.status, f.evidence[0]?.lines])).toEqual([['SKIPPED', ['Error from server (Forbidden): persistentvolumeclaims is forbidden']]]);
    expect(noPvc.some((f) => f.check === 'k8s.nodes' && f.severity === 'ok')).toBe(true);
    const down = analyze(edit(input, () => 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n'));
    expect(down.map((f) => [f.check, f.status])).toEqual([['k8s.nodes', 'SKIPPED']]);
    expect(analyze({ ...input, outputs: [] }).map((f) => f.status)).toEqual(['SKIPPED']);
  });
});
