import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { firstWrite } from '../../engine/log-read.js';
import { classify, parseVswitchd } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const sev = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.evidence[0]?.node ?? '']);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const editOut = (input: AnalyzerInput, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });

describe('ovs-vswitchd-log', () => {
  it('the healthy light lab: one ok for both computes, with the log read and the datapath counters as evidence', () => {
    const input = load('lab-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['ovs-vswitchd.quiet', 'ok', 'compute-1']]);
    expect(fs[0]?.title).toBe('ovs-vswitchd on 2 node(s): no stall, flow-limit hit, lost upcall or missing device in 24 h');
    expect(fs[0]?.evidence[1]?.lines).toEqual(['== log: /tmp/stackscope-lab-9hFpGK/compute-2/log/ovs-vswitchd.log', '== read: 108 lines, matched: 0', '  lookups: hit:0 missed:0 lost:0']);
    verbatim(input, fs);
  });

  it('hotsos long poll intervals: three in the day (worst 13189 ms, mostly in the kernel) warn; a tap that vanished once is info', () => {
    const input = load('public-hotsos-long-poll');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['ovs-vswitchd.poll-interval', 'warning', 'compute-1'],
      ['ovs-vswitchd.missing-device', 'info', 'compute-1'],
    ]);
    const [poll, device] = fs;
    expect(poll?.title).toBe('compute-1: ovs-vswitchd stalled 3 time(s) in 24 h (worst 13189 ms)');
    expect(poll?.explanation).toContain('(threads: main, handler22)');
    expect(poll?.explanation).toContain('0 ms in user space and 10459 ms in the kernel');
    expect(poll?.explanation).toContain('preempted up to 40 times');
    expect(poll?.evidence[0]?.lines[0]).toBe('2022-02-10T19:12:22.232Z|13903|timeval|WARN|Unreasonably long 13189ms poll interval (0ms user, 10459ms system)');
    expect(poll?.nextStep).toContain('top -H -p $(pidof ovs-vswitchd)');
    expect(device?.explanation).toContain('tap6a0486f9-82');
    verbatim(input, fs);
  });

  it('hotsos lost upcalls: a lost counter that did not grow in 2 s and 6 lost-packet lines (below 10) are info, not a warning', () => {
    const input = load('public-hotsos-lost-upcalls');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['ovs-vswitchd.lost-upcalls', 'info', 'compute-4']]);
    expect(fs[0]?.title).toBe('compute-4: 54691089 upcalls lost since the datapath was created (not growing now)');
    expect(fs[0]?.explanation).toContain('6 "lost packet on port channel" line(s)');
    verbatim(input, fs);
  });

  it('a lost counter that grows between the two looks is a warning, naming both values', () => {
    const input = editOut(load('public-hotsos-lost-upcalls'), (s) => s.replace(/(again\n[^\n]*\n {2}lookups: hit:\d+ missed:\d+ lost:)54691089/, '$154691311'));
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['ovs-vswitchd.lost-upcalls', 'warning', 'compute-4']]);
    expect(fs[0]?.title).toBe('compute-4: the datapath is losing upcalls');
    expect(fs[0]?.explanation).toContain('system@ovs-system: lost grew from 54691089 to 54691311 in 2 seconds');
    expect(fs[0]?.evidence[0]?.lines.slice(0, 2)).toEqual(['  lookups: hit:39017272903 missed:137481120 lost:54691089', '  lookups: hit:39017280112 missed:137481187 lost:54691311']);
    verbatim(input, fs);
  });

  it('the lab port without a device: seen once it is info (ovs-health has the port error); three times it is a stale port, explained by ovs-health', () => {
    const input = load('lab-port-missing-device');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['ovs-vswitchd.missing-device', 'info', 'compute-1'],
      ['ovs-vswitchd.quiet', 'ok', 'compute-2'],
    ]);
    // The lab writes each message twice (console and file): one event.
    expect(parseVswitchd(input.outputs[0]?.stdout ?? '').events).toHaveLength(1);
    verbatim(input, fs);

    const line = '2026-12-05T12:59:57.013Z|00059|bridge|WARN|could not open network device tapabb30a54-f3 (No such device)';
    const again = editOut(input, (s) => s.replace(`${line}\n`, `${line}\n${line.replace('12:59:57.013Z|00059', '13:00:01.100Z|00061')}\n${line.replace('12:59:57.013Z|00059', '13:00:02.100Z|00064')}\n`));
    const stale = analyze(again).filter((f) => f.check === 'ovs-vswitchd.missing-device');
    expect(stale.map((f) => [f.severity, f.title, f.explainedBy])).toEqual([['warning', 'compute-1: OVS keeps a port whose device tapabb30a54-f3 is gone (3 times in 24 h)', ['ovs.interface-error']]]);
    expect(stale[0]?.nextStep).toContain('ovs-vsctl --columns=name,error,external_ids list Interface tapabb30a54-f3');

    // ethtool's `No such device` in the same second is the same attempt, not a second one.
    const ethtool = '2026-12-05T12:59:57.020Z|00060|netdev_linux|WARN|ethtool command ETHTOOL_GFLAGS on network device tapabb30a54-f3 failed: No such device';
    const twice = editOut(input, (s) => s.replace(`${line}\n`, `${line}\n${ethtool}\n${line.replace('12:59:57.013Z|00059', '13:00:01.100Z|00061')}\n`));
    expect(analyze(twice).filter((f) => f.check === 'ovs-vswitchd.missing-device').map((f) => f.severity)).toEqual(['info']);
  });

  it('lines older than 24 h by the node clock are not counted', () => {
    const input = editOut(load('public-hotsos-long-poll'), (s) => s.replace('== now: 1644559200', '== now: 1644659200'));
    expect(sev(analyze(input))).toEqual([['ovs-vswitchd.quiet', 'ok', 'compute-1']]);
  });

  it('a console-only or unreadable log is could-not-check, never ok; the datapath is still judged', () => {
    const input = editOut(load('lab-healthy'), (s) => s.replace(/== log: [^\n]*/, '== log: none (ovs-vswitchd runs without --log-file: it logs to its console)'));
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.status])).toEqual([['ovs-vswitchd.log', 'SKIPPED']]);
    expect(fs[0]?.explanation).toContain('compute-1: none (ovs-vswitchd runs without --log-file: it logs to its console)');
    expect(fs[0]?.explanation).toContain('kubectl logs');
  });

  it('flow limit from upcall/show: current flows at 90 % of the limit warn', () => {
    const input = editOut(load('lab-healthy'), (s) => s.replace('(current 0) (avg 0) (max 0) (limit 10000)', '(current 9200) (avg 8000) (max 9990) (limit 10000)'));
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['ovs-vswitchd.flow-limit', 'warning', 'compute-1'],
      ['ovs-vswitchd.flow-limit', 'warning', 'compute-2'],
    ]);
    expect(fs[0]?.explanation).toContain('Now: 9200 flows of a limit of 10000 (the last dump took 1 ms).');
  });

  it('classify: the vswitchd lines hotsos looks for, and the ones it does not', () => {
    expect(classify('2026-12-05T08:00:00.000Z|00001|ofproto_dpif_upcall(handler1)|WARN|upcall: datapath reached the dynamic limit of 2000 flows.')?.kind).toBe('flow-limit');
    expect(classify('2026-12-05T08:00:00.000Z|00002|netdev_linux|WARN|ethtool command ETHTOOL_GFLAGS on network device tap1 failed: No such device')).toMatchObject({ kind: 'missing-device', subject: 'tap1' });
    expect(classify('2026-12-05T08:00:00.000Z|00003|netdev_linux|INFO|Dropped 7 log messages in last 60 seconds (most recently, 3 seconds ago) due to excessive rate')).toMatchObject({ kind: 'dropped-logs', value: 7, subject: 'netdev_linux' });
    expect(classify('2026-12-05T08:00:00.000Z|00004|timeval(revalidator5)|WARN|Unreasonably long 1500ms poll interval')).toMatchObject({ kind: 'poll', value: 1500, subject: 'revalidator5' });
    expect(classify('2026-12-05T08:00:00.000Z|00005|bridge|INFO|bridge br-int: added interface tap1 on port 3')).toBeNull();
    const seen = new Set<string>();
    expect([firstWrite('2026-12-05T08:00:00Z|00009|x|WARN|y', seen), firstWrite('2026-12-05T08:00:00.120Z|00009|x|WARN|y', seen), firstWrite('2026-12-05T08:00:01.120Z|00009|x|WARN|y', seen)]).toEqual([true, false, true]);
  });
});
