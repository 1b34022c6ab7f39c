/**
 * rabbitmq-cluster: each broker's view of the RabbitMQ cluster (cluster_status, which lists every
 * node's alarms), its status when an alarm names it, and its file descriptors: network partitions,
 * members that run nowhere, resource alarms (memory, disk, file descriptors: an alarm blocks every
 * publisher of the cluster, so RPC stalls) and descriptor use. One step, one rabbitmqctl per broker
 * (each boots an Erlang VM). A controller whose rabbitmqctl answers nothing is a problem only when
 * the cluster names it as a member (the others run no broker); where no controller has RabbitMQ it
 * says "no RabbitMQ here" (info).
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { namesNode, parseClusterStatus, parseStatus, plain, splitBroker, whyNoReport, type ClusterView, type NodeStatus, type NoReport, type ProcFds } from './parse.js';

/** The one step (broker.sh): cluster_status, status when an alarm names the node, the /proc descriptors. */
const BROKER = 'broker';
/** File descriptor use that warns, and that is critical (RabbitMQ raises its own alarm at the limit). */
export const FD_WARN = 0.8;
export const FD_CRIT = 0.95;

const firstLine = (o: StepOutput): string => lines(allText(o)).find((l) => l.trim()) ?? '';
/** What says a node runs no broker: broker.sh's own line, else the first line. */
const absentLine = (o: StepOutput): string => lines(allText(o)).find((l) => /^stackscope: no RabbitMQ data in /.test(l)) ?? firstLine(o);
const notChecked = (check: string, title: FindingMessage, explanation: FindingMessage, ev: Evidence[] = []): Finding => {
  const t = texts({ title, explanation });
  return { ...skipped(check, t.title, t.explanation, ev), text: t.text };
};

interface Answer {
  out: StepOutput;
  view: ClusterView;
  /** The broker's own status, printed when an alarm names it. */
  status: NodeStatus | null;
  /** Its descriptors from /proc. */
  fds: ProcFds | null;
}
interface Silent {
  out: StepOutput;
  why: NoReport;
  line: string;
}

/** The node name a view or status belongs to: what it printed, else the inventory node's. */
const selfOf = (a: Answer): string => a.view.self || a.out.node;

function alarmFindings(input: AnalyzerInput, answers: Answer[]): Finding[] {
  const statuses = answers.flatMap((a) => (a.status ? [{ out: a.out, st: a.status }] : []));
  // One finding per node and resource, quoting every output that lists it (each view and the node's own status).
  const seen = new Map<string, { node: string; resource: string; ev: Map<StepOutput, string[]> }>();
  const add = (out: StepOutput, a: ClusterView['alarms'][number]): void => {
    const key = `${a.node} ${a.resource}`;
    const e = seen.get(key) ?? { node: a.node, resource: a.resource, ev: new Map<StepOutput, string[]>() };
    e.ev.set(out, [...(e.ev.get(out) ?? []), a.line]);
    seen.set(key, e);
  };
  for (const a of answers) for (const x of a.view.alarms) add(a.out, x);
  for (const s of statuses) for (const x of s.st.alarms) add(s.out, x);
  return [...seen.values()].map((a) => {
    const st = statuses.find((s) => s.st.self === a.node);
    const detail = a.resource === 'memory' ? st?.st.memoryLines : a.resource === 'disk' ? st?.st.diskLines : a.resource === 'file_descriptors' && st?.st.fd ? [st.st.fd.line] : undefined;
    const ev = [...a.ev.entries()].slice(0, 3).map(([out, ls]) => evidence(out, ls));
    if (st && detail?.length) ev.push(evidence(st.out, detail));
    const key = a.resource.replace(/_/g, '-');
    return finding({
      check: `rabbitmq.alarm-${key}`,
      severity: 'critical',
      ...texts({
        title: say(`rabbitmq-cluster.alarm.${key}.title`, { node: a.node }),
        explanation: say('rabbitmq-cluster.alarm.explanation', { node: a.node, what: say(`rabbitmq-cluster.alarm.${key}.means`), seen: [...a.ev.keys()].map((o) => o.node).filter((x, i, xs) => xs.indexOf(x) === i).join(', ') }),
        likelyCause: say(`rabbitmq-cluster.alarm.${key}.cause`),
        nextStep: say(`rabbitmq-cluster.alarm.${key}.next`, { node: input.nodes.find((n) => namesNode(a.node, n))?.name ?? st?.out.node ?? a.node }),
      }),
      evidence: ev,
    });
  });
}

