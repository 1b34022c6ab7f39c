import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseHost } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const sev = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.evidence[0]?.node ?? '']);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
/** The same fixture with every node's output edited. */
const edit = (input: AnalyzerInput, f: (s: string, node: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout, o.node) })) });

describe('host-basics', () => {
  it('the practice lab: five nodes that are one host, said once; the machine\'s overload is said once as the machine\'s, not counted against the cluster', () => {
    const input = load('lab-shared-host-busy');
    const fs = analyze(input);
    expect(bad(fs)).toEqual([]);
    const loadFs = fs.filter((f) => f.check === 'host.load');
    expect(loadFs.map((f) => f.severity)).toEqual(['info']);
    expect(loadFs[0]?.title).toBe('compute-1, compute-2, controller-1 and 2 more is busy: load 22.40 (15 min) on 2 core(s)');
    expect(loadFs[0]?.explanation).toContain('11.2 per core, above the warning level (4 per core over 5 and 15 minutes). But 5 nodes of this cluster run on this one kernel (boot id 9a9adc28)');
    expect(fs.filter((f) => f.status === 'SKIPPED')).toEqual([]);
    const ok = fs.find((f) => f.check === 'host.basics');
    expect(ok?.title).toBe('Disk, memory, load and processes within limits on 5 node(s) (1 host(s))');
    expect(ok?.explanation).toContain('50.9% memory available');
    expect(fs.find((f) => f.check === 'host.failed-units')?.title).toBe('No systemd on compute-1, compute-2, controller-1 and 2 more: no units to check');
    verbatim(input, fs);
  });

  it('the same lab on a quiet machine: no warning at all', () => {
    const input = edit(load('lab-shared-host-busy'), (s) => s.replace(/^== loadavg: .*$/m, '== loadavg: 1.10 0.95 0.80 2/700 23521'));
    const fs = analyze(input);
    expect(bad(fs)).toEqual([]);
    expect(fs.find((f) => f.check === 'host.basics')?.explanation).toContain('load 0.80 (15 min) on 2 core(s)');
  });

  it('Kolla: a full instance volume is critical, a Docker volume at 95 % and its inodes warn, a short compute pages; each mount named once', () => {
    const input = load('public-kolla-disk-memory');
    const fs = analyze(input);
    expect(sev(bad(fs))).toEqual([
      ['host.disk', 'warning', 'cmp-1'],
      ['host.disk', 'critical', 'cmp-1'],
      ['host.disk', 'warning', 'ctl-1'],
      ['host.inodes', 'warning', 'cmp-1'],
      ['host.memory', 'warning', 'cmp-1'],
      ['host.swap', 'warning', 'cmp-1'],
    ]);
    const titles = bad(fs).map((f) => f.title);
    expect(titles).toContain('/var/lib/nova/instances is 96% full on cmp-1');
    expect(titles).toContain('/ is 93% full on ctl-1');
    expect(titles).toContain('Only 6.4% of memory available on cmp-1 (16.0 GiB of 251.6 GiB)');
    // cmp-2 swaps 76 % but has a third of its memory free: old pages, info.
    expect(fs.find((f) => f.check === 'host.swap' && f.evidence[0]?.node === 'cmp-2')?.severity).toBe('info');
    // / is asked for /, /var/log (and on ctl-1 /var/lib/docker): one mount, no finding for each folder.
    expect(fs.filter((f) => f.check === 'host.disk' && f.evidence[0]?.node === 'ctl-1')).toHaveLength(1);
    expect(fs.find((f) => f.check === 'host.basics')?.title).toBe('Disk, memory, load and processes within limits on 3 node(s) (3 host(s))');
    verbatim(input, fs);
  });

  it('packages: load above 4 per core over 5 and 15 min warns, memory below 5 % is critical, D-state and failed units warn; an empty --failed is fine', () => {
    const input = load('public-systemd-failed-load');
    const fs = analyze(input);
    expect(sev(bad(fs))).toEqual([
      ['host.load', 'warning', 'ctl-1'],
      ['host.memory', 'critical', 'ctl-1'],
      ['host.d-state', 'warning', 'ctl-1'],
      ['host.failed-units', 'warning', 'ctl-1'],
    ]);
    const [loadF, , dState, units] = bad(fs);
    expect(loadF?.title).toBe('Load 35.02 (15 min) on 8 core(s) on ctl-1: 4.4 per core');
    expect(loadF?.evidence[0]?.lines).toEqual(['== cores: 8', '== loadavg: 41.20 38.77 35.02 12/1733 2288190']);
    expect(dState?.evidence[0]?.lines[1]).toBe('D: mysqld(1422) jbd2/vdb1-8(611) rsync(2288001) nova-conductor(3111) nova-conductor(3112)');
    expect(units?.title).toBe('ctl-1: 2 failed systemd unit(s) (nova-scheduler.service, neutron-metadata-agent.service)');
    expect(units?.nextStep).toContain('systemctl status nova-scheduler.service');
    expect(fs.filter((f) => f.status === 'SKIPPED')).toEqual([]);
    verbatim(input, fs);
  });

  it('load between 2 and 4 per core, or above 4 over 15 min but no longer over 5, is info, not a warning', () => {
    const input = load('public-systemd-failed-load');
    const busy = analyze(edit(input, (s) => s.replace('41.20 38.77 35.02', '30.00 25.00 20.00')));
    expect(busy.find((f) => f.check === 'host.load')).toMatchObject({ severity: 'info', title: 'ctl-1 is busy: load 20.00 (15 min) on 8 core(s)' });
    const easing = analyze(edit(input, (s) => s.replace('41.20 38.77 35.02', '4.00 20.00 35.02')));
    expect(easing.find((f) => f.check === 'host.load')?.severity).toBe('info');
  });

  it('systemctl that fails where systemd runs is could-not-check for the units, never ok', () => {
    const input = edit(load('public-systemd-failed-load'), (s) => s.replace(/== systemctl --failed\n(?:[^=][^\n]*\n)*== systemctl exit: 0/, '== systemctl --failed\nFailed to connect to bus: Connection refused\n== systemctl exit: 1'));
    const fs = analyze(input);
    const units = fs.filter((f) => f.check === 'host.failed-units');
    expect(units.map((f) => [f.status, f.evidence[0]?.lines[0]])).toEqual([
      ['SKIPPED', 'Failed to connect to bus: Connection refused'],
      ['SKIPPED', 'Failed to connect to bus: Connection refused'],
    ]);
    verbatim(input, fs);
  });

  it('a node that printed nothing is could-not-check; one whose df timed out says which part was not read', () => {
    const input = load('public-systemd-failed-load');
    const fs = analyze(edit(input, (s, node) => (node === 'ctl-2' ? '' : s.replace(/== df -P [^\n]*\n(?:[^=][^\n]*\n)*/, '== df -P / /var/log /var/lib/mysql\ndf: /var/lib/mysql: Stale file handle\n'))));
    const skippedTitles = fs.filter((f) => f.status === 'SKIPPED').map((f) => f.title);
    expect(skippedTitles).toEqual(['Could not read disk on ctl-1', 'Could not read the host figures on ctl-2']);
    expect(fs.some((f) => f.severity === 'ok' && f.explanation.includes('ctl-2'))).toBe(false);
  });

  it('parses df rows whose mount point has spaces and inode columns of `-` (no inodes to count)', () => {
    const h = parseHost('== df -P /\nFilesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sdb1 100 90 10 90% /mnt/my disk\n== df -Pi /\nFilesystem Inodes IUsed IFree IUse% Mounted on\nbtrfs0 - - - - /\n');
    expect(h.disk).toEqual([{ fs: '/dev/sdb1', pct: 90, mount: '/mnt/my disk', line: '/dev/sdb1 100 90 10 90% /mnt/my disk' }]);
    expect(h.inodes[0]?.pct).toBeNull();
  });
});
