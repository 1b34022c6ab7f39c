import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseSync, spreadOf } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);

/**
 * The clock steps as the core gives them: each with its start and end by Stackscope's clock. `at`
 * says when (Stackscope's seconds) the node read its clock; the round trip is `rtt` around it.
 */
function timed(input: AnalyzerInput, at: Record<string, number>, rtt = 0.04): AnalyzerInput {
  return {
    ...input,
    outputs: input.outputs.map((o) => {
      const t = at[o.node];
      if (o.step !== 'clock' || t === undefined) return o;
      return { ...o, startedAt: new Date((t - rtt / 2) * 1000).toISOString(), endedAt: new Date((t + rtt / 2) * 1000).toISOString() };
    }),
  };
}
const readAt = (input: AnalyzerInput): Record<string, number> => Object.fromEntries(input.outputs.filter((o) => o.step === 'clock').map((o) => [o.node, Number(o.stdout.trim())]));

describe('clock-sync', () => {
  it('the practice lab: no time daemon is "could not check" (info), the spread is info without step times; nothing ok about sync, nothing alarming', () => {
    const input = load('lab-no-daemon');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['clock.sync-daemon', 'info'],
      ['clock.spread', 'info'],
    ]);
    expect(fs[0]?.status).toBe('SKIPPED');
    expect(fs[0]?.title).toBe('Could not check time sync on compute-1, compute-2, controller-1, controller-2, controller-3: no chronyd/ntpd/timesyncd');
    expect(fs[0]?.evidence[0]?.lines).toEqual(['chronyc: not installed', 'ntpq: not installed', "timedatectl: System has not been booted with systemd as init system (PID 1). Can't operate."]);
    expect(fs[1]?.title).toMatch(/^Clock readings of 5 nodes differ by \d+ ms \(not corrected for timing\)$/);
    verbatim(input, fs);
  });

  it('the practice lab with the core’s step times: one shared clock, the spread is ok', () => {
    const input = load('lab-no-daemon');
    // Each node read its clock when its step ran (the readings themselves, by the shared clock).
    const fs = analyze(timed(input, readAt(input)));
    const [spread] = fs.filter((f) => f.check === 'clock.spread');
    expect(spread?.severity).toBe('ok');
    // Stackscope's step times have ms resolution: a shared clock shows as a spread of a millisecond or two.
    expect(spread?.title).toMatch(/^The clocks of 5 nodes agree \(spread [0-2] ms\)$/);
    expect(bad(fs)).toEqual([]);
  });

  it('chrony synchronised everywhere: one ok finding with the largest offset', () => {
    const input = load('public-chrony-synced');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['clock.sync', 'ok'],
      ['clock.spread', 'info'],
    ]);
    expect(fs[0]?.title).toBe('Clocks synchronised on 3 node(s)');
    expect(fs[0]?.explanation).toContain('The largest offset is 2 ms.');
    verbatim(input, fs);
  });

  it('chrony unsynchronised and 7 s fast is critical; 1.8 s behind is a warning; the synced node stays ok', () => {
    const input = load('public-chrony-unsynced');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['clock.unsynchronised', 'critical'],
      ['clock.offset', 'warning'],
      ['clock.sync', 'ok'],
      ['clock.spread', 'info'],
    ]);
    expect(fs[0]?.title).toBe('ctl-1: the clock is not synchronised (chronyd)');
    expect(fs[0]?.explanation).toContain('It reports the clock 7.20 s off.');
    expect(fs[0]?.evidence[0]?.lines).toEqual(['Reference ID    : 00000000 ()', 'System time     : 7.204153061 seconds fast of NTP time', 'Leap status     : Not synchronised']);
    expect(fs[1]?.title).toBe('ctl-2: the clock is 1.81 s behind');
    expect(fs[1]?.nextStep).toContain('chronyc -n sources');
    verbatim(input, fs);
  });

  it('the spread with step times names the node apart from the others, proven beyond the round trip', () => {
    const input = load('public-chrony-unsynced');
    // All three read their clocks at the same true moment (Stackscope time = ctl-3's reading).
    const t = Number(input.outputs.find((o) => o.node === 'ctl-3' && o.step === 'clock')?.stdout.trim());
    const fs = analyze(timed(input, { 'ctl-1': t, 'ctl-2': t, 'ctl-3': t }, 0.2));
    const [spread] = fs.filter((f) => f.check === 'clock.spread');
    expect(spread?.severity).toBe('critical');
    expect(spread?.title).toBe("ctl-1's clock is 7.15 s ahead of the other nodes");
    expect(spread?.explanation).toContain('they spread over 8.99 s, at least 8.79 s for certain');
    verbatim(input, fs);
    // A late start is not a skew: ctl-1 read its clock 7.2 s later by Stackscope's clock too.
    const late = analyze(timed(input, { 'ctl-1': t + 7.153, 'ctl-2': t - 1.833, 'ctl-3': t }, 0.2)).find((f) => f.check === 'clock.spread');
    expect(late?.severity).toBe('ok');
    // Long round trips that overlap prove nothing: no warning.
    const slow = analyze(timed(input, { 'ctl-1': t, 'ctl-2': t, 'ctl-3': t }, 20)).find((f) => f.check === 'clock.spread');
    expect(slow?.severity).toBe('ok');
  });

  it('ntpd synchronised is ok; timedatectl NTPSynchronized=no is a warning', () => {
    const input = load('public-ntpq-timedatectl');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['clock.unsynchronised', 'warning'],
      ['clock.sync', 'ok'],
      ['clock.spread', 'info'],
    ]);
    expect(fs[0]?.title).toBe('compute-1: the clock is not synchronised (systemd (timedatectl))');
    expect(fs[1]?.explanation).toContain('controller-1 (ntpd)');
    verbatim(input, fs);
  });

  it('parses the offset sign and reads ntpq offsets in ms', () => {
    expect(parseSync('== chronyc -n tracking\nSystem time     : 0.5 seconds slow of NTP time\nLeap status     : Normal\n').offsetSec).toBe(-0.5);
    expect(parseSync('== ntpq -pn\n*192.0.2.10      .GPS.            1 u   33   64  377    0.412    -2500.0   0.018\n').offsetSec).toBe(-2.5);
    expect(parseSync('== ntpq -pn\n 192.0.2.10      .INIT.          16 u    -   64    0    0.000    0.000   0.000\n').synchronised).toBe(false);
    expect(spreadOf([{ node: 'a', at: 0, line: '0', lo: 0, hi: 1 }])).toBeNull();
  });
});
