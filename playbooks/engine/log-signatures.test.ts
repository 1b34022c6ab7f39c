import { describe, expect, it } from 'vitest';
import { bugVerdict, evaluateSignatures, signatureSteps } from './log-signatures.js';
import { formatProblem, parsePlaybook } from './loader.js';
import type { AnalyzerInput, KnownBug, PlaybookDef, StepOutput } from './types.js';

// A playbook of the shipped catalogue, so its texts are in the finding-texts table; only the
// signatures part is rewritten per test.
const head = `id: openstack-log-signatures
title: { en: T, ko: 티 }
description: { en: D, ko: 디 }
appliesTo: [packages, kolla, openstack-helm]
roles: [controller, compute]
steps:
  - { id: nova-compute-log, title: { en: L, ko: 엘 }, service: nova-compute, roles: [compute], logs: { tail: 5 } }
  - { id: neutron-server-log, title: { en: N, ko: 엔 }, service: neutron-server, roles: [controller], logs: { tail: 100 } }
`;

function load(signatures: string): PlaybookDef {
  const r = parsePlaybook(`${head}logSignatures:\n${signatures}`, 'demo/playbook.yaml');
  if ('problems' in r) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.def;
}
const problems = (signatures: string): string[] => {
  const r = parsePlaybook(`${head}logSignatures:\n${signatures}`, 'demo/playbook.yaml');
  return 'problems' in r ? r.problems.map(formatProblem) : [];
};

const out = (step: string, node: string, stdout: string, extra: Partial<StepOutput> = {}): StepOutput => ({ step, node, state: 'succeeded', exitCode: 0, stdout, stderr: '', error: null, command: step, ...extra });
const input = (outputs: StepOutput[]): AnalyzerInput => ({ params: {}, deployment: 'packages', nodes: [], outputs });

// 2026-12-05 09:00:00 UTC on the node.
const NOW = Date.UTC(2026, 11, 5, 9, 0, 0) / 1000;
const clock = (node: string, offset = '+0000'): StepOutput => out('signature-clock', node, `${NOW} ${offset}\n`);

describe('known bug verdicts', () => {
  const bug: KnownBug = {
    lp: 1,
    package: 'python3-oslo.messaging',
    fixedIn: [
      { line: '12.7', version: '12.7.3-0ubuntu1' },
      { line: '12.13', version: '12.13.0-0ubuntu1.2~cloud0' },
    ],
  };
  const table: Array<[string, string]> = [
    ['12.13.0-0ubuntu1.1', 'affected'], // its line's fix is newer
    ['12.13.0-0ubuntu1.2~cloud0', 'fixed'], // exactly the fix
    ['12.13.0-0ubuntu1.2', 'fixed'], // the plain build sorts after ~cloud0
    ['12.7.2-0ubuntu1', 'affected'],
    ['12.7.3-0ubuntu1~cloud0', 'affected'], // ~ sorts before the fix
    ['12.7.4-0ubuntu1', 'fixed'],
    ['12.9.0-0ubuntu1', 'affected'], // a line between the listed ones, never fixed
    ['12.1.6-0ubuntu1', 'affected'], // older than every listed line
    ['14.0.0-0ubuntu1', 'fixed'], // a later release carries the fix
    ['1:12.0.0', 'fixed'], // an epoch outranks everything without one
  ];
  it('take the fix of the installed version’s release line, else the newest fix', () => {
    for (const [installed, kind] of table) expect(bugVerdict(bug, installed).kind, installed).toBe(kind);
    expect(bugVerdict(bug, '12.13.0-0ubuntu1.1')).toEqual({ kind: 'affected', fix: '12.13.0-0ubuntu1.2~cloud0' });
    expect(bugVerdict(bug, '12.9.0-0ubuntu1')).toEqual({ kind: 'affected', fix: '12.13.0-0ubuntu1.2~cloud0' });
    expect(bugVerdict(bug, 'not installed').kind).toBe('unknown');
  });
});

