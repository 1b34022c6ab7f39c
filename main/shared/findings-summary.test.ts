import { describe, expect, it } from 'vitest';
import type { CaseFinding } from '../contract/types.js';
import { checkMatches, findingRefs, summarizeFindings, withRefTitles } from './findings-summary.js';
import { caseFinding, quotedFrom } from './testing/case-finding.js';

const f = (playbook: string, check: string, severity: CaseFinding['severity'], title: string, more: Partial<CaseFinding> = {}): CaseFinding => caseFinding({ playbook, check, severity, title, ...more });
const ev = quotedFrom;

describe('summarizeFindings', () => {
  it('puts the cause first and what it explains under it (Galera quorum before the Placement 500)', () => {
    const placement = f('placement-capacity', 'placement.api', 'critical', 'Placement API answered HTTP 500', { runId: 2, explainedBy: ['galera.*'] });
    const bootstrap = f('galera-health', 'galera.bootstrap', 'critical', 'No Primary component: bootstrap from controller-1');
    const nonPrimary = f('galera-health', 'galera.non-primary', 'critical', 'controller-1 is not in the Primary component', { explainedBy: ['galera.bootstrap'], evidence: ev('controller-1') });
    const down = f('galera-health', 'galera.mysqld-down', 'critical', 'mysqld is not running on controller-2', { explainedBy: ['galera.bootstrap'], evidence: ev('controller-2') });
    const acl = f('ovn-health', 'ovn.chassis-missing', 'warning', 'compute-2 has no chassis', { runId: 3 });
    const s = summarizeFindings([placement, acl, nonPrimary, down, bootstrap]);
    expect(s.problems.map((p) => p.lead.check)).toEqual(['galera.bootstrap', 'ovn.chassis-missing']);
    // Placement names `galera.*`: it lands under the root of that chain, not under the first galera finding.
    expect(s.problems[0]?.consequences.map((p) => p.lead.check).sort()).toEqual(['galera.mysqld-down', 'galera.non-primary', 'placement.api']);
    expect(s.counts).toMatchObject({ critical: 4, warning: 1 });
  });

  it('keeps a finding standalone when what would explain it did not fail', () => {
    const placement = f('placement-capacity', 'placement.api', 'critical', 'HTTP 500', { explainedBy: ['galera.*'] });
    const healthy = f('galera-health', 'galera.primary', 'ok', 'all Primary');
    const s = summarizeFindings([placement, healthy]);
    expect(s.problems.map((p) => p.lead.check)).toEqual(['placement.api']);
    expect(s.problems[0]?.consequences).toEqual([]);
    expect(s.ruledOut).toEqual([{ playbook: 'galera-health', checks: [{ check: 'galera.primary', title: 'all Primary', findingId: healthy.id }] }]);
  });

  it('ranks a warning that explains a critical failure with the criticals, before other warnings (the cause of an instance in ERROR)', () => {
    const stale = f('ovn-controller-log', 'ovn.probe', 'warning', 'a missed probe', { runId: 1 });
    const server = f('instances-stuck', 'nova.instance-error', 'critical', 'Server big-1 is in ERROR: No valid host was found', { runId: 2, explainedBy: ['placement.flavors', 'nova.no-allocation-candidates'] });
    const flavor = f('placement-capacity', 'placement.flavors', 'warning', 'Flavor m1.xxlarge fits on no compute', { runId: 3 });
    const galera = f('galera-health', 'galera.mysqld-down', 'critical', 'mysqld is not running on controller-2', { runId: 4 });
    const s = summarizeFindings([stale, server, flavor, galera]);
    // The critical lead first, then the warning whose chain holds a critical, then the lone warning.
    expect(s.problems.map((p) => p.lead.check)).toEqual(['galera.mysqld-down', 'placement.flavors', 'ovn.probe']);
    expect(s.problems[1]?.consequences.map((p) => p.lead.check)).toEqual(['nova.instance-error']);
    // Its own severity is still what its finding says.
    expect(s.problems[1]?.severity).toBe('warning');
  });

  it('survives a cycle of explanations', () => {
    const a = f('p', 'p.a', 'critical', 'A', { explainedBy: ['p.b'] });
    const b = f('p', 'p.b', 'warning', 'B', { explainedBy: ['p.a'] });
    const s = summarizeFindings([a, b]);
    expect(s.problems.map((p) => p.lead.title)).toEqual(['A']);
    expect(s.problems[0]?.consequences.map((p) => p.lead.title)).toEqual(['B']);
  });

  it('makes one problem of the same node unreachable in several playbooks, and never counts it as ok', () => {
    const skip = (playbook: string, runId: number) =>
      f(playbook, 'engine.could-not-check', 'warning', `Could not check "${playbook} step" on controller-3: unreachable`, {
        status: 'SKIPPED',
        runId,
        evidence: ev('controller-3'),
        skippedReason: 'controller-3: controller-3 (root@198.18.1.13:22): connection refused; is sshd running and listening on port 22?',
      });
    const s = summarizeFindings([skip('galera-health', 1), skip('ovn-health', 2), skip('nova-services', 3)]);
    expect(s.problems).toEqual([]);
    expect(s.notChecked).toHaveLength(1);
    expect(s.notChecked[0]?.also.map((x) => x.playbook).sort()).toEqual(['galera-health', 'ovn-health']);
    expect(s.notChecked[0]?.title).toBe('Could not reach controller-3 (root@198.18.1.13:22): connection refused; is sshd running and listening on port 22?');
    expect(s.counts).toEqual({ critical: 0, warning: 0, notChecked: 1, ok: 0 });
  });

  it('makes one not-checked line of a step refused on each node it tried for the same reason, and keeps other reasons apart', () => {
    const why = 'the admin openrc /root/admin-openrc.sh is missing or not readable by this user on this node';
    const refused = (node: string, id: number, reason = why) =>
      f('nova-services', 'engine.could-not-check', 'warning', `Could not check "Nova services and their state" on ${node}: ${reason}`, { id, status: 'SKIPPED', evidence: ev(node), skippedReason: `${node}: ${reason}` });
    const s = summarizeFindings([refused('controller-1', 1), refused('controller-2', 2), refused('controller-3', 3), refused('controller-3', 4, 'sudo needs a password')]);
    expect(s.notChecked.map((p) => p.title)).toEqual([
      `Could not check "Nova services and their state" on controller-1, controller-2 and controller-3: ${why}`,
      'Could not check "Nova services and their state" on controller-3: sudo needs a password',
    ]);
    expect(s.notChecked[0]?.nodes).toEqual(['controller-1', 'controller-2', 'controller-3']);
    expect(s.counts.notChecked).toBe(2);
    expect(s.counts.ok).toBe(0);
    // Other steps (other playbooks) refused for the same reason join the line: how many, and where.
    const other = f('cinder-volumes', 'engine.could-not-check', 'warning', `Could not check "Cinder services" on controller-1: sudo needs a password`, { id: 5, status: 'SKIPPED', evidence: ev('controller-1'), skippedReason: 'controller-1: sudo needs a password' });
    const merged = summarizeFindings([refused('controller-3', 4, 'sudo needs a password'), other]);
    expect(merged.notChecked.map((p) => [p.title, [p.lead, ...p.also].map((x) => x.playbook).sort()])).toEqual([['Could not check 2 steps on controller-1 and controller-3: sudo needs a password', ['cinder-volumes', 'nova-services']]]);
  });

  it('reads only the latest run of each playbook', () => {
    const old = f('galera-health', 'galera.bootstrap', 'critical', 'No Primary', { latest: false });
    const now = f('galera-health', 'galera.primary', 'ok', 'all Primary', { runId: 9 });
    const s = summarizeFindings([old, now]);
    expect(s.problems).toEqual([]);
    expect(s.counts.ok).toBe(1);
  });
});

