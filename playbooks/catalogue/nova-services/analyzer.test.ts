import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseServices, sameHost } from './parse.js';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const run = (scenario: string): Finding[] => analyze(loadFixture(join(dir, scenario)));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const byCheck = (fs: Finding[], check: string): Finding[] => fs.filter((f) => f.check === check);
/** Every evidence line is a verbatim line of that node's step output (stdout or stderr). */
function expectVerbatim(scenario: string, fs: Finding[]): void {
  expect(evidenceNotInOutput(loadFixture(join(dir, scenario)), fs), scenario).toEqual([]);
}

describe('nova-services on the practice lab (no Nova there)', () => {
  for (const scenario of ['lab-packages', 'lab-helm']) {
    it(`${scenario}: the failed service list is a SKIPPED finding quoting the error, and nothing claims health`, () => {
      const fs = run(scenario);
      const [list] = byCheck(fs, 'nova.service-list');
      expect(list?.status).toBe('SKIPPED');
      expect(list?.skippedReason).toBe("Could not list compute services: 'Proxy' object has no attribute 'services'. No Nova service state was checked.");
      expect(list?.evidence).toEqual([{ node: 'controller-1', step: 'compute-services', lines: ["'Proxy' object has no attribute 'services'"] }]);
      expect(list?.likelyCause).toContain('No Nova API answered');
      expect(fs.filter((f) => f.severity === 'ok')).toEqual([]);
      expect(bad(fs)).toEqual([]);
      expectVerbatim(scenario, fs);
    });
  }

  it('lab-packages: the empty journals are reported as not checked', () => {
    const [logs] = byCheck(run('lab-packages'), 'nova.logs');
    expect(logs?.status).toBe('SKIPPED');
    expect(logs?.skippedReason).toContain('nova-compute on compute-1, compute-2');
    expect(logs?.skippedReason).toContain('nova-scheduler on controller-1, controller-2, controller-3');
  });
});

describe('nova-services on the practice lab with the full control plane', () => {
  it('lab-full-compute-down: the stopped nova-compute is critical, quoting its state and the last lines of its quiet log', () => {
    const fs = run('lab-full-compute-down');
    const down = byCheck(fs, 'nova.service-down');
    expect(down.map((f) => [f.severity, f.title])).toEqual([['critical', 'nova-compute on compute-1 is down']]);
    expect(down[0]?.evidence[0]?.lines).toContain('    "State": "down",');
    const log = down[0]?.evidence.find((e) => e.step === 'compute-log');
    expect(log?.node).toBe('compute-1');
    expect(log?.lines).toHaveLength(3);
    expect(log?.lines.at(-1)).toContain('WARNING amqp [-] Received method (60, 30) during closing channel 1');
    expect(down[0]?.explanation).toContain('the process is probably stopped or hung');
    expect(bad(fs)).toHaveLength(1);
    expectVerbatim('lab-full-compute-down', fs);
  });

  it('lab-full-compute-down: the empty scheduler journals of controller-1 and -2, where the service list shows no nova-scheduler, are not there: nothing unchecked', () => {
    const fs = run('lab-full-compute-down');
    expect(fs.filter((f) => f.status === 'SKIPPED')).toEqual([]);
    // The one scheduler the list shows (controller-3) with an empty log is still said; so is every empty log when the list could not be read.
    const input = loadFixture(join(dir, 'lab-full-compute-down'));
    const silent = { ...input, outputs: input.outputs.map((o) => (o.step === 'scheduler-log' && o.node === 'controller-3' ? { ...o, stdout: '-- No entries --\n' } : o)) };
    const [logs] = byCheck(analyze(silent), 'nova.logs');
    expect(logs?.skippedReason).toMatch(/ nova-scheduler on controller-3: /);
    expect(logs?.skippedReason).not.toContain('controller-1');
    const unlisted = { ...input, outputs: input.outputs.map((o) => (o.step === 'compute-services' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '' } : o)) };
    expect(byCheck(analyze(unlisted), 'nova.logs')[0]?.skippedReason).toContain('nova-scheduler on controller-1, controller-2');
  });
});

