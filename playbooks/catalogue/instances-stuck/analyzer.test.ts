import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { faultKind, novaTime, parseServers, taskKind, whyFailed } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const brief = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.title]);

describe('instances-stuck', () => {
  it('lab novalidhost-real + instance-error-port-binding: both servers in ERROR are critical, each sent where its fault is explained', () => {
    const input = load('lab-packages-error-servers');
    const fs = analyze(input);
    expect(brief(fs)).toEqual([
      ['nova.instance-error', 'critical', 'Server broken-1 is in ERROR: Binding failed for port ccbba31f-d30c-47ff-a727-0ee6f09fdf53, please check neutron logs for more …'],
      ['nova.instance-error', 'critical', 'Server novalidhost-1 is in ERROR: No valid host was found.'],
    ]);
    const [binding, nvh] = fs;
    expect(binding?.likelyCause).toMatch(/^Neutron could not bind/);
    expect(binding?.nextStep).toContain('openstack port list --server 8b342d02-5505-4d6f-a6ff-ccbd8ad3d7f4');
    expect(binding?.explanation).toContain('on no host (never placed, or cleared when the build failed)');
    expect(binding?.explanation).toContain('Last action: create, started 2026-12-05T12:20:37.000000 (request req-c0dcec3e-c822-4744-b387-c56412df6bf3)');
    expect(nvh?.nextStep).toContain('placement-capacity');
    expect(nvh?.nextStep).toContain('openstack flavor show m1.xxlarge');
    expect(nvh?.nextStep).toContain('nova-services');
    expect(nvh?.explanation).toContain('result "Error"');
    expect(nvh?.evidence[0]?.lines).toContain('    "message": "No valid host was found. ",');
    // Each recent fault names the checks that would explain it, so the summary puts the cause first.
    expect(binding?.explainedBy).toContain('port-binding.binding-failed');
    expect(nvh?.explainedBy).toEqual(expect.arrayContaining(['placement.flavors', 'nova.no-allocation-candidates', 'nova.service-down']));
    verbatim(input, fs);
  });

  it('public: old ERROR is a warning with retries advice; BUILD, deleting and resize past 30 min are stuck; a 3-minute BUILD is not', () => {
    const input = load('public-stuck-build-delete-retries');
    const fs = analyze(input);
    expect(brief(fs)).toEqual([
      ['nova.instance-error', 'warning', 'Server db-3 is in ERROR: Exceeded maximum number of retries. Exhausted all hosts available for retrying build failures for…'],
      ['nova.instance-stuck', 'warning', 'Server app-2 stuck in BUILD/spawning for 2 h 9 min'],
      ['nova.instance-stuck', 'warning', 'Server old-vm stuck in ACTIVE/deleting for 49 min'],
      ['nova.instance-stuck', 'warning', 'Server resize-1 stuck in RESIZE/resize_migrating for 44 min'],
    ]);
    expect(fs[0]?.explanation).toContain('(3 d 1 h ago by the clock of ctl-1)');
    expect(fs[0]?.explanation).toContain('more than a day old');
    expect(fs[0]?.nextStep).toContain('nova-compute-log');
    // Three days old: what fails now does not explain it.
    expect(fs[0]?.explainedBy).toBeUndefined();
    expect(fs[0]?.nextStep).toContain('openstack server event show 3e8f0a5b-7c9d-4f1b-8d4e-6a8c0b2d4f53 req-7d1e3c5a-9b2f-4e6d-8a0c-2f4b6d8e0a13');
    expect(fs[1]?.explanation).toContain('on host compute-03');
    expect(fs[1]?.nextStep).toContain('nova-compute on compute-03');
    expect(fs[2]?.likelyCause).toMatch(/^The compute that must delete it/);
    expect(fs[2]?.explanation).toContain('Last action: delete, started 2026-12-05T09:10:03.000000');
    expect(fs[3]?.nextStep).toContain('openstack server migration list --server 5a0b2c7d-9e1f-4b3d-8f6a-8c0e2d4f6b75');
    verbatim(input, fs);
  });

  it('the threshold is the parameter: at 60 minutes only the BUILD of 2 h is stuck; at 1 minute cache-1 is too', () => {
    const input = load('public-stuck-build-delete-retries');
    expect(analyze({ ...input, params: { stuck_minutes: 60 } }).map((f) => f.title)).toEqual([expect.stringMatching(/^Server db-3 is in ERROR/), 'Server app-2 stuck in BUILD/spawning for 2 h 9 min']);
    expect(analyze({ ...input, params: { stuck_minutes: 1 } }).map((f) => f.title)).toContain('Server cache-1 stuck in BUILD/scheduling for 3 min');
  });

  it('a healthy cloud: one ok that counts what was listed', () => {
    const input = load('lab-packages-healthy');
    const fs = analyze(input);
    expect(brief(fs)).toEqual([['nova.instances', 'ok', 'No server in ERROR, none stuck longer than 30 min (4 servers)']]);
    expect(fs[0]?.explanation).toBe('4 server(s) listed in every project; 0 in BUILD or with a task under way, none for longer than 30 min.');
    verbatim(input, fs);
  });

  it('more problem servers than were looked at: one finding names the rest, never an ok', () => {
    const input = load('public-stuck-build-delete-retries');
    // The script looked at 5; pretend it stopped after the first two (its cap).
    const cut = input.outputs.map((o) => ({ ...o, stdout: o.stdout.replace(/^== server details: (\S+) (\S+) .*$/m, '== server details: $1 $2').split(/\n(?=\{\n {2}"OS-EXT-SRV-ATTR:host": "compute-02")/)[0] ?? '' }));
    const fs = analyze({ ...input, outputs: cut });
    const more = fs.find((f) => /more server/.test(f.title));
    expect(more?.title).toBe('3 more server(s) in ERROR, BUILD or a task (0 in ERROR) not looked at');
    expect(more?.explanation).toContain('old-vm (ACTIVE/deleting), cache-1 (BUILD/scheduling), resize-1 (RESIZE/resize_migrating)');
    expect(fs.some((f) => f.severity === 'ok')).toBe(false);
    verbatim({ ...input, outputs: cut }, fs);
  });

  it('details asked but not printed (the client failed mid-way) are said as not checked', () => {
    const input = load('lab-packages-error-servers');
    const cut = input.outputs.map((o) => ({ ...o, stdout: `${o.stdout.split('\n{\n')[0]}\nFailed to discover available identity versions when contacting http://198.18.2.10:5000/v3.\n` }));
    const fs = analyze({ ...input, outputs: cut });
    // The list still says both are in ERROR: that is reported; what show would have added is not checked.
    expect(fs.map((f) => [f.check, f.status])).toEqual([
      ['nova.instance-error', 'FAILED'],
      ['nova.instance-details', 'SKIPPED'],
    ]);
    expect(fs[0]?.title).toBe('2 more server(s) in ERROR, BUILD or a task (2 in ERROR) not looked at');
    expect(fs[1]?.explanation).toContain('8b342d02-5505-4d6f-a6ff-ccbd8ad3d7f4, 8ce0065f-6ce5-47ee-a1af-6e0d541c24d4: Failed to discover');
  });

  it('no Compute API in the catalog is an info; a failed list is not checked, with the cause', () => {
    const input = load('lab-packages-healthy');
    const failed = (stderr: string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode: 1, stdout: '== now: 1796474000\n== server list\n', stderr })) });
    // The light lab: the client's endpoint is pinned to Placement, whose answer is no server list.
    const pinned = analyze({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode: 1, stdout: "== now: 1796478022\n== server list\n'list' object has no attribute 'get'\n", stderr: '' })) });
    expect(pinned.map((f) => [f.check, f.severity, f.evidence[0]?.lines])).toEqual([['nova.instances-not-here', 'info', ["'list' object has no attribute 'get'"]]]);
    const none = analyze(failed("'Proxy' object has no attribute 'servers'"));
    expect(none.map((f) => [f.check, f.severity, f.status])).toEqual([['nova.instances-not-here', 'info', 'INFO']]);
    const denied = analyze(failed('The request you have made requires authentication. (HTTP 401)'));
    expect(denied.map((f) => [f.check, f.status])).toEqual([['nova.instances', 'SKIPPED']]);
    expect(denied[0]?.likelyCause).toMatch(/refused the credentials/);
    expect(analyze({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'timeout' as const, exitCode: null, error: 'timed out after 120 s' })) })[0]?.explanation).toBe('The server list did not run to the end: timed out after 120 s.');
  });
});

