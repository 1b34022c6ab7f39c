import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ovnControllerLogTexts } from '../../../main/shared/finding-texts/ovn-controller-log.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding ovn-controller-log emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

/** Lines of every kind, dated a few minutes before `now` (so every window holds them). */
function everyKind(now: number): string[] {
  const at = (s: number): string => new Date((now - 600 + s) * 1000).toISOString();
  const port = (i: number): string[] => [`${at(i)}|0${i}|binding|INFO|Claiming lport p1 for this chassis.`, `${at(i)}|1${i}|binding|INFO|Releasing lport p1 from this chassis (sb_readonly=0)`];
  return [
    ...[1, 2, 3].flatMap(port),
    ...[4, 5, 6].flatMap((i) => port(i).map((l) => l.replace(/p1/g, 'p2'))),
    ...[7, 8, 9].map((i) => `${at(i)}|2${i}|binding|INFO|Changing chassis for lport p3 from compute-9 to compute-1.`),
    ...[7, 8, 9].map((i) => `${at(i)}|3${i}|binding|INFO|Changing chassis for lport p4 from compute-9 to compute-1.`),
    `${at(10)}|00040|reconnect|ERR|tcp:198.18.0.11:6642: no response to inactivity probe after 5 seconds, disconnecting`,
    `${at(11)}|00041|reconnect|WARN|tcp:198.18.0.11:6642: connection dropped (Connection reset by peer)`,
    `${at(12)}|00042|reconnect|INFO|tcp:198.18.0.12:6642: connection closed by peer`,
    ...[13, 14, 15].map((i) => `${at(i)}|4${i}|ofctrl|INFO|OpenFlow error: OFPT_ERROR (OF1.5) (xid=0x1${i}): OFPBAC_BAD_OUT_GROUP`),
    `${at(16)}|00050|inc_proc_eng|INFO|node: lflow_output, recompute (forced) took 900ms`,
    `${at(17)}|00051|util|EMER|controller/binding.c:100: assertion x failed in f()`,
  ];
}

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });
  const now = (s: string): number => Number(/== now: (\d+)/.exec(s)?.[1] ?? 0);
  return [
    input,
    { ...input, outputs: [] },
    // Not running: with the log's signal line, with only its last line, and with no log at all.
    edit((s) => s.replace(/== connection-status\n[^\n]*\n== exit: 0/, '== connection-status\novn-appctl: cannot read pidfile\n== exit: 1').replace(/== last: /, `${new Date(now(s) * 1000).toISOString()}|09999|fatal_signal|WARN|terminating with signal 15 (Terminated)\n== last: `)),
    edit((s) => s.replace(/== connection-status\n[^\n]*\n== exit: 0/, '== connection-status\novn-appctl: cannot read pidfile\n== exit: 1')),
    edit((s) => s.replace(/== connection-status\n[^\n]*\n== exit: 0/, '== connection-status\novn-appctl: cannot read pidfile\n== exit: 1').replace(/== log: [\s\S]*$/, '== log: none (no readable ovn-controller.log)\n')),
    // Running but not connected: with and without a connection line in the log.
    edit((s) => s.replace(/== connection-status\n[^\n]*\n/, '== connection-status\nnot connected\n')),
    edit((s) => s.replace(/== connection-status\n[^\n]*\n/, '== connection-status\nnot connected\n').replace(/\n[^\n]*\|reconnect\|[^\n]*/g, '')),
    // Every kind at once, many lines read (partial), and the same without a clock.
    edit((s) => s.replace(/== last: /, `${everyKind(now(s)).join('\n')}\n== last: `).replace(/== first: [^\n]*/, `== first: ${new Date((now(s) - 3000) * 1000).toISOString()}|00001|vlog|INFO|opened log file`).replace(/== read: \d+ lines/, '== read: 20000 lines')),
    edit((s) => s.replace(/== last: /, `${everyKind(now(s)).join('\n').replace(/no response to inactivity probe after 5 seconds, disconnecting/, 'connection dropped (Broken pipe)')}\n== last: `)),
    edit((s) => s.replace(/== now: [^\n]*\n/, '').replace(/\|reconnect\|[^\n]*connected\n/g, '\n')),
  ];
}

describe('ovn-controller-log finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(ovnControllerLogTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
