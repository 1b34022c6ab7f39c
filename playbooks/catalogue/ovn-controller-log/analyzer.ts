/**
 * ovn-controller-log: whether ovn-controller on each compute/network node is connected now, and
 * what its log says about the last day (the ovn-controller signatures hotsos and risu look for).
 *
 * ovn-health already says, from the same `connection-status`, that ovn-controller is not running
 * or not connected (critical). This playbook adds what the log says about it (when and how it
 * stopped, which remote it lost and why) and marks its finding as explained by ovn-health's, so a
 * whole-cluster check shows one problem with both.
 *
 * Thresholds:
 * - Southbound connection dropped or inactivity probe unanswered: 3 or more in 6 h is a warning
 *   (one or two: a leader change or a restarted SB member, info).
 * - The same lport claimed and released (`Claiming lport` / `Releasing lport`) 6 or more times in
 *   1 h on one node, at least twice each: a flapping binding (warning). Live migration claims and releases once;
 *   releases alone (a localport at each recompute) are not flapping.
 * - `Changing chassis for lport` 3 or more times for one lport in 24 h: the port moves back and
 *   forth between chassis (two chassis claim it), a warning.
 * - `ofctrl … OpenFlow error` (vswitchd refused flows): 3 or more in 24 h is a warning, 1–2 info.
 * - Slow: `inc_proc_eng … took Nms` (printed over 500 ms) 10 or more in 24 h, or `Unreasonably long
 *   poll interval` 3 or more, or either at 10 s or more: a warning; fewer is info.
 * - EMER lines: critical.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import { spanText } from '../../engine/log-time.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { coverage, parseController, within, type ControllerFacts, type Event } from './parse.js';

const STEP = 'controller';
const HOUR = 3600;
export const SB_DROPS = 3;
export const SB_WINDOW = 6 * HOUR;
export const FLAP_EVENTS = 6;
export const FLAP_WINDOW = HOUR;
export const CHASSIS_CHANGES = 3;
export const OPENFLOW_ERRORS = 3;
export const RECOMPUTES = 10;
export const POLLS = 3;
export const SLOW_MS = 10_000;
const DAY = 24 * HOUR;

const m = (id: string, params?: Record<string, string | number | FindingMessage>): FindingMessage => say(`ovn-controller-log.${id}`, params);
const when = (at: number | null): string => (at === null ? '?' : new Date(at * 1000).toISOString().replace('.000Z', 'Z'));
const quote = (evs: Event[], n = 4): string[] => [...new Set(evs.map((e) => e.line))].slice(-n);
const of = (evs: Event[], ...kinds: Event['kind'][]): Event[] => evs.filter((e) => kinds.includes(e.kind));

function span(evs: Event[]): FindingMessage {
  const ats = evs.map((e) => e.at).filter((x): x is number => x !== null);
  if (!ats.length) return m('span.unknown');
  const first = Math.min(...ats);
  const last = Math.max(...ats);
  return first === last ? m('span.once', { at: when(first) }) : m('span', { first: when(first), last: when(last) });
}

function partial(f: ControllerFacts, windowSec: number): FindingMessage | string {
  const c = coverage(f, windowSec);
  return c === null ? '' : m('partial', { span: spanText(c) });
}

function byKey(evs: Event[]): Map<string, Event[]> {
  const map = new Map<string, Event[]>();
  for (const e of evs) map.set(e.subject, [...(map.get(e.subject) ?? []), e]);
  return map;
}

/** ovn-controller is not running or not connected: what its log adds to ovn-health's finding. */
function stateFinding(out: StepOutput, f: ControllerFacts): Finding | null {
  const node = out.node;
  const status = f.status.join(' ').trim();
  if (f.statusExit === 0 && status === 'connected') return null;
  const running = f.statusExit === 0;
  const sb = of(f.events, 'sb-dropped', 'sb-probe', 'sb-failed');
  const ended = of(f.events, 'terminated', 'emer');
  const lastLine = f.last ? [`== last: ${f.last}`] : [];
  if (!running) {
    const stop = ended.at(-1);
    return finding({
      check: 'ovn-controller-log.not-running',
      severity: 'critical',
      explainedBy: ['ovn.controller-not-running'],
      ...texts({
        title: m('not-running.title', { node }),
        explanation: m('not-running.explanation', {
          node,
          exit: f.statusExit ?? '?',
          how: stop ? m('not-running.stopped', { at: when(stop.at), line: stop.line }) : f.last ? m('not-running.last', { line: f.last }) : m('not-running.no-log'),
        }),
        likelyCause: m(stop?.kind === 'terminated' ? 'not-running.cause.signal' : 'not-running.cause'),
        nextStep: m('not-running.next', { node }),
      }),
      evidence: [evidence(out, [...f.status.slice(-1), ...(stop ? [stop.line] : []), ...lastLine].filter((l, i, a) => a.indexOf(l) === i))],
    });
  }
  const lost = sb.at(-1);
  return finding({
    check: 'ovn-controller-log.disconnected',
    severity: 'critical',
    explainedBy: ['ovn.controller-disconnected'],
    ...texts({
      title: m('disconnected.title', { node, status: status || '?' }),
      explanation: m('disconnected.explanation', { node, status: status || '?', why: lost ? m('disconnected.why', { line: lost.line }) : m('disconnected.why-unknown') }),
      likelyCause: m('disconnected.cause'),
      nextStep: m('disconnected.next', { node }),
    }),
    evidence: [evidence(out, [...f.status, ...quote(sb, 3)])],
  });
}