function partitionFinding(answers: Answer[]): Finding[] {
  const withParts = answers.filter((a) => a.view.partitions.length);
  if (!withParts.length) return [];
  const nodes = [...new Set(withParts.flatMap((a) => a.view.partitions.flatMap((p) => [p.node, ...p.peers])))].sort();
  // The side that lists fewer running nodes is the one to restart (the documented recovery).
  const minority = [...answers].sort((x, y) => x.view.running.length - y.view.running.length)[0];
  return [
    finding({
      check: 'rabbitmq.partition',
      severity: 'critical',
      ...texts({
        title: say('rabbitmq-cluster.partition.title', { nodes: nodes.join(', ') }),
        explanation: say('rabbitmq-cluster.partition.explanation', {
          views: withParts.map((a) => say('rabbitmq-cluster.partition.view', { node: a.out.node, running: a.view.running.join(', ') || '-' })),
        }),
        likelyCause: say('rabbitmq-cluster.partition.cause'),
        nextStep: say('rabbitmq-cluster.partition.next', { node: minority ? selfOf(minority) : '?', where: minority?.out.node ?? '?' }),
      }),
      evidence: withParts.flatMap((a) => [evidence(a.out, a.view.partitions.map((p) => p.line)), evidence(a.out, a.view.runningLines)]),
    }),
  ];
}

function downFindings(input: AnalyzerInput, answers: Answer[], silent: Silent[]): Finding[] {
  const members = [...new Set(answers.flatMap((a) => [...a.view.disk, ...a.view.ram]))].sort();
  const running = new Set(answers.flatMap((a) => a.view.running));
  const down = members.filter((m) => !running.has(m));
  if (!down.length) return [];
  const majority = members.length - down.length > members.length / 2;
  return down.map((m) => {
    const inv = input.nodes.find((n) => namesNode(m, n));
    const own = inv ? silent.find((s) => s.out.node === inv.name) : undefined;
    const view = answers.find((a) => [...a.view.disk, ...a.view.ram].includes(m)) ?? (answers[0] as Answer);
    const memberLine = view.view.memberLines.filter((l) => plain(l).trim() === m);
    return finding({
      check: 'rabbitmq.node-down',
      severity: majority ? 'warning' : 'critical',
      ...texts({
        title: say('rabbitmq-cluster.down.title', { node: m }),
        explanation: say('rabbitmq-cluster.down.explanation', {
          node: m,
          running: members.length - down.length,
          members: members.length,
          quorum: say(majority ? 'rabbitmq-cluster.down.majority' : 'rabbitmq-cluster.down.no-majority'),
          own: own ? say('rabbitmq-cluster.down.own', { where: own.out.node, line: own.line || say('rabbitmq-cluster.exit-code', { code: own.out.exitCode ?? '?' }) }) : '',
        }),
        likelyCause: say('rabbitmq-cluster.down.cause'),
        nextStep: say('rabbitmq-cluster.down.next', { where: inv?.name ?? m }),
      }),
      evidence: [evidence(view.out, memberLine.length ? memberLine : view.view.memberLines.filter((l) => l.includes(m))), evidence(view.out, view.view.runningLines), ...(own && own.line ? [evidence(own.out, [own.line])] : [])].filter((e) => e.lines.length),
    });
  });
}

/** RabbitMQ's own counts (status) where they were printed, else the process's from /proc (no socket limit there). */
const counters = (a: Answer): Array<readonly ['fd' | 'sockets', { used: number; limit: number; line: string } | null]> =>
  a.status?.fd ? [['fd', a.status.fd], ['sockets', a.status.sockets]] : [['fd', a.fds]];

