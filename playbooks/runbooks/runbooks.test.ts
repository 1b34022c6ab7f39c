import { describe, expect, it } from 'vitest';
import { faults } from '../../main/lab/faults.js';
import { analyzers, catalogueDir } from '../catalogue/index.js';
import { formatProblem, loadCatalogue } from '../engine/loader.js';
import { mutatingReason } from '../engine/read-only.js';
import { loadRunbooks } from '../engine/runbook-loader.js';
import { bindParams } from '../engine/run.js';
import { runbooksDir } from './index.js';

/** The shipped runbooks against the shipped catalogue, as the app loads them. */
const catalogue = loadCatalogue(catalogueDir(), analyzers);
const set = loadRunbooks(runbooksDir(), catalogue);
const runbooks = [...set.runbooks.values()];

describe('shipped runbooks', () => {
  it('all load, in English and Korean', () => {
    expect(set.problems.map(formatProblem)).toEqual([]);
    expect(runbooks.map((r) => r.id)).toEqual(['galera-quorum-lost', 'placement-no-valid-host', 'vm-unreachable-ssh']);
    for (const r of runbooks) expect(r.languages).toEqual(['en', 'ko']);
  });

  for (const r of runbooks) {
    describe(r.id, () => {
      it('trains on a fault the practice lab can inject, on a flavour the lab has', () => {
        const fault = faults.find((f) => f.id === r.fault);
        expect(fault, `fault ${r.fault}`).toBeDefined();
        expect(r.appliesTo).toContain('packages');
      });

      it('names existing playbooks with parameters they accept, and only reading commands', () => {
        const actions = r.steps.map((s) => s.action);
        expect(actions.some((a) => a.kind === 'playbook')).toBe(true);
        expect(actions.some((a) => a.kind === 'command')).toBe(true);
        for (const a of actions) {
          if (a.kind === 'playbook') {
            const p = catalogue.playbooks.get(a.playbookId);
            expect(p, a.playbookId).toBeDefined();
            if (!p) continue;
            for (const name of Object.keys(a.params)) expect(p.def.params.map((x) => x.name), `${a.playbookId} ${name}`).toContain(name);
            expect(() => bindParams(p.def, a.params)).not.toThrow();
            expect(p.def.steps.some((s) => s.mutating)).toBe(false);
          }
          if (a.kind === 'command') {
            expect(mutatingReason(a.command), a.command).toBeNull();
            expect(a.roles.length).toBeGreaterThan(0);
          }
        }
      });

      it('explains every step in both languages, with healthy and broken output for steps that run', () => {
        expect(r.title.ko).not.toBe(r.title.en);
        expect(r.summary.ko).toMatch(/[가-힣]/);
        for (const s of r.steps) {
          for (const field of ['title', 'body', 'why'] as const) {
            expect(s[field].en, `${s.id}.${field}`).not.toBe('');
            expect(s[field].ko, `${s.id}.${field}`).toMatch(/[가-힣]/);
          }
          if (s.action.kind !== 'read') {
            for (const field of ['healthy', 'broken'] as const) {
              expect(s[field].en, `${s.id}.${field}`).not.toBe('');
              // Some are only sample output, the same in both languages.
              expect(s[field].ko, `${s.id}.${field}`).not.toBe('');
            }
          }
        }
      });
    });
  }

  it('use the lab parameters the catalogue test proves on a healthy lab', () => {
    const steps = runbooks.flatMap((r) => r.steps.map((s) => s.action));
    expect(steps).toContainEqual({ kind: 'playbook', playbookId: 'placement-capacity', params: { vcpu: '4', memory_mb: '8192', disk_gb: '80' } });
    expect(steps).toContainEqual({ kind: 'playbook', playbookId: 'ovn-trace', params: { source: 'bastion-port', destination_ip: '10.0.0.12', protocol: 'tcp', destination_port: '22' } });
    expect(steps).toContainEqual({ kind: 'playbook', playbookId: 'galera-health', params: { expected_size: '3' } });
  });
});
