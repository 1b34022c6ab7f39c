import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { chassisGone, logTail, parseAgents, whyFailed } from './parse.js';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const run = (scenario: string): Finding[] => analyze(load(scenario));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const byCheck = (fs: Finding[], check: string): Finding[] => fs.filter((f) => f.check === check);
function expectVerbatim(scenario: string, fs: Finding[]): void {
  expect(evidenceNotInOutput(load(scenario), fs), scenario).toEqual([]);
}

describe('neutron-agents on the practice lab with the full control plane', () => {
  it('lab-packages: the four agents are alive: one ok finding and nothing else', () => {
    const fs = run('lab-packages');
    expect(fs.map((f) => [f.severity, f.title])).toEqual([['ok', 'All 4 Neutron agents are alive and enabled']]);
    expect(fs[0]?.explanation).toBe('4 agents on 2 hosts (OVN Controller Gateway agent, OVN Metadata agent) are alive and enabled.');
    expectVerbatim('lab-packages', fs);
  });

  it('lab-metadata-agent-down: the metadata agent of compute-1 is critical, with its own log saying it was stopped', () => {
    const fs = run('lab-metadata-agent-down');
    expect(bad(fs).map((f) => [f.severity, f.title])).toEqual([['critical', 'OVN Metadata agent on compute-1 is not alive']]);
    const [f] = bad(fs);
    expect(f?.evidence[0]).toEqual({ node: 'controller-1', step: 'agents', lines: ['    "Agent Type": "OVN Metadata agent",', '    "Host": "compute-1",', '    "Alive": false,', '    "State": true,', '    "Binary": "neutron-ovn-metadata-agent"'] });
    const log = f?.evidence.find((e) => e.step === 'metadata-log');
    expect(log?.node).toBe('compute-1');
    expect(log?.lines.some((l) => l.includes('Caught SIGTERM, stopping children'))).toBe(true);
    expect(f?.explanation).toContain('169.254.169.254');
    expect(f?.nextStep).toContain('systemctl status neutron-ovn-metadata-agent');
    expectVerbatim('lab-metadata-agent-down', fs);
  });

  it('lab-ovn-chassis-missing: both agents of compute-2 are down and the metadata agent log says the chassis is gone', () => {
    const fs = run('lab-ovn-chassis-missing');
    expect(bad(fs).map((f) => f.title)).toEqual(['OVN Controller Gateway agent on compute-2 is not alive', 'OVN Metadata agent on compute-2 is not alive']);
    const meta = bad(fs)[1];
    expect(meta?.explanation).toContain('says its chassis row is gone');
    expect(meta?.likelyCause).toContain('The OVN chassis of compute-2 is gone');
    expect(meta?.nextStep).toContain('ovn-health');
    expect(meta?.evidence.find((e) => e.step === 'metadata-log')?.lines.every((l) => l.includes("Cannot find Chassis_Private with name=compute-2"))).toBe(true);
    expectVerbatim('lab-ovn-chassis-missing', fs);
  });
});

describe('neutron-agents on the light practice lab (no Neutron)', () => {
  it('lab-light: the 404 of the Placement endpoint the client is pinned to is an info "not here", nothing else', () => {
    const fs = run('lab-light');
    expect(fs.map((f) => [f.check, f.severity, f.status, f.title])).toEqual([['neutron.not-here', 'info', 'INFO', 'No Neutron in this cloud (not checked)']]);
    expectVerbatim('lab-light', fs);
  });
});

describe('neutron-agents on outputs quoted in public sources', () => {
  it('public-edpm-short-hostnames: a healthy list without compute logs is ok', () => {
    const fs = run('public-edpm-short-hostnames');
    expect(fs.map((f) => [f.severity, f.title])).toEqual([['ok', 'All 4 Neutron agents are alive and enabled']]);
    expectVerbatim('public-edpm-short-hostnames', fs);
  });
});

