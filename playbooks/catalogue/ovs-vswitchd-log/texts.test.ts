import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ovsVswitchdLogTexts } from '../../../main/shared/finding-texts/ovs-vswitchd-log.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding ovs-vswitchd-log emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });
  return [
    input,
    { ...input, outputs: [] },
    edit((s) => s.replace(/== log: [^\n]*/, '== log: none (no readable ovs-vswitchd.log)').replace(/== exit: 0/, '== exit: 1')),
    // No clock (every line counts, undated), many lines read, and every kind the fixtures may lack.
    edit((s) =>
      s
        .replace(/== now: [^\n]*\n/, '')
        .replace(/^\d{4}-\d\d-\d\dT\S+?\|/gm, '|')
        .replace(/== read: \d+ lines/, '== read: 20000 lines')
        .replace(
          /== last: /,
          [
            '2026-12-05T08:00:00.000Z|00001|ofproto_dpif_upcall(handler1)|WARN|upcall: datapath reached the dynamic limit of 2000 flows.',
            '2026-12-05T08:00:01.000Z|00002|ofproto_dpif_upcall(revalidator5)|WARN|Spent an unreasonably long 2400ms dumping flows',
            '2026-12-05T08:00:02.000Z|00003|netdev_linux|WARN|Dropped 12 log messages in last 60 seconds (most recently, 1 seconds ago) due to excessive rate',
            '2026-12-05T08:00:03.000Z|00004|util|EMER|lib/dp-packet.h:123: assertion x failed in f()',
            '2026-12-05T08:00:04.000Z|00005|bridge|WARN|could not open network device tapzz (No such device)',
            '2026-12-05T08:00:05.000Z|00006|bridge|WARN|could not open network device tapzz (No such device)',
            '2026-12-05T08:00:06.000Z|00007|bridge|WARN|could not open network device tapzz (No such device)',
            '2026-12-05T08:00:07.000Z|00008|timeval|WARN|Unreasonably long 900ms poll interval',
            '== last: ',
          ].join('\n'),
        )
        .replace(/lost:\d+\n(?![\s\S]*again)/, 'lost:0\n'),
    ),
    // Dated by the node's clock: one EMER line (seen once), slow dumps, the read cut short of 24 h,
    // a datapath at its flow limit and a lost counter that grows between the two looks.
    edit((s) => {
      const now = Number(/== now: (\d+)/.exec(s)?.[1] ?? 0);
      const at = (k: number): string => new Date((now - 60 + k) * 1000).toISOString();
      const dated = [`${at(1)}|00001|util|EMER|lib/dp-packet.h:123: assertion x failed in f()`, ...[2, 3, 4].map((k) => `${at(k)}|0000${k}|ofproto_dpif_upcall(revalidator5)|WARN|Spent an unreasonably long 2400ms dumping flows`)];
      return s
        .replace(/== first: [^\n]*/, `== first: ${at(0)}|00000|vlog|INFO|opened log file`)
        .replace(/== last: /, `${dated.join('\n')}\n== last: `)
        .replace(/== read: \d+ lines/, '== read: 20000 lines')
        .replace(/\(current \d+\)(.*)\(limit \d+\)/, '(current 9500)$1(limit 10000)')
        .replace(/(again\n[^\n]*\n {2}lookups: hit:\d+ missed:\d+ lost:)(\d+)/, (_m, a: string, n: string) => `${a}${Number(n) + 5}`);
    }),
  ];
}

describe('ovs-vswitchd-log finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(ovsVswitchdLogTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