describe('finding references', () => {
  it('splits a next step at "the X finding" and writes it as that finding’s title', () => {
    expect(findingRefs('Follow the galera.bootstrap finding: bootstrap one node.')).toEqual([
      { text: 'Follow ' },
      { text: 'the galera.bootstrap finding', check: 'galera.bootstrap' },
      { text: ': bootstrap one node.' },
    ]);
    const b = f('galera-health', 'galera.bootstrap', 'critical', 'No Primary component: bootstrap from controller-1');
    expect(withRefTitles('Follow the galera.bootstrap finding.', [b])).toBe('Follow the finding “No Primary component: bootstrap from controller-1”.');
    // A reference to a check that did not report stays as written.
    expect(withRefTitles('see the ovn.raft-healthy finding', [b])).toBe('see the ovn.raft-healthy finding');
    expect(findingRefs('no refs here, e.g. 10.0.0.1 or file.txt')).toEqual([{ text: 'no refs here, e.g. 10.0.0.1 or file.txt' }]);
  });

  it('matches check patterns', () => {
    expect(checkMatches('galera.*', 'galera.bootstrap')).toBe(true);
    expect(checkMatches('galera.*', 'galerax.y')).toBe(false);
    expect(checkMatches('galera.bootstrap', 'galera.bootstrap-x')).toBe(false);
  });
});
