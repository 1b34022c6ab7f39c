/**
 * instances-stuck: servers in ERROR (always: a build or an action failed, and the user sees it),
 * and servers in BUILD or with a task under way (deleting, migrating, rebooting, …) for longer
 * than `stuck_minutes`, measured from their `updated` against the clock of the controller that
 * asked (servers.sh prints it first). Each names the server, its host and the fault message, and
 * sends the reader where that fault is explained: NoValidHost → placement-capacity and
 * nova-services, a port that could not be bound → Neutron/OVN, retries exhausted → the computes'
 * nova-compute logs.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { faultKind, isProblem, parseServers, taskKind, whyFailed, type Listed, type Servers, type Shown } from './parse.js';

const STEP = 'servers';
/** An ERROR newer than this is a failure now (critical); an older one is left over (warning). */
const RECENT_SEC = 24 * 3600;

const duration = (sec: number): FindingMessage => {
  const min = Math.max(0, Math.floor(sec / 60));
  if (min >= 48 * 60) return say('instances-stuck.days', { d: Math.floor(min / 1440), h: Math.floor((min % 1440) / 60) });
  return min >= 120 ? say('instances-stuck.hours', { h: Math.floor(min / 60), m: min % 60 }) : say('instances-stuck.minutes', { m: min });
};

/** The first line the client printed (servers.sh's own `== …` headers are not its message). */
const firstLine = (o: StepOutput): string => lines(allText(o)).find((l) => l.trim() && !l.startsWith('== ')) ?? '';

function failure(out: StepOutput): Finding {
  const line = firstLine(out);
  const why = whyFailed(allText(out));
  if (why === 'no-nova') {
    // A fact read from the cloud (no Compute API in its catalog), not a check that failed.
    return finding({
      check: 'nova.instances-not-here',
      severity: 'info',
      ...texts({ title: say('instances-stuck.not-here.title'), explanation: say('instances-stuck.not-here.explanation', { node: out.node }) }),
      evidence: line ? [evidence(out, [line])] : [],
    });
  }
  const t = texts({
    title: say('instances-stuck.failed.title'),
    explanation: say('instances-stuck.failed.explanation', { node: out.node, line: line || say('instances-stuck.exit-code', { code: out.exitCode ?? '?' }) }),
    ...(why !== 'other' ? { likelyCause: say(`instances-stuck.failed.cause.${why}`) } : {}),
    nextStep: say('instances-stuck.failed.next'),
  });
  const f = skipped('nova.instances', t.title, t.explanation, line ? [evidence(out, [line])] : []);
  return { ...f, likelyCause: t.likelyCause, nextStep: t.nextStep, text: t.text };
}

/** The action Nova recorded last (`server event list`, newest first): what the server was doing and since when. */
function lastAction(s: Shown): FindingMessage | '' {
  const e = s.events[0];
  if (!e) return '';
  return say('instances-stuck.action', { action: e.action, start: e.start, request: e.requestId, failed: e.message && e.message !== 'null' ? say('instances-stuck.action.failed', { message: e.message }) : '' });
}

function serverEvidence(out: StepOutput, s: Shown): Evidence {
  const ev = s.events[0]?.line;
  return evidence(out, ev ? [...s.lines, ev] : s.lines);
}

/**
 * The checks whose failure would explain a fault of this kind (Finding.explainedBy): the fault
 * message itself points there. Only for a recent ERROR: one left over from days ago says nothing
 * about what is failing now.
 */
const causesOf: Partial<Record<ReturnType<typeof faultKind>, string[]>> = {
  'port-binding': ['port-binding.binding-failed', 'port-binding.host-without-chassis', 'neutron.agent-down', 'neutron.chassis-missing'],
  'no-valid-host': ['nova.no-allocation-candidates', 'nova.scheduler-filtered', 'nova.service-down', 'nova.service-disabled', 'nova.no-compute', 'placement.flavor-fit', 'placement.flavors'],
  network: ['port-binding.port-down', 'neutron.agent-down', 'neutron.chassis-missing'],
  rpc: ['rabbitmq.*'],
  retries: ['nova.compute-log-errors'],
};

function errorFinding(out: StepOutput, s: Shown, now: number | null): Finding {
  const kind = faultKind(s.faultMessage);
  const age = now !== null && s.updatedSec !== null ? now - s.updatedSec : null;
  const old = age !== null && age > RECENT_SEC;
  const causes = old ? undefined : causesOf[kind];
  return finding({
    check: 'nova.instance-error',
    severity: old ? 'warning' : 'critical',
    ...texts({
      title: say(s.faultMessage ? 'instances-stuck.error.title' : 'instances-stuck.error.title.no-fault', { name: s.name || s.id, fault: s.faultMessage.length > 100 ? `${s.faultMessage.slice(0, 97)}…` : s.faultMessage }),
      explanation: say('instances-stuck.error.explanation', {
        id: s.id,
        host: s.host ? say('instances-stuck.on-host', { host: s.host }) : say('instances-stuck.no-host'),
        flavor: s.flavor || '?',
        since: s.faultCreated || s.updated || '?',
        age: age !== null ? say('instances-stuck.ago', { age: duration(age), node: out.node }) : '',
        fault: s.faultMessage ? say('instances-stuck.error.fault', { message: s.faultMessage }) : say('instances-stuck.error.no-fault'),
        action: lastAction(s),
        old: old ? say('instances-stuck.error.old') : '',
      }),
      likelyCause: say(`instances-stuck.fault.${kind}.cause`),
      nextStep: say(`instances-stuck.fault.${kind}.next`, { id: s.id, flavor: s.flavor || 'FLAVOR', request: s.events[0]?.requestId || s.id }),
    }),
    evidence: [serverEvidence(out, s)],
    ...(causes ? { explainedBy: causes } : {}),
  });
}

