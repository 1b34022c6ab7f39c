/**
 * nova-services: Nova services that are down or disabled (from `openstack compute service list`),
 * why a down nova-compute dropped out (its own log: RabbitMQ, conductor timeouts, database,
 * libvirt), and why scheduling fails (a filter that removed every host vs. no Placement capacity).
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { computeKinds, distinct, isEmptyLog, parseServices, sameHost, schedulerFacts, type LogKind, type Service } from './parse.js';

const LIST = 'compute-services';
const COMPUTE_LOG = 'compute-log';
const SCHED_LOG = 'scheduler-log';

interface LogRead {
  out: StepOutput;
  kinds: LogKind[];
  lines: string[];
}

/** The lines of a nova-compute log that say why it cannot report, grouped by kind. */
function readComputeLog(out: StepOutput): LogRead {
  const ls = lines(out.stdout);
  const kinds = computeKinds.filter((k) => ls.some((l) => k.re.test(l)));
  const hit = distinct(ls.filter((l) => kinds.some((k) => k.re.test(l))));
  return { out, kinds, lines: hit.slice(-6) };
}

const means = (k: LogKind): FindingMessage => say(`nova-services.kind.${k.kind}.means`);
const causeOf = (k: LogKind): FindingMessage => say(`nova-services.kind.${k.kind}.cause`);
const nextOf = (k: LogKind): FindingMessage => say(`nova-services.kind.${k.kind}.next`);
/** Messages joined as the English always was: "a and b", "a, b". */
const joined = (ms: FindingMessage[], how: 'and' | 'comma'): FindingMessage | string => ms.reduce<FindingMessage | string>((a, b) => (a === '' ? b : say(`nova-services.join.${how}`, { a, b })), '');

/** Why the service list could not be read, with a hint from the error text. */
function listFailure(out: StepOutput | undefined, any: StepOutput | undefined): Finding {
  const title = say('nova-services.list.skipped.title');
  if (!out) {
    const why = any ? say('nova-services.step.incomplete', { why: any.error ?? any.state }) : say('nova-services.step.not-run');
    const t = texts({ title, explanation: say('nova-services.list.not-run.explanation', { why }) });
    return { ...skipped('nova.service-list', t.title, t.explanation), text: t.text };
  }
  const text = allText(out).trim();
  const firstLine = lines(text).find((l) => l.trim());
  // The evidence stays as it always was; the explanation says "exit code" in the reader's language.
  const evLine = firstLine ?? `exit code ${out.exitCode ?? '?'}`;
  const hint = /Missing value auth-url|Missing parameter|--os-auth-url|OS_CLOUD|clouds\.yaml/i.test(text)
    ? 'no-credentials'
    : /public endpoint for compute service|endpoint for compute .* not found|EndpointNotFound|has no attribute 'services'/i.test(text)
      ? 'no-endpoint'
      : /HTTP 401|Unauthorized|HTTP 403/i.test(text)
        ? 'rejected'
        : /Unable to establish connection|Connection refused|timed out/i.test(text)
          ? 'unreachable'
          : '';
  const t = texts({
    title,
    explanation: say('nova-services.list.failed.explanation', { line: firstLine ?? say('nova-services.exit-code', { code: out.exitCode ?? '?' }) }),
    ...(hint ? { likelyCause: say(`nova-services.list.cause.${hint}`) } : {}),
    nextStep: say('nova-services.list.next'),
  });
  const f = skipped('nova.service-list', t.title, t.explanation, [evidence(out, [evLine])]);
  return { ...f, likelyCause: t.likelyCause, nextStep: t.nextStep, text: t.text };
}

