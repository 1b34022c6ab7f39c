/**
 * k8s-pods: pods that are not Running and Ready, and why — CrashLoopBackOff with the line of the
 * crashed run's log that explains it, OOMKilled with the memory limit, init containers waiting
 * on a kubernetes-entrypoint dependency, image pull failures — plus recent Warning events.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { explainers, genericError, gistOf, logKey, type Explainer } from './explain.js';
import { eventFacts, logFacts, namespaceLists, podFacts, type ContainerFact, type EventFact, type PodFact } from './parse.js';
import { causeOf, lastExit, nextOf, podLabel, semicolons, skippedSaying, theNode, times, where } from './words.js';

const PODS = 'pods';
const EVENTS = 'warning-events';
const LOGS = 'crash-logs';

const IMAGE_PULL = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull', 'RegistryUnavailable']);
const CONFIG_ERR = new Set(['CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'PreStartHookError', 'PostStartHookError']);

interface Ctx {
  out: StepOutput;
  all: string[];
  /** `ns/pod/container/which` → the log's lines. */
  logs: Map<string, string[]>;
  logsOut: StepOutput | undefined;
  /** `ns/pod` → Warning events about that pod. */
  podEvents: Map<string, EventFact[]>;
  eventsOut: StepOutput | undefined;
  eventLines: string[];
}

/** The given output lines, verbatim, deduplicated and in output order. */
const pick = (all: string[], nums: number[]): string[] => [...new Set(nums)].sort((a, b) => a - b).map((n) => all[n]).filter((l): l is string => l !== undefined);
const quote = (ctx: Ctx, nums: number[]): string[] => pick(ctx.all, nums);

/** The lines of a log that explain a crash, and the explainer that matched. */
function explaining(logLines: string[]): { lines: string[]; ex?: Explainer } {
  for (const ex of explainers) {
    const hit = logLines.filter((l) => ex.re.test(l));
    if (hit.length) return { lines: dedupe(hit).slice(-3), ex };
  }
  const errs = logLines.filter((l) => genericError.test(l));
  if (errs.length) return { lines: dedupe(errs).slice(-3) };
  return { lines: logLines.filter((l) => l.trim()).slice(-3) };
}

/** Distinct lines (ignoring timestamps), each kept at its last occurrence, in output order. */
function dedupe(ls: string[]): string[] {
  const last = new Map<string, number>();
  ls.forEach((l, i) => last.set(logKey(l), i));
  return ls.filter((l, i) => last.get(logKey(l)) === i);
}

function podEvidence(ctx: Ctx, pod: PodFact, nums: number[]): Evidence[] {
  const ev: Evidence[] = [evidence(ctx.out, quote(ctx, [pod.nameLine, ...nums]))];
  const events = ctx.podEvents.get(`${pod.namespace}/${pod.name}`) ?? [];
  if (events.length && ctx.eventsOut) {
    ev.push(evidence(ctx.eventsOut, pick(ctx.eventLines, events.flatMap((e) => e.evidence)).slice(0, 10)));
  }
  return ev;
}

function logEvidence(ctx: Ctx, pod: PodFact, c: ContainerFact, which: 'previous' | 'current'): { ev: Evidence[]; lines: string[]; ex?: Explainer; fetched: boolean } {
  const log = ctx.logs.get(`${pod.namespace}/${pod.name}/${c.name}/${which}`);
  if (!log || !ctx.logsOut) return { ev: [], lines: [], fetched: false };
  const ex = explaining(log);
  return { ev: ex.lines.length ? [evidence(ctx.logsOut, ex.lines)] : [], lines: ex.lines, ex: ex.ex, fetched: true };
}

/** openstack-helm's MariaDB Galera pods (the mariadb chart's StatefulSet), and Percona XtraDB Cluster's. */
const GALERA_POD = /^(mariadb-server|mariadb-galera|percona-xtradb-cluster|pxc)-\d+$/;
const notFetched = (ctx: Ctx): FindingMessage => say(ctx.logsOut ? 'k8s-pods.log.not-fetched' : 'k8s-pods.log.no-step');

