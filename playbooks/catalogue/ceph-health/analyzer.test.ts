import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseHealth, whyNoReport } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const run = (scenario: string): Finding[] => analyze(loadFixture(join(dir, scenario)));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (scenario: string, fs: Finding[]): void => expect(evidenceNotInOutput(loadFixture(join(dir, scenario)), fs), scenario).toEqual([]);

describe('ceph-health', () => {
  it('the practice lab (no ceph command): "not checked: no Ceph here", info, never ok and never a problem', () => {
    const fs = run('lab-no-ceph');
    // INFO, not SKIPPED: the sweep's healthy-lab test counts an all-SKIPPED run as one that did not run.
    expect(sev(fs)).toEqual([['ceph.not-here', 'info']]);
    expect(fs[0]?.status).toBe('INFO');
    expect(fs[0]?.title).toBe('Not checked: no Ceph here');
    expect(fs[0]?.explanation).toContain('controller-1, controller-2, controller-3');
    verbatim('lab-no-ceph', fs);
  });

  it('a client without ceph.conf is "no Ceph here" too', () => {
    const fs = run('public-no-config');
    expect(fs.map((f) => f.title)).toEqual(['Not checked: no Ceph here']);
    expect(bad(fs)).toEqual([]);
  });

  it('HEALTH_OK: one ok finding with the OSD and PG counts', () => {
    const fs = run('public-healthy');
    expect(sev(fs)).toEqual([['ceph.health', 'ok']]);
    expect(fs[0]?.explanation).toContain('9 of 9 OSDs up and 9 in, 321 of 321 placement groups active+clean');
    expect(fs[0]?.evidence[0]?.lines).toEqual(['    "status": "HEALTH_OK",']);
    verbatim('public-healthy', fs);
  });

  it('an OSD down: OSD_DOWN and PG_DEGRADED warn, inactive PGs are critical, each quoting its own messages', () => {
    const fs = run('public-osd-down');
    expect(sev(fs)).toEqual([
      ['ceph.osd_down', 'warning'],
      ['ceph.pg_availability', 'critical'],
      ['ceph.pg_degraded', 'warning'],
    ]);
    const down = fs[0] as Finding;
    expect(down.title).toBe('Ceph OSD_DOWN: 1 osds down');
    expect(down.evidence[0]?.lines).toEqual(['                "message": "1 osds down",', '                    "message": "osd.2 (root=default,host=node3) is down"']);
    expect(down.nextStep).toContain('ceph osd tree down');
    expect(fs[1]?.explanation).toContain('I/O to their objects blocks');
    verbatim('public-osd-down', fs);
  });

  it('nearfull, slow ops, clock skew and a monitor down: one warning each with its own advice', () => {
    const fs = run('public-nearfull-slow-mon');
    expect(sev(fs)).toEqual([
      ['ceph.mon_clock_skew', 'warning'],
      ['ceph.mon_down', 'warning'],
      ['ceph.osd_nearfull', 'warning'],
      ['ceph.pool_nearfull', 'warning'],
      ['ceph.slow_ops', 'warning'],
    ]);
    expect(fs[0]?.nextStep).toContain('clock-sync playbook');
    expect(fs[3]?.evidence[0]?.lines).toEqual(['                "message": "2 pool(s) nearfull",', `                    "message": "pool 'volumes' is nearfull"`, `                    "message": "pool 'vms' is nearfull"`]);
    expect(fs[4]?.evidence[0]?.lines).toHaveLength(1);
    verbatim('public-nearfull-slow-mon', fs);
  });

  it('full OSDs and pools are critical; a muted check is info only; an unknown code points to the docs', () => {
    const fs = run('public-osd-full');
    expect(sev(fs)).toEqual([
      ['ceph.osd_full', 'critical'],
      ['ceph.pool_full', 'critical'],
      ['ceph.telemetry_changed', 'info'],
    ]);
    expect(fs[2]?.explanation).toContain('muted');
    expect(fs[2]?.nextStep).toContain('https://docs.ceph.com/en/latest/rados/operations/health-checks/ (search for TELEMETRY_CHANGED)');
    verbatim('public-osd-full', fs);
  });

  it('monitors that do not answer a configured client: a warning naming the controllers', () => {
    const fs = run('public-mons-unreachable');
    expect(sev(fs)).toEqual([['ceph.unreachable', 'warning']]);
    expect(fs[0]?.title).toBe('Ceph is configured but its monitors do not answer from controller-1, controller-2');
    verbatim('public-mons-unreachable', fs);
  });

  it('takes the first controller whose ceph answered, and reads failures by their text', () => {
    const input = loadFixture(join(dir, 'public-healthy'));
    const first = { ...input, outputs: input.outputs.map((o) => (o.node === 'ctl-1' ? { ...o, state: 'failed' as const, exitCode: 127, stdout: '', stderr: 'stackscope: no ceph command on this node\n' } : o)) };
    expect(sev(analyze(first))).toEqual([['ceph.health', 'ok']]);
    expect(analyze(first)[0]?.evidence[0]?.node).toBe('ctl-2');
    expect(parseHealth('not json')).toBeNull();
    expect(whyNoReport('sh: 1: ceph: not found', 127)).toBe('no-cli');
    expect(whyNoReport('2026-12-05T10:00:00.000+0000 7f auth: unable to find a keyring on /etc/ceph/ceph.client.admin.keyring: (2) No such file or directory', 1)).toBe('no-keyring');
    const keyring = { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: 'auth: unable to find a keyring on /etc/ceph/ceph.client.admin.keyring\n' })) };
    const [f] = analyze(keyring);
    expect(f?.status).toBe('SKIPPED');
    expect(f?.explanation).toContain('admin keyring is missing');
  });
});