describe('nova-services on outputs quoted in public sources', () => {
  it('two computes down: critical per host, with the MessagingTimeout lines of the reachable one', () => {
    const fs = run('public-compute-down');
    const down = byCheck(fs, 'nova.service-down');
    expect(down.map((f) => f.title)).toEqual(['nova-compute on chlr2cdn03.lab.companynam.com is down', 'nova-compute on chlr2cdn02.lab.companynam.com is down']);
    expect(down.every((f) => f.severity === 'critical')).toBe(true);
    const [cdn03, cdn02] = down;
    expect(cdn03?.evidence[0]?.lines).toContain('    "State": "down",');
    const log = cdn03?.evidence.find((e) => e.step === 'compute-log');
    expect(log?.node).toBe('chlr2cdn03');
    expect(log?.lines.some((l) => l.includes('Lost connection to nova-conductor for reporting service status.: oslo_messaging.exceptions.MessagingTimeout: Timed out waiting for a reply to message ID'))).toBe(true);
    expect(cdn03?.likelyCause).toContain('no reply from nova-conductor');
    expect(cdn02?.explanation).toContain('could not be read (timed out)');
    expect(bad(fs)).toHaveLength(2);
    expectVerbatim('public-compute-down', fs);
  });

  it('a disabled compute (nova admin guide): warning with its Disabled Reason', () => {
    const fs = run('public-disabled');
    const [f] = byCheck(fs, 'nova.service-disabled');
    expect(f?.severity).toBe('warning');
    expect(f?.title).toBe('nova-compute on compute is disabled — "trial log"');
    expect(f?.nextStep).toContain('openstack compute service set --enable compute nova-compute');
    expect(bad(fs)).toHaveLength(1);
    expectVerbatim('public-disabled', fs);
  });

  it('NoValidHost from ComputeFilter: says it was a filter, names it, ties it to the unheard compute', () => {
    const fs = run('public-scheduler-filter');
    const [f] = byCheck(fs, 'nova.scheduler-filtered');
    expect(f?.title).toBe('Scheduling failed on controller: filter ComputeFilter removed every host (not Placement)');
    expect(f?.explanation).toContain('not missing capacity');
    expect(f?.likelyCause).toContain('has not been heard from in a while');
    expect(f?.evidence[0]?.lines).toHaveLength(3);
    expect(byCheck(fs, 'nova.no-allocation-candidates')).toEqual([]);
    expect(byCheck(fs, 'nova.service-list')[0]?.status).toBe('SKIPPED');
    expectVerbatim('public-scheduler-filter', fs);
  });

  it('NoValidHost from Placement: points to placement-capacity', () => {
    const fs = run('public-no-candidates');
    const [f] = byCheck(fs, 'nova.no-allocation-candidates');
    expect(f?.severity).toBe('warning');
    expect(f?.nextStep).toContain('placement-capacity');
    // A flavor that fits nowhere in placement-capacity explains it: the summary shows it under that.
    expect(f?.explainedBy).toContain('placement.flavors');
    expect(byCheck(fs, 'nova.scheduler-filtered')).toEqual([]);
    expectVerbatim('public-no-candidates', fs);
  });
});

describe('nova-services edge cases', () => {
  it('all services up and enabled gives one ok finding', () => {
    const base = loadFixture(join(dir, 'public-disabled'));
    const fs = analyze({
      ...base,
      outputs: base.outputs.map((o) => (o.step === 'compute-services' ? { ...o, stdout: o.stdout.replace('"disabled"', '"enabled"').replace('"trial log"', 'null') } : o)),
    });
    expect(bad(fs)).toEqual([]);
    expect(byCheck(fs, 'nova.services')[0]?.title).toBe('All 3 Nova services are up and enabled');
  });

  it('compute log errors on a host Nova still lists as up are reported', () => {
    const base = loadFixture(join(dir, 'public-compute-down'));
    const fs = analyze({
      ...base,
      outputs: base.outputs.map((o) => (o.step === 'compute-services' ? { ...o, stdout: o.stdout.replaceAll('"down"', '"up"') } : o)),
    });
    const [f] = byCheck(fs, 'nova.compute-log-errors');
    expect(f?.title).toBe('nova-compute on chlr2cdn03 logs errors: its RPC calls to nova-conductor time out');
    expect(byCheck(fs, 'nova.service-down')).toEqual([]);
  });

  it('host names match between FQDN and short inventory names, and the list parser keeps each object’s lines', () => {
    expect(sameHost('chlr2cdn03.lab.companynam.com', 'chlr2cdn03')).toBe(true);
    expect(sameHost('compute-1', 'compute-10')).toBe(false);
    expect(parseServices('ERROR: not json')).toBeNull();
    const s = parseServices('[\n  {\n    "ID": 1,\n    "Binary": "nova-compute",\n    "Host": "c1",\n    "State": "down"\n  }\n]\n');
    expect(s?.[0]?.lines).toEqual(['    "Binary": "nova-compute",', '    "Host": "c1",', '    "State": "down"']);
  });
});
