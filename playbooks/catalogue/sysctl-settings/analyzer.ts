/**
 * sysctl-settings: kernel tables and limits that fill up, and settings a node's role needs, from
 * one read of /proc on each node.
 *
 * Thresholds (used / limit; a table that is full drops or refuses silently, so near-full pages):
 * - conntrack: net.netfilter.nf_conntrack_count vs nf_conntrack_max: ≥ 90 % warning, ≥ 98 %
 *   critical (new flows through security groups, NAT and floating IPs are dropped when full). The
 *   count is per network namespace, the maximum the kernel's, and the kernel compares the two.
 * - neighbour (ARP) table vs net.ipv4.neigh.default.gc_thresh3: ≥ 90 % warning, at or above it
 *   critical ("neighbour table overflow": new neighbours cannot be resolved). The kernel keeps one
 *   table for all namespaces (a network node's qrouter/qdhcp namespaces count too), so the
 *   kernel-wide size (/proc/net/stat/arp_cache) is used where it is visible, else this namespace's.
 * - fs.file-nr (allocated file handles) vs fs.file-max, and the kernel's tasks (threads included,
 *   /proc/loadavg) vs kernel.pid_max: ≥ 90 % warning, ≥ 98 % critical. Both are the whole host's.
 * - net.ipv4.ip_forward = 0 where a kubelet or kube-proxy runs: warning (Kubernetes routes pod
 *   traffic through the host). Nowhere else: OVN routes in the OVS datapath and Neutron's L3 agent
 *   turns forwarding on inside its own router namespaces, so the host's value is theirs to keep.
 * - Neutron's iptables bridges (qbr…, brq…) with net.bridge.bridge-nf-call-iptables off or
 *   br_netfilter not loaded: warning (security groups are not applied to bridged traffic); other
 *   bridges with it off: info.
 * - vm.swappiness above 10 where MariaDB/MySQL runs: info.
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { FindingSeverity } from '../../../main/contract/types.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { localProcesses, num, parseSysctl, type SysctlFacts } from './parse.js';

const STEP = 'sysctl';
export const WARN_PCT = 90;
export const CRIT_PCT = 98;
export const DB_SWAPPINESS = 10;

const pct = (used: number, limit: number): number => (limit > 0 ? Math.floor((used / limit) * 1000) / 10 : 0);
const level = (p: number): FindingSeverity | null => (p >= CRIT_PCT ? 'critical' : p >= WARN_PCT ? 'warning' : null);
const present = (xs: Array<string | null | undefined>): string[] => xs.filter((x): x is string => typeof x === 'string');

/** One finding for a table or limit at or over its threshold. */
function fill(out: StepOutput, kind: 'conntrack' | 'file' | 'pid', used: number, limit: number, evLines: string[]): Finding | null {
  const p = pct(used, limit);
  const sev = level(p);
  if (!sev) return null;
  const node = out.node;
  return finding({
    check: `sysctl.${kind}`,
    severity: sev,
    ...texts({
      title: say(`sysctl-settings.${kind}.title`, { node, used, limit, pct: p }),
      explanation: say(`sysctl-settings.${kind}.explanation`, { node, used, limit, pct: p, warn: WARN_PCT, crit: CRIT_PCT }),
      likelyCause: say(`sysctl-settings.${kind}.cause`),
      nextStep: say(`sysctl-settings.${kind}.next`, { node }),
    }),
    evidence: [evidence(out, evLines)],
  });
}

