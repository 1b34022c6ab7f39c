import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseMappings, whyMappingsFailed } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const brief = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.title]);
const withStep = (input: AnalyzerInput, step: string, o: Partial<AnalyzerInput['outputs'][number]>): AnalyzerInput => ({ ...input, outputs: input.outputs.map((x) => (x.step === step ? { ...x, ...o } : x)) });

describe('nova-cells', () => {
  it('lab, healthy: both computes mapped to cell1, one ok', () => {
    const input = load('lab-packages-healthy');
    const fs = analyze(input);
    expect(brief(fs)).toEqual([['nova.cells', 'ok', 'All 2 nova-compute hosts are mapped to a cell']]);
    expect(fs[0]?.explanation).toBe('Cells: cell0, cell1. Hosts per cell: cell1: 2.');
    verbatim(input, fs);
  });

  it('lab, compute-2’s mapping removed: a warning whose next step is discover_hosts, said to change the cloud', () => {
    const input = load('lab-packages-unmapped');
    const fs = analyze(input);
    expect(brief(fs)).toEqual([['nova.host-unmapped', 'warning', 'Compute host compute-2 is not mapped to any cell']]);
    expect(fs[0]?.nextStep).toMatch(/^On a controller \(where nova\.conf has the API database\): `nova-manage cell_v2 discover_hosts --verbose` — this writes the host mapping, a change to the cloud/);
    expect(fs[0]?.evidence).toEqual([
      { node: 'controller-1', step: 'compute-services', lines: ['    "Host": "compute-2",'] },
      { node: 'controller-1', step: 'cell-mappings', lines: ['host\tcompute-1\tcell1\tc4ed3abf-e79b-4f93-b935-c3be1fa95ab1'] },
    ]);
    verbatim(input, fs);
  });

  it('public: a disabled cell, an undiscovered compute and a removed compute’s mapping', () => {
    const input = load('public-multicell');
    const fs = analyze(input);
    expect(brief(fs)).toEqual([
      ['nova.cell-disabled', 'warning', 'Cell cell2 is disabled'],
      ['nova.host-unmapped', 'warning', 'Compute host compute3 is not mapped to any cell'],
      ['nova.host-mapping-stale', 'info', '1 host mapping(s) without a nova-compute service: old-compute'],
    ]);
    expect(fs[0]?.nextStep).toContain('nova-manage cell_v2 update_cell --cell_uuid 8e2f4a6c-1d3b-4f5a-8c7e-9b0d2f4a6c85 --enable');
    expect(fs[2]?.nextStep).toContain('nova-manage cell_v2 delete_host --cell_uuid 5d9a7c1e-3b8f-4a26-9e0d-7c4b2a1f8e63 --host old-compute');
    verbatim(input, fs);
  });

  it('no cell0 is a warning', () => {
    const input = load('lab-packages-healthy');
    const fs = analyze(withStep(input, 'cell-mappings', { stdout: input.outputs.find((o) => o.step === 'cell-mappings')?.stdout.replace(/^cell\tcell0.*\n/m, '') }));
    expect(brief(fs)[0]).toEqual(['nova.cell0-missing', 'warning', 'No cell0 in Nova’s cell mappings']);
  });

  it('no Nova here (no nova_api, or no compute API) is one info; a failed query or list is not checked, never ok', () => {
    const input = load('lab-packages-healthy');
    const noDb = analyze(withStep(input, 'cell-mappings', { state: 'failed', exitCode: 1, stdout: '', stderr: "ERROR 1049 (42000): Unknown database 'nova_api'" }));
    expect(noDb.map((f) => [f.check, f.severity])).toEqual([['nova.cells-not-here', 'info']]);
    const noApi = analyze(withStep(input, 'compute-services', { state: 'failed', exitCode: 1, stdout: '', stderr: "'Proxy' object has no attribute 'services'" }));
    expect(noApi.map((f) => [f.check, f.severity])).toEqual([['nova.cells-not-here', 'info']]);
    const denied = analyze(withStep(input, 'cell-mappings', { state: 'failed', exitCode: 1, stdout: '', stderr: "ERROR 1045 (28000): Access denied for user 'root'@'localhost'" }));
    expect(denied.map((f) => [f.check, f.status])).toEqual([['nova.cell-mappings', 'SKIPPED']]);
    expect(denied[0]?.likelyCause).toMatch(/refused the query/);
    const noList = analyze(withStep(input, 'compute-services', { state: 'timeout', exitCode: null, error: 'timed out after 60 s' }));
    expect(noList.map((f) => [f.check, f.status])).toEqual([['nova.compute-hosts', 'SKIPPED']]);
    expect(noList[0]?.explanation).toBe('The step did not run to the end: timed out after 60 s.');
  });

  it('parses mysql rows and sorts query failures', () => {
    const m = parseMappings('cell\tcell0\t00000000-0000-0000-0000-000000000000\t0\ncell\tNULL\tu1\t1\nhost\th1\tNULL\tu1\n');
    expect(m.cells.map((c) => [c.name, c.disabled])).toEqual([
      ['cell0', false],
      ['', true],
    ]);
    expect(m.hosts.map((h) => [h.host, h.cell, h.cellUuid])).toEqual([['h1', '', 'u1']]);
    expect(whyMappingsFailed("ERROR 1146 (42S02): Table 'nova_api.cell_mappings' doesn't exist")).toBe('no-nova');
    expect(whyMappingsFailed("ERROR 2002 (HY000): Can't connect to local server through socket")).toBe('unreachable');
  });
});
