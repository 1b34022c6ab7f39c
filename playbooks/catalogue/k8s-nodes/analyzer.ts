/**
 * k8s-nodes: what Kubernetes says of the nodes and volumes OpenStack-Helm runs on, from one
 * kubectl on one controller. A node not Ready is critical (its pods are not served, and after the
 * eviction timeout rescheduled); memory, disk or PID pressure and a cordon are warnings, as is an
 * inventory compute (controller) without openstack-helm's `openstack-compute-node=enabled`
 * (`openstack-control-plane=enabled`) label: the charts' nodeSelectors then place no nova-compute
 * (no control-plane pod) there. A PersistentVolumeClaim Pending is a warning (its pod cannot start)
 * with the ProvisioningFailed event that says why; Lost is critical. Evicted pods are a warning per
 * node (it ran short of something); other Failed pods are info.
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Finding, StepOutput } from '../../engine/types.js';
import { failedPods, nodeFacts, parseOutput, provisioningEvents, pvcFacts, type NodeFact, type Parsed, type SectionName } from './parse.js';

const STEP = 'nodes';
export const COMPUTE_LABEL = 'openstack-compute-node';
export const CONTROL_LABEL = 'openstack-control-plane';
/** The node conditions that are a problem when True, with their message key. */
const PRESSURES: Record<string, string> = { MemoryPressure: 'memory', DiskPressure: 'disk', PIDPressure: 'pid', NetworkUnavailable: 'network' };

function couldNot(out: StepOutput, part: SectionName | 'all', msgs: string[]): Finding {
  const t = texts({
    title: say(`k8s-nodes.failed.${part}.title`),
    explanation: say('k8s-nodes.failed.explanation', { node: out.node, line: msgs[0] ?? say('k8s-nodes.exit-code', { code: out.exitCode ?? '?' }) }),
    nextStep: say('k8s-nodes.failed.next', { node: out.node }),
  });
  const f = skipped(`k8s.${part === 'all' ? 'nodes' : part}`, t.title, t.explanation, msgs.length ? [evidence(out, msgs.slice(0, 3))] : []);
  return { ...f, nextStep: t.nextStep, text: t.text };
}

/** The k8s node an inventory node is: same name (or its short host name), else its address as the InternalIP. */
function k8sNodeOf(nodes: NodeFact[], inv: AnalyzerInput['nodes'][number]): NodeFact | undefined {
  return nodes.find((n) => n.name === inv.name || n.name.split('.')[0] === inv.name) ?? (inv.host ? nodes.find((n) => n.internalIP === inv.host) : undefined);
}

