import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployments } from '../../../main/contract/types.js';
import { portBindingTexts } from '../../../main/shared/finding-texts/port-binding.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding port-binding emits, over every captured scenario and the same outputs changed (a
 * port failed, unbound or DOWN under an ACTIVE server, a physnet some chassis map, an overlay
 * network, a host without chassis, the lists failing with each known error, a step missing or timed
 * out), renders to exactly the English it stores and fully to Korean.
 */
const dir = join(import.meta.dirname, 'fixtures');
const scenarios = readdirSync(dir);
const portsEdits: Array<[string, Array<[RegExp, string]>]> = [
  ['failed and active', [[/"binding_vif_type": "unbound"/g, '"binding_vif_type": "binding_failed"'], [/"binding_host_id": ""/g, '"binding_host_id": "compute-1"'], [/"device_id": ""/g, '"device_id": "2b830dab-3e6f-4108-ae7d-7737614ecb78"'], [/Binding failed for port/g, 'Build failed for port']]],
  ['unbound under an active server', [[/"device_id": ""/g, '"device_id": "2b830dab-3e6f-4108-ae7d-7737614ecb78"'], [/Binding failed for port/g, 'Build failed for port']]],
  ['down under an active server', [[/"binding_vif_type": "unbound"/g, '"binding_vif_type": "ovs"'], [/"binding_host_id": ""/g, '"binding_host_id": "compute-1"'], [/"device_id": ""/g, '"device_id": "2b830dab-3e6f-4108-ae7d-7737614ecb78"'], [/Binding failed for port/g, 'Build failed for port']]],
  ['overlay network', [[/"provider:physical_network": "physnet2"/g, '"provider:physical_network": null'], [/"flat"/g, '"geneve"']]],
  ['a physnet some chassis map', [[/"provider:physical_network": "physnet2"/g, '"provider:physical_network": "physnet1"']]],
  ['no network shown', [[/== network show/g, '== networks show']]],
  ['hosts renamed', [[/"Host": "compute-/g, '"Host": "nova-compute-']]],
];
const listErrors = ['public endpoint for compute service in RegionOne region not found', 'Missing value auth-url required for auth plugin password', 'HTTP 403 Forbidden', 'Unable to establish connection to http://nova:8774', 'something else went wrong', ''];

function variants(input: AnalyzerInput): Array<[string, AnalyzerInput]> {
  const steps = [...new Set(input.outputs.map((o) => o.step))];
  const edit = (chain: Array<[RegExp, string]>, t: string): string => chain.reduce((x, [re, to]) => x.replace(re, to), t);
  return [
    ['as captured', input],
    ...steps.map((s): [string, AnalyzerInput] => [`without ${s}`, { ...input, outputs: input.outputs.filter((o) => o.step !== s) }]),
    ...steps.map((s): [string, AnalyzerInput] => [`${s} timed out`, { ...input, outputs: input.outputs.map((o) => (o.step === s ? { ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' } : o)) }]),
    ...portsEdits.map(([name, chain]): [string, AnalyzerInput] => [name, { ...input, outputs: input.outputs.map((o) => (o.step === 'ports' ? { ...o, stdout: edit(chain, o.stdout) } : o)) }]),
    ['no chassis at all', { ...input, outputs: input.outputs.map((o) => (o.step === 'chassis' ? { ...o, stdout: '' } : o)) }],
    ...listErrors.map((err): [string, AnalyzerInput] => [`list fails: ${err}`, { ...input, outputs: input.outputs.map((o) => (o.step === 'ports' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: `== server list\n${err}\n` } : o)) }]),
  ];
}

const used = new Set<string>();

describe('port-binding finding texts', () => {
  for (const scenario of scenarios) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const [name, input] of variants(loadFixture(join(dir, scenario)))) {
        for (const deployment of deployments) for (const f of analyze({ ...input, deployment })) expectFindingTexts(f, `${scenario} (${name})`, used);
      }
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(portBindingTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