function nodeFindings(out: StepOutput, f: ControllerFacts): Finding[] {
  const node = out.node;
  const found: Finding[] = [];
  const day = within(f, DAY);

  const emer = of(day, 'emer');
  if (emer.length) {
    found.push(
      finding({
        check: 'ovn-controller-log.emer',
        severity: 'critical',
        ...texts({ title: m('emer.title', { node, count: emer.length }), explanation: m('emer.explanation', { node, count: emer.length, span: span(emer) }), likelyCause: m('emer.cause'), nextStep: m('emer.next', { node }) }),
        evidence: [evidence(out, quote(emer))],
      }),
    );
  }

  const sb = of(within(f, SB_WINDOW), 'sb-dropped', 'sb-probe');
  if (sb.length) {
    const severe = sb.length >= SB_DROPS;
    const probes = of(sb, 'sb-probe').length;
    found.push(
      finding({
        check: 'ovn-controller-log.sb-connection',
        severity: severe ? 'warning' : 'info',
        ...texts({
          title: m('sb.title', { node, count: sb.length }),
          explanation: m('sb.explanation', { node, count: sb.length, probes: probes ? m('sb.probes', { probes }) : '', remotes: [...byKey(sb).keys()].join(', '), span: span(sb), min: SB_DROPS, partial: partial(f, SB_WINDOW) }),
          ...(severe ? { likelyCause: m(probes ? 'sb.cause.probe' : 'sb.cause'), nextStep: m('sb.next', { node }) } : {}),
        }),
        evidence: [evidence(out, quote(sb))],
      }),
    );
  }

  const hour = of(within(f, FLAP_WINDOW), 'claim', 'release');
  // A flapping binding is taken and given up again and again; releases alone are not (ovn-controller
  // logs "Releasing lport" for a localport, Neutron's metadata port, at each recompute that touches
  // it, and never claims one: seen on the lab when a router's gateway chassis changed).
  const flaps = (es: Event[]): boolean => es.length >= FLAP_EVENTS && of(es, 'claim').length >= 2 && of(es, 'release').length >= 2;
  const flapping = [...byKey(hour)].filter(([, es]) => flaps(es)).sort((a, b) => b[1].length - a[1].length);
  if (flapping.length) {
    const [port, es] = flapping[0] as [string, Event[]];
    found.push(
      finding({
        check: 'ovn-controller-log.port-flapping',
        severity: 'warning',
        ...texts({
          title: m('flap.title', { node, port, count: es.length }),
          explanation: m('flap.explanation', {
            node,
            port,
            claims: of(es, 'claim').length,
            releases: of(es, 'release').length,
            span: span(es),
            others: flapping.length > 1 ? m('flap.others', { ports: flapping.slice(1, 6).map(([p, x]) => `${p} (${x.length})`).join(', ') }) : '',
            min: FLAP_EVENTS,
            partial: partial(f, FLAP_WINDOW),
          }),
          likelyCause: m('flap.cause'),
          nextStep: m('flap.next', { node, port }),
        }),
        evidence: [evidence(out, quote(es, 4))],
      }),
    );
  }

  const moves = [...byKey(of(day, 'chassis-change'))].filter(([, es]) => es.length >= CHASSIS_CHANGES).sort((a, b) => b[1].length - a[1].length);
  if (moves.length) {
    const [port, es] = moves[0] as [string, Event[]];
    found.push(
      finding({
        check: 'ovn-controller-log.chassis-churn',
        severity: 'warning',
        ...texts({
          title: m('churn.title', { node, port, count: es.length }),
          explanation: m('churn.explanation', { node, port, count: es.length, span: span(es), others: moves.length > 1 ? m('flap.others', { ports: moves.slice(1, 6).map(([p, x]) => `${p} (${x.length})`).join(', ') }) : '', min: CHASSIS_CHANGES, partial: partial(f, DAY) }),
          likelyCause: m('churn.cause'),
          nextStep: m('churn.next', { node, port }),
        }),
        evidence: [evidence(out, quote(es, 3))],
      }),
    );
  }

  const ofErrors = of(day, 'openflow-error');
  if (ofErrors.length) {
    const severe = ofErrors.length >= OPENFLOW_ERRORS;
    found.push(
      finding({
        check: 'ovn-controller-log.openflow-error',
        severity: severe ? 'warning' : 'info',
        ...texts({
          title: m('openflow.title', { node, count: ofErrors.length }),
          explanation: m('openflow.explanation', { node, count: ofErrors.length, span: span(ofErrors), min: OPENFLOW_ERRORS, partial: partial(f, DAY) }),
          ...(severe ? { likelyCause: m('openflow.cause'), nextStep: m('openflow.next', { node }) } : {}),
        }),
        evidence: [evidence(out, quote(ofErrors, 3))],
      }),
    );
  }

  const recomputes = of(day, 'recompute');
  const polls = of(day, 'poll');
  if (recomputes.length || polls.length) {
    const worst = [...recomputes, ...polls].reduce((a, b) => (b.ms > a.ms ? b : a));
    const severe = recomputes.length >= RECOMPUTES || polls.length >= POLLS || worst.ms >= SLOW_MS;
    const nodes = [...byKey(recomputes).keys()].slice(0, 5).join(', ');
    found.push(
      finding({
        check: 'ovn-controller-log.slow',
        severity: severe ? 'warning' : 'info',
        ...texts({
          title: m('slow.title', { node, worst: worst.ms }),
          explanation: m('slow.explanation', {
            node,
            recomputes: recomputes.length,
            polls: polls.length,
            worst: worst.ms,
            engine: nodes ? m('slow.engine', { nodes }) : '',
            span: span([...recomputes, ...polls]),
            rmin: RECOMPUTES,
            pmin: POLLS,
            msmin: SLOW_MS,
            partial: partial(f, DAY),
          }),
          ...(severe ? { likelyCause: m('slow.cause'), nextStep: m('slow.next', { node }) } : {}),
        }),
        evidence: [evidence(out, [...new Set([worst.line, ...quote(recomputes, 2), ...quote(polls, 2)])])],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const quiet: Array<{ out: StepOutput; f: ControllerFacts }> = [];
  const unread: Array<{ out: StepOutput; f: ControllerFacts }> = [];
  for (const out of completed(input, STEP)) {
    const f = parseController(out.stdout);
    // Kolla: the ovn_controller container is stopped, so nothing ran in it (docker/podman exec says so).
    const gone = out.state === 'failed' ? out.stderr.split('\n').find((l) => /Container \S+ is not running|No such container/.test(l)) : undefined;
    if (gone) {
      findings.push(
        finding({
          check: 'ovn-controller-log.not-running',
          severity: 'critical',
          explainedBy: ['ovn.controller-not-running'],
          ...texts({
            title: m('not-running.title', { node: out.node }),
            explanation: m('not-running.explanation', { node: out.node, exit: out.exitCode ?? '?', how: m('not-running.container') }),
            likelyCause: m('not-running.cause'),
            nextStep: m('not-running.next', { node: out.node }),
          }),
          evidence: [{ node: out.node, step: out.step, lines: [gone] }],
        }),
      );
      continue;
    }
    if (out.state !== 'succeeded' || (f.statusExit === null && !f.logLine)) {
      unread.push({ out, f });
      continue;
    }
    const own: Finding[] = [];
    const state = stateFinding(out, f);
    if (state) own.push(state);
    if (f.logPath === null || f.read === 0) unread.push({ out, f });
    else own.push(...nodeFindings(out, f));
    findings.push(...own);
    // The ok below claims nothing was seen: a node with even an info finding is not in it.
    if (!own.length && f.logPath !== null && f.read > 0) quiet.push({ out, f });
  }
  if (quiet.length) {
    findings.push(
      finding({
        check: 'ovn-controller-log.quiet',
        severity: 'ok',
        ...texts({ title: m('ok.title', { count: quiet.length }), explanation: m('ok.explanation', { nodes: quiet.map((q) => `${q.out.node} (${q.f.read})`).join(', ') }) }),
        evidence: quiet.map((q) => evidence(q.out, [...q.f.status, q.f.logLine, ...(q.f.readLine ? [q.f.readLine] : [])])),
      }),
    );
  }
  if (unread.length) {
    const why = unread.map((u) => `${u.out.node}: ${u.f.logLine.replace(/^== log: /, '') || (u.out.stderr.trim().split('\n').at(-1) ?? '') || `exit ${u.out.exitCode ?? '?'}`}`).join('; ');
    const t = texts({ title: m('unread.title', { nodes: unread.map((u) => u.out.node).join(', ') }), explanation: m('unread.explanation', { why }) });
    findings.push({ ...skipped('ovn-controller-log.log', t.title, t.explanation, unread.map((u) => evidence(u.out, u.f.logLine ? [u.f.logLine] : [])).filter((e) => e.lines.length)), text: t.text });
  }
  if (!outputsOf(input, STEP).length) {
    const t = texts({ title: m('not-run.title'), explanation: m('not-run.explanation') });
    findings.push({ ...skipped('ovn-controller-log.log', t.title, t.explanation), text: t.text });
  }
  return findings;
};