function nodeFindings(out: StepOutput, p: Parsed, nodes: NodeFact[], input: AnalyzerInput): Finding[] {
  const found: Finding[] = [];
  const bad = new Set<string>();
  // Not Ready: grouped by the status and reason the kubelet (or the node controller) gave.
  const notReady = new Map<string, NodeFact[]>();
  for (const n of nodes) {
    const ready = n.conditions.find((c) => c.type === 'Ready');
    if (ready?.status === 'True') continue;
    const key = ready ? `${ready.status}|${ready.reason}` : 'missing|';
    notReady.set(key, [...(notReady.get(key) ?? []), n]);
  }
  for (const [key, ns] of notReady) {
    const [status, reason] = key.split('|') as [string, string];
    const cond = ns[0]?.conditions.find((c) => c.type === 'Ready');
    for (const n of ns) bad.add(n.name);
    found.push(
      finding({
        check: 'k8s.node-not-ready',
        severity: 'critical',
        ...texts({
          title: say('k8s-nodes.not-ready.title', { nodes: ns.map((n) => n.name).join(', '), status: status === 'missing' ? '?' : status }),
          explanation: say(status === 'Unknown' ? 'k8s-nodes.not-ready.unknown' : 'k8s-nodes.not-ready.false', { count: ns.length, reason: reason || '-', message: cond?.message || '-' }),
          likelyCause: say(status === 'Unknown' ? 'k8s-nodes.not-ready.cause.unknown' : 'k8s-nodes.not-ready.cause.false'),
          nextStep: say('k8s-nodes.not-ready.next', { node: ns[0]?.name ?? '?' }),
        }),
        evidence: [evidence(out, ns.flatMap((n) => [n.nameLine, ...(n.conditions.find((c) => c.type === 'Ready')?.lines ?? [])]))],
      }),
    );
  }
  for (const [type, key] of Object.entries(PRESSURES)) {
    const ns = nodes.filter((n) => n.conditions.some((c) => c.type === type && c.status === 'True'));
    if (!ns.length) continue;
    for (const n of ns) bad.add(n.name);
    found.push(
      finding({
        check: `k8s.node-${type.toLowerCase()}`,
        severity: 'warning',
        ...texts({
          title: say('k8s-nodes.pressure.title', { nodes: ns.map((n) => n.name).join(', '), type }),
          explanation: say(`k8s-nodes.pressure.${key}`, { count: ns.length, message: ns[0]?.conditions.find((c) => c.type === type)?.message || '-' }),
          likelyCause: say(`k8s-nodes.pressure.cause.${key}`),
          nextStep: say('k8s-nodes.pressure.next', { node: ns[0]?.name ?? '?' }),
        }),
        evidence: [evidence(out, ns.flatMap((n) => [n.nameLine, ...(n.conditions.find((c) => c.type === type)?.lines ?? [])]))],
      }),
    );
  }
  const cordoned = nodes.filter((n) => n.unschedulable?.value === true);
  if (cordoned.length) {
    for (const n of cordoned) bad.add(n.name);
    found.push(
      finding({
        check: 'k8s.node-cordoned',
        severity: 'warning',
        ...texts({
          title: say('k8s-nodes.cordoned.title', { nodes: cordoned.map((n) => n.name).join(', ') }),
          explanation: say('k8s-nodes.cordoned.explanation', { count: cordoned.length }),
          likelyCause: say('k8s-nodes.cordoned.cause'),
          nextStep: say('k8s-nodes.cordoned.next', { node: cordoned[0]?.name ?? '?' }),
        }),
        evidence: [evidence(out, cordoned.flatMap((n) => [n.nameLine, n.unschedulable?.line ?? ''].filter(Boolean)))],
      }),
    );
  }
  // openstack-helm's node labels, for the nodes the inventory says are controllers or computes.
  for (const [role, label] of [['compute', COMPUTE_LABEL], ['controller', CONTROL_LABEL]] as const) {
    const missing: NodeFact[] = [];
    for (const inv of input.nodes.filter((x) => x.roles.includes(role))) {
      const n = k8sNodeOf(nodes, inv);
      if (n && n.labels.get(label)?.value !== 'enabled') missing.push(n);
    }
    if (!missing.length) continue;
    for (const n of missing) bad.add(n.name);
    found.push(
      finding({
        check: `k8s.node-label-${role}`,
        severity: 'warning',
        ...texts({
          title: say(`k8s-nodes.label.${role}.title`, { nodes: missing.map((n) => n.name).join(', '), label }),
          explanation: say(`k8s-nodes.label.${role}.explanation`, { count: missing.length, label }),
          likelyCause: say('k8s-nodes.label.cause'),
          nextStep: say('k8s-nodes.label.next', { node: missing[0]?.name ?? '?', label }),
        }),
        evidence: [evidence(out, missing.flatMap((n) => [n.nameLine, n.labels.get(label)?.line || n.labelsLine].filter(Boolean)))],
      }),
    );
  }
  const strangers = input.nodes.filter((inv) => (inv.roles.includes('compute') || inv.roles.includes('controller')) && !k8sNodeOf(nodes, inv));
  if (strangers.length) {
    found.push(
      finding({
        check: 'k8s.node-unknown',
        severity: 'info',
        ...texts({ title: say('k8s-nodes.stranger.title', { nodes: strangers.map((n) => n.name).join(', ') }), explanation: say('k8s-nodes.stranger.explanation', { count: nodes.length }) }),
        evidence: [evidence(out, nodes.map((n) => n.nameLine).filter(Boolean).slice(0, 20))],
      }),
    );
  }
  const fine = nodes.filter((n) => !bad.has(n.name));
  if (fine.length) {
    found.push(
      finding({
        check: 'k8s.nodes',
        severity: 'ok',
        ...texts({ title: say('k8s-nodes.ok.title', { count: fine.length }), explanation: say('k8s-nodes.ok.explanation', { nodes: fine.map((n) => n.name).join(', ') }) }),
        evidence: [evidence(out, fine.flatMap((n) => [n.nameLine, ...(n.conditions.find((c) => c.type === 'Ready')?.lines.slice(0, 2) ?? [])]).slice(0, 30))],
      }),
    );
  }
  if (!nodes.length) found.push(couldNot(out, 'nodes', [p.all.find((l) => l.includes('"items"')) ?? ''].filter(Boolean)));
  return found;
}

