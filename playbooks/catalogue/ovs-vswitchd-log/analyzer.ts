/**
 * ovs-vswitchd-log: what ovs-vswitchd said in the last 24 hours on each compute/network node, and
 * what its datapath counts now (the signatures hotsos looks for in ovs-vswitchd.log and
 * `ovs-appctl dpctl/show`).
 *
 * Thresholds (a healthy vswitchd logs none of these in a day, but a busy one can stall once):
 * - `Unreasonably long Nms poll interval`: the main or a handler thread did not get back to its
 *   loop for N ms (packets for new flows wait that long). Three in 24 h, or one of 5 s or more, is
 *   a warning; one or two shorter ones are info (a big reconfiguration does that).
 * - `EMER` lines (an assertion failed, the daemon aborted): critical.
 * - The flow limit: `upcall: datapath reached the dynamic limit`, or `upcall/show` with the
 *   current flows at 90 % of the limit: a warning (new flows go through the slow path or are dropped).
 * - Upcalls lost: the datapath's `lost:` counter grew between two looks 2 s apart, or 10 or more
 *   `lost packet on port channel` lines in 24 h (hotsos's dpif_lost_packets): a warning. A counter
 *   above zero that does not grow is info (lost some time since the datapath was made).
 * - `could not open network device X (No such device)` (or ethtool's `No such device` on it) 3 or
 *   more times for the same device: a warning, an OVS port whose device is gone (ovs-health sees
 *   the port's error today; the log says since when). Once or twice is the tap-removed race of a
 *   deleted instance: info.
 * - `Spent an unreasonably long Nms dumping flows` (the revalidators): 3 or more is a warning.
 * - `Dropped N log messages … due to excessive rate`: info, naming the modules (the lines it hid).
 * - ovs-appctl cannot reach the daemon: critical, with the log's last line (how it stopped).
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import { spanText } from '../../engine/log-time.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { coverage, inWindow, parseVswitchd, type Event, type VswitchdFacts } from './parse.js';

const STEP = 'vswitchd';
export const POLL_COUNT = 3;
export const POLL_WORST_MS = 5000;
export const FLOW_LIMIT_SHARE = 0.9;
export const LOST_LINES = 10;
export const DEVICE_COUNT = 3;
export const SLOW_DUMP_COUNT = 3;

const m = (id: string, params?: Record<string, string | number | FindingMessage>): FindingMessage => say(`ovs-vswitchd-log.${id}`, params);
const when = (at: number | null): string => (at === null ? '?' : new Date(at * 1000).toISOString().replace('.000Z', 'Z'));
const quote = (evs: Event[], n = 4): string[] => [...new Set(evs.map((e) => e.line))].slice(-n);

function span(evs: Event[]): FindingMessage {
  const ats = evs.map((e) => e.at).filter((x): x is number => x !== null);
  if (!ats.length) return m('span.unknown');
  const first = Math.min(...ats);
  const last = Math.max(...ats);
  return first === last ? m('span.once', { at: when(first) }) : m('span', { first: when(first), last: when(last) });
}

/** The sentence saying the lines read go back less than 24 h, or ''. */
function partial(f: VswitchdFacts): FindingMessage | string {
  const c = coverage(f);
  return c === null ? '' : m('partial', { span: spanText(c) });
}

function pollFinding(out: StepOutput, f: VswitchdFacts, evs: Event[]): Finding | null {
  const polls = evs.filter((e) => e.kind === 'poll');
  if (!polls.length) return null;
  const worst = polls.reduce((a, b) => (b.value > a.value ? b : a));
  const ctx = evs.filter((e) => e.kind === 'ctxsw');
  const involuntary = ctx.length ? Math.max(...ctx.map((e) => e.value)) : 0;
  const severe = polls.length >= POLL_COUNT || worst.value >= POLL_WORST_MS;
  const threads = [...new Set(polls.map((e) => e.subject))].slice(0, 6).join(', ');
  const split = worst.user !== undefined ? m('poll.split', { user: worst.user, system: worst.system ?? 0 }) : '';
  return finding({
    check: 'ovs-vswitchd.poll-interval',
    severity: severe ? 'warning' : 'info',
    ...texts({
      title: m('poll.title', { node: out.node, count: polls.length, worst: worst.value }),
      explanation: m('poll.explanation', { node: out.node, count: polls.length, worst: worst.value, threads, span: span(polls), split, ctx: involuntary ? m('poll.ctx', { involuntary }) : '', partial: partial(f), count_min: POLL_COUNT, worst_min: POLL_WORST_MS }),
      ...(severe ? { likelyCause: m('poll.cause'), nextStep: m('poll.next', { node: out.node }) } : {}),
    }),
    evidence: [evidence(out, [...new Set([worst.line, ...quote(polls, 3), ...quote(ctx, 1)])])],
  });
}

