import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployments } from '../../../main/contract/types.js';
import { ovnHealthTexts } from '../../../main/shared/finding-texts/ovn-health.js';
import { localizeFinding } from '../../../main/shared/finding-texts/index.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, StepOutput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding ovn-health emits, over every captured scenario and every deployment flavour,
 * carries its texts as messages: they render to exactly the English it stores, and to Korean.
 */
const dir = join(import.meta.dirname, 'fixtures');
const scenarios = readdirSync(dir);


describe('ovn-health finding texts', () => {
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
    for (const id of ['ovn-health.reachable.title', 'ovn-health.unreachable.title', 'ovn-health.raft-no-leader.title', 'ovn-health.raft-member-down.title', 'ovn-health.raft-member-unreachable.title', 'ovn-health.raft-healthy.title.on', 'ovn-health.raft-standalone.title', 'ovn-health.raft-stale-members.title', 'ovn-health.chassis-missing.title', 'ovn-health.chassis-registered.title', 'ovn-health.controller-not-running.title', 'ovn-health.controller-connected.title']) {
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
      yield text((s) => s.replace(/connected/g, 'not connected'));
      yield text((s) => s.replace(/last msg \d+ ms/g, 'last msg 99999 ms'));
      yield text((s) => s.replace(/Role: \w+/g, 'Role: candidate').replace(/Leader: \S+/g, 'Leader: unknown'));
      yield text((s) => s.replace(/Leader: self/g, 'Leader: abcd'));
      yield set({ stderr: 'ovn-appctl: "cluster/status" is not a valid command', state: 'failed', exitCode: 2 });
      yield set({ stderr: 'unknown cluster', state: 'failed', exitCode: 2 });
      yield text((s) => s.replace(/hostname {12}: compute-2/g, 'hostname            : compute-1'));
      yield text((s) => s.replace(/(Servers:)/, 'Adding server abcd (tcp:198.18.2.14:6643 at tcp:198.18.2.14:6643): catchup\n$1'));
    }
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
    const titles = Object.keys(ovnHealthTexts).filter((id) => /\.title(\.|$)/.test(id));
    expect(titles.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('a check that could not be made gives its reason in Korean too', () => {
    const input = loadFixture(join(dir, 'lab-healthy'));
    const controllersOnly = { ...input, nodes: input.nodes.filter((n) => n.roles.includes('controller')) };
    const f = analyze(controllersOnly).find((x) => x.check === 'ovn.chassis-registered');
    expect(f?.status).toBe('SKIPPED');
    if (!f) return;
    expectFindingTexts(f, 'controllers only');
    expect(localizeFinding({ ...f, skippedReason: f.skippedReason ?? null }, 'ko')).toMatchObject({
      title: 'Chassis 등록',
      skippedReason: '대상에 compute나 network 노드가 없어 Chassis 테이블에서 찾아볼 노드가 없습니다.',
    });
  });

  it('shows what a node printed as it is, in both languages: placeholders and replacement patterns in output are not expanded', () => {
    const input = loadFixture(join(dir, 'lab-healthy'));
    const hostile = '{node} $& $1 <img src=x onerror=alert(1)>';
    const outputs = input.outputs.map((o) => (o.step === 'controller-connection' && o.node === 'compute-1' ? { ...o, stdout: `${hostile}\n` } : o));
    const f = analyze({ ...input, outputs }).find((x) => x.check === 'ovn.controller-disconnected');
    expect(f?.explanation).toBe(`ovn-controller on compute-1 reports \`${hostile}\`. It keeps the flows it has, but no change (new ports, migrations, security group updates) reaches this node.`);
    if (!f) return;
    expectFindingTexts(f, 'hostile');
    expect(localizeFinding({ ...f, skippedReason: null }, 'ko').explanation).toContain(`compute-1의 ovn-controller가 \`${hostile}\`를 보고합니다.`);
  });
});
