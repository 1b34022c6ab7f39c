import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { classify, lineTime, parseKernelLog } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const sev = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.evidence[0]?.node ?? '']);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);

describe('kernel-log', () => {
  it('the practice lab (dmesg fallback, nothing to report): one ok for all nodes, no warning', () => {
    const input = load('lab-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['kernel.quiet', 'ok', 'compute-1']]);
    expect(fs[0]?.title).toBe('No OOM kill, hung task, conntrack drop or NIC reset in 24 h on 5 node(s)');
    expect(fs[0]?.explanation).toContain('controller-3 (dmesg --time-format iso, ');
    expect(fs[0]?.evidence.map((e) => e.lines[0])).toEqual(Array(5).fill('== source: dmesg --time-format iso'));
    verbatim(input, fs);
  });

  it('OOM kills: a killed VM is critical, a cgroup kill of a side process a warning; hung tasks warn; each counted with first and last time', () => {
    const input = load('public-oom-journal');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['kernel.oom-kill', 'critical', 'cmp-1'],
      ['kernel.hung-task', 'warning', 'cmp-1'],
      ['kernel.oom-kill', 'warning', 'cmp-2'],
      ['kernel.quiet', 'ok', 'ctl-1'],
    ]);
    const [vm, hung, side] = fs;
    expect(vm?.title).toBe('cmp-1: the OOM killer killed 1 process(es) in 24 h (qemu-system-x86)');
    expect(vm?.explanation).toContain('at 2026-12-05T03:12:44Z');
    expect(vm?.explanation).toContain('an instance or a cluster member went down');
    expect(vm?.evidence[0]?.lines).toEqual([
      '2026-12-05T03:12:44+0000 cmp-1 kernel: Out of memory: Killed process 48213 (qemu-system-x86) total-vm:17361724kB, anon-rss:16532412kB, file-rss:0kB, shmem-rss:4kB, UID:64055 pgtables:33128kB oom_score_adj:0',
    ]);
    expect(hung?.title).toBe('cmp-1: 2 task(s) blocked for minutes (jbd2/dm-0-8, qemu-system-x86)');
    expect(hung?.explanation).toContain('first at 2026-12-05T07:40:02Z, last at 2026-12-05T07:42:03Z');
    expect(side?.explanation).toContain('inside a memory cgroup');
    expect(side?.likelyCause).toContain('MemoryMax=');
    verbatim(input, fs);
  });

  it('dmesg: conntrack full and a NIC reset warn, a link down 3 times flaps, once is info, and a line older than 24 h is not counted', () => {
    const input = load('public-conntrack-nic-dmesg');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([
      ['kernel.conntrack-full', 'warning', 'net-1: connection-tracking table full, packets dropped (3 times)'],
      ['kernel.nic-reset', 'warning', 'net-1: NIC transmit timeouts or resets on eno1 (2)'],
      ['kernel.link-down', 'warning', 'net-1: link eno2 is flapping (3 times down in 24 h)'],
      ['kernel.link-down', 'info', 'net-1: link eno3 went down 1 time(s) in 24 h'],
    ]);
    expect(fs[0]?.nextStep).toContain('nf_conntrack_max');
    expect(fs[3]?.evidence[0]?.lines).toEqual(['2026-12-05T09:01:00,500000+00:00 e1000e 0000:00:1f.6 eno3: NIC Link is Down']);
    verbatim(input, fs);
  });

  it('kern.log in syslog format: dated in the node’s year, windowed by the node’s clock', () => {
    const input = load('public-kernlog-syslog');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([
      ['kernel.hung-task', 'warning', 'compute4: 1 task(s) blocked for minutes (DataXceiver for)'],
      ['kernel.conntrack-full', 'warning', 'compute4: connection-tracking table full, packets dropped (2 times)'],
    ]);
    verbatim(input, fs);
  });

  it('no source gave a line: could not check (info), never ok', () => {
    const input = load('lab-healthy');
    const none = { ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: '== now: 1796464157\n== source: journalctl -k --since "24 hours ago"\n== read: 0 lines, matched: 0\n== source: none\n' })) };
    const fs = analyze(none);
    expect(fs.map((f) => [f.check, f.status])).toEqual([['kernel.log', 'SKIPPED']]);
    expect(fs[0]?.title).toBe('Could not read the kernel log on compute-1, compute-2, controller-1, controller-2, controller-3');
    expect(bad(fs)).toEqual([]);
    verbatim(none, fs);
  });

  it('reads the three timestamp forms and the kinds', () => {
    expect(lineTime('2026-12-05T03:12:44+0000 cmp-1 kernel: x', null)).toBe(Date.parse('2026-12-05T03:12:44Z') / 1000);
    expect(lineTime('2026-12-05T02:14:51,381204+01:00 x', null)).toBe(Date.parse('2026-12-05T01:14:51Z') / 1000);
    // December's lines read on January 2nd belong to last year.
    expect(lineTime('Dec 31 23:00:00 h kernel: x', Date.parse('2027-01-02T00:00:00Z') / 1000)).toBe(Date.parse('2026-12-31T23:00:00Z') / 1000);
    expect(classify('kernel: INFO: task kworker/u16:2:1234 blocked for more than 122 seconds.')).toMatchObject({ kind: 'hung', subject: 'kworker/u16:2', pid: '1234' });
    expect(classify('mlx5_core 0000:5e:00.0 ens1f0np0: Link down')).toMatchObject({ kind: 'link-down', subject: 'ens1f0np0' });
    expect(classify('qemu-system-x86 invoked oom-killer: gfp_mask=0x140cca')).toBeNull();
    expect(parseKernelLog('== now: 5\n== source: none\n').read).toBe(0);
  });
});
