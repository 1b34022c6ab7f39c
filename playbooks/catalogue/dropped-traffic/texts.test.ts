import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { droppedTrafficTexts } from '../../../main/shared/finding-texts/dropped-traffic.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding dropped-traffic emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string, step: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout, o.step) })) });
  // The one conversation copied onto twelve more nodes: ten are named, the rest counted.
  const many: AnalyzerInput = { ...input, outputs: [...input.outputs, ...Array.from({ length: 12 }, (_, i) => input.outputs.filter((o) => o.step === 'datapath').map((o) => ({ ...o, node: `${o.node}-copy-${i}` }))).flat()] };
  return [input, { ...input, outputs: [] }, edit((s, step) => (step === 'ports' ? '' : s)), many];
}

describe('dropped-traffic finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(droppedTrafficTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
