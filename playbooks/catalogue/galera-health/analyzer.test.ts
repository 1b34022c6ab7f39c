import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../engine/fixtures.js';
import { parsePlaybook } from '../../engine/loader.js';
import type { AnalyzerInput, Finding, StepOutput } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { clientError, parseGrastate, parseRows } from './parse.js';

const here = import.meta.dirname;
const fixtures = join(here, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(fixtures, scenario));
const run = (scenario: string): Finding[] => analyze(load(scenario));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const one = (fs: Finding[], check: string, node?: string): Finding => {
  const hits = fs.filter((f) => f.check === check && (!node || f.title.includes(node)));
  expect(hits, `${check} ${node ?? ''}: ${fs.map((f) => `${f.check}: ${f.title}`).join(' | ')}`).toHaveLength(1);
  return hits[0] as Finding;
};
const lines = (f: Finding, node: string, step: string): string[] => f.evidence.filter((e) => e.node === node && e.step === step).flatMap((e) => e.lines);

/** A copy of a captured input with one node's step output changed. */
function edited(scenario: string, node: string, step: string, change: (o: StepOutput) => StepOutput): AnalyzerInput {
  const input = load(scenario);
  return { ...input, outputs: input.outputs.map((o) => (o.node === node && o.step === step ? change(o) : o)) };
}

describe('galera-health playbook', () => {
  it('loads and has the three steps', () => {
    const r = parsePlaybook(readFileSync(join(here, 'playbook.yaml'), 'utf8'), 'galera-health/playbook.yaml', 'galera-health');
    expect('problems' in r ? r.problems : []).toEqual([]);
    if (!('def' in r)) return;
    expect(r.def.steps.map((s) => [s.id, s.service, s.on])).toEqual([
      ['wsrep-status', 'database', 'each'],
      ['app-query', 'database', 'each'],
      ['grastate', 'host', 'each'],
    ]);
    expect(r.def.params[0]).toMatchObject({ name: 'expected_size', type: 'integer', default: 3, min: 1 });
  });

});

