import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k8sNodesTexts } from '../../../main/shared/finding-texts/k8s-nodes.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding k8s-nodes emits, over every scenario and the same outputs edited (a condition
 * flipped, a section refused, a claim's phase changed) to reach the other findings from real
 * output shapes, renders to its stored English and fully to Korean; every message is used.
 */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();
const edit = (input: AnalyzerInput, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });
const refuse = (section: string) => (s: string) => s.replace(new RegExp(`(== ${section}\\n)[\\s\\S]*?(?=\\n== )`), '$1Error from server (Forbidden): forbidden: User "system:serviceaccount:openstack:x" cannot list resource');

function variants(input: AnalyzerInput): AnalyzerInput[] {
  return [
    input,
    edit(input, (s) => s.replace(/("reason": "KubeletReady",\n\s*"status": )"True"/, '$1"False"')),
    edit(input, (s) => s.replace(/("reason": "KubeletHasNoDiskPressure",\n\s*"status": )"False"/, '$1"True"')),
    edit(input, (s) => s.replace(/("reason": "KubeletHasSufficientPID",\n\s*"status": )"False"/, '$1"True"')),
    edit(input, (s) => s.replace(/"type": "Ready"/, '"type": "NetworkUnavailable"').replace(/("reason": "KubeletHasSufficientPID",\n\s*"status": )"False"/, '$1"True"')),
    edit(input, (s) => s.replace(/"openstack-control-plane": "enabled"/g, '"openstack-control-plane": "disabled"')),
    edit(input, (s) => s.replace(/"name": "(ctl-1|osh-ctl-1|controller-1)"/, '"name": "someone-else"')),
    edit(input, (s) => s.replace(/"phase": "Bound"/g, '"phase": "Pending"')),
    edit(input, (s) => s.replace(/"phase": "Running"/g, '"phase": "Failed"')),
    edit(input, (s) => s.replace(/(== pvc\n)[\s\S]*?(?=\n== provisioning-failed)/, `$1${JSON.stringify({ apiVersion: 'v1', items: [{ metadata: { name: 'x', namespace: 'openstack' }, spec: {}, status: { phase: 'Pending' } }], kind: 'List' }, null, 4)}`)),
    edit(input, refuse('pvc')),
    edit(input, (s) => refuse('provisioning-failed')(s).replace(/"phase": "Bound"/g, '"phase": "Pending"')),
    edit(input, refuse('failed-pods')),
    edit(input, (s) => s.replace(/(== nodes\n)[\s\S]*?(?=\n== pvc)/, `$1${JSON.stringify({ apiVersion: 'v1', items: [], kind: 'List' }, null, 4)}`)),
    edit(input, () => 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n'),
    { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed', exitCode: 1, stdout: '', stderr: '' })) },
    { ...input, outputs: [] },
  ];
}

describe('k8s-nodes finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(k8sNodesTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