function flowLimitFinding(out: StepOutput, f: VswitchdFacts, evs: Event[]): Finding | null {
  const hits = evs.filter((e) => e.kind === 'flow-limit');
  const full = f.flows.filter((x) => x.limit > 0 && x.current >= x.limit * FLOW_LIMIT_SHARE);
  if (!hits.length && !full.length) return null;
  const now = full[0];
  return finding({
    check: 'ovs-vswitchd.flow-limit',
    severity: 'warning',
    ...texts({
      title: m('flow-limit.title', { node: out.node }),
      explanation: m('flow-limit.explanation', {
        node: out.node,
        log: hits.length ? m('flow-limit.log', { count: hits.length, span: span(hits) }) : '',
        now: now ? m('flow-limit.now', { current: now.current, limit: now.limit, dump: now.dumpMs ?? '?' }) : '',
        partial: partial(f),
      }),
      likelyCause: m('flow-limit.cause'),
      nextStep: m('flow-limit.next', { node: out.node }),
    }),
    evidence: [evidence(out, [...quote(hits, 3), ...full.flatMap((x) => [x.line, ...(x.dumpLine ? [x.dumpLine] : [])])])],
  });
}

function lostFinding(out: StepOutput, f: VswitchdFacts, evs: Event[]): Finding | null {
  const lines = evs.filter((e) => e.kind === 'lost-packet');
  const growing = f.dpctlAgain
    .map((b) => ({ b, a: f.dpctl.find((d) => d.name === b.name) }))
    .filter((x): x is { b: (typeof f.dpctl)[number]; a: (typeof f.dpctl)[number] } => x.a !== undefined && x.b.lost > x.a.lost);
  const old = f.dpctl.filter((d) => d.lost > 0);
  if (!lines.length && !old.length) return null;
  const severe = growing.length > 0 || lines.length >= LOST_LINES;
  const g = growing[0];
  const o = old[0];
  return finding({
    check: 'ovs-vswitchd.lost-upcalls',
    severity: severe ? 'warning' : 'info',
    ...texts({
      title: severe ? m('lost.title', { node: out.node }) : m('lost.old.title', { node: out.node, lost: o?.lost ?? 0 }),
      explanation: m('lost.explanation', {
        node: out.node,
        counter: g ? m('lost.growing', { dp: g.b.name, before: g.a.lost, after: g.b.lost }) : o ? m('lost.counter', { dp: o.name, lost: o.lost, hit: o.hit, missed: o.missed }) : '',
        log: lines.length ? m('lost.log', { count: lines.length, span: span(lines), min: LOST_LINES }) : '',
        partial: partial(f),
      }),
      ...(severe ? { likelyCause: m('lost.cause'), nextStep: m('lost.next', { node: out.node }) } : {}),
    }),
    evidence: [evidence(out, [...(g ? [g.a.line, g.b.line] : o ? [o.line] : []), ...quote(lines, 3)])],
  });
}

function deviceFindings(out: StepOutput, f: VswitchdFacts, evs: Event[]): Finding[] {
  const byDevice = new Map<string, Event[]>();
  // One reconfiguration can say it twice (bridge's `could not open` and netdev_linux's ethtool
  // `No such device`): the lines of one device within the same second are one attempt.
  const attempts = new Map<string, Event>();
  for (const e of evs.filter((x) => x.kind === 'missing-device')) attempts.set(`${e.subject} ${e.at === null ? e.line : Math.floor(e.at)}`, e);
  for (const e of attempts.values()) byDevice.set(e.subject, [...(byDevice.get(e.subject) ?? []), e]);
  if (!byDevice.size) return [];
  const repeated = [...byDevice].filter(([, es]) => es.length >= DEVICE_COUNT);
  const once = [...byDevice].filter(([, es]) => es.length < DEVICE_COUNT);
  const found: Finding[] = [];
  for (const [device, es] of repeated) {
    found.push(
      finding({
        check: 'ovs-vswitchd.missing-device',
        severity: 'warning',
        explainedBy: ['ovs.interface-error'],
        ...texts({
          title: m('device.title', { node: out.node, device, count: es.length }),
          explanation: m('device.explanation', { node: out.node, device, count: es.length, span: span(es), partial: partial(f) }),
          likelyCause: m('device.cause'),
          nextStep: m('device.next', { node: out.node, device }),
        }),
        evidence: [evidence(out, quote(es, 3))],
      }),
    );
  }
  if (once.length) {
    const devices = once.map(([d]) => d);
    found.push(
      finding({
        check: 'ovs-vswitchd.missing-device',
        severity: 'info',
        ...texts({
          title: m('device.once.title', { node: out.node, count: devices.length }),
          explanation: m('device.once.explanation', { node: out.node, devices: devices.slice(0, 8).join(', '), min: DEVICE_COUNT }),
        }),
        evidence: [evidence(out, once.flatMap(([, es]) => quote(es, 1)).slice(0, 4))],
      }),
    );
  }
  return found;
}

