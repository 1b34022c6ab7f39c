import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kernelLogTexts } from '../../../main/shared/finding-texts/kernel-log.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding kernel-log emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });
  return [
    input,
    { ...input, outputs: [] },
    edit((s) => s.replace(/== source: [^\n]*\n(?:(?!== )[^\n]*\n)*== read: \d+ lines[^\n]*\n/g, '').concat('== source: none\n')),
    // Undated lines (times the parser cannot read), and more matches than the script prints.
    edit((s) => s.replace(/^\d{4}-\d\d-\d\dT\S+ /gm, '').replace(/^[A-Z][a-z]{2} +\d+ [\d:]+ /gm, '').replace(/matched: (\d+)/g, 'matched: 2500').replace(/== now: \d+\n/, '')),
  ];
}

describe('kernel-log finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(kernelLogTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
