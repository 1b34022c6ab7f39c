import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiErrorsTexts } from '../../../main/shared/finding-texts/api-errors.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding api-errors emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });
  return [
    input,
    { ...input, outputs: [] },
    edit(() => '== now: 1796473200 +0000\n== source: none (no haproxy on this node)\n'),
    edit(() => '== now: 1796473200 +0000\n== source: none (haproxy pid 1 runs here, but no log file or journal was found)\n'),
    edit((s) => s.replace(/^hour .*\n/gm, '')),
    // A blip: 3 requests without a server.
    edit((s) => s.replace('hour glance_api 05/Dec/2026:03 6 6 6', 'hour glance_api 05/Dec/2026:03 3 3 3')),
    // Two hours without a server; read 2.5 h later, so no request in the last hour.
    edit((s) => s.replace('hour glance_api 05/Dec/2026:03 6 6 6', 'hour glance_api 05/Dec/2026:03 6 6 6\nhour glance_api 05/Dec/2026:04 2 2 2').replace(/^== now: (\d+)/m, (_x, n: string) => `== now: ${Number(n) + 9000}`)),
  ];
}

describe('api-errors finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(apiErrorsTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
