/**
 * host-basics: disk and inode use of the folders OpenStack fills, load against cores, memory and
 * swap, processes stuck in D state or left as zombies, and systemd's failed units, on every node.
 *
 * Thresholds:
 * - Disk or inodes of a mount: > 85 % warning, > 95 % critical (MariaDB, RabbitMQ, Glance and
 *   nova's instance folder stop writing when it is full; RabbitMQ blocks publishers at its disk alarm).
 * - Memory: MemAvailable < 10 % of MemTotal warning, < 5 % critical (the OOM killer is next).
 * - Swap: more than half used while MemAvailable < 20 % warning (the host is paging now); half
 *   used with memory to spare is info only (old pages moved out once).
 * - Load: a warning only when the 15- and the 5-minute load both exceed 4 per core: sustained
 *   and severe, every core with three more tasks waiting for it for a quarter of an hour. Between
 *   2 and 4 per core it is info ("busy"): a host that is building, compiling or starting a lab
 *   sits there for minutes and serves fine, and load counts tasks waiting on I/O as well.
 * - D state: 10 or more processes at once warning (I/O that does not complete); zombies: 50 or
 *   more warning (a parent that does not reap its children).
 * - Failed systemd units: any is a warning, naming them.
 *
 * Nodes that print the same boot id share one kernel (containers, or the practice lab's network
 * namespaces on one machine): load, memory, swap and processes are then that host's, said once
 * for the group with every node named, never once per node as if they were separate machines.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, FindingSeverity, StepOutput } from '../../engine/types.js';
import { byMount, parseHost, type HostFacts, type Usage } from './parse.js';

const STEP = 'host';
export const DISK_WARN = 85;
export const DISK_CRIT = 95;
export const MEM_WARN = 10;
export const MEM_CRIT = 5;
export const SWAP_USED = 50;
export const SWAP_MEM = 20;
export const LOAD_WARN_PER_CORE = 4;
export const LOAD_BUSY_PER_CORE = 2;
export const D_WARN = 10;
export const Z_WARN = 50;

interface Node {
  out: StepOutput;
  h: HostFacts;
}

/** Up to four names, then "and N more". */
function nodeList(names: string[]): FindingMessage {
  return names.length <= 4 ? say('host-basics.nodes', { list: names.join(', ') }) : say('host-basics.nodes.more', { list: names.slice(0, 3).join(', '), more: names.length - 3 });
}

/** " (one host: …, boot id …)" when more than one node shares the kernel, else nothing. */
function sameHost(group: Node[]): FindingMessage | string {
  return group.length > 1 ? say('host-basics.same-host', { count: group.length, boot: group[0]?.h.bootId.slice(0, 8) ?? '?' }) : '';
}

const pct = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const gib = (kbytes: number): string => `${(kbytes / 1048576).toFixed(1)} GiB`;

function usageFindings(groupNodes: Node[], kind: 'disk' | 'inodes'): { found: Finding[]; fine: string[] } {
  // The same device and mount seen from several nodes of one host is one problem.
  const seen = new Map<string, { u: Usage; nodes: Node[] }>();
  for (const n of groupNodes) {
    for (const u of byMount(n.h[kind])) {
      const key = `${n.h.bootId || n.out.node}|${u.fs}|${u.mount}`;
      const e = seen.get(key);
      if (e) e.nodes.push(n);
      else seen.set(key, { u, nodes: [n] });
    }
  }
  const found: Finding[] = [];
  const fine: string[] = [];
  for (const { u, nodes } of seen.values()) {
    if (u.pct === null || u.pct <= DISK_WARN) {
      if (u.pct !== null && kind === 'disk') fine.push(`${u.mount} ${u.pct}%`);
      continue;
    }
    const severity: FindingSeverity = u.pct > DISK_CRIT ? 'critical' : 'warning';
    const names = nodes.map((n) => n.out.node);
    const dirs = [...new Set(nodes.flatMap((n) => n.h.dirs))];
    found.push(
      finding({
        check: `host.${kind}`,
        severity,
        ...texts({
          title: say(`host-basics.${kind}.title`, { mount: u.mount, pct: u.pct, nodes: nodeList(names) }),
          explanation: say(`host-basics.${kind}.explanation`, { mount: u.mount, fs: u.fs, pct: u.pct, warn: DISK_WARN, crit: DISK_CRIT, dirs: dirs.join(', ') }),
          likelyCause: say(`host-basics.${kind}.cause`),
          nextStep: say(`host-basics.${kind}.next`, { mount: u.mount, node: names[0] ?? '?' }),
        }),
        evidence: nodes.map((n) => evidence(n.out, [u.line])),
      }),
    );
  }
  return { found, fine: [...new Set(fine)] };
}

