/**
 * config-drift: the same settings compared across the nodes of each role, from one read per node.
 *
 * - A setting (nova.conf, neutron-server's files, the OVN metadata agent's, Open vSwitch's
 *   external_ids) with different values on nodes of one role: warning, naming which nodes have
 *   which value; allocation ratios, reserved memory, bridge mappings, CMS options and probe
 *   intervals are info (they may differ by design). my_ip and ovn-encap-ip differ by nature: never
 *   compared. A setting set on some nodes and not on others differs too ("not set").
 * - Secrets (passwords, shared secrets, database connections, transport_url's user:password) are
 *   compared by the hash each node computed; only "differs" and which nodes share a hash is said.
 * - Package versions (the host's, those inside a service's container) and Kolla image tags: a
 *   different major version (or image release) within a role is a warning (mixed releases), a
 *   different minor version info.
 * - A node that did not answer, or whose output was cut, is in no conclusion (could not check).
 *   A group read on no node is "not here" (info): the light lab has no Nova.
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { FindingMessage, FindingSeverity } from '../../../main/contract/types.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { GROUPS, HASH, groupOf, hostsOnly, imageRelease, isSecretKey, major, parseConfig, upstream, type Group, type NodeConfig } from './parse.js';

const STEP = 'config';
/** Per node by nature: never compared. */
const PER_NODE = /^(nova|neutron|metadata)\.DEFAULT\/(my_ip|host)$|^ovs\.external_ids\.ovn-encap-ip$/;
/** May differ by design (hardware generations, gateway chassis): info. */
const BY_DESIGN = /(allocation_ratio|reserved_host_memory_mb|global_physnet_mtu|ovn-bridge-mappings|ovn-cms-options|probe-interval|ovn-monitor-all)$/;
const NOT_SET = '\u0000';

const FILES: Record<Group, string> = { nova: 'nova.conf', neutron: 'neutron-server', metadata: 'neutron-ovn-metadata-agent', ovs: 'Open vSwitch external_ids' };
/** What a group is, for "not here". */
const WHAT: Record<Group, string> = { nova: 'Nova', neutron: 'neutron-server', metadata: 'neutron-ovn-metadata-agent', ovs: 'Open vSwitch' };

interface Read {
  out: StepOutput;
  f: NodeConfig;
}

/** `nova.DEFAULT/transport_url.hosts` → `nova.conf [DEFAULT] transport_url (hosts)`. */
export function settingName(key: string): string {
  const g = groupOf(key) as Group;
  const rest = key.slice(g.length + 1);
  if (g === 'ovs') return `${FILES.ovs} ${rest.replace(/^external_ids\./, '')}`;
  const m = /^([^/]+)\/([^.]+)(?:\.(.+))?$/.exec(rest);
  if (!m) return `${FILES[g] ?? g} ${rest}`;
  return `${FILES[g] ?? g} [${m[1]}] ${m[2]}${m[3] ? ` (${m[3]})` : ''}`;
}

/** What the finding may show of a value: never a secret, never a userinfo. */
function shown(key: string, value: string): string | null {
  if (value === NOT_SET) return null;
  if (isSecretKey(key)) return HASH.test(value) ? value : null;
  if (/transport_url\.hosts$/.test(key)) return hostsOnly(value);
  return value;
}

function impact(key: string): string {
  if (isSecretKey(key)) return 'secret';
  if (/transport_url|oslo_messaging_rabbit/.test(key)) return 'messaging';
  if (/ovn_[ns]b_connection|ovn-remote|ovn-encap-type/.test(key)) return 'ovn';
  if (/libvirt\/|compute_driver/.test(key)) return 'libvirt';
  if (/region_name|\/url$|memcached_servers|authenticate_uri|nova_metadata_host/.test(key)) return 'endpoint';
  return 'other';
}