function serviceFindings(services: Service[], out: StepOutput, logs: Map<string, LogRead | StepOutput>): Finding[] {
  const found: Finding[] = [];
  const ev = (s: Service): Evidence => evidence(out, s.lines);
  for (const s of services) {
    const who = say('nova-services.who', { binary: s.binary, host: s.host });
    if (s.state === 'down') {
      const evs = [ev(s)];
      let why: FindingMessage | string = '';
      let cause = say('nova-services.down.cause', { binary: s.binary });
      let next = s.binary === 'nova-compute' ? say('nova-services.down.next.compute', { host: s.host }) : say('nova-services.down.next', { binary: s.binary, host: s.host });
      if (s.binary === 'nova-compute') {
        const log = [...logs.entries()].find(([node]) => sameHost(s.host, node))?.[1];
        const top = log && 'kinds' in log ? log.kinds[0] : undefined;
        if (!log) why = say('nova-services.down.log.none');
        else if (!('kinds' in log)) why = say('nova-services.down.log.unread', { why: log.error ?? log.state });
        else if (isEmptyLog(log.out.stdout)) why = say('nova-services.down.log.empty');
        else if (!top) {
          why = say('nova-services.down.log.quiet');
          // The last lines it wrote, and when: a stopped or hung service goes quiet.
          evs.push(evidence(log.out, lines(log.out.stdout).filter((l) => l.trim()).slice(-3)));
        }
        else {
          why = say('nova-services.down.log.says', { means: joined(log.kinds.map(means), 'and') });
          cause = causeOf(top);
          next = say('nova-services.down.next.kind', { next: nextOf(top), host: s.host });
          evs.push(evidence(log.out, log.lines));
        }
      }
      found.push(
        finding({
          check: 'nova.service-down',
          severity: s.status === 'disabled' || s.forcedDown ? 'warning' : 'critical',
          ...texts({
            title: say('nova-services.down.title', { who, disabled: s.status === 'disabled' ? say('nova-services.down.title.disabled') : '' }),
            explanation: say('nova-services.down.explanation', {
              who,
              heartbeat: s.updatedAt || say('nova-services.unknown'),
              compute: s.binary === 'nova-compute' ? say('nova-services.down.compute') : '',
              forced: s.forcedDown ? say('nova-services.down.forced') : '',
              why,
            }),
            likelyCause: cause,
            nextStep: next,
          }),
          evidence: evs,
        }),
      );
    } else if (s.status === 'disabled') {
      const auto = /^AUTO:/i.test(s.disabledReason);
      const reason = s.disabledReason;
      found.push(
        finding({
          check: 'nova.service-disabled',
          severity: 'warning',
          ...texts({
            title: say('nova-services.disabled.title', { who, reason: reason ? ` — "${reason}"` : '' }),
            explanation: say('nova-services.disabled.explanation', { who, reason: reason ? say('nova-services.disabled.reason', { reason }) : say('nova-services.disabled.no-reason') }),
            likelyCause: say(auto ? 'nova-services.disabled.cause.auto' : 'nova-services.disabled.cause.operator'),
            nextStep: say('nova-services.disabled.next', { host: s.host, binary: s.binary }),
          }),
          evidence: [ev(s)],
        }),
      );
    }
  }
  const computes = services.filter((s) => s.binary === 'nova-compute');
  if (computes.length === 0) {
    found.push(
      finding({
        check: 'nova.no-compute',
        severity: 'warning',
        ...texts({
          title: say('nova-services.no-compute.title'),
          explanation: say('nova-services.no-compute.explanation', { count: services.length }),
          likelyCause: say('nova-services.no-compute.cause'),
          nextStep: say('nova-services.no-compute.next'),
        }),
        evidence: [evidence(out, services.flatMap((s) => s.lines.filter((l) => /"Binary"/.test(l))).slice(0, 10))],
      }),
    );
  }
  if (found.length === 0) {
    found.push(
      finding({
        check: 'nova.services',
        severity: 'ok',
        ...texts({
          title: say('nova-services.ok.title', { count: services.length }),
          explanation: say('nova-services.ok.explanation', { computes: computes.length, others: services.length - computes.length }),
        }),
        evidence: [evidence(out, services.flatMap((s) => s.lines.filter((l) => /"(Host|State)"/.test(l))).slice(0, 20))],
      }),
    );
  }
  return found;
}

