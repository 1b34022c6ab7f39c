import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding, StepOutput } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { capacityOf, parsePlacement } from './parse.js';

const fixture = (name: string): AnalyzerInput => loadFixture(join(import.meta.dirname, 'fixtures', name));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const one = (fs: Finding[], check: string, severity?: Finding['severity']): Finding => {
  const hits = fs.filter((f) => f.check === check && (!severity || f.severity === severity));
  expect(hits, `${check} ${severity ?? ''}: ${fs.map((f) => `${f.check}/${f.severity}`).join(', ')}`).toHaveLength(1);
  return hits[0] as Finding;
};

/** Every evidence line is a verbatim line of the step output it names. */
function expectVerbatim(input: AnalyzerInput, fs: Finding[]): void {
  expect(evidenceNotInOutput(input, fs)).toEqual([]);
}

const withStep = (input: AnalyzerInput, step: string, patch: Partial<StepOutput>): AnalyzerInput => ({
  ...input,
  outputs: input.outputs.map((o) => (o.step === step ? { ...o, ...patch } : o)),
});

describe('placement-capacity on lab fixtures', () => {
  it('healthy: no critical or warning, m1.large fits on both computes', () => {
    const input = fixture('healthy');
    const fs = analyze(input);
    expect(bad(fs)).toEqual([]);
    expect(one(fs, 'placement.api', 'ok').title).toContain('2 resource provider(s)');
    const caps = fs.filter((f) => f.check === 'placement.capacity' && f.severity === 'ok');
    expect(caps.map((f) => f.title.split(':')[0])).toEqual(['compute-1', 'compute-2']);
    expect(caps[0]?.explanation).toContain('MEMORY_MB: capacity 23808 = (16384 total − 512 reserved) × 1.5, used 6144 (26%), free 17664; max_unit 16384, min_unit 1, step_size 1');
    const fit = one(fs, 'placement.flavor-fit', 'ok');
    expect(fit.title).toBe('Flavor (VCPU 4, MEMORY_MB 8192, DISK_GB 80) fits on 2 provider(s): compute-1, compute-2');
    expect(one(fs, 'placement.orphan-allocation', 'ok').title).toContain('All 4 allocation consumer(s)');
    expectVerbatim(input, fs);
  });

  it('no-capacity: m1.large fits nowhere, MEMORY_MB limiting on every compute (critical)', () => {
    const input = fixture('no-capacity');
    const fs = analyze(input);
    const fit = one(fs, 'placement.flavor-fit', 'critical');
    expect(fit.title).toBe('Flavor (VCPU 4, MEMORY_MB 8192, DISK_GB 80) fits nowhere: MEMORY_MB runs out on every provider (compute-1, compute-2)');
    expect(fit.explanation).toContain('compute-1: MEMORY_MB: asks 8192 but only 2048 free (capacity 8192 = (16384 − 8192) × 1, used 6144)');
    expect(fit.explanation).toContain('compute-2: MEMORY_MB: asks 8192 but only 4096 free');
    expect(fit.explanation).toContain('returned 0 allocation request(s)');
    expect(fit.explanation).toContain('No valid host was found');
    expect(fit.nextStep).toContain('openstack allocation candidate list --resource VCPU=4 --resource MEMORY_MB=8192 --resource DISK_GB=80');
    expect(fit.likelyCause).toContain('reserved_host_memory_mb');
    const ev = fit.evidence[0];
    expect(ev?.node).toBe('controller-1');
    expect(ev?.lines).toContain('{"allocation_requests": [], "provider_summaries": {}}');
    expect(ev?.lines.some((l) => l.includes('"MEMORY_MB": {"total": 16384, "reserved": 8192'))).toBe(true);
    // Only the flavor question fails: capacity itself is not over, and there is no orphan.
    expect(bad(fs).map((f) => f.check)).toEqual(['placement.flavor-fit']);
    expectVerbatim(input, fs);
  });

  it('orphan: the ghost consumer of deleted instance old-worker is a warning naming its uuid', () => {
    const input = fixture('orphan');
    const fs = analyze(input);
    const o = one(fs, 'placement.orphan-allocation', 'warning');
    expect(o.title).toBe('Orphan allocation: consumer 32818234-593d-5f0b-ad63-7a123292ed00 on compute-1 is no live instance (old-worker, deleted)');
    expect(o.explanation).toContain('compute-1: VCPU=1, MEMORY_MB=2048, DISK_GB=20');
    expect(o.nextStep).toContain('openstack resource provider allocation delete 32818234-593d-5f0b-ad63-7a123292ed00');
    expect(o.nextStep).toMatch(/MUTATING/);
    expect(o.nextStep).toContain('nova-manage placement audit --verbose');
    expect(o.evidence.map((e) => e.step)).toEqual(['placement-providers', 'nova-instances']);
    expect(o.evidence[1]?.lines[0]).toMatch(/^deleted\t32818234-593d-5f0b-ad63-7a123292ed00\tcompute-1\told-worker\t/);
    // No flavor was asked (params default to 0): no flavor finding at all.
    expect(fs.filter((f) => f.check === 'placement.flavor-fit')).toEqual([]);
    expect(bad(fs)).toHaveLength(1);
    expectVerbatim(input, fs);
  });

  it('openstack-helm, both faults: near-full MEMORY_MB on compute-1, flavor fits nowhere, orphan', () => {
    const input = fixture('helm-no-capacity-orphan');
    const fs = analyze(input);
    expect(one(fs, 'placement.near-full', 'warning').title).toBe('compute-1: MEMORY_MB 100% used (0 of 8192 free)');
    expect(one(fs, 'placement.flavor-fit', 'critical').title).toContain('MEMORY_MB runs out on every provider (compute-1, compute-2)');
    expect(one(fs, 'placement.orphan-allocation', 'warning').title).toContain('32818234-593d-5f0b-ad63-7a123292ed00');
    expectVerbatim(input, fs);
  });

  it('placement-down: the API did not answer; nothing else is claimed', () => {
    const input = fixture('placement-down');
    const fs = analyze(input);
    const api = one(fs, 'placement.api', 'warning');
    expect(api.title).toBe('Placement API at http://198.18.2.11:8778 did not answer from controller-1');
    expect(api.evidence.flatMap((e) => e.lines)).toContain('== HTTP 000 GET http://198.18.2.11:8778/resource_providers');
    expect(api.evidence.flatMap((e) => e.lines).some((l) => l.startsWith('curl: (7) Failed to connect'))).toBe(true);
    expect(fs.filter((f) => f.severity === 'ok')).toEqual([]);
    expect(fs.filter((f) => f.status === 'SKIPPED').map((f) => f.check)).toEqual(['placement.capacity', 'placement.flavor-fit', 'placement.orphan-allocation']);
    expectVerbatim(input, fs);
  });
});