/** Load, memory, swap and process states: once per host (group of nodes with one boot id). */
function hostFindings(group: Node[]): { found: Finding[]; summary: FindingMessage | null; ev: Evidence | null } {
  const first = group[0];
  if (!first) return { found: [], summary: null, ev: null };
  const { h, out } = first;
  const names = group.map((n) => n.out.node);
  const who = nodeList(names);
  const same = sameHost(group);
  const found: Finding[] = [];
  const parts: FindingMessage[] = [];
  if (h.load && h.cores) {
    const per15 = h.load.fifteen / h.cores;
    const per5 = h.load.five / h.cores;
    const p = { nodes: who, same, one: h.load.raw[0], five: h.load.raw[1], fifteen: h.load.raw[2], cores: h.cores, per: per15.toFixed(1), warn: LOAD_WARN_PER_CORE, busy: LOAD_BUSY_PER_CORE };
    const ev = [evidence(out, [`== cores: ${h.cores}`, h.load.line])];
    if (per15 > LOAD_WARN_PER_CORE && per5 > LOAD_WARN_PER_CORE && group.length > 1) {
      // Several nodes of the cluster on one kernel (containers or namespaces of one machine): the
      // load is the machine's, whatever else it runs, not one node's; said, not counted as a problem.
      const shared = { ...p, count: group.length, boot: first.h.bootId.slice(0, 8) };
      found.push(finding({ check: 'host.load', severity: 'info', ...texts({ title: say('host-basics.load.busy.title', p), explanation: say('host-basics.load.shared.explanation', shared) }), evidence: ev }));
    } else if (per15 > LOAD_WARN_PER_CORE && per5 > LOAD_WARN_PER_CORE) {
      found.push(
        finding({
          check: 'host.load',
          severity: 'warning',
          ...texts({ title: say('host-basics.load.title', p), explanation: say('host-basics.load.explanation', p), likelyCause: say('host-basics.load.cause'), nextStep: say('host-basics.load.next', { node: out.node }) }),
          evidence: ev,
        }),
      );
    } else if (per15 > LOAD_BUSY_PER_CORE) {
      found.push(finding({ check: 'host.load', severity: 'info', ...texts({ title: say('host-basics.load.busy.title', p), explanation: say('host-basics.load.busy.explanation', p) }), evidence: ev }));
    } else parts.push(say('host-basics.ok.load', { fifteen: h.load.raw[2], cores: h.cores }));
  }
  if (h.mem) {
    const m = h.mem;
    const availPct = pct(m.availableKb, m.totalKb);
    const swapUsedPct = m.swapTotalKb > 0 ? pct(m.swapTotalKb - m.swapFreeKb, m.swapTotalKb) : 0;
    const p = { nodes: who, same, avail: gib(m.availableKb), total: gib(m.totalKb), pct: availPct, warn: MEM_WARN, crit: MEM_CRIT, swapPct: swapUsedPct, swap: gib(m.swapTotalKb), swapUsed: SWAP_USED, swapMem: SWAP_MEM };
    const ev = [evidence(out, m.lines)];
    if (availPct < MEM_WARN) {
      found.push(
        finding({
          check: 'host.memory',
          severity: availPct < MEM_CRIT ? 'critical' : 'warning',
          ...texts({ title: say('host-basics.memory.title', p), explanation: say('host-basics.memory.explanation', p), likelyCause: say('host-basics.memory.cause'), nextStep: say('host-basics.memory.next', { node: out.node }) }),
          evidence: ev,
        }),
      );
    } else parts.push(say('host-basics.ok.memory', { pct: availPct }));
    if (swapUsedPct > SWAP_USED) {
      const paging = availPct < SWAP_MEM;
      found.push(
        finding({
          check: 'host.swap',
          severity: paging ? 'warning' : 'info',
          ...texts({
            title: say('host-basics.swap.title', p),
            explanation: say(paging ? 'host-basics.swap.explanation' : 'host-basics.swap.old.explanation', p),
            ...(paging ? { likelyCause: say('host-basics.swap.cause'), nextStep: say('host-basics.swap.next', { node: out.node }) } : {}),
          }),
          evidence: ev,
        }),
      );
    }
  }
  if (h.procs) {
    const pr = h.procs;
    const ev = [evidence(out, [pr.line, ...pr.named])];
    for (const [state, count, limit] of [
      ['d', pr.d, D_WARN],
      ['z', pr.z, Z_WARN],
    ] as const) {
      if (count < limit) continue;
      found.push(
        finding({
          check: `host.${state === 'd' ? 'd-state' : 'zombies'}`,
          severity: 'warning',
          ...texts({
            title: say(`host-basics.${state}.title`, { nodes: who, count }),
            explanation: say(`host-basics.${state}.explanation`, { nodes: who, same, count, limit, total: pr.total }),
            likelyCause: say(`host-basics.${state}.cause`),
            nextStep: say(`host-basics.${state}.next`, { node: out.node }),
          }),
          evidence: ev,
        }),
      );
    }
  }
  const summary = parts.length ? say('host-basics.ok.host', { nodes: names.join(', '), same, parts }) : null;
  return { found, summary, ev: h.load ? evidence(out, [h.load.line]) : null };
}

