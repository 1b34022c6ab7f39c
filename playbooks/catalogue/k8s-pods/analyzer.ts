/**
 * k8s-pods: pods that are not Running and Ready, and why — CrashLoopBackOff with the line of the
 * crashed run's log that explains it, OOMKilled with the memory limit, init containers waiting
 * on a kubernetes-entrypoint dependency, image pull failures — plus recent Warning events.
 */
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { explainers, genericError, gistOf, logKey, type Explainer } from './explain.js';
import { eventFacts, logFacts, namespaceLists, podFacts, type ContainerFact, type EventFact, type PodFact } from './parse.js';

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
const where = (pod: PodFact): string => `${pod.namespace}/${pod.name}${pod.node ? ` on ${pod.node}` : ''}`;
const lastExit = (c: ContainerFact): string =>
  c.last ? `last run ended ${c.last.reason ?? 'terminated'} (exit code ${c.last.exitCode ?? '?'})${c.last.finishedAt ? ` at ${c.last.finishedAt}` : ''}` : 'no earlier run recorded';
const notFetched = (ctx: Ctx): string => (ctx.logsOut ? 'its log was not fetched (more than 20 failing containers, or the pod changed meanwhile)' : 'the crash-logs step did not run');

function crashFinding(ctx: Ctx, pod: PodFact, c: ContainerFact): Finding {
  const log = logEvidence(ctx, pod, c, 'previous');
  const gist = log.lines.length ? gistOf(log.lines.at(-1) ?? '', log.ex) : '';
  const ns = pod.namespace;
  return finding({
    check: c.init ? 'k8s.init-crashloop' : 'k8s.crashloop',
    severity: 'critical',
    title: `${pod.name}: ${c.init ? 'init ' : ''}container ${c.name} is in CrashLoopBackOff${gist ? ` — ${gist}` : ''}`,
    explanation:
      `Container ${c.name} of pod ${where(pod)} keeps crashing: ${c.restartCount} restarts, ${lastExit(c)}; Kubernetes now waits longer before each restart. ` +
      (log.lines.length ? 'The log of the crashed run (kubectl logs --previous) ends with the lines quoted below.' : `The crashed run's log could not be quoted: ${log.fetched ? 'it was empty' : notFetched(ctx)}.`),
    evidence: [...podEvidence(ctx, pod, c.evidence), ...log.ev],
    likelyCause: log.ex?.cause ?? (log.lines.length ? 'The process exits on the error shown in its previous log.' : 'The process exits at start; its previous log holds the reason.'),
    nextStep: `kubectl -n ${ns} logs ${pod.name} -c ${c.name} --previous --tail 200${log.ex ? `; then ${log.ex.next(ns, pod.name)}` : `; kubectl -n ${ns} describe pod ${pod.name}`}`,
  });
}

function oomFinding(ctx: Ctx, pod: PodFact, c: ContainerFact): Finding {
  const now = c.reason === 'OOMKilled';
  const limit = c.memoryLimit ? `its memory limit is ${c.memoryLimit}` : 'it has no memory limit, so the node itself ran out of memory';
  return finding({
    check: 'k8s.oomkilled',
    severity: 'critical',
    title: `${pod.name}: container ${c.name} was OOMKilled (${c.memoryLimit ? `limit ${c.memoryLimit}` : 'no memory limit'})`,
    explanation:
      `The kernel killed container ${c.name} of pod ${where(pod)} for using too much memory (reason OOMKilled, exit code ${(now ? c.exitCode : c.last?.exitCode) ?? 137}); ${limit}. ` +
      `It has restarted ${c.restartCount} time${c.restartCount === 1 ? '' : 's'}${c.state === 'waiting' && c.reason === 'CrashLoopBackOff' ? ' and is now in CrashLoopBackOff' : c.ready ? ' and is running again, until it grows past the limit again' : ''}.`,
    evidence: podEvidence(ctx, pod, [...c.evidence, ...(c.limitLine !== undefined ? [c.limitLine] : [])]),
    likelyCause: c.memoryLimit
      ? `The memory limit (${c.memoryLimit}) is too small for this workload, or the process leaks memory.`
      : 'Node memory pressure: the pod has no limit and the node ran out of memory.',
    nextStep: `kubectl -n ${pod.namespace} top pod ${pod.name} --containers; raise the limit in the chart values (openstack-helm: pod.resources.<component>.limits.memory) and helm upgrade`,
  });
}