function neighbour(out: StepOutput, f: SysctlFacts): Finding[] {
  const thresh3 = num(f, 'net.ipv4.neigh.default.gc_thresh3');
  const line3 = f.keyLines.get('net.ipv4.neigh.default.gc_thresh3');
  const kernelWide = f.arpEntries !== null;
  const used = f.arpEntries ?? f.neighHere;
  const found: Finding[] = [];
  const node = out.node;
  if (thresh3 !== null && thresh3 > 0 && used !== null && line3) {
    const p = pct(used, thresh3);
    const sev = used >= thresh3 ? 'critical' : p >= WARN_PCT ? 'warning' : null;
    if (sev) {
      found.push(
        finding({
          check: 'sysctl.neighbour',
          severity: sev,
          ...texts({
            title: say('sysctl-settings.neigh.title', { node, used, limit: thresh3, pct: p }),
            explanation: say('sysctl-settings.neigh.explanation', { node, used, limit: thresh3, pct: p, warn: WARN_PCT, scope: say(kernelWide ? 'sysctl-settings.neigh.scope.kernel' : 'sysctl-settings.neigh.scope.namespace') }),
            likelyCause: say('sysctl-settings.neigh.cause'),
            nextStep: say('sysctl-settings.neigh.next', { node, limit: thresh3 }),
          }),
          evidence: [evidence(out, present([line3, f.keyLines.get('net.ipv4.neigh.default.gc_thresh2'), f.neighLine, ...f.arpLines]))],
        }),
      );
      return found;
    }
  }
  if (f.arpTableFulls) {
    found.push(
      finding({
        check: 'sysctl.neighbour',
        severity: 'info',
        ...texts({
          title: say('sysctl-settings.neigh-overflowed.title', { node, count: f.arpTableFulls }),
          explanation: say('sysctl-settings.neigh-overflowed.explanation', { node, count: f.arpTableFulls, used: used ?? '?', limit: thresh3 ?? '?' }),
        }),
        evidence: [evidence(out, present([line3, ...f.arpLines]))],
      }),
    );
  }
  return found;
}