function stuckFinding(out: StepOutput, s: Shown, age: number, limit: number): Finding {
  const kind = taskKind(s.status, s.taskState);
  const state = s.taskState && s.taskState !== 'null' ? `${s.status}/${s.taskState}` : s.status;
  return finding({
    check: 'nova.instance-stuck',
    severity: 'warning',
    ...texts({
      title: say('instances-stuck.stuck.title', { name: s.name || s.id, state, age: duration(age) }),
      explanation: say('instances-stuck.stuck.explanation', {
        id: s.id,
        state,
        updated: s.updated,
        age: duration(age),
        node: out.node,
        limit,
        host: s.host ? say('instances-stuck.on-host', { host: s.host }) : say('instances-stuck.no-host'),
        action: lastAction(s),
      }),
      likelyCause: say(`instances-stuck.task.${kind}.cause`),
      nextStep: say(`instances-stuck.task.${kind}.next`, { id: s.id, host: s.host || 'HOST', request: s.events[0]?.requestId || s.id }),
    }),
    evidence: [serverEvidence(out, s)],
  });
}

/** Servers the list shows in ERROR/BUILD/a task that servers.sh did not look at (its cap of 10). */
function notShown(out: StepOutput, v: Servers, problems: Listed[]): Finding | null {
  const seen = new Set(v.shown.map((s) => s.id));
  const rest = problems.filter((p) => !seen.has(p.id));
  if (!rest.length) return null;
  const errors = rest.filter((p) => p.status === 'ERROR');
  return finding({
    check: errors.length ? 'nova.instance-error' : 'nova.instance-stuck',
    severity: 'warning',
    ...texts({
      title: say('instances-stuck.more.title', { count: rest.length, errors: errors.length }),
      explanation: say('instances-stuck.more.explanation', { count: rest.length, shown: v.shown.length, names: rest.slice(0, 20).map((p) => `${p.name || p.id} (${p.taskState && p.taskState !== 'null' ? `${p.status}/${p.taskState}` : p.status})`).join(', ') }),
      nextStep: say('instances-stuck.more.next'),
    }),
    evidence: [evidence(out, rest.slice(0, 10).flatMap((p) => p.lines))],
  });
}

function serverFindings(out: StepOutput, limit: number): Finding[] {
  const v = parseServers(out.stdout);
  if (v.listed === null) return [failure(out)];
  const problems = v.listed.filter(isProblem);
  const found: Finding[] = [];
  for (const s of v.shown) {
    if (s.status === 'ERROR') {
      found.push(errorFinding(out, s, v.now));
      continue;
    }
    const age = v.now !== null && s.updatedSec !== null ? v.now - s.updatedSec : null;
    if (age !== null && age > limit * 60) found.push(stuckFinding(out, s, age, limit));
  }
  const more = notShown(out, v, problems);
  if (more) found.push(more);
  // Details asked for but never printed (the client failed mid-way): those servers were not looked at.
  const missing = v.asked.filter((id) => !v.shown.some((s) => s.id === id));
  if (missing.length) {
    const t = texts({
      title: say('instances-stuck.details-missing.title', { count: missing.length }),
      explanation: say('instances-stuck.details-missing.explanation', { ids: missing.join(', '), line: v.detailErrors[0] ?? say('instances-stuck.exit-code', { code: out.exitCode ?? '?' }) }),
    });
    found.push({ ...skipped('nova.instance-details', t.title, t.explanation, [evidence(out, [v.askedLine, ...v.detailErrors.slice(0, 3)])]), text: t.text });
  }
  if (!found.some((f) => f.severity === 'critical' || f.severity === 'warning')) {
    found.push(
      finding({
        check: 'nova.instances',
        severity: 'ok',
        ...texts({
          title: say('instances-stuck.ok.title', { count: v.listed.length, limit }),
          explanation: say('instances-stuck.ok.explanation', { count: v.listed.length, transit: problems.length, limit }),
        }),
        evidence: [evidence(out, lines(out.stdout).filter((l) => l.startsWith('== now: ') || l === '== server list' || /^\s*"Status":/.test(l)).slice(0, 22))],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const limit = Number(input.params.stuck_minutes ?? 30) || 30;
  const out = completed(input, STEP)[0];
  if (out) return serverFindings(out, limit);
  const any = outputsOf(input, STEP)[0];
  const t = texts({ title: say('instances-stuck.not-run.title'), explanation: say('instances-stuck.not-run.explanation', { why: any?.error ?? any?.state ?? say('instances-stuck.not-run.none') }) });
  return [{ ...skipped('nova.instances', t.title, t.explanation), text: t.text }];
};