function initFinding(ctx: Ctx, pod: PodFact, c: ContainerFact, done: number, total: number): Finding {
  const ns = pod.namespace;
  const log = ctx.logs.get(`${ns}/${pod.name}/${c.name}/current`) ?? [];
  const deps = new Map<string, { line: string; why: string }>();
  for (const l of log) {
    const m = /Resolving dependency (.+?) in namespace (\S+) failed:\s*(.*?)\s*\.?\s*$/.exec(l);
    if (m) deps.set(`${m[1] ?? ''} (namespace ${m[2] ?? ''})`, { line: l, why: m[3] ?? '' });
  }
  const names = [...deps.keys()];
  const depLines = [...deps.values()].map((d) => d.line);
  const first = names[0] ?? '';
  const job = /^Job (\S+)/.exec(first)?.[1];
  const svc = /^Service (\S+)/.exec(first)?.[1];
  const fallback = log.length ? explaining(log).lines : [];
  const logLines = depLines.length ? log.filter((l) => depLines.includes(l)) : fallback;
  return finding({
    check: 'k8s.init-waiting',
    severity: 'warning',
    title: `${pod.name} is stuck in Init:${done}/${total}${names.length ? ` — waiting for ${names.map((n) => n.replace(/ \(namespace .*\)$/, '')).join(', ')}` : ` (init container ${c.name})`}`,
    explanation:
      `Pod ${where(pod)} has not started its main containers: init container ${c.name} (${done} of ${total} init containers done) is ${c.state === 'waiting' ? `waiting (${c.reason ?? 'unknown reason'})` : 'still running'}. ` +
      (names.length
        ? `kubernetes-entrypoint reports the dependencies it is waiting for: ${[...deps.entries()].map(([n, d]) => `${n}: ${d.why || 'not ready'}`).join('; ')}.`
        : log.length
          ? 'Its log does not name a dependency; the last lines are quoted.'
          : `Its log was not available (${notFetched(ctx)}).`),
    evidence: [...podEvidence(ctx, pod, c.evidence), ...(logLines.length && ctx.logsOut ? [evidence(ctx.logsOut, logLines)] : [])],
    likelyCause: names.length
      ? 'A dependency declared by the chart is not ready: its Job has not completed (or failed), its Service has no ready endpoints, or its pod is not running. The pod itself is fine; fix the dependency.'
      : 'The init container has not finished; its log says what it waits for.',
    nextStep: job
      ? `kubectl -n ${ns} get job ${job}; kubectl -n ${ns} logs job/${job} --tail 50`
      : svc
        ? `kubectl -n ${ns} get endpoints ${svc}; kubectl -n ${ns} get pods -o wide | grep ${svc}`
        : `kubectl -n ${ns} logs ${pod.name} -c ${c.name} --tail 50; kubectl -n ${ns} describe pod ${pod.name}`,
  });
}

