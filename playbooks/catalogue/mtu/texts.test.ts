import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mtuTexts } from '../../../main/shared/finding-texts/mtu.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding mtu emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string, step: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout, o.step) })) });
  return [
    input,
    { ...input, outputs: [] },
    edit((s, step) => (step === 'networks' ? '' : s)),
    edit((s, step) => (step === 'encaps' ? '== encaps\n== chassis (exit 1)\n' : s)),
    edit((s) => s.replace(/ neutron:mtu=\d+/g, '')),
    // Every network too large, and the tunnel addresses gone from the computes.
    edit((s) => s.replace(/neutron:mtu=\d+/g, 'neutron:mtu=9000')),
    edit((s, step) => (step === 'links' ? '== addr\n== mtu\n' : s)),
    edit((s) => s.replace(/bond0\.200 9000/, 'bond0.200 1500')),
  ];
}

describe('mtu finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(mtuTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