describe('placement-capacity on the Placement API reference samples', () => {
  const input = fixture('api-ref-samples');
  const fs = analyze(input);

  it('usage above (total − reserved) × allocation_ratio is "Over capacity" (critical)', () => {
    const o = one(fs, 'placement.over-capacity', 'critical');
    expect(o.title).toBe('Over capacity for MEMORY_MB on resource provider vgr.localdomain: used 1792 > capacity 256');
    expect(o.explanation).toContain('Over capacity for MEMORY_MB on resource provider 99c09379-6e52-4ef8-9a95-b9ce6f68452e');
    expect(one(fs, 'placement.capacity', 'ok').title).toBe('pony1: capacity fine (DISK_GB 3%, MEMORY_MB 6%, VCPU 2%)');
  });

  it('a flavor above max_unit fits nowhere even with free capacity', () => {
    const fit = one(fs, 'placement.flavor-fit', 'critical');
    expect(fit.title).toBe('Flavor (VCPU 8, MEMORY_MB 2048, DISK_GB 20) fits nowhere: MEMORY_MB+DISK_GB on vgr.localdomain; VCPU on pony1');
    expect(fit.explanation).toContain('pony1: VCPU: asks 8 but max_unit is 4');
    expect(fit.explanation).toContain('vgr.localdomain: MEMORY_MB: asks 2048 but max_unit is 16');
    expect(fit.explanation).toContain('no DISK_GB inventory');
    expect(fit.likelyCause).toContain('bigger than any single host');
  });

  it('without the Nova database the orphan check says it was not made', () => {
    const o = one(fs, 'placement.orphan-allocation');
    expect(o.status).toBe('SKIPPED');
    expectVerbatim(input, fs);
  });
});