function containerFinding(ctx: Ctx, pod: PodFact, c: ContainerFact): Finding | null {
  const ns = pod.namespace;
  const reason = c.reason ?? '';
  if (c.state === 'waiting' && IMAGE_PULL.has(reason)) {
    const log = logEvidence(ctx, pod, c, 'current');
    return finding({
      check: 'k8s.image-pull',
      severity: 'critical',
      title: `${pod.name}: container ${c.name} cannot pull its image (${reason})`,
      explanation: `The kubelet on ${pod.node ?? 'the node'} cannot pull image ${c.image ?? '?'} for container ${c.name} of pod ${pod.namespace}/${pod.name}${c.message ? `: ${c.message}` : ''}.`,
      evidence: [...podEvidence(ctx, pod, c.evidence), ...log.ev],
      likelyCause: 'The image name or tag does not exist in the registry, the registry is unreachable from the node, or pull credentials (imagePullSecrets) are missing.',
      nextStep: `kubectl -n ${ns} describe pod ${pod.name} (Events show the pull error); on ${pod.node ?? 'the node'}: crictl pull ${c.image ?? '<image>'}`,
    });
  }
  if (c.state === 'waiting' && CONFIG_ERR.has(reason)) {
    return finding({
      check: 'k8s.container-config',
      severity: 'critical',
      title: `${pod.name}: container ${c.name} cannot be created (${reason})`,
      explanation: `Kubernetes cannot create container ${c.name} of pod ${where(pod)}${c.message ? `: ${c.message}` : ''}.`,
      evidence: podEvidence(ctx, pod, c.evidence),
      likelyCause: 'A Secret or ConfigMap the container references is missing, or its command/mounts are invalid.',
      nextStep: `kubectl -n ${ns} describe pod ${pod.name}; kubectl -n ${ns} get secrets,configmaps`,
    });
  }
  if (reason === 'OOMKilled' || c.last?.reason === 'OOMKilled') return oomFinding(ctx, pod, c);
  if (c.state === 'waiting' && reason === 'CrashLoopBackOff') return crashFinding(ctx, pod, c);
  if (c.state === 'terminated' && reason !== 'Completed') {
    const log = logEvidence(ctx, pod, c, 'current');
    return finding({
      check: 'k8s.container-not-running',
      severity: 'critical',
      title: `${pod.name}: container ${c.name} is not running (${reason || 'terminated'}, exit code ${c.exitCode ?? '?'})`,
      explanation: `Container ${c.name} of pod ${where(pod)} has terminated (${reason || 'terminated'}, exit code ${c.exitCode ?? '?'}${c.message ? `: ${c.message}` : ''}) and is not being restarted. Its last log lines are quoted.`,
      evidence: [...podEvidence(ctx, pod, c.evidence), ...log.ev],
      likelyCause: log.ex?.cause ?? 'The container process exited or was stopped; the end of its log says how.',
      nextStep: `kubectl -n ${ns} logs ${pod.name} -c ${c.name} --tail 200; ${log.ex ? log.ex.next(ns, pod.name) : `kubectl -n ${ns} describe pod ${pod.name}`}`,
    });
  }
  if (c.state === 'waiting') {
    return finding({
      check: 'k8s.container-waiting',
      severity: 'warning',
      title: `${pod.name}: container ${c.name} is waiting (${reason || 'no reason given'})`,
      explanation: `Container ${c.name} of pod ${where(pod)} has not started: ${reason || 'waiting'}${c.message ? ` — ${c.message}` : ''}.`,
      evidence: podEvidence(ctx, pod, c.evidence),
      likelyCause: reason === 'ContainerCreating' ? 'Volumes are still mounting or the network sandbox is not ready; the pod events say which.' : 'See the pod events.',
      nextStep: `kubectl -n ${ns} describe pod ${pod.name}`,
    });
  }
  if (c.state === 'running' && !c.ready) {
    return finding({
      check: 'k8s.not-ready',
      severity: 'warning',
      title: `${pod.name}: container ${c.name} is running but not Ready`,
      explanation: `Container ${c.name} of pod ${where(pod)} runs but fails its readiness probe, so its Service sends it no traffic${pod.ready?.message ? ` (${pod.ready.message})` : ''}.`,
      evidence: podEvidence(ctx, pod, [...c.evidence, ...(pod.ready ? [pod.ready.line] : [])]),
      likelyCause: 'The service inside is up but unhealthy (a backend it needs is down) or still starting.',
      nextStep: `kubectl -n ${ns} describe pod ${pod.name} (Events: Readiness probe failed …); kubectl -n ${ns} logs ${pod.name} -c ${c.name} --tail 100`,
    });
  }
  if (c.state === 'running' && c.restartCount > 0) {
    const log = logEvidence(ctx, pod, c, 'previous');
    return finding({
      check: 'k8s.restarts',
      severity: 'warning',
      title: `${pod.name}: container ${c.name} restarted ${c.restartCount} time${c.restartCount === 1 ? '' : 's'} (running now)`,
      explanation: `Container ${c.name} of pod ${where(pod)} is running and Ready now, but has restarted ${c.restartCount} times; ${lastExit(c)}.${log.lines.length ? ' The crashed run logged the lines quoted below.' : ''}`,
      evidence: [...podEvidence(ctx, pod, c.evidence), ...log.ev],
      likelyCause: log.ex ? `An earlier run stopped on this: ${log.ex.cause}` : 'An earlier run crashed or was killed (failed liveness probe, dependency outage); it recovered on restart.',
      nextStep: `kubectl -n ${ns} logs ${pod.name} -c ${c.name} --previous --tail 200`,
    });
  }
  return null;
}

