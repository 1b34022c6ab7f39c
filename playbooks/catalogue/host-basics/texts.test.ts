import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostBasicsTexts } from '../../../main/shared/finding-texts/host-basics.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding host-basics emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });
  return [
    input,
    { ...input, outputs: [] },
    edit(() => ''),
    // Busy but not overloaded, zombies, systemctl refusing, df failing, memory fine with old swap.
    edit((s) =>
      s
        .replace(/^== loadavg: .*$/m, '== loadavg: 20.00 20.00 20.00 1/1 1')
        .replace(/^total (\d+) D \d+ Z \d+$/m, 'total $1 D 0 Z 80')
        .replace(/== systemd: not running/, '== systemctl --failed\nFailed to connect to bus: No such file or directory\n== systemctl exit: 1')
        .replace(/(== df -P [^\n]*\n)(?:[^=][^\n]*\n)*/, '$1df: /var/lib/mysql: Stale file handle\n'),
    ),
    edit((s) => s.replace(/^== loadavg: .*$/m, '== loadavg: 0.50 0.40 0.30 1/1 1').replace(/^SwapTotal: .*$/m, 'SwapTotal: 1000 kB').replace(/^SwapFree: .*$/m, 'SwapFree: 100 kB')),
  ];
}

describe('host-basics finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(hostBasicsTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
