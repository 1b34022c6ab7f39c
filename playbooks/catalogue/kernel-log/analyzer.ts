/**
 * kernel-log: what the kernel said in the last 24 hours on each node, counted by kind.
 *
 * Thresholds, per kind (a healthy node logs none of these, so one is already news):
 * - OOM kill: any kill is a warning (a process died without a choice); critical when the victim is
 *   a VM (qemu) or a control/data-plane service (database, broker, OVS/OVN, libvirt, nova-compute,
 *   neutron, haproxy, memcached, etcd, kubelet): an instance or a cluster member went down with it.
 * - Hung task (`blocked for more than N seconds`): any is a warning: I/O stalled for minutes
 *   (a failing disk, NFS/iSCSI/Ceph gone away).
 * - `nf_conntrack: table full, dropping packet`: any is a warning: new connections were dropped
 *   (the kernel rate-limits the line, so one line is many packets).
 * - NIC transmit timeout (NETDEV WATCHDOG), adapter reset, hardware unit hang: any is a warning:
 *   the link stopped passing traffic for seconds.
 * - Link down: 3 or more on one interface in 24 h is a flapping link (warning); one or two are
 *   info only, since a planned switch change or a cable swap looks the same.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { inWindow, parseKernelLog, type Event, type KernelLog } from './parse.js';

const STEP = 'kernel';
/** Link-down messages on one interface in the window that make a flapping link. */
export const FLAP_COUNT = 3;
/** Killed processes whose loss takes an instance or a cluster member with it. */
const vital = /^(qemu|kvm|mysqld|mariadbd|beam\.smp|rabbitmq|ovsdb-server|ovs-vswitchd|ovn-|libvirtd|virtqemud|nova-|neutron-|haproxy|keepalived|memcached|etcd|kubelet|ceph-)/;

const when = (at: number | null): string => (at === null ? '?' : new Date(at * 1000).toISOString().replace('.000Z', 'Z'));
const distinctBy = <T>(xs: T[], key: (x: T) => string): T[] => [...new Map(xs.map((x) => [key(x), x])).values()];
const names = (evs: Event[]): string => [...new Set(evs.map((e) => e.subject).filter(Boolean))].slice(0, 6).join(', ') || '?';
const quote = (evs: Event[], n = 6): string[] => [...new Set(evs.map((e) => e.line))].slice(-n);

function span(evs: Event[]): FindingMessage {
  const ats = evs.map((e) => e.at).filter((x): x is number => x !== null);
  if (!ats.length) return say('kernel-log.span.unknown');
  const first = Math.min(...ats);
  const last = Math.max(...ats);
  return first === last ? say('kernel-log.span.once', { at: when(first) }) : say('kernel-log.span', { first: when(first), last: when(last) });
}

