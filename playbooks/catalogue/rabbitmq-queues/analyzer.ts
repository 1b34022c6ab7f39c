/**
 * rabbitmq-queues: the broker's queues, sampled twice a few seconds apart (queues.sh, one broker
 * suffices: every node lists the whole cluster's queues). A queue that holds messages and has no
 * consumer in both samples means the service that should read it is gone (its topic names it:
 * conductor → nova-conductor, compute.HOST → nova-compute on HOST); messages a consumer holds
 * unacknowledged in both samples, not going down, mean that consumer hangs (oslo.messaging acks an
 * RPC message as soon as it takes it). Reply and fanout queues of a restarted service linger until
 * they expire: said as info. Ready messages in queues that have consumers over `backlog_warn` warn
 * (consumers slower than publishers).
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { consumerOf, parseQueues, whyNoSamples, type QueueRow, type QueueSamples } from './parse.js';

const QUEUES = 'queues';
/** Queues named in one finding's title and evidence, at most. */
const SHOWN = 8;

const notChecked = (check: string, title: FindingMessage, explanation: FindingMessage, out?: StepOutput): Finding => {
  const t = texts({ title, explanation });
  const first = out ? (lines(allText(out)).find((l) => l.trim()) ?? '') : '';
  return { ...skipped(check, t.title, t.explanation, out && first ? [evidence(out, [first])] : []), text: t.text };
};

const key = (r: QueueRow): string => `${r.vhost}\u0000${r.name}`;
const label = (r: QueueRow): string => (r.vhost === '/' ? r.name : `${r.name} (vhost ${r.vhost})`);
const total = (r: QueueRow): number => (r.ready ?? 0) + (r.unacked ?? 0);

interface Pair {
  a: QueueRow;
  b: QueueRow | null;
}

/** Each queue of the first sample with its row in the second (null with one sample or a queue gone since). */
function pairs(s: QueueSamples): Pair[] {
  const second = new Map((s.second ?? []).map((r) => [key(r), r]));
  return s.first.map((a) => ({ a, b: s.second ? (second.get(key(a)) ?? null) : a }));
}

/** Messages waiting and nobody reading, in both samples (a consumer reconnecting between them is not this). */
const orphaned = (p: Pair): boolean => p.b !== null && (p.a.consumers ?? 1) === 0 && (p.b.consumers ?? 1) === 0 && total(p.a) > 0 && total(p.b) > 0;

/** Unacknowledged messages held through both samples, not going down, while more arrive or wait. */
const stuck = (p: Pair, twoSamples: boolean): boolean =>
  twoSamples && p.b !== null && (p.a.consumers ?? 0) > 0 && (p.b.consumers ?? 0) > 0 && (p.a.unacked ?? 0) > 0 && (p.b.unacked ?? 0) >= (p.a.unacked ?? 0) && ((p.b.unacked ?? 0) > (p.a.unacked ?? 0) || (p.b.ready ?? 0) > 0);

const ev = (out: StepOutput, ps: Pair[]): ReturnType<typeof evidence> => evidence(out, ps.slice(0, SHOWN).flatMap((p) => (p.b && p.b !== p.a ? [p.a.line, p.b.line] : [p.a.line])));