describe('log signatures in the engine', () => {
  it('adds the node clock and one package step per service, on the roles of the steps read', () => {
    const def = load(`  - { id: oslo-greenlet-heartbeat, step: nova-compute-log, regex: 'x', window: 1h, severity: warning, knownBug: { lp: 1, package: python3-oslo.messaging, fixedIn: [{ line: '1', version: '1.1' }] } }
  - { id: amqp-unreachable, step: [nova-compute-log, neutron-server-log], regex: 'y', window: 6h, severity: warning, knownBug: { lp: 2, package: python3-kombu, fixedIn: [{ line: '5', version: '5.2' }] } }
`);
    const added = def.steps.slice(2).map((s) => ({ id: s.id, service: s.service, roles: s.roles, run: s.run, root: s.root, mutating: s.mutating }));
    expect(added).toEqual([
      { id: 'signature-clock', service: 'host', roles: ['compute', 'controller'], run: "date '+%s %z'", root: false, mutating: false },
      { id: 'signature-packages-nova-compute', service: 'nova-compute', roles: ['compute'], run: "dpkg-query -W -f '${Package} ${Version}\\n' -- python3-kombu python3-oslo.messaging", root: false, mutating: false },
      { id: 'signature-packages-neutron-server', service: 'neutron-server', roles: ['controller'], run: "dpkg-query -W -f '${Package} ${Version}\\n' -- python3-kombu", root: false, mutating: false },
    ]);
    expect(signatureSteps({ roles: ['controller'], steps: [], logSignatures: [] })).toEqual([]);
  });

  it('reads naive times in the node’s own offset, not this machine’s', () => {
    const def = load(`  - { id: amqp-unreachable, step: nova-compute-log, regex: 'AMQP server on \\S+ is unreachable', window: 1h, severity: warning }\n`);
    // 17:30 in Seoul is 08:30 UTC: within the hour before 09:00 UTC. Read as UTC it would be in the future.
    const log = '2026-12-05 17:30:00.000 7 ERROR oslo.messaging._drivers.impl_rabbit [-] AMQP server on r:5672 is unreachable: x\n';
    const seoul = evaluateSignatures(def, input([out('nova-compute-log', 'compute-1', log), clock('compute-1', '+0900')]));
    expect(seoul[0]?.severity).toBe('warning');
    const utc = evaluateSignatures(def, input([out('nova-compute-log', 'compute-1', log), clock('compute-1')]));
    expect(utc[0]?.severity).toBe('ok');
  });

  it('counts undated lines as the signature says: ignored, at the record before them, or as in the window', () => {
    const log = ['2026-12-05 01:00:00.000 7 ERROR x [-] boom', 'Traceback (most recent call last):', 'greenlet.error: cannot switch to a different thread', '2026-12-05 08:30:00.000 7 INFO x [-] fine'].join('\n');
    const verdict = (undated: string, window = '24h'): string | undefined => {
      const def = load(`  - { id: oslo-greenlet-heartbeat, step: nova-compute-log, regex: 'greenlet\\.error', window: ${window}, severity: warning, undated: ${undated} }\n`);
      return evaluateSignatures(def, input([out('nova-compute-log', 'compute-1', log), clock('compute-1')]))[0]?.severity;
    };
    expect(verdict('ignore')).toBe('ok');
    expect(verdict('previous')).toBe('warning');
    expect(verdict('previous', '6h')).toBe('ok'); // its record is 8 h old
    expect(verdict('count', '6h')).toBe('warning');
  });

  it('says when the lines read cover less than the window (the tail cut them)', () => {
    const def = load(`  - { id: amqp-unreachable, step: nova-compute-log, regex: 'unreachable', window: 6h, severity: warning }\n`);
    const lines = ['08:00', '08:10', '08:20', '08:30', '08:40'].map((t) => `2026-12-05 ${t}:00.000 7 ERROR x [-] AMQP server on r:5672 is unreachable`);
    const f = evaluateSignatures(def, input([out('nova-compute-log', 'compute-1', `${lines.join('\n')}\n`), clock('compute-1')]))[0];
    expect(f?.explanation).toContain('The lines read go back only 1 h, less than the window: there may be more.');
    const quiet = evaluateSignatures(def, input([out('nova-compute-log', 'compute-1', `${lines.map((l) => l.replace('unreachable', 'back')).join('\n')}\n`), clock('compute-1')]))[0];
    expect(quiet?.severity).toBe('ok');
    expect(quiet?.explanation).toContain('The lines read cover less than the window (compute-1: 1 h: how far back they go)');
  });

  it('reports per node, with the first and last line, and leaves a node whose step never completed to the engine', () => {
    const def = load(`  - { id: amqp-unreachable, step: nova-compute-log, regex: 'unreachable', window: 6h, minCount: 2, severity: critical }\n`);
    const l = (t: string): string => `2026-12-05 ${t}:00.000 7 ERROR x [-] AMQP server on r:5672 is unreachable`;
    const f = evaluateSignatures(
      def,
      input([
        out('nova-compute-log', 'compute-1', `${l('07:00')}\n${l('07:30')}\n${l('08:00')}\n`),
        out('nova-compute-log', 'compute-2', `${l('08:00')}\n`),
        out('nova-compute-log', 'compute-3', '', { state: 'timeout', exitCode: null, error: 'timed out' }),
        clock('compute-1'),
        clock('compute-2'),
        clock('compute-3'),
      ]),
    );
    expect(f.map((x) => `${x.severity} ${x.title}`)).toEqual([
      'critical RabbitMQ unreachable from the service on compute-1: 3 times in the last 6h',
      'info RabbitMQ unreachable from the service on compute-2: 1 times in the last 6h, below the threshold',
    ]);
    expect(f[0]?.evidence[0]?.lines).toEqual([l('07:00'), l('08:00')]);
  });

  it('counts the burst right after a start apart (info), and what comes after the grace as the signature says', () => {
    const def = load(`  - { id: amqp-unreachable, step: neutron-server-log, regex: 'HashRing is empty', window: 6h, severity: warning, startGrace: { line: 'Neutron service started, listening on', seconds: 300 } }\n`);
    const at = (t: string, text: string): string => `2026-12-05 ${t}.000 7 INFO neutron.x [-] ${text}`;
    const start = at('08:00:00', 'Neutron service started, listening on 198.18.1.11:9696');
    const empty = (t: string): string => at(t, 'HashRing is empty, error: Hash Ring returned empty when hashing "b\'1\'"');
    const burst = [start, empty('08:01:05'), empty('08:02:10'), empty('08:04:59')];
    const f = evaluateSignatures(def, input([out('neutron-server-log', 'controller-1', `${burst.join('\n')}\n`), clock('controller-1')]));
    expect(f.map((x) => `${x.status} ${x.severity} ${x.title}`)).toEqual(['INFO info RabbitMQ unreachable from the service on controller-1: 3 times right after the service started, none since']);
    expect(f[0]?.explanation).toContain('3 matching lines came within 300 s after the service logged its start');
    expect(f[0]?.evidence[0]?.lines).toEqual([empty('08:01:05'), empty('08:04:59')]);
    // Still dropping 10 minutes after the start: the signature's own severity, the burst said too.
    const later = evaluateSignatures(def, input([out('neutron-server-log', 'controller-1', `${[...burst, empty('08:10:00')].join('\n')}\n`), clock('controller-1')]));
    expect(later.map((x) => `${x.severity} ${x.title}`)).toEqual(['warning RabbitMQ unreachable from the service on controller-1: 1 times in the last 6h']);
    expect(later[0]?.explanation).toContain('3 matching lines came within 300 s after the service logged its start');
    expect(later[0]?.evidence[0]?.lines).toEqual([empty('08:10:00')]);
    // No start line in what was read (a long-running service): every match counts.
    const noStart = evaluateSignatures(def, input([out('neutron-server-log', 'controller-1', `${burst.slice(1).join('\n')}\n`), clock('controller-1')]));
    expect(noStart.map((x) => `${x.severity} ${x.title}`)).toEqual(['warning RabbitMQ unreachable from the service on controller-1: 3 times in the last 6h']);
  });

  it('leaves out the nodes where the service has no log at all, and says so; with no node left, nothing was checked', () => {
    const def = load(`  - { id: amqp-unreachable, step: neutron-server-log, regex: 'unreachable', window: 6h, severity: warning }\n`);
    const l = '2026-12-05 08:00:00.000 7 INFO neutron.wsgi [-] GET / HTTP/1.1 status: 200';
    // As read on a packages lab (journalctl of a unit that never ran there), Kolla (no container) and a missing file.
    const noJournal = out('neutron-server-log', 'controller-2', '-- No entries --\n');
    const noContainer = out('neutron-server-log', 'controller-3', 'Error response from daemon: No such container: neutron_server\n', { state: 'failed', exitCode: 1 });
    const noFile = out('neutron-server-log', 'controller-4', '', { state: 'failed', exitCode: 1, stderr: "tail: cannot open '/var/log/kolla/neutron/neutron-server.log' for reading: No such file or directory\n" });
    const clocks = ['controller-1', 'controller-2', 'controller-3', 'controller-4'].map((n) => clock(n));
    const f = evaluateSignatures(def, input([out('neutron-server-log', 'controller-1', `${l}\n`), noJournal, noContainer, noFile, ...clocks]));
    expect(f.map((x) => `${x.status} ${x.severity}`)).toEqual(['OK ok']);
    expect(f[0]?.explanation).toContain('on controller-1, by each node’s own clock');
    expect(f[0]?.explanation).toContain('The service has no log at all on controller-2, controller-3 and controller-4');
    // Nowhere to look: not checked, never ok.
    const none = evaluateSignatures(def, input([noJournal, noContainer, ...clocks]));
    expect(none.map((x) => `${x.status} ${x.title}`)).toEqual(['SKIPPED RabbitMQ unreachable from the service: not checked on controller-2 and controller-3']);
    expect(none[0]?.explanation).toContain('controller-2: the service has no log there at all');
    // A short log that happens to say something else is read as a log, not as an absent service.
    const odd = evaluateSignatures(def, input([out('neutron-server-log', 'controller-2', '-- No entries --\nJournal file /var/log/journal/x.journal is truncated, ignoring file.\n'), ...clocks]));
    expect(odd.map((x) => x.status)).toEqual(['SKIPPED']);
    expect(odd[0]?.explanation).toContain('no line read carries a time');
  });

  it('refuses a signature at file:line:col for each mistake', () => {
    expect(problems(`  - { id: amqp-unreachable, step: nope, regex: '(a+)+', window: 99d, severity: warning }\n`)).toEqual([
      'demo/playbook.yaml:10:35: log signature "amqp-unreachable" reads step "nope", which the playbook does not have (steps: nova-compute-log, neutron-server-log)',
      'demo/playbook.yaml:10:48: log signature "amqp-unreachable": the regex repeats a group that itself repeats (at character 5), which can take exponential time on a line that almost matches: write the inner part once',
      'demo/playbook.yaml:10:65: log signature "amqp-unreachable": window "99d" must be between 1m and 30d (e.g. 30m, 6h, 7d)',
    ]);
    expect(problems(`  - { id: no-texts, step: nova-compute-log, regex: 'x', window: 1h, severity: warning }\n`)).toEqual([
      'demo/playbook.yaml:10:11: log signature "no-texts" has no text in English and Korean for openstack-log-signatures.sig.no-texts.title, openstack-log-signatures.sig.no-texts.explanation, openstack-log-signatures.sig.no-texts.next: add them to main/shared/finding-texts/openstack-log-signatures.ts (a title, what it means, what to do)',
    ]);
    expect(problems(`  - { id: amqp-unreachable, step: nova-compute-log, regex: 'x', window: 1h, severity: ok, colour: red }\n`)).toEqual([
      'demo/playbook.yaml:10:91: unknown field "colour" in logSignatures.0',
      'demo/playbook.yaml:10:87: logSignatures.0.severity must be one of: critical, warning, info',
    ]);
    expect(problems(`  - { id: amqp-unreachable, step: nova-compute-log, regex: 'x', window: 1h, severity: warning, knownBug: { lp: 1, package: p1, fixedIn: [{ line: '1', version: 'v1' }] } }\n`)).toEqual([
      'demo/playbook.yaml:10:160: log signature "amqp-unreachable": "v1" is not a Debian version ([epoch:]upstream[-revision])',
    ]);
  });
});
