import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { novaComputeLogTexts } from '../../../main/shared/finding-texts/nova-compute-log.js';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import { formatProblem, parsePlaybook, type LoadedPlaybook } from '../../engine/loader.js';
import { analyzeOutputs } from '../../engine/run.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze, hoursOf, kinds } from './analyzer.js';

const dir = join(import.meta.dirname, 'fixtures');
const file = join(import.meta.dirname, 'playbook.yaml');
const parsed = parsePlaybook(readFileSync(file, 'utf8'), file, 'nova-compute-log');
if (!('def' in parsed)) throw new Error(parsed.problems.map(formatProblem).join('\n'));
const playbook: LoadedPlaybook = { def: parsed.def, file, analyze };

const run = (scenario: string): { input: AnalyzerInput; findings: Finding[] } => {
  const input = loadFixture(join(dir, scenario));
  return { input, findings: analyzeOutputs(playbook, input) };
};
const brief = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.title]);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);

describe('nova-compute-log', () => {
  it('loads: one log step per compute, the engine’s clock, four 24 h signatures the analyzer mirrors', () => {
    expect(parsed.def.steps.map((s) => `${s.id}:${s.service}:${(s.roles ?? []).join('/')}`)).toEqual(['nova-compute-log:nova-compute:compute', 'signature-clock:host:compute']);
    expect(parsed.def.logSignatures?.map((g) => [g.id, g.regex, g.window, g.severity])).toEqual(kinds.map((k) => [k.id, k.re.source, '24h', 'warning']));
  });

  it('lab instance-error-port-binding: the failed spawn on compute-1, nothing else, one record at 12:00', () => {
    const { input, findings } = run('lab-packages-spawn-failed');
    expect(brief(findings)).toEqual([
      ['nova-compute-log.per-hour', 'info', 'nova-compute errors on compute-1 hour by hour: 1 in 1 hour(s) of the last 24'],
      ['nova-compute-log.libvirt-error', 'ok', 'libvirt errors in nova-compute: not seen in the last 24h'],
      ['nova-compute-log.resource-update-failed', 'ok', 'nova-compute failed to update its resources: not seen in the last 24h'],
      ['nova-compute-log.oslo-messaging-error', 'ok', 'oslo.messaging errors in nova-compute: not seen in the last 24h'],
      ['nova-compute-log.spawn-failed', 'warning', 'Instances failed to spawn on this compute on compute-1: 1 times in the last 24h'],
      ['nova-compute-log.spawn-failed', 'ok', 'Instances failed to spawn on this compute: not seen in the last 24h'],
    ]);
    expect(findings[0]?.explanation).toBe('Error entries (the lines of one traceback count once) by hour on the clock of compute-1 (UTC+0000): 12:00 — libvirt 0, resource update 0, oslo.messaging 0, failed spawn 1.');
    expect(findings[4]?.evidence[0]?.lines[0]).toMatch(/^2026-12-05 12:20:56\.978 16712 ERROR nova\.compute\.manager .*Instance failed to spawn: nova\.exception\.PortBindingFailed/);
    verbatim(input, findings);
  });

  it('hotsos: a failed resource update with its libvirt error counts one record per kind, not per line', () => {
    const { input, findings } = run('public-hotsos-resource-update');
    expect(findings.filter((f) => f.severity !== 'ok').map((f) => [f.check, f.severity])).toEqual([
      ['nova-compute-log.per-hour', 'info'],
      ['nova-compute-log.libvirt-error', 'warning'],
      ['nova-compute-log.resource-update-failed', 'warning'],
    ]);
    expect(findings[0]?.explanation).toContain('20:00 — libvirt 1, resource update 1, oslo.messaging 0, failed spawn 0.');
    expect(findings[1]?.title).toBe('libvirt errors in nova-compute on compute-1: 2 times in the last 24h');
    verbatim(input, findings);
  });

  it('Havana TRACE lines: the spawn and its libvirtError; "raise libvirtError (" is not the error', () => {
    const { input, findings } = run('public-cookbook-spawn-libvirt');
    expect(findings.filter((f) => f.severity === 'warning').map((f) => f.title)).toEqual(['libvirt errors in nova-compute on compute: 1 times in the last 24h', 'Instances failed to spawn on this compute on compute: 1 times in the last 24h']);
    expect(findings[0]?.explanation).toContain('03:00 — libvirt 1, resource update 0, oslo.messaging 0, failed spawn 1.');
    verbatim(input, findings);
  });

  it('hotsos: nova-compute’s RabbitMQ connection failed: an oslo.messaging error at 08:00', () => {
    const { input, findings } = run('public-hotsos-rabbit-error');
    expect(findings.filter((f) => f.severity !== 'ok').map((f) => [f.check, f.severity])).toEqual([
      ['nova-compute-log.per-hour', 'info'],
      ['nova-compute-log.oslo-messaging-error', 'warning'],
    ]);
    expect(findings[0]?.explanation).toContain('08:00 — libvirt 0, resource update 0, oslo.messaging 1, failed spawn 0.');
    verbatim(input, findings);
  });

  it('hours follow the node’s own clock face, and lines outside the 24 h are left out', () => {
    const log = ['2026-12-05 09:10:00.000 7 ERROR oslo.messaging._drivers.impl_rabbit [-] Connection failed', '2026-12-05 09:50:00.000 7 ERROR oslo.messaging._drivers.impl_rabbit [-] Connection failed', '2026-12-05 10:05:00.000 8 ERROR oslo.messaging._drivers.impl_rabbit [-] x', '2026-12-03 10:05:00.000 9 ERROR nova.compute.manager [instance: x] Instance failed to spawn'].join('\n');
    // 10:30 at +05:30: the hours on that clock start at :00 local.
    const clock = { now: Date.UTC(2026, 11, 5, 5, 0) / 1000, offsetMin: 330 };
    const hs = hoursOf(log, clock);
    expect(hs.map((h) => [h.counts.get('oslo-messaging-error')?.size, h.first.slice(11, 16)])).toEqual([
      [2, '09:10'],
      [1, '10:05'],
    ]);
  });

  it('nova-compute-down: a stopped compute’s log says nothing wrong (nova-services names it)', () => {
    const { input, findings } = run('lab-packages-compute-down');
    expect(findings.filter((f) => f.severity === 'warning' && !/spawn/.test(f.check))).toEqual([]);
    verbatim(input, findings);
  });

  it('a log that could not be read is not checked, never ok; no hour table', () => {
    const input = loadFixture(join(dir, 'lab-packages-spawn-failed'));
    const failed = { ...input, outputs: input.outputs.map((o) => (o.step === 'nova-compute-log' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: 'tail: cannot open' } : o)) };
    const fs = analyzeOutputs(playbook, failed);
    expect(fs.some((f) => f.check === 'nova-compute-log.per-hour')).toBe(false);
    expect(fs.filter((f) => f.severity === 'ok')).toEqual([]);
    expect(new Set(fs.map((f) => f.status))).toEqual(new Set(['SKIPPED']));
  });
});

describe('nova-compute-log finding texts', () => {
  const used = new Set<string>();
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const f of run(scenario).findings) expectFindingTexts(f, scenario, used);
    });
  }
  it('together they use every message of the table', () => {
    expect(Object.keys(novaComputeLogTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
