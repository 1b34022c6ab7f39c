import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sysctlSettingsTexts } from '../../../main/shared/finding-texts/sysctl-settings.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding sysctl-settings emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });
  return [
    input,
    { ...input, outputs: [] },
    edit(() => 'garbage\n'),
    // The kernel-wide table small again, its overflows since boot still counted.
    edit((s) => s.replace(/^== arp_cache: [0-9a-f]{8}/m, '== arp_cache: 00000010')),
    // No kernel-wide statistics (a node's own namespace): this namespace's entries near gc_thresh3.
    edit((s) => s.replace(/^== arp_cache: .*\n/gm, '').replace(/^== neigh: \d+/m, '== neigh: 1000')),
  ];
}

describe('sysctl-settings finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(sysctlSettingsTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