function fdFindings(answers: Answer[]): Finding[] {
  const found: Finding[] = [];
  for (const a of answers) {
    const out = a.out;
    const node = a.status?.self || a.view.self || out.node;
    for (const [kind, c] of counters(a)) {
      if (!c || c.limit <= 0) continue;
      const share = c.used / c.limit;
      if (share < FD_WARN) continue;
      found.push(
        finding({
          check: `rabbitmq.${kind}`,
          severity: share >= FD_CRIT ? 'critical' : 'warning',
          ...texts({
            title: say(`rabbitmq-cluster.${kind}.title`, { node, percent: Math.round(share * 100) }),
            explanation: say('rabbitmq-cluster.fd.explanation', { node, used: c.used, limit: c.limit, what: say(`rabbitmq-cluster.${kind}.means`) }),
            likelyCause: say('rabbitmq-cluster.fd.cause'),
            nextStep: say('rabbitmq-cluster.fd.next', { where: out.node }),
          }),
          evidence: [evidence(out, [c.line])],
        }),
      );
    }
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const outs = completed(input, BROKER);
  if (!outs.length) {
    const any = outputsOf(input, BROKER)[0];
    return [notChecked('rabbitmq.cluster', say('rabbitmq-cluster.not-run.title'), say('rabbitmq-cluster.not-run.explanation', { why: any?.error ?? any?.state ?? say('rabbitmq-cluster.not-run.none') }))];
  }
  const answers: Answer[] = [];
  const silent: Silent[] = [];
  for (const out of outs) {
    const parts = splitBroker(out.stdout);
    const view = out.state === 'succeeded' ? parseClusterStatus(parts.cluster) : null;
    if (view) answers.push({ out, view, status: parts.status === null ? null : parseStatus(parts.status), fds: parts.fds });
    else silent.push({ out, why: whyNoReport(allText(out), out.exitCode), line: firstLine(out) });
  }
  const quote = (s: Silent): Evidence[] => (s.line ? [evidence(s.out, [s.line])] : []);
  if (!answers.length) {
    const absent = silent.filter((s) => s.why === 'no-cli' || s.why === 'no-container' || s.why === 'no-data');
    if (absent.length === silent.length) {
      return [
        finding({
          check: 'rabbitmq.not-here',
          severity: 'info',
          ...texts({ title: say('rabbitmq-cluster.not-here.title'), explanation: say('rabbitmq-cluster.not-here.explanation', { nodes: absent.map((s) => s.out.node).join(', ') }) }),
          evidence: absent.map((s) => evidence(s.out, [absentLine(s.out)])).filter((e) => e.lines[0]),
        }),
      ];
    }
    const failing = silent.filter((s) => !absent.includes(s));
    return [
      finding({
        check: 'rabbitmq.unreachable',
        severity: 'critical',
        ...texts({
          title: say('rabbitmq-cluster.unreachable.title', { nodes: failing.map((s) => s.out.node).join(', ') }),
          explanation: say('rabbitmq-cluster.unreachable.explanation', { nodes: failing.map((s) => s.out.node).join(', '), line: failing[0]?.line || say('rabbitmq-cluster.exit-code', { code: failing[0]?.out.exitCode ?? '?' }) }),
          likelyCause: say(failing.some((s) => s.why === 'timeout') ? 'rabbitmq-cluster.unreachable.cause.timeout' : 'rabbitmq-cluster.unreachable.cause'),
          nextStep: say('rabbitmq-cluster.unreachable.next', { where: failing[0]?.out.node ?? '?' }),
        }),
        evidence: failing.flatMap(quote),
      }),
    ];
  }
  const findings = [...partitionFinding(answers), ...downFindings(input, answers, silent), ...alarmFindings(input, answers), ...fdFindings(answers)];
  if (!findings.length) {
    const members = [...new Set(answers.flatMap((a) => [...a.view.disk, ...a.view.ram]))];
    const fds = answers.flatMap((a) => {
      const c = counters(a)[0]?.[1];
      return c ? [`${a.out.node} ${c.used}/${c.limit}`] : [];
    });
    findings.push(
      finding({
        check: 'rabbitmq.cluster',
        severity: 'ok',
        ...texts({
          title: say('rabbitmq-cluster.ok.title', { running: members.length, members: members.length }),
          explanation: say('rabbitmq-cluster.ok.explanation', { nodes: answers.map((a) => a.out.node).join(', '), fds: fds.length ? say('rabbitmq-cluster.ok.fds', { list: { list: fds } }) : '' }),
        }),
        evidence: answers.map((a) => evidence(a.out, a.view.runningLines)).filter((e) => e.lines.length),
      }),
    );
  }
  // A broker whose descriptors could not be read (neither status nor /proc): how close it is to its limit was not checked.
  const unread = answers.filter((a) => !counters(a)[0]?.[1]).map((a) => a.out.node);
  if (unread.length) findings.push(notChecked('rabbitmq.status', say('rabbitmq-cluster.status-unread.title', { nodes: unread.join(', ') }), say('rabbitmq-cluster.status-unread.explanation', { nodes: unread.join(', ') })));
  return findings;
};