function judgePod(ctx: Ctx, pod: PodFact): Finding[] {
  const ns = pod.namespace;
  if (pod.phase === 'Succeeded') return [];
  if (pod.phase === 'Failed') {
    return [
      finding({
        check: 'k8s.pod-failed',
        severity: 'warning',
        title: `${pod.name} has failed${pod.phaseReason ? ` (${pod.phaseReason})` : ''}`,
        explanation: `Pod ${where(pod)} is in phase Failed${pod.phaseMessage ? `: ${pod.phaseMessage}` : ''}${pod.ownerKind === 'Job' ? '; it belongs to a Job, which may have retried in another pod' : ''}.`,
        evidence: podEvidence(ctx, pod, [pod.phaseLine ?? pod.nameLine, ...pod.containers.flatMap((c) => c.evidence)]),
        likelyCause: pod.phaseReason === 'Evicted' ? 'The node ran short of memory or disk and evicted the pod.' : 'Its containers exited with an error; their last state says which.',
        nextStep: `kubectl -n ${ns} describe pod ${pod.name}`,
      }),
    ];
  }
  if (pod.scheduled?.status === 'False') {
    return [
      finding({
        check: 'k8s.unschedulable',
        severity: 'critical',
        title: `${pod.name} cannot be scheduled${pod.scheduled.reason ? ` (${pod.scheduled.reason})` : ''}`,
        explanation: `No node accepts pod ${pod.namespace}/${pod.name}${pod.scheduled.message ? `: ${pod.scheduled.message}` : ''}.`,
        evidence: podEvidence(ctx, pod, [pod.scheduled.line]),
        likelyCause: 'Node selectors/labels (openstack-helm: openstack-control-plane=enabled, openstack-compute-node=enabled), taints, or not enough CPU/memory on the labelled nodes.',
        nextStep: `kubectl -n ${ns} describe pod ${pod.name}; kubectl get nodes --show-labels`,
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
        title: `${pod.name} is not Ready (${pod.ready.reason ?? pod.phase})`,
        explanation: `Pod ${where(pod)} is ${pod.phase} but not Ready${pod.ready.message ? `: ${pod.ready.message}` : ''}.`,
        evidence: podEvidence(ctx, pod, [pod.phaseLine ?? pod.nameLine, pod.ready.line]),
        likelyCause: 'A container is starting or failing its readiness probe.',
        nextStep: `kubectl -n ${ns} describe pod ${pod.name}`,
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
    return [skipped('k8s.pods', 'Pods were not listed', any ? `The pod list step did not complete (${any.error ?? any.state}); no pod was checked.` : 'The pod list step did not run; no pod was checked.')];
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
    return [skipped('k8s.pods', 'Pods were not listed', `kubectl printed no namespace section: ${why}`, [evidence(out, [why])])];
  }
  const judged = new Set<string>();
  for (const nl of lists) {
    if (!nl.list) {
      const msg = nl.messages.map((m) => m.text);
      findings.push(skipped('k8s.pods', `Pods in namespace ${nl.namespace} could not be listed`, `kubectl get pods -n ${nl.namespace} failed: ${msg[0] ?? 'no output'}`, msg.length ? [evidence(out, msg.slice(0, 3))] : []));
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
      findings.push(finding({ check: 'k8s.pods', severity: 'info', title: `No pods in namespace ${nl.namespace}`, explanation: `kubectl lists no pods in namespace ${nl.namespace}: nothing is deployed there, or the namespace name is wrong.`, nextStep: 'kubectl get namespaces' }));
    } else if (nsFindings.every((f) => f.severity === 'ok' || f.severity === 'info')) {
      const done = pods.filter((p) => p.phase === 'Succeeded').length;
      findings.push(
        finding({
          check: 'k8s.pods',
          severity: 'ok',
          title: `All ${pods.length - done} pods in namespace ${nl.namespace} are Running and Ready`,
          explanation: `Every pod in ${nl.namespace} is Running with all containers Ready and no restarts${done ? `; ${done} completed Job pods were ignored` : ''}.`,
          evidence: [evidence(out, quote(ctx, pods.map((p) => p.nameLine)).slice(0, 20))],
        }),
      );
    }
  }

  // Warning events: attached to the pod findings above; the rest reported per object.
  if (!eventsOut) {
    const any = outputsOf(input, EVENTS)[0];
    findings.push(skipped('k8s.warning-events', 'Warning events were not read', any ? `The events step did not complete (${any.error ?? any.state}).` : 'The events step did not run.'));
  }
  for (const nl of ev?.lists ?? []) {
    if (!nl.list) {
      const msg = nl.messages.map((m) => m.text);
      const reason = `kubectl get events -n ${nl.namespace} --field-selector type=Warning failed: ${msg[0] ?? 'no output'}`;
      findings.push(skipped('k8s.warning-events', `Warning events in namespace ${nl.namespace} could not be read`, reason, eventsOut && msg.length ? [evidence(eventsOut, msg.slice(0, 2))] : []));
      continue;
    }
    const rest = new Map<string, EventFact[]>();
    for (const e of eventFacts(nl)) {
      if (e.objectKind === 'Pod' && judged.has(`${e.namespace}/${e.objectName}`)) continue;
      const k = `${e.objectKind} ${e.objectName}`;
      rest.set(k, [...(rest.get(k) ?? []), e]);
    }
    if (rest.size === 0 && eventFacts(nl).length === 0) {
      findings.push(finding({ check: 'k8s.warning-events', severity: 'ok', title: `No Warning events in namespace ${nl.namespace}`, explanation: `kubectl reports no Warning events in ${nl.namespace} (events are kept for about an hour).` }));
    }
    for (const [obj, es] of rest) {
      const reasons = [...new Set(es.map((e) => e.reason))].join(', ');
      const total = es.reduce((a, e) => a + e.count, 0);
      findings.push(
        finding({
          check: 'k8s.warning-events',
          severity: 'warning',
          title: `${obj} in ${nl.namespace}: ${total} Warning event${total === 1 ? '' : 's'} (${reasons})`,
          explanation: `Kubernetes recorded Warning events for ${obj} within the last hour: ${es.slice(0, 3).map((e) => `${e.reason}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`).join('; ')}.`,
          evidence: eventsOut ? [evidence(eventsOut, pick(ctx.eventLines, es.flatMap((e) => e.evidence)).slice(0, 10))] : [],
          likelyCause: 'See the event messages; they come from the scheduler, the kubelet or a controller acting on this object.',
          nextStep: `kubectl -n ${nl.namespace} get events --field-selector involvedObject.name=${es[0]?.objectName ?? ''} --sort-by=.lastTimestamp`,
        }),
      );
    }
  }
  return findings;
};
