import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogEndpointsTexts } from '../../../main/shared/finding-texts/catalog-endpoints.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding catalog-endpoints emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();
const text = (input: AnalyzerInput, fn: (t: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: fn(o.stdout) })) });
const listErrors = ['Missing value auth-url required for auth plugin password', 'The request you have made requires authentication. (HTTP 401)', 'Unable to establish connection to http://198.18.1.10:5000/v3/auth/tokens', 'something else'];

function variants(input: AnalyzerInput): AnalyzerInput[] {
  return [
    input,
    text(input, (t) => t.replace(/-> \d{3} /g, '-> 500 ')),
    text(input, (t) => t.replace(/-> \d{3} ([\d.]+s) curl=0 insecure=-$/gm, '-> 000 $1 curl=6 insecure=- curl: (6) Could not resolve host: cloud.example.org')),
    text(input, (t) => t.replace(/-> \d{3} ([\d.]+s) curl=0 insecure=-$/gm, '-> 000 $1 curl=60 insecure=401 curl: (60) SSL: no alternative certificate subject name matches target host name 198.18.1.9')),
    text(input, (t) => t.replace(/-> \d{3} ([\d.]+s) curl=0 insecure=-$/gm, '-> 000 $1 curl=7 insecure=- curl: (7) Failed to connect to 198.18.1.10 port 5000 after 1 ms: Connection refused')),
    text(input, (t) => t.replace(/^(ep \S+ \S+ \S+) ->.*$/gm, '$1 disabled')),
    text(input, (t) => t.replace(/-> \d{3} ([\d.]+s) curl=0 insecure=-$/gm, '-> 000 $1 curl=60 insecure=300 curl: (60) SSL certificate problem: unable to get local issuer certificate')),
    text(input, () => '== no-catalog admin_token http://198.18.1.11:8778\n'),
    ...listErrors.map((err): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode: 3, stdout: '== list failed\n', stderr: `${err}\n` })) })),
  ];
}

describe('catalog-endpoints finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const v of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(v)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(catalogEndpointsTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
