import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseChassis, parsePorts, whyFailed } from './parse.js';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const run = (scenario: string): Finding[] => analyze(load(scenario));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
function expectVerbatim(scenario: string, fs: Finding[]): void {
  expect(evidenceNotInOutput(load(scenario), fs), scenario).toEqual([]);
}
const editPorts = (scenario: string, fn: (t: string) => string): AnalyzerInput => {
  const input = load(scenario);
  return { ...input, outputs: input.outputs.map((o) => (o.step === 'ports' ? { ...o, stdout: fn(o.stdout) } : o)) };
};

describe('port-binding on the practice lab with the full control plane', () => {
  it('lab-packages: every instance port ACTIVE on a host with a chassis: one ok finding', () => {
    const fs = run('lab-packages');
    expect(fs.map((f) => [f.severity, f.title])).toEqual([['ok', '4 of 4 instance ports are ACTIVE; no failed binding']]);
    expect(fs[0]?.explanation).toContain('the 4 ACTIVE servers run on hosts that each have one of the 2 OVN chassis');
    expectVerbatim('lab-packages', fs);
  });

  it('lab-instance-error-port-binding: names the server, its port, the network legacy-provider on physnet2, and that no chassis maps physnet2', () => {
    const fs = run('lab-instance-error-port-binding');
    expect(bad(fs).map((f) => [f.severity, f.title])).toEqual([['critical', 'Server broken-1 is in ERROR: Neutron could not bind its port broken-1-port (network legacy-provider)']]);
    const [f] = bad(fs);
    expect(f?.explanation).toContain('Binding failed for port 72524657-e5a0-4fa1-9dba-71bfc52e1404');
    expect(f?.explanation).toContain('flat provider network on physical network physnet2, and no OVN chassis has a bridge mapping for physnet2 (ovn-bridge-mappings: compute-2: physnet1:br-ex; compute-1: physnet1:br-ex)');
    expect(f?.likelyCause).toContain('no compute maps physnet2');
    expect(f?.nextStep).toContain('ovn-bridge-mappings=<existing>,physnet2:<bridge>');
    const lines = f?.evidence.flatMap((e) => e.lines) ?? [];
    expect(lines).toContain('  "provider:physical_network": "physnet2"');
    expect(lines.some((l) => /^external_ids\s*: .*ovn-bridge-mappings="physnet1:br-ex"/.test(l))).toBe(true);
    expect(f?.evidence.map((e) => e.step)).toEqual(['ports', 'ports', 'ports', 'chassis']);
    expectVerbatim('lab-instance-error-port-binding', fs);
  });
});

describe('port-binding on the light practice lab (no Nova, no Neutron)', () => {
  it('lab-light: the client pinned to Placement is an info "not here", nothing else', () => {
    const fs = run('lab-light');
    expect(fs.map((f) => [f.check, f.severity, f.status])).toEqual([['port-binding.not-here', 'info', 'INFO']]);
    expect(fs[0]?.evidence[0]?.lines).toEqual(["'list' object has no attribute 'get'"]);
    expectVerbatim('lab-light', fs);
  });
});

describe('port-binding on outputs quoted in public sources', () => {
  it('public-server-error-no-fault: the ERROR server and its port are named; the network and chassis were not read', () => {
    const fs = run('public-server-error-no-fault');
    expect(bad(fs).map((f) => f.title)).toEqual(['Server testabc is in ERROR: Neutron could not bind its port 483adf83-f3ce-42c2-bec4-1e7a40489d40 (network ?)']);
    expect(bad(fs)[0]?.explanation).toContain('Its network was not read.');
    expect(bad(fs)[0]?.nextStep).toContain('Refusing to bind port');
    expect(fs.find((f) => f.check === 'port-binding.chassis')?.status).toBe('SKIPPED');
    expectVerbatim('public-server-error-no-fault', fs);
  });
});

describe('port-binding edge cases', () => {
  it('no Nova or Neutron in the catalog is an info "not here"; another failure is could-not-check', () => {
    for (const [err, check, status] of [
      ["'Proxy' object has no attribute 'servers'", 'port-binding.not-here', 'INFO'],
      ['public endpoint for network service in RegionOne region not found', 'port-binding.not-here', 'INFO'],
      ['HTTP 503 Service Unavailable', 'port-binding.list', 'SKIPPED'],
    ] as const) {
      const input = load('lab-packages');
      const fs = analyze({ ...input, outputs: input.outputs.map((o) => (o.step === 'ports' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: `== server list\n${err}\n` } : o)) });
      expect(fs.map((f) => [f.check, f.status])).toEqual([[check, status]]);
      expect(fs[0]?.evidence[0]?.lines).toEqual([err]);
    }
  });

  it('a failed binding under an ACTIVE server, an unbound port and a DOWN port are told apart', () => {
    const server = '"device_id": "2b830dab-3e6f-4108-ae7d-7737614ecb78"';
    const base = (t: string): string => t.replace('"device_id": ""', server).replace('Binding failed for port', 'Build failed for port');
    const failed = analyze(editPorts('lab-instance-error-port-binding', (t) => base(t).replace('"binding_vif_type": "unbound"', '"binding_vif_type": "binding_failed"').replace('"binding_host_id": ""', '"binding_host_id": "compute-1"')));
    expect(bad(failed).map((f) => [f.check, f.title])).toEqual([['port-binding.binding-failed', 'Port broken-1-port could not be bound on compute-1 (network legacy-provider)']]);
    const unbound = analyze(editPorts('lab-instance-error-port-binding', base));
    expect(bad(unbound).map((f) => [f.check, f.title])).toEqual([['port-binding.unbound', 'Port broken-1-port of ACTIVE server db-1 is not bound to any host']]);
    const down = analyze(editPorts('lab-instance-error-port-binding', (t) => base(t).replace('"binding_vif_type": "unbound"', '"binding_vif_type": "ovs"').replace('"binding_host_id": ""', '"binding_host_id": "compute-1"')));
    expect(bad(down).map((f) => [f.check, f.severity, f.title])).toEqual([['port-binding.port-down', 'warning', 'Port broken-1-port of ACTIVE server db-1 is DOWN on compute-1']]);
  });

  it('ACTIVE servers on a Nova host without a chassis of that hostname are a warning per host', () => {
    const fs = analyze(editPorts('lab-packages', (t) => t.replaceAll('"Host": "compute-2"', '"Host": "compute-9"')));
    expect(bad(fs).map((f) => [f.check, f.title])).toEqual([['port-binding.host-without-chassis', 'Nova runs 2 server(s) on compute-9, which has no OVN chassis']]);
  });

  it('reads bridge mappings from other_config and external_ids, and the sections of ports.sh', () => {
    const c = parseChassis('name                : "c1"\nhostname            : c1.example\nother_config        : {datapath-type=system, ovn-bridge-mappings="datacentre:br-ex,physnet3:br-vlan"}\nexternal_ids        : {}\n\nname                : c2\nhostname            : c2\nexternal_ids        : {ovn-bridge-mappings=""}\n');
    expect(c?.map((x) => [x.name, x.hostname, x.physnets])).toEqual([['c1', 'c1.example', ['datacentre', 'physnet3']], ['c2', 'c2', []]]);
    expect(parseChassis('ovn-sbctl: unix:/var/run/ovn/ovnsb_db.sock: database connection failed (No such file or directory)\n')).toBeNull();
    const f = parsePorts('== server list\n[]\n== port list\n[]\n');
    expect([f.failed, f.servers, f.ports]).toEqual([null, [], []]);
    expect(whyFailed('Could not find requested endpoint in Service Catalog.')).toBe('not-here');
  });
});
