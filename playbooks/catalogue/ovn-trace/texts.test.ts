import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployments } from '../../../main/contract/types.js';
import { ovnTraceTexts } from '../../../main/shared/finding-texts/ovn-trace.js';
import { localizeFinding } from '../../../main/shared/finding-texts/index.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, StepOutput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding ovn-trace emits, over every captured scenario and every deployment flavour,
 * carries its texts as messages: they render to exactly the English it stores, and to Korean.
 */
const dir = join(import.meta.dirname, 'fixtures');
const scenarios = readdirSync(dir);


describe('ovn-trace finding texts', () => {
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
    for (const id of ['ovn-trace.delivered.title', 'ovn-trace.security-group-drop.title', 'ovn-trace.leaves-ovn.title', 'ovn-trace.destination-unknown.title', 'ovn-trace.source-not-found.title', 'ovn-trace.input.title']) {
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
      yield text((s) => s.replace(/neutron_pg_drop/g, 'pg_aaaa_bbbb'));
      yield text((s) => (s.includes('== ovn-trace ==') ? s.slice(0, s.indexOf('== ovn-trace ==') + 16) : s));
      yield text((s) => s.replace(/neutron:security_group_name=\S+/g, ''));
      for (const e of ['source is ambiguous', 'no router port on the network', 'bad params']) yield text((s) => s.replace(/^error=.*$/m, () => `error=${e}`));
      yield text((s) => s.replace(/(ls_\w+)_acl\w*/g, '$1_l2_lkup').replace(/pg_/g, 'xx_'));
      for (const stage of ['ip_routing', 'admission', 'port_sec']) yield text((s) => s.replace(/acl/g, stage));
      yield text((s) => s.replace(/output to "([^"]*)"/g, 'output to "zzz"').replace(/^(destination_(lsp|port_name)=).*$/gm, '$1'));
      yield text((s) => s.replace(/output to "([^"]*)"/g, 'output to "zzz"'));
      yield text((s) => s.replace(/output to "([^"]*)"/g, 'output to "bastion-port"'));
      yield text((s) => s.replace(/output to "([^"]*)"/g, 'output to "bastion-port"').replace(/^(\s*)next;$/m, '$1reject {'));
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
    const titles = Object.keys(ovnTraceTexts).filter((id) => /\.title(\.|$)/.test(id));
    expect(titles.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('a trace that did not run gives its reason in Korean too', () => {
    const input = loadFixture(join(dir, 'lab-healthy-ssh'));
    const [f, ...rest] = analyze({ ...input, outputs: [] });
    expect(rest).toEqual([]);
    expect(f?.status).toBe('SKIPPED');
    if (!f) return;
    expectFindingTexts(f, 'no output');
    expect(localizeFinding({ ...f, skippedReason: f.skippedReason ?? null }, 'ko').skippedReason).toBe('trace 단계가 어느 컨트롤러에서도 끝나지 않아 패킷에 대한 판정을 내릴 수 없습니다.');
  });

  it('keeps names first in titles and UUIDs in the body, in Korean as in English', () => {
    const input = loadFixture(join(dir, 'lab-acl-drop-ssh'));
    const [f] = analyze(input);
    expect(f?.check).toBe('ovn-trace.security-group-drop');
    if (!f) return;
    const ko = localizeFinding({ ...f, skippedReason: null }, 'ko');
    for (const title of [f.title, ko.title]) expect(title).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(ko.title).toMatch(/^bastion-port \(10\.0\.0\.13\) → db-1-port \(10\.0\.0\.12\) tcp\/22이\(가\) Neutron 기본 drop에 막힘/);
    expect(ko.explanation).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('shows a port name as it is, in both languages: placeholders and replacement patterns in it are not expanded', () => {
    const input = loadFixture(join(dir, 'lab-healthy-ssh'));
    const hostile = '{what}$&$1<b>x</b>';
    const outputs = input.outputs.map((o) => ({ ...o, stdout: o.stdout.replace(/^source_port_name=.*$/m, () => `source_port_name=${hostile}`) }));
    const [f] = analyze({ ...input, outputs });
    expect(f?.title).toBe(`tcp/22 from ${hostile} (10.0.0.13) to db-1-port (10.0.0.12) is delivered`);
    if (!f) return;
    expectFindingTexts(f, 'hostile');
    expect(localizeFinding({ ...f, skippedReason: null }, 'ko').title).toBe(`${hostile} (10.0.0.13) → db-1-port (10.0.0.12) tcp/22 전달됨`);
  });
});