/** Nodes grouped by value, most common first: `'a' on n1, n2; 'b' on n3`. */
/** Nodes grouped by value (in the nodes' order), the most common value first, then the one the earliest node has. */
function spread(values: Map<string, string>): Array<{ value: string; nodes: string[] }> {
  const by = new Map<string, string[]>();
  for (const [node, v] of values) by.set(v, [...(by.get(v) ?? []), node]);
  const order = [...values.keys()];
  return [...by.entries()].map(([value, nodes]) => ({ value, nodes })).sort((a, b) => b.nodes.length - a.nodes.length || order.indexOf(a.nodes[0] ?? '') - order.indexOf(b.nodes[0] ?? ''));
}

function summary(key: string, groups: Array<{ value: string; nodes: string[] }>, show: (k: string, v: string) => string | null = shown): FindingMessage[] {
  return groups.map((g, i) => {
    const s = g.value === NOT_SET ? null : show(key, g.value);
    const value = g.value === NOT_SET ? say('config-drift.value.not-set') : s === null ? say('config-drift.value.hidden') : `'${s}'`;
    return say(i < groups.length - 1 ? 'config-drift.value.on-more' : 'config-drift.value.on', { value, nodes: g.nodes.join(', ') });
  });
}

/** The line that proves each node's value (its key line, or its group's header when unset); no line that would show a secret. */
function proof(reads: Read[], key: string, group: string): Evidence[] {
  return reads.map(({ out, f }) => {
    const s = f.settings.get(key);
    if (s) return evidence(out, shown(key, s.value) === s.value || (isSecretKey(key) && HASH.test(s.value)) ? [s.line] : []);
    const head = f.found.get(group as Group);
    return evidence(out, head ? [head] : []);
  });
}

function settingFindings(role: string, group: Group, reads: Read[]): Finding[] {
  const keys = new Set<string>();
  for (const { f } of reads) for (const k of f.settings.keys()) if (groupOf(k) === group && !PER_NODE.test(k)) keys.add(k);
  const found: Finding[] = [];
  let agree = 0;
  for (const key of [...keys].sort()) {
    const values = new Map(reads.map(({ out, f }) => [out.node, f.settings.get(key)?.value ?? NOT_SET]));
    const groups = spread(values);
    if (groups.length < 2) {
      agree++;
      continue;
    }
    const severity: FindingSeverity = BY_DESIGN.test(key) ? 'info' : 'warning';
    const name = settingName(key);
    const secret = isSecretKey(key);
    const p = { role, setting: name, summary: summary(key, groups), count: reads.length };
    found.push(
      finding({
        check: `config-drift.${group}`,
        severity,
        ...texts({
          title: say(secret ? 'config-drift.secret.title' : 'config-drift.setting.title', p),
          explanation: say(secret ? 'config-drift.secret.explanation' : 'config-drift.setting.explanation', { ...p, impact: say(`config-drift.impact.${impact(key)}`) }),
          ...(severity === 'warning' ? { likelyCause: say('config-drift.setting.cause'), nextStep: say(`config-drift.next.${group}`, { nodes: (groups.at(-1)?.nodes ?? []).join(', ') }) } : {}),
        }),
        evidence: proof(reads, key, group).filter((e) => e.lines.length),
      }),
    );
  }
  if (!found.some((x) => x.severity === 'warning') && agree) {
    found.push(
      finding({
        check: `config-drift.${group}`,
        severity: 'ok',
        ...texts({ title: say('config-drift.agree.title', { role, what: FILES[group], keys: agree, count: reads.length }), explanation: say('config-drift.agree.explanation', { role, what: FILES[group], keys: agree, nodes: reads.map((r) => r.out.node).join(', ') }) }),
        evidence: reads.map(({ out, f }) => evidence(out, [f.found.get(group)].filter((l): l is string => Boolean(l)))),
      }),
    );
  }
  return found;
}