function schedulerFindings(input: AnalyzerInput, downComputes: Service[]): Finding[] {
  const found: Finding[] = [];
  for (const out of completed(input, SCHED_LOG)) {
    if (isEmptyLog(out.stdout)) continue;
    const f = schedulerFacts(out.stdout);
    const filter = f.filtered.at(-1)?.filter || /Filter (\w+) returned 0 hosts/.exec(f.filterZero.at(-1) ?? '')?.[1] || '';
    if (f.filtered.length || f.filterZero.length) {
      const computeDown = filter === 'ComputeFilter' && (downComputes.length > 0 || f.notHeard.length > 0);
      found.push(
        finding({
          check: 'nova.scheduler-filtered',
          severity: 'warning',
          ...texts({
            title: say('nova-services.filtered.title', { node: out.node, filter: filter || '?' }),
            explanation: say('nova-services.filtered.explanation', {
              filter: filter || say('nova-services.see-line'),
              count: f.filtered.length || f.filterZero.length,
              computeDown: computeDown
                ? say('nova-services.filtered.compute-down', { here: downComputes.length ? say('nova-services.filtered.here', { hosts: downComputes.map((s) => s.host).join(', ') }) : '' })
                : '',
            }),
            likelyCause: computeDown
              ? say(downComputes.length ? 'nova-services.filtered.cause.down' : 'nova-services.filtered.cause.not-heard')
              : say('nova-services.filtered.cause.requirements', { filter: filter || say('nova-services.that-filter') }),
            nextStep: computeDown ? say('nova-services.filtered.next.down') : say('nova-services.filtered.next.requirements', { filter: filter || say('nova-services.the-filter') }),
          }),
          evidence: [evidence(out, distinct([...f.notHeard, ...f.filterZero, ...f.filtered.map((x) => x.line)]).slice(-6))],
        }),
      );
    }
    if (f.noCandidates.length) {
      found.push(
        finding({
          check: 'nova.no-allocation-candidates',
          severity: 'warning',
          ...texts({
            title: say('nova-services.no-candidates.title', { node: out.node }),
            explanation: say('nova-services.no-candidates.explanation', { count: f.noCandidates.length }),
            likelyCause: say('nova-services.no-candidates.cause'),
            nextStep: say('nova-services.no-candidates.next'),
          }),
          evidence: [evidence(out, distinct(f.noCandidates).slice(-3))],
          // The scheduler's own words: Placement had no room, which placement-capacity explains per flavor.
          explainedBy: ['placement.flavors', 'placement.flavor-fit', 'placement.over-capacity'],
        }),
      );
    }
    if (f.noValidHost.length && !f.filtered.length && !f.filterZero.length && !f.noCandidates.length) {
      found.push(
        finding({
          check: 'nova.no-valid-host',
          severity: 'info',
          ...texts({
            title: say('nova-services.no-valid-host.title', { node: out.node }),
            explanation: say('nova-services.no-valid-host.explanation'),
            nextStep: say('nova-services.no-valid-host.next'),
          }),
          evidence: [evidence(out, distinct(f.noValidHost).slice(-3))],
        }),
      );
    }
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const listOut = completed(input, LIST)[0];
  const services = listOut && listOut.state === 'succeeded' ? parseServices(listOut.stdout) : null;

  // Compute logs by node: read ones, and the ones that never completed.
  const logs = new Map<string, LogRead | StepOutput>();
  for (const o of outputsOf(input, COMPUTE_LOG)) logs.set(o.node, o.state === 'succeeded' || o.state === 'failed' ? readComputeLog(o) : o);

  let downComputes: Service[] = [];
  if (!services || !listOut) findings.push(listFailure(listOut, outputsOf(input, LIST)[0]));
  else {
    findings.push(...serviceFindings(services, listOut, logs));
    downComputes = services.filter((s) => s.binary === 'nova-compute' && s.state === 'down');
  }

  // Compute logs not already quoted for a down service: their errors still matter.
  const empty: string[] = [];
  for (const [node, log] of logs) {
    if (!('kinds' in log)) continue;
    if (isEmptyLog(log.out.stdout)) {
      empty.push(node);
      continue;
    }
    if (downComputes.some((s) => sameHost(s.host, node)) || log.kinds.length === 0) continue;
    const top = log.kinds[0];
    findings.push(
      finding({
        check: 'nova.compute-log-errors',
        severity: 'warning',
        ...texts({
          title: say('nova-services.log-errors.title', { node, means: joined(log.kinds.map(means), 'comma') }),
          explanation: say('nova-services.log-errors.explanation', { node, means: joined(log.kinds.map(means), 'and'), listed: services ? say('nova-services.log-errors.listed-up') : '' }),
          ...(top ? { likelyCause: causeOf(top), nextStep: nextOf(top) } : {}),
        }),
        evidence: [evidence(log.out, log.lines)],
      }),
    );
  }
  // nova-scheduler runs on some controllers, often one: where the service list shows none, an empty
  // log is a scheduler that is not there (nothing to check, nothing unchecked). nova-compute is owed
  // on every compute, and without the list nobody can say where the scheduler runs: those stay reported.
  const schedulerHere = (node: string): boolean => services === null || services.some((s) => s.binary === 'nova-scheduler' && sameHost(s.host, node));
  const schedOuts = completed(input, SCHED_LOG).filter((o) => isEmptyLog(o.stdout) && schedulerHere(o.node));
  const schedEmpty = schedOuts.map((o) => o.node);
  if (empty.length || schedEmpty.length) {
    const parts = [...(empty.length ? [say('nova-services.logs.part', { binary: 'nova-compute', nodes: empty.join(', ') })] : []), ...(schedEmpty.length ? [say('nova-services.logs.part', { binary: 'nova-scheduler', nodes: schedEmpty.join(', ') })] : [])];
    // Every empty log is cited (node and step): the picture must not show those services as checked and fine.
    const emptyOuts = [...[...logs.values()].filter((l): l is LogRead => 'kinds' in l && isEmptyLog(l.out.stdout)).map((l) => l.out), ...schedOuts];
    const t = texts({ title: say('nova-services.logs.skipped.title'), explanation: say('nova-services.logs.skipped.explanation', { parts: joined(parts, 'and') }) });
    findings.push({
      ...skipped(
        'nova.logs',
        t.title,
        t.explanation,
        emptyOuts.map((o) => evidence(o, lines(allText(o)).filter((l) => l.trim()).slice(0, 2))),
      ),
      text: t.text,
    });
  }
  findings.push(...schedulerFindings(input, downComputes));
  return findings;
};