function crashFinding(ctx: Ctx, pod: PodFact, c: ContainerFact): Finding {
  const log = logEvidence(ctx, pod, c, 'previous');
  const gist = log.lines.length ? gistOf(log.lines.at(-1) ?? '', log.ex) : '';
  const ns = pod.namespace;
  const p = { ns, pod: pod.name, container: c.name };
  return finding({
    check: c.init ? 'k8s.init-crashloop' : 'k8s.crashloop',
    severity: 'critical',
    ...texts({
      title: say(c.init ? 'k8s-pods.crashloop.title.init' : 'k8s-pods.crashloop.title', { pod: podLabel(pod), container: c.name, gist: gist ? ` — ${gist}` : '' }),
      explanation: say('k8s-pods.crashloop.explanation', {
        container: c.name,
        where: where(pod),
        restarts: c.restartCount,
        lastExit: lastExit(c),
        log: log.lines.length ? say('k8s-pods.crashloop.log.quoted') : say('k8s-pods.crashloop.log.unquoted', { why: log.fetched ? say('k8s-pods.log.empty') : notFetched(ctx) }),
      }),
      likelyCause: log.ex ? causeOf(log.ex) : say(log.lines.length ? 'k8s-pods.crashloop.cause.logged' : 'k8s-pods.crashloop.cause.at-start'),
      nextStep: log.ex ? say('k8s-pods.crashloop.next.explained', { ...p, then: nextOf(log.ex, ns, pod.name) }) : say('k8s-pods.crashloop.next', p),
    }),
    evidence: [...podEvidence(ctx, pod, c.evidence), ...log.ev],
  });
}

function oomFinding(ctx: Ctx, pod: PodFact, c: ContainerFact): Finding {
  const now = c.reason === 'OOMKilled';
  const limit = c.memoryLimit;
  const tail = c.state === 'waiting' && c.reason === 'CrashLoopBackOff' ? say('k8s-pods.oom.restarts.backoff') : c.ready ? say('k8s-pods.oom.restarts.running') : '';
  return finding({
    check: 'k8s.oomkilled',
    severity: 'critical',
    ...texts({
      title: limit ? say('k8s-pods.oom.title', { pod: podLabel(pod), container: c.name, limit }) : say('k8s-pods.oom.title.no-limit', { pod: podLabel(pod), container: c.name }),
      explanation: say('k8s-pods.oom.explanation', {
        container: c.name,
        where: where(pod),
        code: (now ? c.exitCode : c.last?.exitCode) ?? 137,
        limit: limit ? say('k8s-pods.oom.limit', { limit }) : say('k8s-pods.oom.no-limit'),
        restarts: say('k8s-pods.oom.restarts', { times: times(c.restartCount), tail }),
      }),
      likelyCause: limit ? say('k8s-pods.oom.cause.limit', { limit }) : say('k8s-pods.oom.cause.node'),
      nextStep: say('k8s-pods.oom.next', { ns: pod.namespace, pod: pod.name }),
    }),
    evidence: podEvidence(ctx, pod, [...c.evidence, ...(c.limitLine !== undefined ? [c.limitLine] : [])]),
  });
}