describe('galera-health on lab captures', () => {
  it('healthy lab (packages and openstack-helm): nothing to fix, and says what it checked', () => {
    for (const s of ['lab-healthy', 'helm-healthy']) {
      const fs = run(s);
      expect(bad(fs)).toEqual([]);
      for (const check of ['galera.primary', 'galera.local-state', 'galera.ready', 'galera.flow-control', 'galera.cluster-size', 'galera.state-uuid']) {
        expect(one(fs, check).severity).toBe('ok');
      }
      expect(one(fs, 'galera.cluster-size').title).toBe('Galera cluster has all 3 nodes');
      expect(one(fs, 'galera.primary').title).toContain('controller-1, controller-2, controller-3');
      expect(fs.some((f) => f.check === 'galera.bootstrap')).toBe(false);
    }
  });

  it('galera-node-down: critical naming controller-3, cluster 2 of 3 warning, no bootstrap advice', () => {
    for (const s of ['lab-node-down', 'lab-node-down-datadir', 'helm-node-down']) {
      const fs = run(s);
      const down = one(fs, 'galera.mysqld-down');
      expect(down.severity).toBe('critical');
      expect(down.title).toContain('controller-3');
      expect(down.nextStep).toContain('controller-3');
      const size = one(fs, 'galera.cluster-size');
      expect(size).toMatchObject({ severity: 'warning', title: 'Galera cluster has 2 of 3 nodes; not in it: controller-3' });
      expect(lines(size, 'controller-1', 'wsrep-status')).toContain('wsrep_cluster_size\t2');
      expect(bad(fs)).toHaveLength(2);
      expect(fs.some((f) => f.check === 'galera.bootstrap')).toBe(false);
    }
    const pkg = one(run('lab-node-down'), 'galera.mysqld-down');
    expect(pkg.title).toBe('mysqld is not running on controller-3');
    expect(lines(pkg, 'controller-3', 'wsrep-status')[0]).toMatch(/^ERROR 2002 \(HY000\): Can't connect to local server through socket/);
    expect(pkg.nextStep).toContain('ssh controller-3 systemctl start mariadb');
    const helm = one(run('helm-node-down'), 'galera.mysqld-down');
    expect(helm.title).toBe('The database container is not running on controller-3');
    expect(lines(helm, 'controller-3', 'wsrep-status')).toEqual(['error: unable to upgrade connection: container not found ("mariadb")']);
    const clean = one(run('lab-node-down-datadir'), 'galera.mysqld-down');
    expect(clean.explanation).toContain('stopped cleanly at seqno 65');
    expect(lines(clean, 'controller-3', 'grastate')).toContain('seqno:   65');
  });

  it('galera-quorum-lost: survivor non-Primary (ERROR 1047), the others down, bootstrap from controller-1', () => {
    for (const s of ['lab-quorum-lost', 'lab-quorum-lost-datadir', 'helm-quorum-lost']) {
      const fs = run(s);
      const np = one(fs, 'galera.non-primary');
      expect(np).toMatchObject({ severity: 'critical', title: 'controller-1 is not in the Primary component (wsrep_cluster_status non-Primary)' });
      expect(lines(np, 'controller-1', 'wsrep-status')).toEqual(expect.arrayContaining(['wsrep_cluster_status\tnon-Primary', 'wsrep_ready\tOFF']));
      expect(lines(np, 'controller-1', 'app-query')).toEqual(['ERROR 1047 (08S01) at line 1: WSREP has not yet prepared node for application use']);
      for (const n of ['controller-2', 'controller-3']) expect(one(fs, 'galera.mysqld-down', n).severity).toBe('critical');
      const b = one(fs, 'galera.bootstrap');
      expect(b).toMatchObject({ severity: 'critical', title: 'No Primary component: bootstrap from controller-1' });
      expect(b.nextStep).toContain("SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'");
      expect(b.nextStep).toContain('controller-1 becomes Primary without a restart');
      expect(b.explanation).toMatch(/its last committed seqno is \d+ \(wsrep_last_committed\)/);
      expect(lines(b, 'controller-1', 'wsrep-status').some((l) => l.startsWith('wsrep_last_committed\t'))).toBe(true);
      expect(one(fs, 'galera.cluster-size').status).toBe('SKIPPED');
      expect(fs.filter((f) => f.severity === 'ok').map((f) => f.check)).toEqual([]);
    }
    const pkg = one(run('lab-quorum-lost'), 'galera.bootstrap');
    expect(pkg.nextStep).toContain(`ssh controller-1 mysql -e "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'"`);
    expect(pkg.nextStep).toContain('galera_recovery');
    expect(pkg.explanation).toContain('its grastate.dat could not be read');
    const withGrastate = one(run('lab-quorum-lost-datadir'), 'galera.bootstrap');
    expect(lines(withGrastate, 'controller-2', 'grastate')).toContain('seqno:   -1');
    expect(withGrastate.explanation).toContain('grastate.dat says seqno -1: it crashed or was killed');
    expect(one(run('helm-quorum-lost'), 'galera.bootstrap').nextStep).toContain('mariadb-mariadb-state');
  });

  it('whole cluster down: bootstrap from the node with the highest grastate seqno, recover the crashed ones first', () => {
    const fs = run('lab-all-down-datadir');
    expect(fs.filter((f) => f.check === 'galera.mysqld-down')).toHaveLength(3);
    const b = one(fs, 'galera.bootstrap');
    expect(b).toMatchObject({ severity: 'critical', title: 'No Primary component: bootstrap from controller-1' });
    expect(b.explanation).toContain('grastate.dat says it stopped cleanly at seqno 70');
    expect(b.explanation).toContain('controller-2 and controller-3 may be further ahead');
    expect(b.nextStep).toContain('galera_recovery');
    expect(b.nextStep).toContain('galera_new_cluster');
    expect(b.nextStep).toContain('/tmp/stackscope-lab-uYIRJK/controller-1/mysql/data/grastate.dat');
    expect(lines(b, 'controller-1', 'grastate')).toContain('seqno:   70');
  });
});

describe('galera-health on outputs quoted in public sources', () => {
  it('two running non-Primary nodes: bootstrap the one with the highest wsrep_last_committed (super-unix.com)', () => {
    const fs = run('public-two-non-primary');
    expect(fs.filter((f) => f.check === 'galera.non-primary').map((f) => f.severity)).toEqual(['critical', 'critical']);
    const b = one(fs, 'galera.bootstrap');
    expect(b.title).toBe('No Primary component: bootstrap from KVM-1');
    expect(lines(b, 'KVM-1', 'wsrep-status')).toContain('| wsrep_last_committed | 21568       |');
    expect(b.nextStep).toContain("ssh KVM-1 mysql -e \"SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'\"");
    expect(b.nextStep).toContain('the other running nodes rejoin it by themselves');
  });

  it('cold boot after a power failure, grastate only (workswiththeweb.com): plan to recover every position', () => {
    const fs = run('public-cold-boot-all-crashed');
    expect(bad(fs)).toEqual([]);
    const b = one(fs, 'galera.bootstrap');
    expect(b.severity).toBe('info');
    expect(b.title).toBe('If the cluster is down: recover the last position on serv01, serv02 and serv03 to choose the bootstrap node');
    expect(b.nextStep).toContain('galera_recovery');
    expect(lines(b, 'serv02', 'grastate')).toContain('seqno:   -1');
  });

  it('OpenStack-Ansible verification output: Primary 3 of 3, and no claim about what was not shown', () => {
    const fs = run('public-osa-verify');
    expect(bad(fs)).toEqual([]);
    expect(one(fs, 'galera.primary').severity).toBe('ok');
    expect(one(fs, 'galera.cluster-size').title).toBe('Galera cluster has all 3 nodes');
    for (const check of ['galera.local-state', 'galera.ready', 'galera.flow-control']) expect(fs.some((f) => f.check === check)).toBe(false);
  });
});

describe('galera-health judgements on edited captures', () => {
  const healthy = 'lab-healthy';
  const replace = (from: string, to: string) => (o: StepOutput) => ({ ...o, stdout: o.stdout.replace(from, to) });

  it('flow control above 0.1 is a warning naming the node', () => {
    const fs = analyze(edited(healthy, 'controller-2', 'wsrep-status', replace('wsrep_flow_control_paused\t0\n', 'wsrep_flow_control_paused\t0.35\n')));
    const w = one(fs, 'galera.flow-control', 'controller-2');
    expect(w.severity).toBe('warning');
    expect(w.title).toContain('35%');
    expect(lines(w, 'controller-2', 'wsrep-status')).toContain('wsrep_flow_control_paused\t0.35');
  });

  it('Donor/Desynced is a warning; wsrep_ready OFF in a Primary component is critical', () => {
    const donor = analyze(edited(healthy, 'controller-1', 'wsrep-status', replace('wsrep_local_state_comment\tSynced', 'wsrep_local_state_comment\tDonor/Desynced')));
    expect(one(donor, 'galera.local-state', 'controller-1')).toMatchObject({ severity: 'warning', title: 'controller-1 is Donor/Desynced, not Synced' });
    const off = analyze(edited(healthy, 'controller-3', 'wsrep-status', replace('wsrep_ready\tON', 'wsrep_ready\tOFF')));
    expect(one(off, 'galera.not-ready', 'controller-3').severity).toBe('critical');
  });

  it('different cluster state UUIDs are a split', () => {
    const fs = analyze(edited(healthy, 'controller-3', 'wsrep-status', replace(/wsrep_cluster_state_uuid\t\S+/.exec(readFileSync(join(fixtures, healthy, 'controller-3', 'wsrep-status.out'), 'utf8'))?.[0] ?? '', 'wsrep_cluster_state_uuid\t11111111-2222-3333-4444-555555555555')));
    const split = one(fs, 'galera.state-uuid');
    expect(split.severity).toBe('critical');
    expect(split.title).toContain('controller-3');
  });

  it('a node whose status step timed out is neither healthy nor broken here (the engine reports it)', () => {
    const fs = analyze(edited(healthy, 'controller-2', 'wsrep-status', (o) => ({ ...o, state: 'timeout', exitCode: null, stdout: '', error: 'timed out' })));
    expect(one(fs, 'galera.primary').title).toBe('controller-1, controller-3 are in the Primary component');
    expect(fs.filter((f) => f.severity === 'ok').every((f) => !f.title.includes('controller-2') || f.check === 'galera.cluster-size')).toBe(true);
    expect(fs.some((f) => f.check === 'galera.mysqld-down')).toBe(false);
  });

  it('quorum lost: the down and non-Primary nodes name the bootstrap finding as what explains them', () => {
    const fs = run('lab-quorum-lost');
    expect(one(fs, 'galera.non-primary').explainedBy).toEqual(['galera.bootstrap']);
    for (const n of ['controller-2', 'controller-3']) expect(one(fs, 'galera.mysqld-down', n).explainedBy).toEqual(['galera.bootstrap']);
    expect(one(fs, 'galera.bootstrap').explainedBy).toBeUndefined();
    // One node down beside a Primary component: its own problem, explained by nothing else.
    expect(one(run('lab-node-down'), 'galera.mysqld-down').explainedBy).toBeUndefined();
  });

  it('never concludes "no node is Primary" from nodes it did not reach', () => {
    const unreachable = (o: StepOutput): StepOutput => ({ ...o, state: 'error', exitCode: null, stdout: '', stderr: '', error: 'connect ECONNREFUSED' });
    // controller-2 and -3 did not answer; controller-1 is non-Primary: they may be the Primary component.
    let input = load('lab-quorum-lost');
    input = { ...input, outputs: input.outputs.map((o) => (o.node === 'controller-1' ? o : unreachable(o))) };
    const fs = analyze(input);
    const b = one(fs, 'galera.bootstrap');
    expect(b.title).toBe('No Primary component on controller-1; controller-2 and controller-3 could not be checked');
    expect(b.nextStep).toMatch(/^First reach controller-2 and controller-3: if a Primary component runs there, controller-1 is cut off from it and must not be bootstrapped/);
    expect(b.explanation).not.toContain('No database node is in a Primary component');
    expect(one(fs, 'galera.non-primary').explanation).toContain('controller-2, controller-3 could not be checked and may still be one');
    expect(fs.some((f) => f.check === 'galera.mysqld-down')).toBe(false);
    // Nobody answered: nothing about the cluster at all (the engine says what could not be checked).
    const none = load('lab-quorum-lost');
    const silent = analyze({ ...none, outputs: none.outputs.map(unreachable) });
    expect(silent.filter((f) => f.severity === 'critical' || f.severity === 'warning')).toEqual([]);
    expect(silent.filter((f) => /Primary/.test(`${f.title} ${f.explanation}`)).map((f) => f.title)).toEqual([]);
  });

  it('a refused login is a skipped check with the reason, not a down node', () => {
    const fs = analyze(
      edited(healthy, 'controller-2', 'wsrep-status', (o) => ({ ...o, state: 'failed', exitCode: 1, stdout: '', stderr: "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n" })),
    );
    const s = one(fs, 'galera.status', 'controller-2');
    expect(s.status).toBe('SKIPPED');
    expect(s.explanation).toContain('kolla');
  });

  it('safe_to_bootstrap: 1 wins when the whole cluster is down', () => {
    const input = edited('lab-all-down-datadir', 'controller-3', 'grastate', (o) => ({ ...o, stdout: o.stdout.replace('seqno:   -1', 'seqno:   71').replace('safe_to_bootstrap: 0', 'safe_to_bootstrap: 1') }));
    const b = one(analyze(input), 'galera.bootstrap');
    expect(b.title).toBe('No Primary component: bootstrap from controller-3');
    expect(b.explanation).toContain('safe_to_bootstrap: 1');
    expect(b.nextStep).not.toContain('galera_recovery (or');
  });
});

describe('galera-health parsing', () => {
  it('reads tab rows and pasted tables', () => {
    expect(parseRows('wsrep_cluster_size\t3\n').get('wsrep_cluster_size')?.value).toBe('3');
    expect(parseRows('| wsrep_cluster_status | non-Primary |\n| Variable_name | Value |\n').get('wsrep_cluster_status')).toEqual({ value: 'non-Primary', line: '| wsrep_cluster_status | non-Primary |' });
  });

  it('reads grastate.dat with or without the step header', () => {
    const [g] = parseGrastate('== /var/lib/mysql/grastate.dat (modified 2026-01-02 03:04:05)\n# GALERA saved state\nversion: 2.1\nuuid:    abc\nseqno:   12\nsafe_to_bootstrap: 1\n');
    expect(g).toMatchObject({ path: '/var/lib/mysql/grastate.dat', modified: '2026-01-02 03:04:05', seqno: { value: '12' }, safeToBootstrap: { value: '1' } });
    expect(parseGrastate('# GALERA saved state\nseqno: -1\n')[0]?.header).toBeNull();
  });

  it('classifies client errors', () => {
    const out = (stderr: string): StepOutput => ({ step: 'x', node: 'n', state: 'failed', exitCode: 1, stdout: '', stderr, error: null, command: 'x' });
    expect(clientError(out("ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/lib/mysql/mysql.sock' (2)"))?.kind).toBe('mysqld-down');
    expect(clientError(out('Error response from daemon: Container 3f2a is not running'))?.kind).toBe('container-down');
    expect(clientError(out('ERROR 1047 (08S01): WSREP has not yet prepared node for application use'))?.kind).toBe('not-ready');
    expect(clientError(out('error: cannot exec into a container in a completed pod; current phase is Failed'))?.kind).toBe('container-down');
    expect(clientError(out('Error: can only create exec sessions on running containers: container state improper'))?.kind).toBe('container-down');
    expect(clientError(out('sh: 1: mysql: not found'))?.kind).toBe('no-client');
  });
});
