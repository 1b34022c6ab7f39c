import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { classify, parseController } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const sev = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.evidence[0]?.node ?? '']);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const editOut = (input: AnalyzerInput, node: string, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.node === node ? { ...o, stdout: f(o.stdout) } : o)) });

/** `n` lines of the form `make(i)`, dated `i` minutes before the node clock of `stdout`, inserted before its `== last:`. */
function withLines(stdout: string, n: number, make: (at: string, i: number) => string): string {
  const now = Number(/== now: (\d+)/.exec(stdout)?.[1] ?? 0);
  const lines = Array.from({ length: n }, (_, i) => make(new Date((now - (n - i) * 60) * 1000).toISOString(), i));
  return stdout.replace('== last: ', `${lines.join('\n')}\n== last: `);
}

describe('ovn-controller-log', () => {
  it('the healthy light lab: connected, the start-up claims counted once each (the lab writes every line twice), one ok', () => {
    const input = load('lab-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['ovn-controller-log.quiet', 'ok', 'compute-1']]);
    expect(fs[0]?.title).toBe('ovn-controller on 2 node(s): connected, no flapping port, SB drop or slow recompute in its log');
    expect(parseController(input.outputs[0]?.stdout ?? '').events.filter((e) => e.kind === 'claim')).toHaveLength(3);
    verbatim(input, fs);
  });

  it('ovn-chassis-missing in the lab: not running is critical, explained by ovn-health, with what the log says (nothing about stopping)', () => {
    const input = load('lab-chassis-missing');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['ovn-controller-log.not-running', 'critical', 'compute-2'],
      ['ovn-controller-log.quiet', 'ok', 'compute-1'],
    ]);
    const [down] = fs;
    expect(down?.explainedBy).toEqual(['ovn.controller-not-running']);
    expect(down?.title).toBe('compute-2: ovn-controller is not running (from its log: how it stopped)');
    expect(down?.explanation).toContain('Its log says nothing about stopping; the last line read is "2026-12-05T12:48:58.589Z|00034|memory_trim|INFO|Detected inactivity');
    expect(down?.evidence[0]?.lines).toEqual([
      'ovn-appctl: cannot read pidfile "/tmp/stackscope-lab-9hFpGK/compute-2/ovs/ovn-controller.pid" (No such file or directory)',
      '== last: 2026-12-05T12:48:58.589Z|00034|memory_trim|INFO|Detected inactivity (last active 30009 ms ago): trimming memory',
    ]);
    verbatim(input, fs);
  });

  it('ovn-chassis-missing on kolla: the stopped container is said as not running (critical, explained by ovn-health), not as an unread log', () => {
    const input = load('lab-kolla-chassis-missing');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['ovn-controller-log.not-running', 'critical', 'compute-2'],
      ['ovn-controller-log.quiet', 'ok', 'compute-1'],
    ]);
    expect(fs[0]?.explainedBy).toEqual(['ovn.controller-not-running']);
    expect(fs[0]?.explanation).toContain('Its container is not running');
    expect(fs[0]?.evidence[0]?.lines).toEqual(['Error response from daemon: Container 9f10bb8cb968d7a477b182d8edcf0d0e79df30a4b15449fcdf3ebf603d85aeb2 is not running']);
    verbatim(input, fs);
  });

  it('stopped by a signal: the log line that says so, and its time', () => {
    const input = editOut(load('lab-chassis-missing'), 'compute-2', (s) =>
      s.replace('== last: ', '2026-12-05T13:00:58.100Z|00036|fatal_signal|WARN|terminating with signal 15 (Terminated)\n== last: '),
    );
    const down = analyze(input)[0];
    expect(down?.explanation).toContain('Its log says it stopped at 2026-12-05T13:00:58Z: "2026-12-05T13:00:58.100Z|00036|fatal_signal|WARN|terminating with signal 15 (Terminated)".');
    expect(down?.likelyCause).toContain('Someone or something stopped it');
  });

  it('running but not connected: critical, explained by ovn-health, quoting the last connection line', () => {
    const input = editOut(load('public-hotsos-sb-dropped'), 'compute-1', (s) => s.replace('== connection-status\nconnected\n', '== connection-status\nnot connected\n').replace(/\n[^\n]*ssl:10\.130\.11\.131:6642: connect[^\n]*/g, ''));
    const fs = analyze(input);
    const down = fs.find((f) => f.check === 'ovn-controller-log.disconnected');
    expect(down?.severity).toBe('critical');
    expect(down?.explainedBy).toEqual(['ovn.controller-disconnected']);
    expect(down?.explanation).toContain('"2022-02-17T04:35:36.278Z|368570|reconnect|INFO|ssl:10.130.12.66:6642: connection attempt timed out"');
    verbatim(input, fs);
  });

  it('hotsos: one SB drop in 6 h is info; a 28.7 s poll interval makes it slow (warning)', () => {
    const input = load('public-hotsos-sb-dropped');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['ovn-controller-log.sb-connection', 'info', 'compute-1'],
      ['ovn-controller-log.slow', 'warning', 'compute-1'],
    ]);
    expect(fs[0]?.explanation).toContain('its connection to ssl:10.130.13.120:6642 dropped');
    expect(fs[1]?.title).toBe('compute-1: ovn-controller was slow to compute its flows (worst 28734 ms)');
    verbatim(input, fs);
  });

  it('three SB drops or probes in 6 h are a warning; a probe names its own cause', () => {
    const input = editOut(load('lab-healthy'), 'compute-1', (s) =>
      withLines(s, 3, (at, i) => (i === 0 ? `${at}|0010${i}|reconnect|ERR|tcp:198.18.6.13:6642: no response to inactivity probe after 5 seconds, disconnecting` : `${at}|0010${i}|reconnect|WARN|tcp:198.18.6.13:6642: connection dropped (Connection reset by peer)`)),
    );
    const sb = analyze(input).find((f) => f.check === 'ovn-controller-log.sb-connection');
    expect([sb?.severity, sb?.title]).toEqual(['warning', 'compute-1: ovn-controller lost the southbound connection 3 time(s) in 6 h']);
    expect(sb?.likelyCause).toContain('ovn-remote-probe-interval');
    verbatim(input, [sb as Finding]);
  });

  it('ovn-org/ovn#261: an 88 s handler and poll interval after a migration claim is slow (warning), one claim is no flapping', () => {
    const input = load('public-ovn-261-slow-handler');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['ovn-controller-log.slow', 'warning', 'compute-1']]);
    expect(fs[0]?.explanation).toContain('1 engine run(s) over 500 ms and 1 long poll interval(s)');
    expect(fs[0]?.explanation).toContain('Engine nodes: physical_flow_output.');
    verbatim(input, fs);
  });

  it('the same lport claimed and released 6 times in the hour flaps (warning), 5 times does not', () => {
    const port = 'fe4cbc80-18d7-57a5-abf4-61c85ea7ff1d';
    const flap = (n: number) =>
      editOut(load('lab-healthy'), 'compute-1', (s) =>
        withLines(s, n, (at, i) => (i % 2 ? `${at}|0020${i}|binding|INFO|Claiming lport ${port} for this chassis.` : `${at}|0020${i}|binding|INFO|Releasing lport ${port} from this chassis (sb_readonly=0)`)),
      );
    // With the lab's own start-up claim of the port, 4 minutes before the node clock: 5 + 1 events.
    const fs = analyze(flap(5)).filter((f) => f.check === 'ovn-controller-log.port-flapping');
    expect(fs.map((f) => [f.severity, f.title])).toEqual([['warning', `compute-1: port ${port} claimed and released 6 times in 1 h`]]);
    expect(fs[0]?.explanation).toContain(`claimed ${port} 3 time(s) and released it 3 time(s)`);
    expect(fs[0]?.nextStep).toContain(`ovn-sbctl find Port_Binding logical_port=${port}`);
    expect(analyze(flap(4)).filter((f) => f.check === 'ovn-controller-log.port-flapping')).toEqual([]);
  });

  it('a localport released 10 times in the hour and never claimed does not flap (the lab logged it when its router gateway moved)', () => {
    const port = '909e79b6-391c-4ec4-acf1-2195fd0100ef';
    const input = editOut(load('lab-healthy'), 'compute-1', (s) => withLines(s, 10, (at, i) => `${at}|0040${i}|binding|INFO|Releasing lport ${port} from this chassis (sb_readonly=0)`));
    expect(analyze(input).filter((f) => f.check === 'ovn-controller-log.port-flapping')).toEqual([]);
  });

  it('a port changing chassis 3 times in a day is churn (warning); OpenFlow errors warn from 3', () => {
    const input = editOut(load('lab-healthy'), 'compute-1', (s) =>
      withLines(s, 6, (at, i) => (i < 3 ? `${at}|0030${i}|binding|INFO|Changing chassis for lport p9 from compute-2 to compute-1.` : `${at}|0030${i}|ofctrl|INFO|OpenFlow error: OFPT_ERROR (OF1.5) (xid=0x${i}): OFPBAC_BAD_OUT_GROUP`)),
    );
    const fs = analyze(input);
    expect(sev(fs).filter(([c]) => c !== 'ovn-controller-log.quiet')).toEqual([
      ['ovn-controller-log.chassis-churn', 'warning', 'compute-1'],
      ['ovn-controller-log.openflow-error', 'warning', 'compute-1'],
    ]);
    verbatim(input, fs);
  });

  it('a console-only log is could-not-check for the log, while the connection state is still judged', () => {
    const input = editOut(load('lab-healthy'), 'compute-2', (s) => s.replace(/== log: [\s\S]*$/, '== log: none (ovn-controller runs without --log-file: it logs to its console)\n'));
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.status])).toEqual([
      ['ovn-controller-log.quiet', 'OK'],
      ['ovn-controller-log.log', 'SKIPPED'],
    ]);
    expect(fs[0]?.explanation).toBe('Connected to the southbound database; log lines read per node: compute-1 (76).');
  });

  it('classify: bindings, SB reconnect lines by what they say, engine runs', () => {
    expect(classify('2024-10-15T11:47:08.682Z|05640|binding|INFO|Claiming lport d24279d0 for this additional chassis.')).toMatchObject({ kind: 'claim', subject: 'd24279d0' });
    expect(classify('2026-12-05T12:48:26.147Z|00007|reconnect|INFO|tcp:198.18.6.13:6642: connecting...')).toBeNull();
    expect(classify('2026-12-05T12:48:26.147Z|00007|reconnect|INFO|tcp:198.18.6.13:6642: connection closed by peer')).toMatchObject({ kind: 'sb-dropped', subject: 'tcp:198.18.6.13:6642' });
    expect(classify('2026-12-05T12:48:26.147Z|00007|inc_proc_eng|INFO|node: logical_flow_output, recompute (forced) took 731ms')).toMatchObject({ kind: 'recompute', ms: 731 });
    expect(classify('2026-12-05T12:48:26.147Z|00007|binding|INFO|web-1-port: Claiming fa:16:3e:00:00:01 10.0.0.11')).toBeNull();
  });
});
