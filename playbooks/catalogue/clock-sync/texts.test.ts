import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockSyncTexts } from '../../../main/shared/finding-texts/clock-sync.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding clock-sync emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const clocks = input.outputs.filter((o) => o.step === 'clock');
  const at = (i: number, skew: number): Pick<AnalyzerInput['outputs'][number], 'startedAt' | 'endedAt'> => {
    const t = Number(clocks[0]?.stdout.trim() ?? 0) + i * 0.001 - (i === 1 ? skew : 0);
    return { startedAt: new Date((t - 0.01) * 1000).toISOString(), endedAt: new Date((t + 0.01) * 1000).toISOString() };
  };
  const withTimes = (skew: number): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.step === 'clock' ? { ...o, stdout: clocks[0]?.stdout ?? '', ...at(clocks.indexOf(o), skew) } : o)) });
  return [input, withTimes(0), withTimes(2), withTimes(-9), { ...input, outputs: [] }, { ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: 'garbage\n' })) }];
}

describe('clock-sync finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('unsynchronised ntpd and a large ntpd offset render too', () => {
    const input = loadFixture(join(dir, 'public-ntpq-timedatectl'));
    for (const sync of ['== ntpq -pn\n 192.0.2.10      .INIT.          16 u    -   64    0    0.000    0.000   0.000\n', '== ntpq -pn\n*192.0.2.10      .GPS.            1 u   33   64  377    0.412    -2500.0   0.018\n', '== timedatectl show\nNTP=yes\nNTPSynchronized=yes\n']) {
      for (const f of analyze({ ...input, outputs: input.outputs.map((o) => (o.step === 'sync' ? { ...o, stdout: sync } : o)) })) expectFindingTexts(f, sync, used);
    }
  });

  it('together they use every message of the table', () => {
    expect(Object.keys(clockSyncTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