/** Package versions and Kolla images: a different major version (image release) is a warning, any other difference info. */
function versionFindings(role: string, reads: Read[]): Finding[] {
  const keys = new Set<string>();
  for (const { f } of reads) for (const k of f.settings.keys()) if (/^(pkg|pkg@\w+|image)$/.test(groupOf(k))) keys.add(k);
  let agree = 0;
  // Differences split the nodes the same way when one upgrade stopped half-way: one finding for all of them.
  const buckets = new Map<string, Array<{ key: string; have: Read[]; groups: Array<{ value: string; nodes: string[] }>; mixed: boolean }>>();
  for (const key of [...keys].sort()) {
    // Only the nodes that have it: a package a node does not run is not drift.
    const have = reads.filter((r) => r.f.settings.has(key));
    if (have.length < 2) continue;
    const groups = spread(new Map(have.map(({ out, f }) => [out.node, f.settings.get(key)?.value ?? ''])));
    if (groups.length < 2) {
      agree++;
      continue;
    }
    const mixed = new Set(groups.map((g) => (key.startsWith('image.') ? imageRelease : major)(g.value))).size > 1;
    const partition = groups.map((g) => g.nodes.join(', ')).join(' | ');
    const b = `${mixed}|${partition}`;
    buckets.set(b, [...(buckets.get(b) ?? []), { key, have, groups, mixed }]);
  }
  const label = (key: string): string => {
    const g = groupOf(key);
    const name = key.slice(g.length + 1);
    return g === 'pkg' ? name : g === 'image' ? `${name} (image)` : `${name} (${g.replace(/^pkg@/, '')})`;
  };
  const version = (key: string) => (_k: string, v: string): string => (key.startsWith('image.') || upstream(v) === v ? v : `${upstream(v)} (${v})`);
  const found: Finding[] = [];
  for (const items of buckets.values()) {
    const first = items[0];
    if (!first) continue;
    const { mixed, groups } = first;
    const names = items.map((i) => label(i.key)).join(', ');
    const p = { role, names, count: items.length, nodes: groups.map((g) => g.nodes.join(', ')).join(' / ') };
    const list = items.map((i, n) => say(n < items.length - 1 ? 'config-drift.version.item-more' : 'config-drift.version.item', { name: label(i.key), summary: summary(i.key, i.groups, version(i.key)) }));
    found.push(
      finding({
        check: 'config-drift.versions',
        severity: mixed ? 'warning' : 'info',
        ...texts({
          title: say(mixed ? 'config-drift.version-mixed.title' : 'config-drift.version.title', { ...p, list }),
          explanation: say('config-drift.version.explanation', { ...p, list, mixed: say(mixed ? 'config-drift.version.mixed' : 'config-drift.version.minor') }),
          ...(mixed ? { likelyCause: say('config-drift.version.cause'), nextStep: say('config-drift.version.next', { nodes: (groups.at(-1)?.nodes ?? []).join(', ') }) } : {}),
        }),
        evidence: first.have.map(({ out, f }) => evidence(out, items.map((i) => f.settings.get(i.key)?.line ?? '').filter(Boolean))),
      }),
    );
  }
  if (agree && !found.some((x) => x.severity === 'warning')) {
    const nodes = reads.filter((r) => [...r.f.settings.keys()].some((k) => keys.has(k)));
    found.push(
      finding({
        check: 'config-drift.versions',
        severity: 'ok',
        ...texts({ title: say('config-drift.versions-agree.title', { role, keys: agree, count: nodes.length }), explanation: say('config-drift.versions-agree.explanation', { role, keys: agree, nodes: nodes.map((r) => r.out.node).join(', ') }) }),
        evidence: nodes.map(({ out, f }) => evidence(out, [...f.settings.values()].filter((x) => /^(pkg|image)[.@]/.test(x.line)).slice(0, 2).map((x) => x.line))),
      }),
    );
  }
  return found;
}

/** A group header of a service read from its running process (`== nova: pid N …`). */
const RUNNING = /^== \w+: pid \d+ /;

