import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployments } from '../../../main/contract/types.js';
import { ovsHealthTexts } from '../../../main/shared/finding-texts/ovs-health.js';
import { localizeFinding } from '../../../main/shared/finding-texts/index.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, StepOutput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding ovs-health emits, over every captured scenario and every deployment flavour,
 * carries its texts as messages: they render to exactly the English it stores, and to Korean.
 */
const dir = join(import.meta.dirname, 'fixtures');
const scenarios = readdirSync(dir);


describe('ovs-health finding texts', () => {
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      const input = loadFixture(join(dir, scenario));
      for (const deployment of deployments) {
        for (const f of analyze({ ...input, deployment })) {
          expectFindingTexts(f, scenario);
          if (f.text) seen.add(f.text.title.id);
        }
      }
    });
  }

  it('the scenarios reach the main findings a trainee meets', () => {
    for (const id of ['ovs-health.node-healthy.title', 'ovs-health.tunnel-mesh.title', 'ovs-health.interface-error.title.no-device', 'ovs-health.dead-vlan.title', 'ovs-health.br-int-missing.title', 'ovs-health.provider-bridge-missing.title', 'ovs-health.tunnel-missing.both.title']) {
      expect([...seen], id).toContain(id);
    }
  });

  /** Each output broken the ways a cluster breaks it, to reach the rarer findings: they too render fully in Korean. */
  function* variants(input: AnalyzerInput): Generator<AnalyzerInput> {
    for (let i = 0; i < input.outputs.length; i++) {
      const o = input.outputs[i] as StepOutput;
      const set = (p: Partial<StepOutput>): AnalyzerInput => ({ ...input, outputs: input.outputs.map((x, j) => (j === i ? { ...x, ...p } : x)) });
      const text = (edit: (s: string) => string): AnalyzerInput => set({ stdout: edit(o.stdout) });
      yield set({ state: 'failed', exitCode: 1 });
      yield set({ stdout: '' });
      yield { ...input, outputs: input.outputs.filter((_x, j) => j !== i) };
      for (const k of [2, 3, 5]) yield text((s) => s.split('\n').filter((_l, j) => j % k !== 0).join('\n'));
      yield text((s) => s.replace(/tag: \d+/g, 'tag: 4095').replace(/is_connected: true/g, ''));
      yield text((s) => s.replace(/\(No such device\)/g, '(Operation not permitted)'));
      yield text((s) => s.replace(/error\s*:\s*"[^"]*"/g, 'error               : []'));
    }
    // A third chassis that no other node has a tunnel to.
    const third = input.outputs.filter((o) => o.node === 'compute-1').map((o) => ({ ...o, node: 'compute-9', stdout: o.stdout.replace(/ovn-encap-ip="[^"]*"/, 'ovn-encap-ip="198.18.2.199"') }));
    if (third.length) yield { ...input, outputs: [...input.outputs, ...third] };
  }

  it('the rarer findings render fully in Korean too, and the variants reach every title in the table', () => {
    for (const scenario of scenarios) {
      const input = loadFixture(join(dir, scenario));
      for (const v of [input, { ...input, nodes: input.nodes.filter((n) => n.roles.includes('controller')) }, ...variants(input)]) {
        for (const f of analyze(v)) {
          expectFindingTexts(f, `${scenario} (variant)`);
          if (f.text) seen.add(f.text.title.id);
        }
      }
    }
    const titles = Object.keys(ovsHealthTexts).filter((id) => /\.title(\.|$)/.test(id));
    expect(titles.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('a check that could not be made gives its reason in Korean too', () => {
    const input = loadFixture(join(dir, 'lab-healthy'));
    const [f, ...rest] = analyze({ ...input, outputs: [] });
    expect(rest).toEqual([]);
    expect(f?.status).toBe('SKIPPED');
    if (!f) return;
    expectFindingTexts(f, 'no output');
    expect(localizeFinding({ ...f, skippedReason: f.skippedReason ?? null }, 'ko')).toMatchObject({ title: 'Open vSwitch 상태', skippedReason: '`ovs-vsctl show` 출력을 돌려준 노드가 없어 아무것도 확인하지 못했습니다.' });
  });

  it('shows the error OVS printed as it is, in both languages: placeholders and replacement patterns in it are not expanded', () => {
    const input = loadFixture(join(dir, 'lab-port-missing-device'));
    const hostile = '{node} $& $1 <img src=x onerror=alert(1)>';
    const outputs = input.outputs.map((o) => ({ ...o, stdout: o.stdout.replace(/could not open network device tapabb30a54-f3 \(No such device\)/g, () => hostile) }));
    const f = analyze({ ...input, outputs }).find((x) => x.check === 'ovs.interface-error');
    expect(f?.explanation.startsWith(`OVS reports \`${hostile}\` for tapabb30a54-f3 on compute-1.`)).toBe(true);
    if (!f) return;
    expectFindingTexts(f, 'hostile');
    expect(localizeFinding({ ...f, skippedReason: null }, 'ko').explanation).toContain(`OVS가 compute-1의 tapabb30a54-f3에 대해 \`${hostile}\`를 보고합니다.`);
  });
});