function noConsumerFindings(out: StepOutput, ps: Pair[]): Finding[] {
  // One finding per service: compute.cmp-1 … compute.cmp-50 are one missing nova-compute fleet.
  const groups = new Map<string, Pair[]>();
  for (const p of ps.filter(orphaned)) {
    const c = consumerOf(p.a.name);
    if (c.kind === 'reply' || c.kind === 'fanout') continue;
    // Every notifications queue of a vhost is one finding (notifications.info, .error, versioned_…).
    const g = `${p.a.vhost}\u0000${c.kind}\u0000${c.kind === 'notifications' ? '' : c.topic}`;
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  return [...groups.values()].map((g) => {
    const c = consumerOf(g[0]?.a.name ?? '');
    const messages = g.reduce((n, p) => n + total(p.b ?? p.a), 0);
    const queues = g.map((p) => label(p.a));
    const hosts = g.map((p) => consumerOf(p.a.name).host).filter((h): h is string => h !== null);
    const notifications = c.kind === 'notifications';
    return finding({
      check: notifications ? 'rabbitmq.notifications-unread' : 'rabbitmq.queue-no-consumer',
      severity: 'warning',
      ...texts({
        title: say(notifications ? 'rabbitmq-queues.notifications.title' : 'rabbitmq-queues.no-consumer.title', { queues: queues.slice(0, SHOWN).join(', ') + (queues.length > SHOWN ? ' …' : ''), count: queues.length, messages, service: c.service }),
        explanation: say(notifications ? 'rabbitmq-queues.notifications.explanation' : 'rabbitmq-queues.no-consumer.explanation', {
          queues: queues.join(', '),
          messages,
          service: c.service,
          where: hosts.length ? say('rabbitmq-queues.no-consumer.hosts', { hosts: hosts.join(', ') }) : '',
          node: out.node,
        }),
        likelyCause: say(notifications ? 'rabbitmq-queues.notifications.cause' : 'rabbitmq-queues.no-consumer.cause', { service: c.service }),
        nextStep: say(notifications ? 'rabbitmq-queues.notifications.next' : hosts.length ? 'rabbitmq-queues.no-consumer.next.hosts' : 'rabbitmq-queues.no-consumer.next', { service: c.service, hosts: hosts.slice(0, SHOWN).join(', '), queue: g[0]?.a.name ?? '' }),
      }),
      evidence: [ev(out, g)],
    });
  });
}

function leftoverFinding(out: StepOutput, ps: Pair[]): Finding[] {
  const left = ps.filter((p) => orphaned(p) && ['reply', 'fanout'].includes(consumerOf(p.a.name).kind));
  if (!left.length) return [];
  const messages = left.reduce((n, p) => n + total(p.b ?? p.a), 0);
  return [
    finding({
      check: 'rabbitmq.leftover-queues',
      severity: 'info',
      ...texts({
        title: say('rabbitmq-queues.leftover.title', { count: left.length, messages }),
        explanation: say('rabbitmq-queues.leftover.explanation', { queues: left.slice(0, SHOWN).map((p) => label(p.a)).join(', ') + (left.length > SHOWN ? ' …' : '') }),
        likelyCause: say('rabbitmq-queues.leftover.cause'),
        nextStep: say('rabbitmq-queues.leftover.next'),
      }),
      evidence: [ev(out, left)],
    }),
  ];
}

function stuckFindings(out: StepOutput, ps: Pair[], s: QueueSamples): Finding[] {
  return ps
    .filter((p) => stuck(p, s.second !== null))
    .map((p) => {
      const c = consumerOf(p.a.name);
      const b = p.b as QueueRow;
      return finding({
        check: 'rabbitmq.unacked-stuck',
        severity: 'warning',
        ...texts({
          title: say('rabbitmq-queues.stuck.title', { queue: label(p.a), unacked: b.unacked ?? 0 }),
          explanation: say('rabbitmq-queues.stuck.explanation', {
            queue: label(p.a),
            before: p.a.unacked ?? 0,
            after: b.unacked ?? 0,
            ready: b.ready ?? 0,
            consumers: b.consumers ?? 0,
            seconds: Math.round((s.gapMs ?? 0) / 1000),
            service: c.service || c.topic,
          }),
          likelyCause: say('rabbitmq-queues.stuck.cause', { service: c.service || c.topic }),
          nextStep: say('rabbitmq-queues.stuck.next', { queue: p.a.name, service: c.service || c.topic, node: out.node }),
        }),
        evidence: [evidence(out, [p.a.line, b.line, ...(s.gapLine ? [s.gapLine] : [])])],
      });
    });
}

export const analyze: Analyzer = (input) => {
  const out = completed(input, QUEUES)[0];
  if (!out) {
    const any = outputsOf(input, QUEUES)[0];
    return [notChecked('rabbitmq.queues', say('rabbitmq-queues.not-run.title'), say('rabbitmq-queues.not-run.explanation', { why: any?.error ?? any?.state ?? say('rabbitmq-queues.not-run.none') }))];
  }
  const s = out.state === 'succeeded' ? parseQueues(out.stdout) : null;
  if (!s) {
    const why = whyNoSamples(allText(out), out.exitCode);
    if (why === 'no-cli' || why === 'no-container' || why === 'no-data') {
      const line = lines(allText(out)).find((l) => l.startsWith('stackscope: no RabbitMQ data')) ?? lines(allText(out)).find((l) => l.trim()) ?? '';
      return [
        finding({
          check: 'rabbitmq.queues-not-here',
          severity: 'info',
          ...texts({ title: say('rabbitmq-queues.not-here.title', { node: out.node }), explanation: say('rabbitmq-queues.not-here.explanation', { node: out.node }) }),
          evidence: line ? [evidence(out, [line])] : [],
        }),
      ];
    }
    return [notChecked('rabbitmq.queues', say('rabbitmq-queues.unread.title', { node: out.node }), say(`rabbitmq-queues.unread.${why === 'timeout' ? 'timeout' : why === 'not-running' ? 'not-running' : 'other'}`, { node: out.node, code: out.exitCode ?? '?' }), out)];
  }
  const ps = pairs(s);
  const backlogWarn = Number(input.params.backlog_warn ?? 10000);
  const latest = s.second ?? s.first;
  const backlog = latest.reduce((n, r) => n + (r.ready ?? 0), 0);
  // Consumers too slow: what waits in queues that have consumers (queues without any are said above).
  const served = latest.filter((r) => (r.consumers ?? 0) > 0);
  const slow = served.reduce((n, r) => n + (r.ready ?? 0), 0);
  const findings = [...noConsumerFindings(out, ps), ...stuckFindings(out, ps, s)];
  if (slow >= backlogWarn) {
    const top = [...served].sort((x, y) => (y.ready ?? 0) - (x.ready ?? 0)).slice(0, 5);
    findings.push(
      finding({
        check: 'rabbitmq.backlog',
        severity: 'warning',
        ...texts({
          title: say('rabbitmq-queues.backlog.title', { messages: slow }),
          explanation: say('rabbitmq-queues.backlog.explanation', { messages: slow, limit: backlogWarn, top: top.map((r) => `${label(r)} ${r.ready ?? 0}`).join(', ') }),
          likelyCause: say('rabbitmq-queues.backlog.cause'),
          nextStep: say('rabbitmq-queues.backlog.next'),
        }),
        evidence: [evidence(out, top.map((r) => r.line))],
      }),
    );
  }
  const problems = findings.length;
  findings.push(...leftoverFinding(out, ps));
  if (!problems) {
    const vhosts = new Set(s.first.map((r) => r.vhost)).size;
    const withConsumers = s.first.filter((r) => (r.consumers ?? 0) > 0).length;
    findings.push(
      finding({
        check: 'rabbitmq.queues',
        severity: 'ok',
        ...texts({
          title: say('rabbitmq-queues.ok.title', { count: s.first.length, messages: backlog }),
          explanation: say(s.second ? 'rabbitmq-queues.ok.explanation' : 'rabbitmq-queues.ok.explanation.one-sample', { count: s.first.length, vhosts, consumed: withConsumers, messages: backlog, node: out.node, seconds: Math.round((s.gapMs ?? 0) / 1000) }),
        }),
        evidence: s.gapLine ? [evidence(out, [s.gapLine])] : [],
      }),
    );
  }
  return findings;
};
