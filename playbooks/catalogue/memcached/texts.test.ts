import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memcachedTexts } from '../../../main/shared/finding-texts/memcached.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding memcached emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string, node: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout, o.node) })) });
  const first = input.outputs[0]?.node;
  return [
    input,
    { ...input, outputs: [] },
    edit(() => ''),
    edit(() => '== tcp\n== udp\n== none\n'),
    edit((s, node) => (node === first ? '== tcp\n== udp\n== none\n' : s)),
    // Near the limit without refusals; evictions from a fuller past; no bash or nc.
    edit((s) =>
      s
        .replace(/^STAT listen_disabled_num \d+$/m, 'STAT listen_disabled_num 0')
        .replace(/^STAT curr_connections \d+$/m, 'STAT curr_connections 1000')
        .replace(/^STAT maxconns \d+$/m, 'STAT maxconns 1024')
        .replace(/^STAT evictions \d+$/m, 'STAT evictions 3')
        .replace(/== end (\S+) (\S+) exit \d+\n/, 'sh: 1: nc: not found\n== end $1 $2 exit 127\n'),
    ),
    edit((s) => s.replace(/^STAT curr_connections \d+$/m, 'STAT curr_connections 1').replace(/^STAT listen_disabled_num \d+$/m, 'STAT listen_disabled_num 0').replace(/^STAT evictions \d+$/m, 'STAT evictions 0').replace(/^STAT udpport \d+$/m, 'STAT udpport 0').replace(/^UNCONN .*\n/m, '')),
  ];
}

describe('memcached finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(memcachedTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