function initFinding(ctx: Ctx, pod: PodFact, c: ContainerFact, done: number, total: number): Finding {
  const ns = pod.namespace;
  const log = ctx.logs.get(`${ns}/${pod.name}/${c.name}/current`) ?? [];
  const deps = new Map<string, { line: string; why: string; dep: string; namespace: string }>();
  for (const l of log) {
    const m = /Resolving dependency (.+?) in namespace (\S+) failed:\s*(.*?)\s*\.?\s*$/.exec(l);
    if (m) deps.set(`${m[1] ?? ''} (namespace ${m[2] ?? ''})`, { line: l, why: m[3] ?? '', dep: m[1] ?? '', namespace: m[2] ?? '' });
  }
  const found = [...deps.values()];
  const depLines = found.map((d) => d.line);
  const first = found[0]?.dep ?? '';
  const job = /^Job (\S+)/.exec(first)?.[1];
  const svc = /^Service (\S+)/.exec(first)?.[1];
  const fallback = log.length ? explaining(log).lines : [];
  const logLines = depLines.length ? log.filter((l) => depLines.includes(l)) : fallback;
  const head = { pod: pod.name, done, total };
  return finding({
    check: 'k8s.init-waiting',
    severity: 'warning',
    ...texts({
      title: found.length ? say('k8s-pods.init.title.deps', { ...head, pod: podLabel(pod), deps: found.map((d) => d.dep).join(', ') }) : say('k8s-pods.init.title', { ...head, pod: podLabel(pod), container: c.name }),
      explanation: say('k8s-pods.init.explanation', {
        where: where(pod),
        container: c.name,
        done,
        total,
        state: c.state === 'waiting' ? say('k8s-pods.init.state.waiting', { reason: c.reason ?? say('k8s-pods.unknown-reason') }) : say('k8s-pods.init.state.running'),
        more: found.length
          ? say('k8s-pods.init.deps', { deps: semicolons(found.map((d) => say('k8s-pods.init.dep', { dep: d.dep, namespace: d.namespace, why: d.why || say('k8s-pods.init.dep.not-ready') }))) })
          : log.length
            ? say('k8s-pods.init.log-no-dep')
            : say('k8s-pods.init.no-log', { why: notFetched(ctx) }),
      }),
      likelyCause: say(found.length ? 'k8s-pods.init.cause.deps' : 'k8s-pods.init.cause'),
      nextStep: job ? say('k8s-pods.init.next.job', { ns, job }) : svc ? say('k8s-pods.init.next.service', { ns, service: svc }) : say('k8s-pods.init.next', { ns, pod: pod.name, container: c.name }),
    }),
    evidence: [...podEvidence(ctx, pod, c.evidence), ...(logLines.length && ctx.logsOut ? [evidence(ctx.logsOut, logLines)] : [])],
  });
}

function containerFinding(ctx: Ctx, pod: PodFact, c: ContainerFact): Finding | null {
  const ns = pod.namespace;
  const reason = c.reason ?? '';
  const p = { ns, pod: pod.name, container: c.name };
  if (c.state === 'waiting' && IMAGE_PULL.has(reason)) {
    const log = logEvidence(ctx, pod, c, 'current');
    return finding({
      check: 'k8s.image-pull',
      severity: 'critical',
      ...texts({
        title: say('k8s-pods.image-pull.title', { ...p, pod: podLabel(pod), reason }),
        explanation: say('k8s-pods.image-pull.explanation', { node: theNode(pod), image: c.image ?? '?', container: c.name, pod: `${pod.namespace}/${pod.name}`, detail: c.message ? `: ${c.message}` : '' }),
        likelyCause: say('k8s-pods.image-pull.cause'),
        nextStep: say('k8s-pods.image-pull.next', { ns, pod: pod.name, node: theNode(pod), image: c.image ?? '<image>' }),
      }),
      evidence: [...podEvidence(ctx, pod, c.evidence), ...log.ev],
    });
  }
  if (c.state === 'waiting' && CONFIG_ERR.has(reason)) {
    return finding({
      check: 'k8s.container-config',
      severity: 'critical',
      ...texts({
        title: say('k8s-pods.config.title', { ...p, pod: podLabel(pod), reason }),
        explanation: say('k8s-pods.config.explanation', { container: c.name, where: where(pod), detail: c.message ? `: ${c.message}` : '' }),
        likelyCause: say('k8s-pods.config.cause'),
        nextStep: say('k8s-pods.config.next', p),
      }),
      evidence: podEvidence(ctx, pod, c.evidence),
    });
  }
  if (reason === 'OOMKilled' || c.last?.reason === 'OOMKilled') return oomFinding(ctx, pod, c);
  if (c.state === 'waiting' && reason === 'CrashLoopBackOff') return crashFinding(ctx, pod, c);
  if (c.state === 'terminated' && reason !== 'Completed') {
    const log = logEvidence(ctx, pod, c, 'current');
    const exit = { reason: reason || 'terminated', code: c.exitCode ?? '?' };
    return finding({
      check: 'k8s.container-not-running',
      severity: 'critical',
      ...texts({
        title: say('k8s-pods.not-running.title', { ...p, pod: podLabel(pod), ...exit }),
        explanation: say('k8s-pods.not-running.explanation', { container: c.name, where: where(pod), ...exit, detail: c.message ? `: ${c.message}` : '' }),
        likelyCause: log.ex ? causeOf(log.ex) : say('k8s-pods.not-running.cause'),
        nextStep: log.ex ? say('k8s-pods.not-running.next.explained', { ...p, then: nextOf(log.ex, ns, pod.name) }) : say('k8s-pods.not-running.next', p),
      }),
      evidence: [...podEvidence(ctx, pod, c.evidence), ...log.ev],
    });
  }
  if (c.state === 'waiting') {
    return finding({
      check: 'k8s.container-waiting',
      severity: 'warning',
      ...texts({
        title: say('k8s-pods.waiting.title', { ...p, pod: podLabel(pod), reason: reason || say('k8s-pods.no-reason') }),
        explanation: say('k8s-pods.waiting.explanation', { container: c.name, where: where(pod), reason: reason || say('k8s-pods.waiting'), detail: c.message ? ` — ${c.message}` : '' }),
        likelyCause: say(reason === 'ContainerCreating' ? 'k8s-pods.waiting.cause.creating' : 'k8s-pods.waiting.cause'),
        nextStep: say('k8s-pods.describe', p),
      }),
      evidence: podEvidence(ctx, pod, c.evidence),
    });
  }
  if (c.state === 'running' && !c.ready) {
    return finding({
      check: 'k8s.not-ready',
      severity: 'warning',
      ...texts({
        title: say('k8s-pods.not-ready.title', { ...p, pod: podLabel(pod) }),
        explanation: say('k8s-pods.not-ready.explanation', { container: c.name, where: where(pod), detail: pod.ready?.message ? ` (${pod.ready.message})` : '' }),
        likelyCause: say('k8s-pods.not-ready.cause'),
        nextStep: say('k8s-pods.not-ready.next', p),
      }),
      evidence: podEvidence(ctx, pod, [...c.evidence, ...(pod.ready ? [pod.ready.line] : [])]),
    });
  }
  if (c.state === 'running' && c.restartCount > 0) {
    const log = logEvidence(ctx, pod, c, 'previous');
    return finding({
      check: 'k8s.restarts',
      severity: 'warning',
      ...texts({
        title: say('k8s-pods.restarts.title', { ...p, pod: podLabel(pod), times: times(c.restartCount) }),
        explanation: say('k8s-pods.restarts.explanation', { container: c.name, where: where(pod), restarts: c.restartCount, lastExit: lastExit(c), quoted: log.lines.length ? say('k8s-pods.restarts.quoted') : '' }),
        likelyCause: log.ex ? say('k8s-pods.restarts.cause.explained', { cause: causeOf(log.ex) }) : say('k8s-pods.restarts.cause'),
        nextStep: say('k8s-pods.restarts.next', p),
      }),
      evidence: [...podEvidence(ctx, pod, c.evidence), ...log.ev],
    });
  }
  return null;
}