function nodeFindings(out: StepOutput, f: VswitchdFacts): Finding[] {
  const evs = inWindow(f);
  const found: Finding[] = [];
  const node = out.node;
  const emer = evs.filter((e) => e.kind === 'emer');
  if (emer.length) {
    found.push(
      finding({
        check: 'ovs-vswitchd.emer',
        severity: 'critical',
        ...texts({
          title: m('emer.title', { node, count: emer.length }),
          explanation: m('emer.explanation', { node, count: emer.length, span: span(emer) }),
          likelyCause: m('emer.cause'),
          nextStep: m('emer.next', { node }),
        }),
        evidence: [evidence(out, quote(emer))],
      }),
    );
  }
  const poll = pollFinding(out, f, evs);
  if (poll) found.push(poll);
  const limit = flowLimitFinding(out, f, evs);
  if (limit) found.push(limit);
  const lost = lostFinding(out, f, evs);
  if (lost) found.push(lost);
  found.push(...deviceFindings(out, f, evs));
  const dumps = evs.filter((e) => e.kind === 'slow-dump');
  if (dumps.length) {
    const severe = dumps.length >= SLOW_DUMP_COUNT;
    const worst = Math.max(...dumps.map((e) => e.value));
    found.push(
      finding({
        check: 'ovs-vswitchd.slow-dump',
        severity: severe ? 'warning' : 'info',
        ...texts({
          title: m('dump.title', { node, count: dumps.length, worst }),
          explanation: m('dump.explanation', { node, count: dumps.length, worst, span: span(dumps), min: SLOW_DUMP_COUNT, partial: partial(f) }),
          ...(severe ? { likelyCause: m('dump.cause'), nextStep: m('dump.next', { node }) } : {}),
        }),
        evidence: [evidence(out, quote(dumps, 3))],
      }),
    );
  }
  const dropped = evs.filter((e) => e.kind === 'dropped-logs');
  if (dropped.length) {
    const byModule = new Map<string, number>();
    for (const e of dropped) byModule.set(e.subject, (byModule.get(e.subject) ?? 0) + e.value);
    const total = [...byModule.values()].reduce((a, b) => a + b, 0);
    found.push(
      finding({
        check: 'ovs-vswitchd.rate-limited',
        severity: 'info',
        ...texts({
          title: m('dropped.title', { node, total }),
          explanation: m('dropped.explanation', { node, total, modules: [...byModule].map(([k, v]) => `${k} ${v}`).join(', '), span: span(dropped) }),
        }),
        evidence: [evidence(out, quote(dropped, 3))],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const quiet: Array<{ out: StepOutput; f: VswitchdFacts }> = [];
  const unread: Array<{ out: StepOutput; f: VswitchdFacts }> = [];
  for (const out of completed(input, STEP)) {
    const f = parseVswitchd(out.stdout);
    if (out.state !== 'succeeded' || (f.appctlExit === null && !f.logLine)) {
      unread.push({ out, f });
      continue;
    }
    const own: Finding[] = [];
    if (f.appctlExit !== 0) {
      own.push(
        finding({
          check: 'ovs-vswitchd.not-answering',
          severity: 'critical',
          ...texts({
            title: m('down.title', { node: out.node }),
            explanation: m('down.explanation', { node: out.node, exit: f.appctlExit ?? '?', last: f.last ? m('down.last', { line: f.last }) : '' }),
            likelyCause: m('down.cause'),
            nextStep: m('down.next', { node: out.node }),
          }),
          evidence: [evidence(out, [...f.appctlError, ...(f.last ? [`== last: ${f.last}`] : [])])],
        }),
      );
    }
    if (f.logPath === null || f.read === 0) unread.push({ out, f });
    else own.push(...nodeFindings(out, f));
    findings.push(...own);
    // The ok below claims nothing was seen: a node with even an info finding is not in it.
    if (!own.length && f.logPath !== null && f.read > 0) quiet.push({ out, f });
  }
  if (quiet.length) {
    findings.push(
      finding({
        check: 'ovs-vswitchd.quiet',
        severity: 'ok',
        ...texts({
          title: m('ok.title', { count: quiet.length }),
          explanation: m('ok.explanation', { nodes: quiet.map((q) => `${q.out.node} (${q.f.read})`).join(', ') }),
        }),
        evidence: quiet.map((q) => evidence(q.out, [q.f.logLine, ...(q.f.readLine ? [q.f.readLine] : []), ...q.f.dpctl.map((d) => d.line).slice(0, 1)])),
      }),
    );
  }
  if (unread.length) {
    const t = texts({ title: m('unread.title', { nodes: unread.map((u) => u.out.node).join(', ') }), explanation: m('unread.explanation', { why: unread.map((u) => `${u.out.node}: ${u.f.logLine.replace(/^== log: /, '') || (u.out.stderr.trim().split('\n').at(-1) ?? '') || `exit ${u.out.exitCode ?? '?'}`}`).join('; ') }) });
    findings.push({ ...skipped('ovs-vswitchd.log', t.title, t.explanation, unread.map((u) => evidence(u.out, u.f.logLine ? [u.f.logLine] : [])).filter((e) => e.lines.length)), text: t.text });
  }
  if (!outputsOf(input, STEP).length) {
    const t = texts({ title: m('not-run.title'), explanation: m('not-run.explanation') });
    findings.push({ ...skipped('ovs-vswitchd.log', t.title, t.explanation), text: t.text });
  }
  return findings;
};
