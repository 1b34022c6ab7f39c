import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseMemcached } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const sev = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.evidence[0]?.node ?? '']);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const edit = (input: AnalyzerInput, f: (s: string, node: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout, o.node) })) });

describe('memcached', () => {
  it('Kolla: full and evicting, at the connection limit, UDP on, and a hung one: each named with its lines', () => {
    const input = load('public-kolla-evictions-udp');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['memcached.evictions', 'warning', 'ctl-1'],
      ['memcached.connections', 'warning', 'ctl-1'],
      ['memcached.udp', 'warning', 'ctl-2'],
      ['memcached.answers', 'warning', 'ctl-3'],
    ]);
    const [ev, conns, udp, silent] = fs;
    expect(ev?.title).toBe('memcached on ctl-1 (10.0.0.11:11211) evicted 18234 item(s)');
    expect(ev?.explanation).toContain('(63.2 MiB of 64.0 MiB, 98.8%');
    expect(ev?.evidence[0]?.lines).toEqual(['STAT evictions 18234', 'STAT bytes 66270114', 'STAT limit_maxbytes 67108864', 'STAT uptime 3888000']);
    expect(conns?.title).toBe('memcached on ctl-1 (10.0.0.11:11211) hit its connection limit');
    expect(conns?.explanation).toContain('3950 of 4096 connections are open (96.4%');
    expect(conns?.evidence[0]?.lines).toContain('STAT maxconns 4096');
    expect(udp?.evidence[0]?.lines).toEqual(['STAT udpport 11211', 'UNCONN 0      0      10.0.0.12:11211      0.0.0.0:*    users:(("memcached",pid=1933,fd=27))']);
    expect(silent?.explanation).toContain('(exit 124)');
    verbatim(input, fs);
  });

  it('a real memcached 1.6.18 with the lab\'s command line: one ok, UDP off', () => {
    const input = load('host-kolla-cmdline-healthy');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([['memcached.stats', 'ok', '1 memcached instance(s) answering within limits']]);
    expect(fs[0]?.explanation).toContain('controller-1 127.0.0.1:11211: memcached 1.6.18, 1 of 1024 connections, 0% of its memory used.');
    verbatim(input, fs);
  });

  it('the install guide\'s memcached near its default 1024 connections: a warning before it refuses anyone', () => {
    const input = load('public-install-guide-near-maxconns');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([['memcached.connections', 'warning', 'memcached on controller (10.0.0.11:11211) has 941 of 1024 connections in use']]);
    expect(fs[0]?.explanation).toContain('(91.9%; a warning from 90%)');
    verbatim(input, fs);
  });

  it('evictions with room to spare are info (a fuller past), and a healthy instance is ok', () => {
    const input = edit(load('public-kolla-evictions-udp'), (s) => s.replace('STAT bytes 66270114', 'STAT bytes 20000000').replace('STAT curr_connections 3950', 'STAT curr_connections 100').replace('STAT listen_disabled_num 12', 'STAT listen_disabled_num 0'));
    const fs = analyze({ ...input, outputs: input.outputs.filter((o) => o.node === 'ctl-1') });
    expect(sev(fs)).toEqual([
      ['memcached.evictions', 'info', 'ctl-1'],
      ['memcached.stats', 'ok', 'ctl-1'],
    ]);
    expect(fs[1]?.explanation).toContain('ctl-1 10.0.0.11:11211: memcached 1.6.9, 100 of 4096 connections, 29.8% of its memory used.');
  });

  it('the light lab: no memcached on its controllers, said as info', () => {
    const input = load('lab-light-none');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([['memcached.present', 'info', 'No memcached listening on controller-1, controller-2, controller-3']]);
    verbatim(input, fs);
  });

  it('no memcached on any controller is info "not here"; on some of them, the others are named', () => {
    const input = load('public-kolla-evictions-udp');
    const none = edit(input, () => '== tcp\n== udp\n== none\n');
    expect(analyze(none).map((f) => [f.check, f.severity, f.title])).toEqual([['memcached.present', 'info', 'No memcached listening on ctl-1, ctl-2, ctl-3']]);
    const one = edit(input, (s, node) => (node === 'ctl-3' ? '== tcp\n== udp\n== none\n' : s));
    const present = analyze(one).find((f) => f.check === 'memcached.present');
    expect(present?.explanation).toContain('Other controllers run memcached, but nothing listens here (ctl-3)');
  });

  it('no bash and no nc on the node: could not check, never a memcached problem', () => {
    const input = edit(load('public-kolla-evictions-udp'), (s, node) => (node === 'ctl-3' ? s.replace('== end 10.0.0.13 11211 exit 124', 'sh: 1: nc: not found\n== end 10.0.0.13 11211 exit 127') : s));
    const f = analyze(input).find((x) => x.evidence[0]?.node === 'ctl-3');
    expect(f).toMatchObject({ status: 'SKIPPED', title: 'Could not ask memcached on ctl-3 (10.0.0.13:11211): no bash or nc there' });
  });

  it('splits `stats` from `stats settings` (both have an `evictions` line)', () => {
    const f = parseMemcached('== tcp\nLISTEN 0 1024 127.0.0.1:11211 0.0.0.0:*\n== udp\n== stats 127.0.0.1 11211\nSTAT evictions 5\nEND\nSTAT evictions on\nSTAT maxconns 10\nEND\n== end 127.0.0.1 11211 exit 0\n');
    expect(f.instances[0]?.stats).toEqual({ evictions: '5' });
    expect(f.instances[0]?.settings).toEqual({ evictions: 'on', maxconns: '10' });
    expect(f.instances[0]?.exit).toBe(0);
  });
});