describe('instances-stuck parse', () => {
  it('reads Nova times as UTC', () => {
    expect(novaTime('2026-12-05T10:00:00Z')).toBe(1796464800);
    expect(novaTime('2026-12-05T10:00:00.000000')).toBe(1796464800);
    expect(novaTime('')).toBeNull();
  });

  it('sorts fault messages: a retry whose last exception is a binding failure is a binding failure', () => {
    expect(faultKind('Exceeded maximum number of retries. Exceeded max scheduling attempts 3 for instance x. Last exception: Binding failed for port y')).toBe('port-binding');
    expect(faultKind('Exceeded maximum number of retries. Exhausted all hosts available for retrying build failures for instance x.')).toBe('retries');
    expect(faultKind('No valid host was found. There are not enough hosts available.')).toBe('no-valid-host');
    expect(faultKind('Build of instance x aborted: Failed to allocate the network(s), not rescheduling.')).toBe('network');
    expect(faultKind('Build of instance x aborted: Volume y did not finish being created even after we waited 187 seconds')).toBe('volume');
    expect(faultKind('')).toBe('none');
    expect(faultKind('internal error: qemu unexpectedly closed the monitor')).toBe('other');
  });

  it('sorts tasks', () => {
    expect(taskKind('BUILD', 'spawning')).toBe('build');
    expect(taskKind('ERROR', 'deleting')).toBe('delete');
    expect(taskKind('RESIZE', 'resize_prep')).toBe('migrate');
    expect(taskKind('MIGRATING', 'migrating')).toBe('migrate');
    expect(taskKind('HARD_REBOOT', 'rebooting_hard')).toBe('reboot');
    expect(taskKind('ACTIVE', 'image_uploading')).toBe('snapshot');
    expect(taskKind('ACTIVE', 'rescuing')).toBe('other');
  });

  it('tells why a list failed', () => {
    expect(whyFailed('public endpoint for compute service in RegionOne region not found')).toBe('no-nova');
    expect(whyFailed('Missing value auth-url required for auth plugin password')).toBe('no-credentials');
    expect(whyFailed('Unable to establish connection to http://ctl:8774/v2.1/servers/detail')).toBe('unreachable');
  });

  it('keeps each event list with its server and leaves out lines of the details that are not JSON', () => {
    const v = parseServers('== now: 1\n== server list\n[]\n== server details: a b\n{\n  "id": "a",\n  "status": "ERROR"\n}\n[\n  {\n    "Server ID": "a",\n    "Action": "create",\n    "Start Time": "t",\n    "Request ID": "req-1",\n    "Message": "Error"\n  }\n]\nNo server with a name or ID of \'b\' exists.\n');
    expect(v.listed).toEqual([]);
    expect(v.asked).toEqual(['a', 'b']);
    expect(v.shown.map((s) => [s.id, s.events.map((e) => e.action)])).toEqual([['a', ['create']]]);
    expect(v.detailErrors).toEqual(["No server with a name or ID of 'b' exists."]);
  });
});