function nodeFindings(out: StepOutput, f: SysctlFacts): Finding[] {
  const node = out.node;
  const found: Finding[] = [];
  const kv = (k: string): string[] => present([f.keyLines.get(k)]);

  // ip_forward: only where Kubernetes routes pod traffic through the host.
  const kube = localProcesses(f, /^(kubelet|kube-proxy)$/);
  if (f.values.get('net.ipv4.ip_forward') === '0' && kube.length) {
    const who = [...new Set(kube.map((p) => p.comm))].join(', ');
    found.push(
      finding({
        check: 'sysctl.ip-forward',
        severity: 'warning',
        ...texts({
          title: say('sysctl-settings.ip-forward.title', { node, who }),
          explanation: say('sysctl-settings.ip-forward.explanation', { node, who }),
          likelyCause: say('sysctl-settings.ip-forward.cause'),
          nextStep: say('sysctl-settings.ip-forward.next', { node }),
        }),
        evidence: [evidence(out, [...kv('net.ipv4.ip_forward'), ...kube.slice(0, 3).map((p) => p.line)])],
      }),
    );
  }

  const ctCount = num(f, 'net.netfilter.nf_conntrack_count');
  const ctMax = num(f, 'net.netfilter.nf_conntrack_max');
  if (ctCount !== null && ctMax !== null) {
    const x = fill(out, 'conntrack', ctCount, ctMax, [...kv('net.netfilter.nf_conntrack_count'), ...kv('net.netfilter.nf_conntrack_max')]);
    if (x) found.push(x);
  }
  found.push(...neighbour(out, f));

  const files = num(f, 'fs.file-nr');
  const fileMax = num(f, 'fs.file-max') ?? num(f, 'fs.file-nr', 2);
  if (files !== null && fileMax !== null) {
    const x = fill(out, 'file', files, fileMax, [...kv('fs.file-nr'), ...kv('fs.file-max')]);
    if (x) found.push(x);
  }
  const pidMax = num(f, 'kernel.pid_max');
  if (f.tasks !== null && pidMax !== null && f.loadLine) {
    const x = fill(out, 'pid', f.tasks, pidMax, [...kv('kernel.pid_max'), f.loadLine]);
    if (x) found.push(x);
  }

  // Bridged traffic and iptables: Neutron's hybrid (qbr…) and linuxbridge (brq…) bridges filter there.
  if (f.bridges.length) {
    const nf = f.values.get('net.bridge.bridge-nf-call-iptables');
    const off = nf === undefined || nf === '0';
    const neutron = f.bridges.filter((b) => /^(qbr|brq)/.test(b));
    if (off) {
      const names = (neutron.length ? neutron : f.bridges).slice(0, 5).join(', ');
      const value = nf ?? say('sysctl-settings.bridge-nf.absent');
      found.push(
        finding({
          check: 'sysctl.bridge-nf-call-iptables',
          severity: neutron.length ? 'warning' : 'info',
          ...texts({
            title: say(neutron.length ? 'sysctl-settings.bridge-nf.neutron.title' : 'sysctl-settings.bridge-nf.title', { node, bridges: names, value }),
            explanation: say(neutron.length ? 'sysctl-settings.bridge-nf.neutron.explanation' : 'sysctl-settings.bridge-nf.explanation', { node, bridges: names, value }),
            ...(neutron.length ? { likelyCause: say('sysctl-settings.bridge-nf.cause'), nextStep: say('sysctl-settings.bridge-nf.next', { node }) } : {}),
          }),
          evidence: [evidence(out, [...kv('net.bridge.bridge-nf-call-iptables'), ...(neutron.length ? f.bridgeLines.filter((l) => /bridge (qbr|brq)/.test(l)) : f.bridgeLines).slice(0, 5)])],
        }),
      );
    }
  }

  const db = localProcesses(f, /^(mysqld|mariadbd)$/);
  const swappiness = num(f, 'vm.swappiness');
  if (db.length && swappiness !== null && swappiness > DB_SWAPPINESS) {
    found.push(
      finding({
        check: 'sysctl.swappiness',
        severity: 'info',
        ...texts({
          title: say('sysctl-settings.swappiness.title', { node, value: swappiness }),
          explanation: say('sysctl-settings.swappiness.explanation', { node, value: swappiness, limit: DB_SWAPPINESS, db: db[0]?.comm ?? 'mysqld' }),
        }),
        evidence: [evidence(out, [...kv('vm.swappiness'), db[0]?.line ?? ''].filter(Boolean))],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const fine: Array<{ out: StepOutput; f: SysctlFacts }> = [];
  const noNeigh: StepOutput[] = [];
  const unread: StepOutput[] = [];
  for (const out of completed(input, STEP)) {
    const f = parseSysctl(out.stdout);
    if (out.state !== 'succeeded' || !f.values.size) {
      unread.push(out);
      continue;
    }
    // A network namespace other than the host's does not show the neighbour table's limits.
    if (!f.values.has('net.ipv4.neigh.default.gc_thresh3')) noNeigh.push(out);
    const own = nodeFindings(out, f);
    findings.push(...own);
    if (!own.some((x) => x.severity === 'critical' || x.severity === 'warning')) fine.push({ out, f });
  }
  if (fine.length) {
    findings.push(
      finding({
        check: 'sysctl.limits',
        severity: 'ok',
        ...texts({ title: say('sysctl-settings.ok.title', { count: fine.length, warn: WARN_PCT }), explanation: say('sysctl-settings.ok.explanation', { warn: WARN_PCT, nodes: fine.map((x) => x.out.node).join(', ') }) }),
        evidence: fine.map(({ out, f }) => evidence(out, present([f.keyLines.get('net.netfilter.nf_conntrack_count'), f.keyLines.get('net.ipv4.neigh.default.gc_thresh3'), f.neighLine, f.keyLines.get('fs.file-nr')]))),
      }),
    );
  }
  if (noNeigh.length) {
    findings.push(
      finding({
        check: 'sysctl.neighbour',
        severity: 'info',
        ...texts({ title: say('sysctl-settings.neigh-hidden.title', { count: noNeigh.length }), explanation: say('sysctl-settings.neigh-hidden.explanation', { nodes: noNeigh.map((o) => o.node).join(', ') }) }),
      }),
    );
  }
  if (unread.length) {
    const t = texts({ title: say('sysctl-settings.unread.title', { nodes: unread.map((o) => o.node).join(', ') }), explanation: say('sysctl-settings.unread.explanation') });
    const ev = unread.map((o) => evidence(o, [(o.stderr || o.stdout).split('\n').find((l) => l.trim()) ?? ''].filter(Boolean))).filter((e) => e.lines.length);
    findings.push({ ...skipped('sysctl.read', t.title, t.explanation, ev), text: t.text });
  }
  if (!outputsOf(input, STEP).length) {
    const t = texts({ title: say('sysctl-settings.not-run.title'), explanation: say('sysctl-settings.not-run.explanation') });
    findings.push({ ...skipped('sysctl.read', t.title, t.explanation), text: t.text });
  }
  return findings;
};
