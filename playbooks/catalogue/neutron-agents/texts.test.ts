import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployments } from '../../../main/contract/types.js';
import { neutronAgentsTexts } from '../../../main/shared/finding-texts/neutron-agents.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding neutron-agents emits, over every captured scenario and the same outputs changed
 * (an agent down, disabled or of another kind, a host missing, the list failing with each known
 * error, a step missing or timed out), renders to exactly the English it stores and fully to Korean.
 */
const dir = join(import.meta.dirname, 'fixtures');
const scenarios = readdirSync(dir);
const edits: Array<[string, Array<[RegExp, string]>]> = [
  ['all down', [[/"Alive": true/g, '"Alive": false']]],
  ['all disabled', [[/"State": true/g, '"State": false']]],
  ['other kinds down', [[/"Alive": true/g, '"Alive": false'], [/OVN Controller( Gateway)? agent/g, 'DHCP agent'], [/"ovn-controller"/g, '"neutron-dhcp-agent"']]],
  ['no controller agents', [[/"Agent Type": "OVN Controller( Gateway)? agent",\n(\s*)"Host": "[^"]*"/g, '"Agent Type": "OVN Controller agent",\n$2"Host": "elsewhere"']]],
  ['every host renamed', [[/"Host": "[^"]*"/g, '"Host": "renamed"']]],
  ['empty list', [[/^\[[\s\S]*\]\n?$/, '[]\n']]],
];
const listErrors = ['public endpoint for network service in RegionOne region not found', 'Missing value auth-url required for auth plugin password', 'HTTP 401 Unauthorized', 'Unable to establish connection to http://neutron:9696', 'something else went wrong', ''];

function variants(input: AnalyzerInput): Array<[string, AnalyzerInput]> {
  const steps = [...new Set(input.outputs.map((o) => o.step))];
  const edit = (chain: Array<[RegExp, string]>, t: string): string => chain.reduce((x, [re, to]) => x.replace(re, to), t);
  return [
    ['as captured', input],
    ...steps.map((s): [string, AnalyzerInput] => [`without ${s}`, { ...input, outputs: input.outputs.filter((o) => o.step !== s) }]),
    ...steps.map((s): [string, AnalyzerInput] => [`${s} timed out`, { ...input, outputs: input.outputs.map((o) => (o.step === s ? { ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' } : o)) }]),
    ['logs empty', { ...input, outputs: input.outputs.map((o) => (o.step === 'metadata-log' ? { ...o, stdout: '-- No entries --\n' } : o)) }],
    ...edits.map(([name, chain]): [string, AnalyzerInput] => [name, { ...input, outputs: input.outputs.map((o) => (o.step === 'agents' ? { ...o, stdout: edit(chain, o.stdout) } : o)) }]),
    ...listErrors.map((err): [string, AnalyzerInput] => [`list fails: ${err}`, { ...input, outputs: input.outputs.map((o) => (o.step === 'agents' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: err } : o)) }]),
  ];
}

const used = new Set<string>();

describe('neutron-agents finding texts', () => {
  for (const scenario of scenarios) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const [name, input] of variants(loadFixture(join(dir, scenario)))) {
        for (const deployment of deployments) for (const f of analyze({ ...input, deployment })) expectFindingTexts(f, `${scenario} (${name})`, used);
      }
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(neutronAgentsTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
