import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { cinderTime, parseVolumes, whyFailed } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);

describe('cinder-volumes', () => {
  it('no Cinder in the catalog (the practice lab): one info, said once, no ok and no problem', () => {
    const input = load('public-no-cinder');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['cinder.not-here', 'info']]);
    expect(fs[0]?.status).toBe('INFO');
    expect(fs[0]?.title).toBe("Not checked: no Cinder in this cloud's catalog");
    expect(fs[0]?.evidence).toEqual([{ node: 'controller-1', step: 'volume-services', lines: ['public endpoint for volumev3 service in RegionOne region not found'] }]);
    verbatim(input, fs);
  });

  it('all up, one volume creating for 2 minutes: two ok findings', () => {
    const input = load('public-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['cinder.services', 'ok'],
      ['cinder.volumes', 'ok'],
    ]);
    expect(fs[0]?.explanation).toBe('Volume backends: block@lvm.');
    expect(fs[1]?.explanation).toBe('3 volume(s) listed; 1 in a transitional or error state, none for longer than 30 min.');
    verbatim(input, fs);
  });

  it('a backend down is critical; volumes past the threshold are warnings with advice by state; a recent reserved one is not', () => {
    const input = load('public-backend-down-stuck');
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.severity, f.title])).toEqual([
      ['cinder.service-down', 'critical', 'Cinder: volume backend block@lvm is down'],
      ['cinder.volume-stuck', 'warning', 'Volume web-data stuck in attaching for 3 h 18 min'],
      ['cinder.volume-stuck', 'warning', 'Volume old-logs stuck in deleting for 50 min'],
      ['cinder.volume-stuck', 'warning', 'Volume restore-1 stuck in error for 43 h 36 min'],
    ]);
    expect(fs[0]?.explanation).toContain('last heartbeat was at 2026-12-05T06:22:40.000000');
    expect(fs[0]?.evidence[0]?.lines).toContain('    "State": "down",');
    expect(fs[1]?.nextStep).toContain('cinder reset-state --state available --attach-status detached 3f1c2b7a-9d4e-4a61-8c2f-7e5b0a9d1c11');
    expect(fs[1]?.evidence[0]?.lines).toEqual([
      '  "id": "3f1c2b7a-9d4e-4a61-8c2f-7e5b0a9d1c11",',
      '  "name": "web-data",',
      '  "os-vol-host-attr:host": "block@lvm#LVM",',
      '  "status": "attaching",',
      '  "updated_at": "2026-12-05T06:31:12.000000"',
    ]);
    expect(fs[3]?.nextStep).toContain('cinder message-list');
    verbatim(input, fs);
  });

  it('the threshold is the parameter: at 5 minutes the reserved volume (9 min, attached to a server) is stuck too', () => {
    const input = load('public-backend-down-stuck');
    const fs = analyze({ ...input, params: { stuck_minutes: 5 } });
    const reserved = fs.find((f) => f.title.startsWith('Volume tmp-1'));
    expect(reserved?.title).toBe('Volume tmp-1 stuck in reserved for 9 min');
    expect(reserved?.explanation).toContain('Attached to server(s): 5a0f4e2c-0b1d-4c3e-8f2a-1d3c5e7a9b66.');
    expect(bad(fs)).toHaveLength(5);
  });

  it('a disabled backend is a warning with its reason and the command to enable it', () => {
    const input = load('public-disabled');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['cinder.service-disabled', 'warning'],
      ['cinder.volumes', 'ok'],
    ]);
    expect(fs[0]?.explanation).toContain('Reason given: "storage maintenance CHG-2231".');
    expect(fs[0]?.nextStep).toContain('openstack volume service set --enable ctl-1@rbd-1 cinder-volume');
    verbatim(input, fs);
  });

  it('reads failures by their text, Cinder times as UTC, and a failed list', () => {
    expect(whyFailed('Could not find requested endpoint in Service Catalog.')).toBe('no-cinder');
    expect(whyFailed("'Proxy' object has no attribute 'volumes'")).toBe('no-cinder');
    expect(whyFailed('Missing value auth-url required for auth plugin password')).toBe('no-credentials');
    expect(whyFailed('Unable to establish connection to http://ctl:8776/v3')).toBe('unreachable');
    expect(cinderTime('2026-12-05T06:31:12.000000')).toBe(Date.parse('2026-12-05T06:31:12Z') / 1000);
    expect(parseVolumes('== now: 5\n== volume list\nHTTP 503\n').listed).toBeNull();
    const input = load('public-healthy');
    const failing = { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: 'HTTP 401 Unauthorized\n' })) };
    const fs = analyze(failing);
    expect(fs.map((f) => [f.check, f.status])).toEqual([
      ['cinder.services', 'SKIPPED'],
      ['cinder.volumes', 'SKIPPED'],
    ]);
    expect(fs[0]?.likelyCause).toContain('rejected the credentials');
  });
});
