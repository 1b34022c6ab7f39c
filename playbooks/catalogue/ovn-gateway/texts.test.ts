import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ovnGatewayTexts } from '../../../main/shared/finding-texts/ovn-gateway.js';
import { loadFixture } from '../../engine/fixtures.js';
import { parsePlaybook } from '../../engine/loader.js';
import { analyzeOutputs } from '../../engine/run.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding ovn-gateway emits (its analyzer's and its log signature's), over every captured
 * scenario and the same outputs changed (bound elsewhere, chassis missing, no redirect port, no
 * gateway, a gateway moving, BFD drops, each step failing or timing out), renders to its stored
 * English and fully to Korean; together they use every message of the table.
 */
const dir = import.meta.dirname;
const parsed = parsePlaybook(readFileSync(join(dir, 'playbook.yaml'), 'utf8'), join(dir, 'playbook.yaml'), 'ovn-gateway');
if (!('def' in parsed)) throw new Error('playbook.yaml does not load');
const def = parsed.def;
const used = new Set<string>();

const replaceIn = (input: AnalyzerInput, step: string, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.step === step ? { ...o, stdout: f(o.stdout) } : o)) });
function variants(input: AnalyzerInput): AnalyzerInput[] {
  const steps = [...new Set(input.outputs.map((o) => o.step))];
  const clock = Number(input.outputs.find((o) => o.step === 'signature-clock')?.stdout.split(' ')[0]);
  const at = (s: number): string => new Date((clock - s) * 1000).toISOString();
  const anyChassis = /chassis {13}: \S+/;
  const firstChassis = /_uuid {15}: (\S+)\nname {16}: compute-1/.exec(input.outputs.find((o) => o.step === 'sb-gateways')?.stdout ?? '')?.[1] ?? '';
  return [
    input,
    { ...input, outputs: [] },
    ...steps.map((s) => ({ ...input, outputs: input.outputs.filter((o) => o.step !== s) })),
    ...steps.map((s) => ({ ...input, outputs: input.outputs.map((o) => (o.step === s ? { ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' } : o)) })),
    ...steps.map((s) => ({ ...input, outputs: input.outputs.map((o) => (o.step === s ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: 'database connection failed' } : o)) })),
    replaceIn(input, 'sb-gateways', (s) => s.replace(anyChassis, 'chassis             : []').replace('chassis             : []', `chassis             : ${firstChassis}`)),
    replaceIn(input, 'sb-gateways', (s) => s.replace(/name {16}: compute-(\d)\n/g, 'name                : gone-$1\n')),
    replaceIn(input, 'sb-gateways', (s) => s.replace(/name {16}: compute-2\n/, 'name                : gone-2\n').replace('chassis             : []', `chassis             : ${firstChassis}`)),
    replaceIn(input, 'sb-gateways', (s) => s.replace(anyChassis, 'chassis             : []')),
    // BFD up everywhere: failed over for another reason; bound nowhere with one chassis gone.
    replaceIn(replaceIn(input, 'sb-gateways', (s) => s.replace('chassis             : []', `chassis             : ${firstChassis}`)), 'bfd', (s) => s.replace(/remote_state=down, state=down/g, 'remote_state=up, state=up')),
    replaceIn(replaceIn(input, 'sb-gateways', (s) => s.replace(/name {16}: compute-2\n/, 'name                : gone-2\n')), 'bfd', (s) => s.replace(/remote_state=down, state=down/g, 'remote_state=up, state=up')),
    // Many sessions down.
    replaceIn(input, 'bfd', (s) => s + [3, 4, 5, 6].map((n) => `\nname                : ovn-x-${n}\noptions             : {remote_ip="10.9.9.${n}"}\nbfd_status          : {forwarding="false", state=down}\n`).join('')),
    replaceIn(input, 'sb-gateways', (s) => s.replace(/== Port_Binding\n[\s\S]*== end/, '== Port_Binding\n== end')),
    replaceIn(input, 'nb-gateways', (s) => s.replace(/== Logical_Router_Port\n[\s\S]*?== Logical_Router\n/, '== Logical_Router_Port\n== Logical_Router\n')),
    replaceIn(input, 'sb-gateways', (s) => s.replace('== end\n', '')),
    replaceIn(input, 'ovn-controller-log', (s) => s + [90, 60, 30].map((x, i) => `${at(x)}|0090${i}|binding|INFO|Claiming lport cr-lrp-0e6ebefd-0357-4bfe-9d75-6d0d036e32a4 for this chassis.\n`).join('')),
    replaceIn(input, 'ovs-vswitchd-log', (s) => s + [900, 600, 300].map((x, i) => `${at(x)}|0090${i}|bfd(handler1)|INFO|ovn-comput-0: BFD state change: up->down "No Diagnostic"->"Control Detection Time Expired".\n`).join('')),
    replaceIn(input, 'ovs-vswitchd-log', (s) => `${s}${at(60)}|00901|bfd(handler1)|INFO|ovn-comput-0: BFD state change: up->down "No Diagnostic"->"Control Detection Time Expired".\n`),
  ];
}

describe('ovn-gateway finding texts', () => {
  for (const scenario of readdirSync(join(dir, 'fixtures'))) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, 'fixtures', scenario)))) for (const f of analyzeOutputs({ def, analyze }, input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(ovnGatewayTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