export const analyze: Analyzer = (input) => {
  const findings: Finding[] = [];
  const reads: Read[] = [];
  const unread: StepOutput[] = [];
  for (const out of completed(input, STEP)) {
    const f = parseConfig(out.stdout);
    if (out.state !== 'succeeded' || !f.complete) unread.push(out);
    else reads.push({ out, f });
  }
  // The inventory's order (controllers first, as a cluster lists them), for roles and nodes alike.
  const rank = (node: string): number => {
    const i = input.nodes.findIndex((n) => n.name === node);
    return i < 0 ? input.nodes.length : i;
  };
  reads.sort((a, b) => rank(a.out.node) - rank(b.out.node));
  const rolesOf = (node: string): string[] => input.nodes.find((n) => n.name === node)?.roles ?? [];
  const roles = [...new Set(input.nodes.flatMap((n) => n.roles))].filter((role) => reads.some((r) => rolesOf(r.out.node).includes(role)));

  for (const role of roles) {
    const ofRole = reads.filter((r) => rolesOf(r.out.node).includes(role));
    for (const group of GROUPS) {
      const found = ofRole.filter((r) => r.f.found.has(group));
      // Where the service runs on some nodes of the role, a node where it does not was read from its
      // files on disk (`== nova: file …`), which need not be what it ran with (the lab's compute reads
      // a compute.conf the packages path does not name): compared, it made a false difference when
      // nova-compute was stopped. It is named instead, and left out of the comparison.
      const running = found.filter((r) => RUNNING.test(r.f.found.get(group) ?? ''));
      const stopped = running.length ? found.filter((r) => !running.includes(r)) : [];
      const withIt = running.length ? running : found;
      if (stopped.length) {
        const nodes = stopped.map((r) => r.out.node).join(', ');
        findings.push(
          finding({
            check: `config-drift.${group}`,
            severity: 'info',
            ...texts({ title: say('config-drift.stopped.title', { role, what: FILES[group], nodes }), explanation: say('config-drift.stopped.explanation', { role, what: FILES[group], nodes }) }),
            evidence: stopped.map(({ out, f }) => evidence(out, [f.found.get(group) ?? ''].filter(Boolean))),
          }),
        );
      }
      if (withIt.length >= 2) findings.push(...settingFindings(role, group, withIt));
      else if (withIt.length === 1 && withIt[0]) {
        const { out, f } = withIt[0];
        findings.push(
          finding({
            check: `config-drift.${group}`,
            severity: 'info',
            ...texts({ title: say('config-drift.alone.title', { role, what: FILES[group], node: out.node }), explanation: say('config-drift.alone.explanation', { role, what: FILES[group], node: out.node }) }),
            evidence: [evidence(out, [f.found.get(group) ?? ''].filter(Boolean))],
          }),
        );
      }
    }
    findings.push(...versionFindings(role, ofRole));
  }

  // What no node that answered has: not here (the light lab has no Nova), said once.
  if (reads.length) {
    const absent = GROUPS.filter((g) => !reads.some((r) => r.f.found.has(g)));
    if (absent.length) {
      findings.push(
        finding({
          check: 'config-drift.not-here',
          severity: 'info',
          ...texts({ title: say('config-drift.not-here.title', { what: absent.map((g) => WHAT[g]).join(', ') }), explanation: say('config-drift.not-here.explanation', { what: absent.map((g) => WHAT[g]).join(', '), nodes: reads.map((r) => r.out.node).join(', ') }) }),
          // Each node's own word that it has none of them.
          evidence: reads.map(({ out }) => evidence(out, lines(out.stdout).filter((l) => absent.some((g) => l === `== ${g}: none`)))).filter((e) => e.lines.length),
        }),
      );
    }
  }
  if (unread.length) {
    const t = texts({ title: say('config-drift.unread.title', { nodes: unread.map((o) => o.node).join(', ') }), explanation: say('config-drift.unread.explanation') });
    const ev = unread.map((o) => evidence(o, [(o.stderr || o.stdout).split('\n').find((l) => l.trim()) ?? ''].filter(Boolean))).filter((e) => e.lines.length);
    findings.push({ ...skipped('config-drift.read', t.title, t.explanation, ev), text: t.text });
  }
  if (!outputsOf(input, STEP).length) {
    const t = texts({ title: say('config-drift.not-run.title'), explanation: say('config-drift.not-run.explanation') });
    findings.push({ ...skipped('config-drift.read', t.title, t.explanation), text: t.text });
  }
  return findings;
};