describe('placement-capacity edge cases (from the healthy lab output)', () => {
  const healthy = fixture('healthy');

  it('capacity follows Placement: int((total − reserved) × allocation_ratio)', () => {
    expect(capacityOf({ total: 5825, reserved: 512, allocation_ratio: 1.5, min_unit: 1, max_unit: 5825, step_size: 1 })).toBe(7969);
    const dump = parsePlacement(healthy.outputs.find((o) => o.step === 'placement-providers')?.stdout ?? '');
    expect(dump.providers.map((p) => p.name)).toEqual(['compute-1', 'compute-2']);
    expect(dump.candidates?.query).toBe('VCPU:4,MEMORY_MB:8192,DISK_GB:80');
  });

  it('no token on the host: skipped, not a cluster problem', () => {
    const input = withStep(healthy, 'placement-providers', {
      state: 'failed',
      exitCode: 1,
      stdout: '',
      stderr: 'Missing value auth-url required for auth plugin password\n',
    });
    const fs = analyze(input);
    expect(bad(fs)).toEqual([]);
    const api = one(fs, 'placement.api');
    expect(api.status).toBe('SKIPPED');
    expect(api.evidence[0]?.lines).toEqual(['Missing value auth-url required for auth plugin password']);
  });

  it('a step that never completed claims nothing', () => {
    const fs = analyze(withStep(healthy, 'placement-providers', { state: 'timeout', exitCode: null, stdout: '', error: 'timed out' }));
    expect(fs.every((f) => f.status === 'SKIPPED')).toBe(true);
  });

  it('an instance with no allocation is flagged; instances from another cell are not called orphans', () => {
    const nova = healthy.outputs.find((o) => o.step === 'nova-instances') as StepOutput;
    const extra = 'live\t0a1b2c3d-0000-4000-8000-000000000001\tcompute-2\tapp-9\tactive\n';
    const fs = analyze(withStep(healthy, 'nova-instances', { stdout: nova.stdout + extra }));
    const m = one(fs, 'placement.missing-allocation', 'warning');
    expect(m.title).toBe('Instance app-9 on compute-2 has no allocation in Placement');
    expect(m.nextStep).toContain('nova-manage placement heal_allocations --dry-run --instance 0a1b2c3d-0000-4000-8000-000000000001');

    const empty = analyze(withStep(healthy, 'nova-instances', { stdout: 'no table nova.migrations: migration consumers not checked\n' }));
    expect(bad(empty)).toEqual([]);
    expect(one(empty, 'placement.orphan-allocation').status).toBe('SKIPPED');
  });

  it('the Nova query failing skips the orphan check with the error as evidence', () => {
    const fs = analyze(withStep(healthy, 'nova-instances', { state: 'failed', exitCode: 1, stdout: '', stderr: "ERROR 1049 (42000): Unknown database 'nova'\n" }));
    const o = one(fs, 'placement.orphan-allocation');
    expect(o.status).toBe('SKIPPED');
    expect(o.evidence[0]?.lines).toEqual(["ERROR 1049 (42000): Unknown database 'nova'"]);
  });

  it('a load balancer with no placement backend (HTTP 503) is critical', () => {
    const fs = analyze(
      withStep(healthy, 'placement-providers', {
        stdout: '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n\n== HTTP 503 GET http://10.0.0.10:8778/resource_providers\n',
      }),
    );
    expect(one(fs, 'placement.api', 'critical').title).toBe('Placement API at http://10.0.0.10:8778 answered HTTP 503');
  });
  it('a big cloud: healthy providers share one ok finding, problems stay separate', () => {
    const out = healthy.outputs.find((o) => o.step === 'placement-providers') as StepOutput;
    const [list, ...rest] = out.stdout.split('\n');
    const block = rest.slice(1, 7).join('\n'); // compute-1: inventories, usages, allocations with markers
    const uuid = '0539e053-d3e8-5e3c-a385-fe28ea4edc27';
    const uuids = Array.from({ length: 25 }, (_, i) => `0539e053-d3e8-5e3c-a385-${String(i).padStart(12, '0')}`);
    const providers = uuids.map((u, i) => `{"uuid": "${u}", "name": "compute-${i + 1}", "generation": 1, "parent_provider_uuid": null, "root_provider_uuid": "${u}"}`);
    const stdout = [`{"resource_providers": [${providers.join(', ')}]}`, rest[0], ...uuids.map((u) => block.replaceAll(uuid, u))].join('\n') + '\n';
    expect(list).toContain('resource_providers');
    const fs = analyze({ ...withStep(healthy, 'placement-providers', { stdout }), params: {} });
    const caps = fs.filter((f) => f.check === 'placement.capacity');
    expect(caps).toHaveLength(1);
    expect(caps[0]?.title).toBe('25 resource providers: capacity fine');
    expect(caps[0]?.evidence).toHaveLength(20);
  });
});