function pvcFindings(out: StepOutput, p: Parsed): Finding[] {
  const pvcs = pvcFacts(p);
  if (!pvcs) return [couldNot(out, 'pvc', p.sections.pvc?.messages ?? [])];
  const events = provisioningEvents(p);
  const found: Finding[] = [];
  const stuck = pvcs.filter((c) => c.phase !== 'Bound');
  for (const c of stuck) {
    const ev = (events ?? []).filter((e) => e.objectName === c.name && e.namespace === c.namespace && (!e.objectKind || e.objectKind === 'PersistentVolumeClaim'));
    const lost = c.phase === 'Lost';
    found.push(
      finding({
        check: lost ? 'k8s.pvc-lost' : 'k8s.pvc-pending',
        severity: lost ? 'critical' : 'warning',
        ...texts({
          title: say(lost ? 'k8s-nodes.pvc.lost.title' : 'k8s-nodes.pvc.pending.title', { ns: c.namespace, name: c.name, phase: c.phase || '?' }),
          explanation: say(lost ? 'k8s-nodes.pvc.lost.explanation' : 'k8s-nodes.pvc.pending.explanation', {
            ns: c.namespace,
            name: c.name,
            sc: c.storageClass || '-',
            why: ev.length ? say('k8s-nodes.pvc.why', { message: ev[ev.length - 1]?.message ?? '', count: ev.reduce((a, e) => a + e.count, 0) }) : say(events ? 'k8s-nodes.pvc.why.none' : 'k8s-nodes.pvc.why.unread'),
          }),
          likelyCause: say(lost ? 'k8s-nodes.pvc.lost.cause' : 'k8s-nodes.pvc.pending.cause'),
          nextStep: say('k8s-nodes.pvc.next', { ns: c.namespace, name: c.name, sc: c.storageClass || '<class>' }),
        }),
        evidence: [evidence(out, [...c.lines, ...ev.flatMap((e) => e.lines).slice(-4)])],
      }),
    );
  }
  const bound = pvcs.length - stuck.length;
  if (bound || !pvcs.length) {
    found.push(
      finding({
        check: 'k8s.pvcs',
        severity: 'ok',
        ...texts({ title: say(pvcs.length ? 'k8s-nodes.pvc.ok.title' : 'k8s-nodes.pvc.none.title', { count: bound }), explanation: say(pvcs.length ? 'k8s-nodes.pvc.ok.explanation' : 'k8s-nodes.pvc.none.explanation') }),
        evidence: [evidence(out, pvcs.length ? pvcs.filter((c) => c.phase === 'Bound').flatMap((c) => c.lines.slice(0, 1)).slice(0, 20) : [p.all.find((l, i) => l.includes('"items": []') && i > 0) ?? ''].filter(Boolean))],
      }),
    );
  }
  if (!events && stuck.length) found.push(couldNot(out, 'provisioning-failed', p.sections['provisioning-failed']?.messages ?? []));
  return found;
}

function evictionFindings(out: StepOutput, p: Parsed): Finding[] {
  const pods = failedPods(p);
  if (!pods) return [couldNot(out, 'failed-pods', p.sections['failed-pods']?.messages ?? [])];
  const found: Finding[] = [];
  const byNode = new Map<string, typeof pods>();
  for (const x of pods.filter((x) => x.reason === 'Evicted')) byNode.set(x.node || '?', [...(byNode.get(x.node || '?') ?? []), x]);
  for (const [node, ps] of byNode) {
    found.push(
      finding({
        check: 'k8s.pods-evicted',
        severity: 'warning',
        ...texts({
          title: say('k8s-nodes.evicted.title', { count: ps.length, node }),
          explanation: say('k8s-nodes.evicted.explanation', { count: ps.length, node, message: (ps[ps.length - 1]?.message ?? '').trim().replace(/\.$/, '') || '-', pods: ps.slice(0, 5).map((x) => `${x.namespace}/${x.name}`).join(', ') }),
          likelyCause: say('k8s-nodes.evicted.cause'),
          nextStep: say('k8s-nodes.evicted.next', { node }),
        }),
        evidence: [evidence(out, ps.slice(0, 5).flatMap((x) => x.lines))],
      }),
    );
  }
  const other = pods.filter((x) => x.reason !== 'Evicted');
  if (other.length) {
    found.push(
      finding({
        check: 'k8s.pods-failed',
        severity: 'info',
        ...texts({
          title: say('k8s-nodes.failed-pods.title', { count: other.length }),
          explanation: say('k8s-nodes.failed-pods.explanation', { pods: other.slice(0, 8).map((x) => `${x.namespace}/${x.name}${x.reason ? ` (${x.reason})` : ''}`).join(', ') }),
        }),
        evidence: [evidence(out, other.slice(0, 8).flatMap((x) => x.lines))],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const found: Finding[] = [];
  for (const out of completed(input, STEP)) {
    const p = parseOutput(out.stdout);
    const nodes = nodeFacts(p);
    if (!nodes) {
      found.push(couldNot(out, 'all', p.sections.nodes?.messages.length ? p.sections.nodes.messages : lines(allText(out)).filter((l) => l.trim() && !l.startsWith('== '))));
      continue;
    }
    found.push(...nodeFindings(out, p, nodes, input), ...pvcFindings(out, p), ...evictionFindings(out, p));
  }
  if (!outputsOf(input, STEP).length) {
    const t = texts({ title: say('k8s-nodes.not-run.title'), explanation: say('k8s-nodes.not-run.explanation') });
    found.push({ ...skipped('k8s.nodes', t.title, t.explanation), text: t.text });
  }
  return found;
};