function unitFindings(nodes: Node[]): Finding[] {
  const found: Finding[] = [];
  const noSystemd = nodes.filter((n) => n.h.systemd === null && n.h.sections.includes('== systemd: not running'));
  for (const n of nodes) {
    const sd = n.h.systemd;
    if (!sd) continue;
    if (sd.failed.length) {
      const units = sd.failed.map((u) => u.unit);
      found.push(
        finding({
          check: 'host.failed-units',
          severity: 'warning',
          ...texts({
            title: say('host-basics.units.title', { node: n.out.node, count: units.length, units: units.slice(0, 5).join(', ') }),
            explanation: say('host-basics.units.explanation', { node: n.out.node, units: units.join(', ') }),
            likelyCause: say('host-basics.units.cause'),
            nextStep: say('host-basics.units.next', { node: n.out.node, unit: units[0] ?? '' }),
          }),
          evidence: [evidence(n.out, sd.failed.map((u) => u.line).slice(0, 10))],
        }),
      );
    } else if (sd.error !== null) {
      const t = texts({ title: say('host-basics.units.error.title', { node: n.out.node }), explanation: say('host-basics.units.error.explanation', { node: n.out.node }) });
      found.push({ ...skipped('host.failed-units', t.title, t.explanation, [evidence(n.out, [sd.error])]), text: t.text });
    }
  }
  if (noSystemd.length) {
    found.push(
      finding({
        check: 'host.failed-units',
        severity: 'info',
        ...texts({ title: say('host-basics.units.none.title', { nodes: nodeList(noSystemd.map((n) => n.out.node)) }), explanation: say('host-basics.units.none.explanation') }),
        evidence: [evidence(noSystemd[0]?.out ?? { node: '?', step: STEP }, ['== systemd: not running'])],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const nodes: Node[] = [];
  const unread: StepOutput[] = [];
  for (const out of completed(input, STEP)) {
    const h = parseHost(out.stdout);
    // A node that printed neither load nor memory nor a df row told us nothing: never ok.
    if (!h.load && !h.mem && !h.disk.length) unread.push(out);
    else nodes.push({ out, h });
  }
  const groups = new Map<string, Node[]>();
  for (const n of nodes) {
    const key = n.h.bootId || `node:${n.out.node}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const summaries: FindingMessage[] = [];
  const okEvidence: Evidence[] = [];
  const disk = usageFindings(nodes, 'disk');
  const inodes = usageFindings(nodes, 'inodes');
  findings.push(...disk.found, ...inodes.found);
  for (const group of groups.values()) {
    const r = hostFindings(group);
    findings.push(...r.found);
    if (r.summary) summaries.push(r.summary);
    if (r.ev) okEvidence.push(r.ev);
  }
  findings.push(...unitFindings(nodes));
  if (nodes.length && summaries.length) {
    findings.push(
      finding({
        check: 'host.basics',
        severity: 'ok',
        ...texts({
          title: say('host-basics.ok.title', { count: nodes.length, hosts: groups.size }),
          explanation: say('host-basics.ok.explanation', { hosts: summaries, disks: disk.fine.length ? say('host-basics.ok.disks', { disks: disk.fine.join(', '), warn: DISK_WARN }) : '' }),
        }),
        evidence: okEvidence,
      }),
    );
  }
  const partial = nodes.filter((n) => !n.h.load || !n.h.mem || !n.h.disk.length || n.h.dfErrors.length);
  for (const n of partial) {
    const missing = [!n.h.load ? 'load' : '', !n.h.mem ? 'memory' : '', !n.h.disk.length || n.h.dfErrors.length ? 'disk' : ''].filter(Boolean).join(', ');
    const t = texts({ title: say('host-basics.partial.title', { node: n.out.node, missing }), explanation: say('host-basics.partial.explanation', { node: n.out.node }) });
    findings.push({ ...skipped('host.basics', t.title, t.explanation, n.h.dfErrors.length ? [evidence(n.out, n.h.dfErrors.slice(0, 3))] : []), text: t.text });
  }
  if (unread.length) {
    const t = texts({ title: say('host-basics.unread.title', { nodes: unread.map((u) => u.node).join(', ') }), explanation: say('host-basics.unread.explanation') });
    findings.push({ ...skipped('host.basics', t.title, t.explanation), text: t.text });
  }
  if (!outputsOf(input, STEP).length) {
    const t = texts({ title: say('host-basics.not-run.title'), explanation: say('host-basics.not-run.explanation') });
    findings.push({ ...skipped('host.basics', t.title, t.explanation), text: t.text });
  }
  return findings;
};