describe('placement-capacity without a flavor: every enabled Nova flavor (Kolla lab, full control plane)', () => {
  it('healthy: all three flavors fit, the largest on both computes', () => {
    const input = fixture('lab-kolla-full-healthy');
    const fs = analyze(input);
    expect(bad(fs)).toEqual([]);
    expect(fs.filter((f) => f.status === 'SKIPPED')).toEqual([]);
    const ok = one(fs, 'placement.flavors', 'ok');
    expect(ok.title).toBe('All 3 enabled flavor(s) fit on at least one of 2 compute(s)');
    expect(ok.explanation).toContain('The largest, m1.large (4 VCPU, 8192 MB RAM, 80 GB disk), fits on compute-1, compute-2.');
    expect(fs.some((f) => f.check === 'placement.flavor-fit')).toBe(false);
    expectVerbatim(input, fs);
  });

  it('placement-no-capacity: m1.large fits nowhere now, MEMORY_MB on both computes; the smaller flavors still fit', () => {
    const input = fixture('lab-kolla-full-no-capacity');
    const fs = analyze(input);
    expect(bad(fs).map((f) => `${f.check} ${f.severity} ${f.title}`)).toEqual([
      'placement.flavors warning Flavor m1.large (4 VCPU, 8192 MB RAM, 80 GB disk) fits on no compute: MEMORY_MB runs out on every provider (compute-1, compute-2)',
    ]);
    const f = bad(fs)[0] as Finding;
    expect(f.explanation).toContain('the computes are too full for it now');
    expect(f.explanation).toContain('compute-1: MEMORY_MB: asks 8192 but only 2048 free (capacity 8192 = (16384 − 8192) × 1, used 6144)');
    expect(f.likelyCause).toContain('reserved_host_memory_mb');
    expect(f.nextStep).toContain('openstack flavor show m1.large');
    expect(f.evidence[0]?.lines).toEqual(['flavor\t0ac1df35-2707-47cb-bc8a-a31694b3ecdc\tm1.large\t4\t8192\t80\t0\t0\t0']);
    expectVerbatim(input, fs);
  });

  it('novalidhost-real: m1.xxlarge never fits (above max_unit whatever is free)', () => {
    const input = fixture('lab-kolla-full-novalidhost');
    const fs = analyze(input);
    const f = one(fs, 'placement.flavors', 'warning');
    expect(f.title).toBe('Flavor m1.xxlarge (16 VCPU, 32768 MB RAM, 160 GB disk) fits on no compute: VCPU+MEMORY_MB+DISK_GB runs out on every provider (compute-1, compute-2)');
    expect(f.explanation).toContain('no compute could take it even empty, so it never fits');
    expect(f.explanation).toContain('VCPU: asks 16 but max_unit is 8');
    expect(f.likelyCause).toContain('bigger than any single host');
    expectVerbatim(input, fs);
  });

  it('flavors whose extra specs change what they ask are not judged by size; DISK_GB alone still lets a volume-backed server fit', () => {
    const input = fixture('lab-kolla-full-healthy');
    const edit = (add: string): AnalyzerInput => ({
      ...input,
      outputs: input.outputs.map((o) => (o.step === 'nova-instances' ? { ...o, stdout: o.stdout.replace(/flavors read: 3\n/, `${add}flavors read: 4\n`) } : o)),
    });
    // A pinned flavor (hw:cpu_policy=dedicated asks PCPU): bigger than any VCPU inventory, yet not called unplaceable.
    const pinned = analyze(edit('flavor\tp1\tpinned.huge\t64\t8192\t20\t0\t0\t1\n'));
    expect(bad(pinned)).toEqual([]);
    expect(one(pinned, 'placement.flavors', 'ok').explanation).toContain('Not judged by size: pinned.huge');
    // 4 VCPU, 4 GB and a 500 GB root disk: only DISK_GB stops it.
    const disky = analyze(edit('flavor\td1\tm1.disky\t4\t4096\t500\t0\t0\t0\n'));
    const f = one(disky, 'placement.flavors', 'warning');
    expect(f.title).toContain('m1.disky');
    expect(f.explanation).toContain('a server booted from a volume (which asks no DISK_GB) still fits');
    // Six that never fit share one finding.
    const many = analyze(edit(Array.from({ length: 6 }, (_, i) => `flavor\tb${i}\tbig.${i}\t${32 + i}\t65536\t20\t0\t0\t0\n`).join('')));
    const m = one(many, 'placement.flavors', 'warning');
    expect(m.title).toBe('6 flavors fit on no compute: big.0, big.1, big.2, big.3, big.4, big.5');
    expect(m.explanation).toContain('6 of 9 enabled flavors would end in ERROR');
  });

  it('what could not be read is said, never ok: no step, no nova_api database, the query failing', () => {
    const input = fixture('lab-kolla-full-healthy');
    const without = analyze({ ...input, outputs: input.outputs.filter((o) => o.step !== 'nova-instances') });
    expect(one(without, 'placement.flavors').status).toBe('SKIPPED');
    const noTable = analyze(withStep(input, 'nova-instances', { stdout: 'no table nova_api.flavors: flavors not checked\n' }));
    expect(one(noTable, 'placement.flavors').explanation).toContain('has no nova_api.flavors table');
    const failed = analyze(withStep(input, 'nova-instances', { stdout: input.outputs.find((o) => o.step === 'nova-instances')?.stdout.replace(/^flavor.*\n|^flavors read.*\n/gm, '') ?? '', stderr: "ERROR 1142 (42000): SELECT command denied to user 'nova'@'localhost' for table 'flavors'\n" }));
    const skipped = one(failed, 'placement.flavors');
    expect(skipped.status).toBe('SKIPPED');
    expect(skipped.evidence[0]?.lines).toEqual(["ERROR 1142 (42000): SELECT command denied to user 'nova'@'localhost' for table 'flavors'"]);
    // The older light-lab captures have no flavor lines: not checked, not ok.
    expect(one(analyze(fixture('healthy')), 'placement.flavor-fit', 'ok')).toBeTruthy();
    expect(one(analyze({ ...fixture('healthy'), params: {} }), 'placement.flavors').status).toBe('SKIPPED');
  });
});