function nodeFindings(out: StepOutput, log: KernelLog, evs: Event[]): Finding[] {
  const found: Finding[] = [];
  const node = out.node;
  const more = log.matched > 2000 ? say('kernel-log.capped', { matched: log.matched }) : '';
  const of = (k: Event['kind']): Event[] => evs.filter((e) => e.kind === k);

  const ooms = of('oom');
  if (ooms.length) {
    // One kill prints `oom-kill:…` and `Killed process …`: one per pid, quoting the `Killed process` line where there is one.
    const kills = distinctBy([...ooms].sort((a, b) => Number(/Killed process/.test(a.line)) - Number(/Killed process/.test(b.line))), (e) => e.pid || e.line);
    const hit = kills.filter((k) => vital.test(k.subject));
    found.push(
      finding({
        check: 'kernel.oom-kill',
        severity: hit.length ? 'critical' : 'warning',
        ...texts({
          title: say('kernel-log.oom.title', { node, count: kills.length, names: names(kills) }),
          explanation: say('kernel-log.oom.explanation', {
            node,
            count: kills.length,
            span: span(kills),
            cgroup: kills.some((k) => k.cgroup) ? say('kernel-log.oom.cgroup') : '',
            vital: hit.length ? say('kernel-log.oom.vital', { names: names(hit) }) : '',
            more,
          }),
          likelyCause: say(kills.some((k) => k.cgroup) ? 'kernel-log.oom.cause.cgroup' : 'kernel-log.oom.cause'),
          nextStep: say('kernel-log.oom.next', { node }),
        }),
        evidence: [evidence(out, quote(kills.filter((k) => /Killed process/.test(k.line)).length ? kills.filter((k) => /Killed process/.test(k.line)) : kills))],
      }),
    );
  }
  const simple: Array<[Event['kind'], string]> = [
    ['hung', 'kernel.hung-task'],
    ['conntrack', 'kernel.conntrack-full'],
    ['nic-reset', 'kernel.nic-reset'],
  ];
  for (const [kind, check] of simple) {
    const es = of(kind);
    if (!es.length) continue;
    found.push(
      finding({
        check,
        severity: 'warning',
        ...texts({
          title: say(`kernel-log.${kind}.title`, { node, count: es.length, names: names(es) }),
          explanation: say(`kernel-log.${kind}.explanation`, { node, count: es.length, span: span(es), more }),
          likelyCause: say(`kernel-log.${kind}.cause`),
          nextStep: say(`kernel-log.${kind}.next`, { node, names: names(es) }),
        }),
        evidence: [evidence(out, quote(es))],
      }),
    );
  }
  const downs = of('link-down');
  const byIface = new Map<string, Event[]>();
  for (const e of downs) byIface.set(e.subject || '?', [...(byIface.get(e.subject || '?') ?? []), e]);
  for (const [iface, es] of byIface) {
    const flapping = es.length >= FLAP_COUNT;
    found.push(
      finding({
        check: 'kernel.link-down',
        severity: flapping ? 'warning' : 'info',
        ...texts({
          title: say(flapping ? 'kernel-log.link-down.flap.title' : 'kernel-log.link-down.title', { node, iface, count: es.length }),
          explanation: say('kernel-log.link-down.explanation', { node, iface, count: es.length, span: span(es), flap: FLAP_COUNT }),
          ...(flapping ? { likelyCause: say('kernel-log.link-down.cause'), nextStep: say('kernel-log.link-down.next', { node, iface }) } : {}),
        }),
        evidence: [evidence(out, quote(es))],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const quiet: Array<{ out: StepOutput; log: KernelLog }> = [];
  const unread: Array<{ out: StepOutput; log: KernelLog }> = [];
  for (const out of completed(input, STEP)) {
    const log = parseKernelLog(out.stdout);
    if (out.state !== 'succeeded' || log.read === 0) {
      unread.push({ out, log });
      continue;
    }
    const own = nodeFindings(out, log, inWindow(log));
    if (own.some((f) => f.severity !== 'info')) findings.push(...own);
    else {
      findings.push(...own);
      quiet.push({ out, log });
    }
  }
  if (quiet.length) {
    findings.push(
      finding({
        check: 'kernel.quiet',
        severity: 'ok',
        ...texts({ title: say('kernel-log.ok.title', { count: quiet.length }), explanation: say('kernel-log.ok.explanation', { nodes: quiet.map((q) => `${q.out.node} (${q.log.source}, ${q.log.read})`).join(', ') }) }),
        evidence: quiet.map((q) => evidence(q.out, q.log.header)),
      }),
    );
  }
  if (unread.length) {
    const t = texts({ title: say('kernel-log.unread.title', { nodes: unread.map((u) => u.out.node).join(', ') }), explanation: say('kernel-log.unread.explanation') });
    findings.push({ ...skipped('kernel.log', t.title, t.explanation, unread.map((u) => evidence(u.out, u.out.stdout.split('\n').filter((l) => l.startsWith('== source')).slice(-1))).filter((e) => e.lines.length)), text: t.text });
  }
  if (!outputsOf(input, STEP).length) {
    const t = texts({ title: say('kernel-log.not-run.title'), explanation: say('kernel-log.not-run.explanation') });
    findings.push({ ...skipped('kernel.log', t.title, t.explanation), text: t.text });
  }
  return findings;
};
