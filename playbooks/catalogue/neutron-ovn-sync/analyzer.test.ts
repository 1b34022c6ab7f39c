import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import { parsePlaybook } from '../../engine/loader.js';
import { analyzeOutputs } from '../../engine/run.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { idOfNbName, nbName } from './parse.js';

const dir = import.meta.dirname;
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, 'fixtures', scenario));
const parsed = parsePlaybook(readFileSync(join(dir, 'playbook.yaml'), 'utf8'), join(dir, 'playbook.yaml'), 'neutron-ovn-sync');
if (!('def' in parsed)) throw new Error('playbook.yaml does not load');
/** The analyzer and the log signatures, as the engine runs them. */
const all = (input: AnalyzerInput): Finding[] => analyzeOutputs({ def: parsed.def, analyze }, input);
const brief = (fs: Finding[]): Array<[string, string, string]> => fs.map((f) => [f.check, f.severity, f.title]);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const withStep = (input: AnalyzerInput, step: string, o: Partial<AnalyzerInput['outputs'][number]>): AnalyzerInput => ({ ...input, outputs: input.outputs.map((x) => (x.step === step ? { ...x, ...o } : x)) });
const stdoutOf = (input: AnalyzerInput, step: string): string => input.outputs.find((o) => o.step === step)?.stdout ?? '';
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('neutron-ovn-sync', () => {
  it('Northbound names: Neutron’s own for each kind, and back; other names are not Neutron’s', () => {
    expect(nbName('security_group', '0c9d3e1a-5b7f-4c2d-8e6a-1f3b5d7c9e20')).toBe('pg_0c9d3e1a_5b7f_4c2d_8e6a_1f3b5d7c9e20');
    expect(idOfNbName('security_group', 'pg_0c9d3e1a_5b7f_4c2d_8e6a_1f3b5d7c9e20')).toBe('0c9d3e1a-5b7f-4c2d-8e6a-1f3b5d7c9e20');
    expect(idOfNbName('network', 'neutron-4775b286-e799-507d-a585-7238dc0df239')).toBe('4775b286-e799-507d-a585-7238dc0df239');
    expect([idOfNbName('security_group', 'neutron_pg_drop'), idOfNbName('port', 'provnet-8d2c'), idOfNbName('router', 'op-lr')]).toEqual([null, null, null]);
  });

  it('lab, healthy (after the maintenance task ran): ring and sync ok, the task’s sync line info, nothing bad', () => {
    const input = load('lab-packages-healthy');
    expect(brief(analyze(input))).toEqual([
      ['neutron-ovn.hash-ring', 'ok', 'OVN hash ring: neutron-server workers on 1 host(s) heartbeat (mechanism_driver)'],
      ['neutron-ovn.sync', 'ok', 'Neutron and the OVN Northbound DB agree'],
    ]);
    const fs = all(input);
    expect(bad(fs)).toEqual([]);
    expect(fs.find((f) => f.check === 'neutron-ovn-sync.maintenance-synced' && f.status !== 'SKIPPED')?.severity).toBe('info');
    // neutron-server runs on controller-1 only: the others' "-- No entries --" is no log, not a log that could not be read.
    expect(fs.filter((f) => f.status === 'SKIPPED').map((f) => f.title)).toEqual([]);
    expect(fs.find((f) => f.check === 'neutron-ovn-sync.hash-ring-empty')?.explanation).toContain('no log at all on controller-2 and controller-3');
    verbatim(input, fs);
  });

  it('lab, a minute after lab up: revisions the maintenance task has yet to push are info, not a fault', () => {
    const input = load('lab-packages-fresh-drift');
    const fs = analyze(input);
    expect(brief(fs)).toEqual([
      ['neutron-ovn.hash-ring', 'ok', 'OVN hash ring: neutron-server workers on 1 host(s) heartbeat (mechanism_driver)'],
      ['neutron-ovn.revision-drift', 'info', '3 resource(s) waiting for the maintenance task to sync them to OVN (networks 2, security_groups 1)'],
      ['neutron-ovn.sync', 'ok', 'Neutron and the OVN Northbound DB agree'],
    ]);
    // The one older than a minute is shown; the two younger are counted, not quoted.
    expect(fs[1]?.evidence[0]?.lines).toEqual(['drift\tnetworks\t89ca37a9-81c0-4e8b-8dc7-2693e4c86058\t1\t2\t62']);
    expect(bad(all(input))).toEqual([]);
    verbatim(input, all(input));
  });

  it('lab, an LSP deleted by hand, a stray router and the ring’s heartbeat stopped: two criticals and a warning', () => {
    const input = load('lab-packages-lsp-deleted-ring-stale');
    const fs = all(input);
    expect(brief(bad(fs))).toEqual([
      ['neutron-ovn.hash-ring', 'critical', 'No neutron-server heartbeats the OVN hash ring (mechanism_driver): OVN events are dropped'],
      ['neutron-ovn.missing-in-nb', 'critical', '1 of 8 Neutron port(s) missing from the OVN Northbound DB (Logical_Switch_Port)'],
      ['neutron-ovn.orphan-in-nb', 'warning', '1 Northbound row(s) made by Neutron that Neutron no longer has (Logical_Router 1)'],
    ]);
    expect(bad(fs)[0]?.explanation).toContain('were last touched 92 s ago');
    expect(bad(fs)[1]?.explanation).toContain('71d5836c-da05-41f6-8c0a-f028352ddb9c');
    expect(bad(fs)[2]?.evidence[0]?.lines).toEqual(['neutron-0d5c7a3e-9b1f-4e2a-8c6d-3f7a1b9e2c40']);
    verbatim(input, fs);
  });

  it('public: an LSP deleted by hand is critical, and said to be out of the maintenance task’s reach', () => {
    const input = load('public-lsp-deleted-by-hand');
    const fs = all(input);
    expect(brief(fs)).toEqual([
      ['neutron-ovn.hash-ring', 'ok', 'OVN hash ring: neutron-server workers on 3 host(s) heartbeat (mechanism_driver)'],
      ['neutron-ovn.missing-in-nb', 'critical', '1 of 14 Neutron port(s) missing from the OVN Northbound DB (Logical_Switch_Port)'],
    ]);
    expect(fs[1]?.likelyCause).toMatch(/^None of the 1 is out of sync by its revision numbers: .* will never repair them/);
    expect(fs[1]?.nextStep).toContain('ovn-nbctl --no-leader-only list Logical_Switch_Port 2217bead-dbc4-46cb-8e81-973e0becd7b0');
    expect(fs[1]?.evidence[0]?.lines).toEqual(['port\t2217bead-dbc4-46cb-8e81-973e0becd7b0\t307277']);
    verbatim(input, fs);
  });

  it('public: an empty hash ring is critical, and the log’s "HashRing is empty" is explained by it', () => {
    const input = load('public-hash-ring-empty');
    const fs = all(input);
    expect(brief(bad(fs))).toEqual([
      ['neutron-ovn.hash-ring', 'critical', 'The OVN hash ring is empty: neutron-server drops every OVN event'],
      ['neutron-ovn-sync.hash-ring-empty', 'warning', 'neutron-server dropped OVN events: "HashRing is empty" on controller-1: 3 times in the last 6h'],
    ]);
    expect(bad(fs)[1]?.explainedBy).toEqual(['neutron-ovn.hash-ring']);
    // The sync itself is fine: the ring does not make it fail.
    expect(fs.find((f) => f.check === 'neutron-ovn.sync')?.severity).toBe('ok');
    verbatim(input, fs);
  });

  it('public: failed repairs — missing ports, old drift, a stuck delete and an orphan router; the task’s and the start-up sync’s log lines counted', () => {
    const input = load('public-maintenance-failing');
    const fs = all(input);
    expect(brief(bad(fs))).toEqual([
      ['neutron-ovn.revision-drift', 'warning', '3 resource(s) out of sync between Neutron and OVN (networks 1, ports 2)'],
      ['neutron-ovn.delete-pending', 'warning', '1 resource(s) deleted in Neutron but not yet in OVN (ports 1)'],
      ['neutron-ovn.missing-in-nb', 'critical', '2 of 20 Neutron port(s) missing from the OVN Northbound DB (Logical_Switch_Port)'],
      ['neutron-ovn.orphan-in-nb', 'warning', '1 Northbound row(s) made by Neutron that Neutron no longer has (Logical_Router 1)'],
      ['neutron-ovn-sync.maintenance-fix-failed', 'warning', 'Neutron’s maintenance task failed to push resources to OVN on controller-1: 3 times in the last 24h'],
    ]);
    // The start-up comparison is history: the live comparison above is what differs now.
    expect(fs.find((f) => f.check === 'neutron-ovn-sync.startup-sync-differences')?.severity).toBe('info');
    expect(fs.find((f) => f.check === 'neutron-ovn.missing-in-nb')?.likelyCause).toMatch(/^Only 1 of the 2 are out of sync by their revision numbers/);
    // The port waiting for its delete is still in the Northbound DB: said once, as pending, not as an orphan.
    expect(fs.find((f) => f.check === 'neutron-ovn.orphan-in-nb')?.evidence[0]?.lines).toEqual(['neutron-007d1034-d726-486b-9c3a-23cde67a9b75']);
    expect(fs.find((f) => f.check === 'neutron-ovn-sync.maintenance-synced')?.severity).toBe('info');
    expect(fs.some((f) => f.check === 'neutron-ovn.sync')).toBe(false);
    verbatim(input, fs);
  });

  it('light lab: no Neutron is one info, and nothing else of the analyzer’s; its log is not read, never ok', () => {
    const input = load('lab-light-no-neutron');
    expect(brief(analyze(input))).toEqual([['neutron-ovn.not-here', 'info', 'Not checked: this cloud runs no Neutron (no Neutron database)']]);
    const fs = all(input);
    expect(bad(fs)).toEqual([]);
    expect(fs.filter((f) => f.check.startsWith('neutron-ovn-sync.')).every((f) => f.severity === 'info' && f.status === 'SKIPPED')).toBe(true);
    verbatim(input, fs);
  });

  it('drift younger than two maintenance runs is info (the task will retry); younger than a minute is in flight and not said', () => {
    const input = load('public-maintenance-failing');
    const db = stdoutOf(input, 'neutron-db');
    const young = analyze(withStep(input, 'neutron-db', { stdout: db.replace(/\t2710\n/, '\t300\n').replace(/\t2650\n/, '\t420\n').replace(/\t1490\n/, '\t20\n') }));
    const drift = young.find((f) => f.check === 'neutron-ovn.revision-drift');
    expect([drift?.severity, drift?.title]).toEqual(['info', '3 resource(s) waiting for the maintenance task to sync them to OVN (networks 1, ports 2)']);
    expect(drift?.evidence[0]?.lines).toHaveLength(2);
  });

  it('a host whose workers stopped heartbeating is a warning; one silent for over a day left its rows behind (info)', () => {
    const input = load('public-lsp-deleted-by-hand');
    const db = stdoutOf(input, 'neutron-db');
    const stale = (age: string): Finding[] => analyze(withStep(input, 'neutron-db', { stdout: db.replace(/(ring\tmechanism_driver\tcontroller-3\t\S+\t)\d+/g, `$1${age}`) })).filter((f) => f.check.startsWith('neutron-ovn.hash-ring'));
    expect(brief(stale('340'))).toEqual([['neutron-ovn.hash-ring-host', 'warning', 'neutron-server on controller-3 stopped heartbeating the OVN hash ring']]);
    expect(brief(stale('200000'))).toEqual([
      ['neutron-ovn.hash-ring-host', 'info', 'Hash ring rows left behind by controller-3 (silent for 56 h)'],
      ['neutron-ovn.hash-ring', 'ok', 'OVN hash ring: neutron-server workers on 2 host(s) heartbeat (mechanism_driver)'],
    ]);
    const allStale = analyze(withStep(input, 'neutron-db', { stdout: db.replace(/(ring\tmechanism_driver\t\S+\t\S+\t)\d+/g, '$175') }));
    expect(brief(allStale.filter((f) => f.check === 'neutron-ovn.hash-ring'))).toEqual([['neutron-ovn.hash-ring', 'critical', 'No neutron-server heartbeats the OVN hash ring (mechanism_driver): OVN events are dropped']]);
  });

  it('Neutron without OVN (no ring row, no revision) is one info', () => {
    const input = load('public-lsp-deleted-by-hand');
    const db = stdoutOf(input, 'neutron-db').replace(/^ring\t.*\n/gm, '').replace(/^revisions\t\d+$/m, 'revisions\t0');
    expect(brief(analyze(withStep(input, 'neutron-db', { stdout: db })))).toEqual([['neutron-ovn.not-here', 'info', 'Not checked: Neutron here does not use OVN']]);
  });

  it('objects younger than a minute are not missing yet; a missing network says whether the task knows it', () => {
    const input = load('public-lsp-deleted-by-hand');
    const db = stdoutOf(input, 'neutron-db');
    expect(analyze(withStep(input, 'neutron-db', { stdout: db.replace(/(port\t2217bead-dbc4-46cb-8e81-973e0becd7b0\t)\d+/, '$130') })).map((f) => f.severity)).toEqual(['ok', 'ok']);
    const net = /^network\t(\S+)\t/m.exec(db)?.[1] as string;
    const nb = stdoutOf(input, 'nb-objects').replace(`neutron-${net}\n`, '');
    const withDrift = db.replace(/^revisions\t(\d+)$/m, `revisions\t$1\ndrift-count\tnetworks\t1\ndrift\tnetworks\t${net}\t2\t3\t90`);
    const fs = analyze(withStep(withStep(input, 'nb-objects', { stdout: nb }), 'neutron-db', { stdout: withDrift }));
    const missing = fs.find((f) => f.title.startsWith('1 of 3 Neutron network(s)'));
    expect(missing?.severity).toBe('critical');
    expect(missing?.likelyCause).toMatch(/^All 1 are also out of sync by their revision numbers/);
  });

  it('a failed query or Northbound read is not checked, never ok; the other side still speaks', () => {
    const input = load('public-lsp-deleted-by-hand');
    const denied = analyze(withStep(input, 'neutron-db', { state: 'failed', exitCode: 1, stdout: '', stderr: "ERROR 1045 (28000): Access denied for user 'root'@'localhost'" }));
    expect(denied.map((f) => [f.check, f.status])).toEqual([['neutron-ovn.neutron-db', 'SKIPPED']]);
    expect(denied[0]?.likelyCause).toMatch(/refused the query/);
    const nbDown = analyze(withStep(input, 'nb-objects', { stdout: stdoutOf(input, 'nb-objects').replace(/== Logical_Router\n(?:.*\n)*?== exit 0/, '== Logical_Router\n== exit 1') }));
    expect(nbDown.map((f) => [f.check, f.severity, f.status])).toEqual([
      ['neutron-ovn.hash-ring', 'ok', 'OK'],
      ['neutron-ovn.nb-objects', 'info', 'SKIPPED'],
    ]);
    expect(nbDown[1]?.evidence[0]?.lines).toEqual(['== Logical_Router', '== exit 1']);
    const withErr = analyze(withStep(input, 'nb-objects', { stdout: stdoutOf(input, 'nb-objects').replace(/== Logical_Router\n(?:.*\n)*?== exit 0/, '== Logical_Router\n== exit 1'), stderr: 'ovn-nbctl: unix:/var/run/ovn/ovnnb_db.sock: database connection failed (No such file or directory)\n' }));
    expect(withErr[1]?.explanation).toBe('On controller-1: ovn-nbctl: unix:/var/run/ovn/ovnnb_db.sock: database connection failed (No such file or directory)');
    expect(analyze({ ...input, outputs: [] }).every((f) => f.status === 'SKIPPED')).toBe(true);
  });
});