function judgePod(ctx: Ctx, pod: PodFact): Finding[] {
  const ns = pod.namespace;
  const p = { ns, pod: pod.name };
  if (pod.phase === 'Succeeded') return [];
  if (pod.phase === 'Failed') {
    return [
      finding({
        check: 'k8s.pod-failed',
        severity: 'warning',
        ...texts({
          title: say('k8s-pods.failed.title', { pod: podLabel(pod), reason: pod.phaseReason ? ` (${pod.phaseReason})` : '' }),
          explanation: say('k8s-pods.failed.explanation', { where: where(pod), detail: pod.phaseMessage ? `: ${pod.phaseMessage}` : '', job: pod.ownerKind === 'Job' ? say('k8s-pods.failed.job') : '' }),
          likelyCause: say(pod.phaseReason === 'Evicted' ? 'k8s-pods.failed.cause.evicted' : 'k8s-pods.failed.cause'),
          nextStep: say('k8s-pods.describe', p),
        }),
        evidence: podEvidence(ctx, pod, [pod.phaseLine ?? pod.nameLine, ...pod.containers.flatMap((c) => c.evidence)]),
      }),
    ];
  }
  if (pod.scheduled?.status === 'False') {
    return [
      finding({
        check: 'k8s.unschedulable',
        severity: 'critical',
        ...texts({
          title: say('k8s-pods.unschedulable.title', { pod: podLabel(pod), reason: pod.scheduled.reason ? ` (${pod.scheduled.reason})` : '' }),
          explanation: say('k8s-pods.unschedulable.explanation', { pod: `${pod.namespace}/${pod.name}`, detail: pod.scheduled.message ? `: ${pod.scheduled.message}` : '' }),
          likelyCause: say('k8s-pods.unschedulable.cause'),
          nextStep: say('k8s-pods.unschedulable.next', p),
        }),
        evidence: podEvidence(ctx, pod, [pod.scheduled.line]),
      }),
    ];
  }
  const blocked = pod.initContainers.find((c) => !c.ready);
  if (blocked) {
    const done = pod.initContainers.filter((c) => c.ready).length;
    if (blocked.state === 'waiting' && IMAGE_PULL.has(blocked.reason ?? '')) return [containerFinding(ctx, pod, blocked)].filter((f): f is Finding => f !== null);
    if (blocked.restartCount > 0 || blocked.reason === 'CrashLoopBackOff') return [crashFinding(ctx, pod, blocked)];
    return [initFinding(ctx, pod, blocked, done, pod.initContainers.length)];
  }
  const found = pod.containers.map((c) => containerFinding(ctx, pod, c)).filter((f): f is Finding => f !== null);
  if (found.length === 0 && pod.ready?.status === 'False') {
    found.push(
      finding({
        check: 'k8s.not-ready',
        severity: 'warning',
        ...texts({
          title: say('k8s-pods.pod-not-ready.title', { pod: podLabel(pod), reason: pod.ready.reason ?? pod.phase }),
          explanation: say('k8s-pods.pod-not-ready.explanation', { where: where(pod), phase: pod.phase, detail: pod.ready.message ? `: ${pod.ready.message}` : '' }),
          likelyCause: say('k8s-pods.pod-not-ready.cause'),
          nextStep: say('k8s-pods.describe', p),
        }),
        evidence: podEvidence(ctx, pod, [pod.phaseLine ?? pod.nameLine, pod.ready.line]),
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input: AnalyzerInput) => {
  const findings: Finding[] = [];
  const out = completed(input, PODS)[0];
  if (!out) {
    const any = outputsOf(input, PODS)[0];
    return [skippedSaying('k8s.pods', say('k8s-pods.list.skipped.title'), any ? say('k8s-pods.list.skipped.incomplete', { why: any.error ?? any.state }) : say('k8s-pods.list.skipped.not-run'))];
  }
  const { all, lists } = namespaceLists(out.stdout);
  const logsOut = completed(input, LOGS)[0];
  const logs = new Map<string, string[]>();
  if (logsOut) {
    const lf = logFacts(logsOut.stdout);
    for (const l of lf.logs) logs.set(`${l.namespace}/${l.pod}/${l.container}/${l.which}`, lf.all.slice(l.from, l.to));
  }
  const eventsOut = completed(input, EVENTS)[0];
  const ev = eventsOut ? namespaceLists(eventsOut.stdout) : undefined;
  const podEvents = new Map<string, EventFact[]>();
  for (const nl of ev?.lists ?? []) for (const e of eventFacts(nl)) if (e.objectKind === 'Pod') podEvents.set(`${e.namespace}/${e.objectName}`, [...(podEvents.get(`${e.namespace}/${e.objectName}`) ?? []), e]);
  const ctx: Ctx = { out, all, logs, logsOut, podEvents, eventsOut, eventLines: ev?.all ?? [] };

  if (lists.length === 0) {
    const why = (out.stderr || out.stdout).trim().split('\n')[0] || `exit code ${out.exitCode}`;
    return [skippedSaying('k8s.pods', say('k8s-pods.list.skipped.title'), say('k8s-pods.list.skipped.no-section', { why }), [evidence(out, [why])])];
  }
  const judged = new Set<string>();
  for (const nl of lists) {
    if (!nl.list) {
      const msg = nl.messages.map((m) => m.text);
      const why = msg[0] ?? say('k8s-pods.no-output');
      findings.push(skippedSaying('k8s.pods', say('k8s-pods.list.ns-failed.title', { ns: nl.namespace }), say('k8s-pods.list.ns-failed.explanation', { ns: nl.namespace, why }), msg.length ? [evidence(out, msg.slice(0, 3))] : []));
      continue;
    }
    const pods = podFacts(nl);
    const nsFindings = pods.flatMap((p) => {
      const fs = judgePod(ctx, p);
      if (fs.length) judged.add(`${p.namespace}/${p.name}`);
      // A Galera database pod down or not ready is the database's state, which galera-health explains
      // in its own terms (which node to bootstrap): when it failed too, this is shown under it.
      return GALERA_POD.test(p.name) ? fs.map((f) => ({ ...f, explainedBy: ['galera.*'] })) : fs;
    });
    findings.push(...nsFindings);
    if (pods.length === 0) {
      const ns = nl.namespace;
      findings.push(finding({ check: 'k8s.pods', severity: 'info', ...texts({ title: say('k8s-pods.ns-empty.title', { ns }), explanation: say('k8s-pods.ns-empty.explanation', { ns }), nextStep: say('k8s-pods.ns-empty.next') }) }));
    } else if (nsFindings.every((f) => f.severity === 'ok' || f.severity === 'info')) {
      const done = pods.filter((p) => p.phase === 'Succeeded').length;
      findings.push(
        finding({
          check: 'k8s.pods',
          severity: 'ok',
          ...texts({
            title: say('k8s-pods.ns-ok.title', { count: pods.length - done, ns: nl.namespace }),
            explanation: say('k8s-pods.ns-ok.explanation', { ns: nl.namespace, jobs: done ? say('k8s-pods.ns-ok.jobs', { count: done }) : '' }),
          }),
          evidence: [evidence(out, quote(ctx, pods.map((p) => p.nameLine)).slice(0, 20))],
        }),
      );
    }
  }

  // Warning events: attached to the pod findings above; the rest reported per object.
  if (!eventsOut) {
    const any = outputsOf(input, EVENTS)[0];
    findings.push(skippedSaying('k8s.warning-events', say('k8s-pods.events.skipped.title'), any ? say('k8s-pods.events.skipped.incomplete', { why: any.error ?? any.state }) : say('k8s-pods.events.skipped.not-run')));
  }
  for (const nl of ev?.lists ?? []) {
    if (!nl.list) {
      const msg = nl.messages.map((m) => m.text);
      const reason = say('k8s-pods.events.ns-failed.explanation', { ns: nl.namespace, why: msg[0] ?? say('k8s-pods.no-output') });
      findings.push(skippedSaying('k8s.warning-events', say('k8s-pods.events.ns-failed.title', { ns: nl.namespace }), reason, eventsOut && msg.length ? [evidence(eventsOut, msg.slice(0, 2))] : []));
      continue;
    }
    const rest = new Map<string, EventFact[]>();
    for (const e of eventFacts(nl)) {
      if (e.objectKind === 'Pod' && judged.has(`${e.namespace}/${e.objectName}`)) continue;
      const k = `${e.objectKind} ${e.objectName}`;
      rest.set(k, [...(rest.get(k) ?? []), e]);
    }
    if (rest.size === 0 && eventFacts(nl).length === 0) {
      findings.push(finding({ check: 'k8s.warning-events', severity: 'ok', ...texts({ title: say('k8s-pods.events.none.title', { ns: nl.namespace }), explanation: say('k8s-pods.events.none.explanation', { ns: nl.namespace }) }) }));
    }
    for (const [obj, es] of rest) {
      const reasons = [...new Set(es.map((e) => e.reason))].join(', ');
      const total = es.reduce((a, e) => a + e.count, 0);
      findings.push(
        finding({
          check: 'k8s.warning-events',
          severity: 'warning',
          ...texts({
            title: say(total === 1 ? 'k8s-pods.events.title.one' : 'k8s-pods.events.title', { object: obj, ns: nl.namespace, count: total, reasons }),
            // The events' own reasons and messages, quoted as Kubernetes wrote them.
            explanation: say('k8s-pods.events.explanation', { object: obj, events: es.slice(0, 3).map((e) => `${e.reason}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`).join('; ') }),
            likelyCause: say('k8s-pods.events.cause'),
            nextStep: say('k8s-pods.events.next', { ns: nl.namespace, name: es[0]?.objectName ?? '' }),
          }),
          evidence: eventsOut ? [evidence(eventsOut, pick(ctx.eventLines, es.flatMap((e) => e.evidence)).slice(0, 10))] : [],
        }),
      );
    }
  }
  return findings;
};