describe('neutron-agents edge cases', () => {
  const edit = (scenario: string, step: string, fn: (t: string) => string, node?: string): AnalyzerInput => {
    const input = load(scenario);
    return { ...input, outputs: input.outputs.map((o) => (o.step === step && (!node || o.node === node) ? { ...o, stdout: fn(o.stdout) } : o)) };
  };

  it('no Neutron in the catalog is an info "not here", never ok and never a warning', () => {
    const input = load('lab-packages');
    for (const err of ['public endpoint for network service in RegionOne region not found', "'Proxy' object has no attribute 'agents'"]) {
      const fs = analyze({ ...input, outputs: input.outputs.map((o) => (o.step === 'agents' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: `${err}\n` } : o)) });
      expect(fs.map((f) => [f.check, f.severity, f.status])).toEqual([['neutron.not-here', 'info', 'INFO']]);
      expect(fs[0]?.evidence[0]?.lines).toEqual([err]);
    }
  });

  it('any other failure of the list is could-not-check with its line, and nothing claims health', () => {
    const input = load('lab-packages');
    const fs = analyze({ ...input, outputs: input.outputs.map((o) => (o.step === 'agents' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: 'Unable to establish connection to http://198.18.3.10:9696/v2.0/agents\n' } : o)) });
    expect(fs.map((f) => [f.check, f.status])).toEqual([['neutron.agent-list', 'SKIPPED']]);
    expect(fs[0]?.likelyCause).toContain('unreachable');
    const timedOut = analyze({ ...input, outputs: input.outputs.map((o) => (o.step === 'agents' ? { ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' } : o)) });
    expect(timedOut.map((f) => [f.check, f.status])).toEqual([['neutron.agent-list', 'SKIPPED']]);
  });

  it('a disabled agent is a warning; a down agent of another kind is critical only when it serves instances', () => {
    const disabled = analyze(edit('lab-packages', 'agents', (t) => t.replace('"State": true', '"State": false')));
    expect(bad(disabled).map((f) => [f.check, f.severity, f.title])).toEqual([['neutron.agent-disabled', 'warning', 'OVN Controller Gateway agent on compute-2 is disabled']]);
    const dhcp = analyze(edit('lab-packages', 'agents', (t) => t.replace('"Agent Type": "OVN Controller Gateway agent",\n    "Host": "compute-2",\n    "Availability Zone": "",\n    "Alive": true', '"Agent Type": "Metering agent",\n    "Host": "compute-2",\n    "Availability Zone": "",\n    "Alive": false').replace('"Binary": "ovn-controller"', '"Binary": "neutron-metering-agent"')));
    expect(bad(dhcp).map((f) => [f.severity, f.title])).toContainEqual(['warning', 'Metering agent on compute-2 is not alive']);
  });

  it('a metadata agent listed without an ovn-controller agent of its host means the chassis is gone', () => {
    const fs = analyze(edit('lab-packages', 'agents', (t) => t.replace('"Agent Type": "OVN Controller Gateway agent",\n    "Host": "compute-2"', '"Agent Type": "OVN Controller Gateway agent",\n    "Host": "compute-9"')));
    expect(byCheck(fs, 'neutron.chassis-missing').map((f) => f.title)).toEqual(['compute-2 has an OVN Metadata agent but no ovn-controller agent']);
  });

  it('a compute whose metadata agent writes a log but has no agent listed at all is critical', () => {
    const fs = analyze(edit('lab-packages', 'agents', (t) => t.replaceAll('"Host": "compute-2"', '"Host": "compute-1"')));
    expect(byCheck(fs, 'neutron.agent-missing').map((f) => [f.severity, f.title])).toEqual([['critical', 'Neutron lists no agent on compute-2, which runs a metadata agent']]);
  });

  it('parses booleans and table words, finds the chassis-gone line, and quotes stop lines and the last ones', () => {
    const a = parseAgents('[\n  {\n    "ID": "x",\n    "Agent Type": "OVN Metadata agent",\n    "Host": "c1",\n    "Alive": "XXX",\n    "State": "UP",\n    "Binary": "neutron-ovn-metadata-agent"\n  }\n]\n');
    expect(a?.[0]).toMatchObject({ alive: false, adminUp: true, host: 'c1' });
    expect(parseAgents('HTTP 503')).toBeNull();
    expect(whyFailed('Could not find requested endpoint in Service Catalog.')).toBe('no-neutron');
    expect(whyFailed('HTTP 401 Unauthorized')).toBe('rejected');
    expect(chassisGone("x\n'err': RowNotFound('Cannot find Chassis_Private with name=compute-2')})\n")).toHaveLength(1);
    expect(logTail('a\nb ERROR one\nc\nd\ne\n')).toEqual(['b ERROR one', 'd', 'e']);
  });
});
