/**
 * ovs-health: per node, the OVS database answers, br-int (and each mapped provider bridge) exists,
 * no interface is in error or without an OpenFlow port, no port sits on the dead VLAN 4095, the
 * bridges' OpenFlow controllers are connected; across nodes, every OVN chassis has a tunnel to
 * every other one.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { parseConfig, parseInterfaces, parseShow, TUNNEL_TYPES, type InterfaceFact, type NodeConfig, type ShowFacts } from './parse.js';

interface NodeFacts {
  node: string;
  show: ShowFacts;
  showOut: StepOutput;
  interfaces: InterfaceFact[] | null;
  interfacesOut: StepOutput | null;
  config: NodeConfig | null;
  configOut: StepOutput | null;
}

const ok = (o: StepOutput): boolean => o.state === 'succeeded';
const errorLines = (o: StepOutput): string[] => lines(allText(o)).filter((l) => l.trim()).slice(0, 5);
/** A message of this analyzer's table (main/shared/finding-texts/ovs-health.ts). */
const m = (id: string, params?: FindingMessage['params']): FindingMessage => say(`ovs-health.${id}`, params);

/** A check that could not be made, its title and reason given as messages. */
function skippedSaying(check: string, title: FindingMessage, reason: FindingMessage): Finding {
  const t = texts({ title, explanation: reason });
  return { ...skipped(check, t.title, t.explanation), text: t.text };
}

/** " It belongs to Neutron port …, instance …, MAC …." for what the interface's external_ids name, or nothing. */
function vmRef(ifc: InterfaceFact | undefined): FindingMessage | '' {
  if (!ifc) return '';
  const ids = ifc.externalIds;
  const port = ids['iface-id'];
  const instance = ids['vm-uuid'] || ids['vm-id'] ? (ids['vm-uuid'] ?? ids['vm-id']) : undefined;
  const mac = ids['attached-mac'];
  if (!port && instance === undefined && !mac) return '';
  return m('owner', {
    port: port ? m('owner.port', { id: port }) : '',
    instance: instance !== undefined ? m(port ? 'owner.instance.more' : 'owner.instance', { id: instance }) : '',
    mac: mac ? m(port || instance !== undefined ? 'owner.mac.more' : 'owner.mac', { mac }) : '',
  });
}

function recordEvidence(f: NodeFacts, ifc: InterfaceFact | undefined, keys: string[]): Evidence[] {
  if (!ifc || !f.interfacesOut) return [];
  const ls = keys.map((k) => ifc.lines[k]).filter((l): l is string => Boolean(l));
  return ls.length ? [evidence(f.interfacesOut, ls)] : [];
}

function nodeChecks(f: NodeFacts): { findings: Finding[]; problems: number } {
  const out: Finding[] = [];
  const { node, show } = f;
  const bridgeNames = new Set(show.bridges.map((b) => b.name));
  const bridgeLines = show.bridges.map((b) => b.line);
  const intBr = f.config?.integrationBridge ?? 'br-int';

  if (!bridgeNames.has(intBr)) {
    out.push(
      finding({
        check: 'ovs.br-int-missing',
        severity: 'critical',
        ...texts({
          title: m('br-int-missing.title', { node, bridge: intBr }),
          explanation: m('br-int-missing.explanation', {
            node,
            bridge: intBr,
            others: bridgeNames.size ? m('br-int-missing.only', { bridges: [...bridgeNames].join(', ') }) : m('br-int-missing.none'),
          }),
          likelyCause: m('br-int-missing.cause'),
          nextStep: m('br-int-missing.next', { node, bridge: intBr }),
        }),
        evidence: [evidence(f.showOut, [...lines(f.showOut.stdout).slice(0, 1), ...bridgeLines]), ...(f.config?.line && f.configOut ? [evidence(f.configOut, [f.config.line])] : [])],
      }),
    );
  }

  for (const { physnet, bridge } of f.config?.bridgeMappings ?? []) {
    if (bridgeNames.has(bridge)) continue;
    out.push(
      finding({
        check: 'ovs.provider-bridge-missing',
        severity: 'warning',
        ...texts({
          title: m('provider-bridge-missing.title', { node, bridge, physnet }),
          explanation: m('provider-bridge-missing.explanation', { node, physnet, bridge }),
          likelyCause: m('provider-bridge-missing.cause'),
          nextStep: m('provider-bridge-missing.next', { bridge }),
        }),
        evidence: [...(f.configOut && f.config?.line ? [evidence(f.configOut, [f.config.line])] : []), evidence(f.showOut, [...lines(f.showOut.stdout).slice(0, 1), ...bridgeLines])],
      }),
    );
  }

  const recByName = new Map((f.interfaces ?? []).map((i) => [i.name, i]));
  const erroredSeen = new Set<string>();
  for (const port of show.ports) {
    for (const ifc of port.interfaces) {
      const rec = recByName.get(ifc.name);
      const error = ifc.error ?? rec?.error ?? null;
      if (!error) continue;
      erroredSeen.add(ifc.name);
      const noDevice = /No such device/i.test(error);
      const ofport = rec?.ofport === -1 ? m('interface-error.ofport') : '';
      const on = port.bridge ?? m('some-bridge');
      out.push(
        finding({
          check: 'ovs.interface-error',
          severity: 'warning',
          ...texts({
            title: m(noDevice ? 'interface-error.title.no-device' : 'interface-error.title', { node, iface: ifc.name, bridge: on }),
            explanation: m('interface-error.explanation', { error, iface: ifc.name, node, ofport, owner: vmRef(rec) }),
            likelyCause: m(noDevice ? 'interface-error.cause.no-device' : 'interface-error.cause'),
            nextStep: noDevice
              ? m('interface-error.next.no-device', {
                  iface: ifc.name,
                  port: rec?.externalIds['iface-id'] ? `, \`openstack port show ${rec.externalIds['iface-id']}\`` : '',
                  server: rec?.externalIds['vm-uuid'] ? `, \`openstack server show ${rec.externalIds['vm-uuid']}\`` : '',
                  bridge: port.bridge ?? 'br-int',
                })
              : m('interface-error.next', { iface: ifc.name, node }),
          }),
          evidence: [
            evidence(f.showOut, [port.line, ...(port.tagLine ? [port.tagLine] : []), ifc.line, ...(ifc.errorLine ? [ifc.errorLine] : [])]),
            ...recordEvidence(f, rec, ['name', 'error', 'ofport', 'external_ids']),
          ],
        }),
      );
    }
  }
  for (const rec of f.interfaces ?? []) {
    if (erroredSeen.has(rec.name) || rec.error || rec.ofport !== -1) continue;
    out.push(
      finding({
        check: 'ovs.ofport-invalid',
        severity: 'warning',
        ...texts({
          title: m('ofport-invalid.title', { node, iface: rec.name }),
          explanation: m('ofport-invalid.explanation', { iface: rec.name, node, owner: vmRef(rec) }),
          likelyCause: m('ofport-invalid.cause'),
          nextStep: m('ofport-invalid.next', { iface: rec.name, node }),
        }),
        evidence: recordEvidence(f, rec, ['name', 'type', 'ofport', 'external_ids']),
      }),
    );
  }

  for (const port of show.ports.filter((p) => p.tag === 4095)) {
    const rec = recByName.get(port.interfaces[0]?.name ?? port.name);
    out.push(
      finding({
        check: 'ovs.dead-vlan',
        severity: 'warning',
        ...texts({
          title: m('dead-vlan.title', { node, port: port.name }),
          explanation: m('dead-vlan.explanation', { port: port.name, bridge: port.bridge ?? m('dead-vlan.its-bridge'), owner: vmRef(rec) }),
          likelyCause: m('dead-vlan.cause'),
          nextStep: m('dead-vlan.next', { id: rec?.externalIds['iface-id'] ?? '<port id>', node }),
        }),
        evidence: [evidence(f.showOut, [port.line, ...(port.tagLine ? [port.tagLine] : [])]), ...recordEvidence(f, rec, ['name', 'external_ids'])],
      }),
    );
  }

  for (const b of show.bridges) {
    for (const c of b.controllers.filter((c) => !c.connected && !/^p(tcp|ssl|unix):/.test(c.target))) {
      out.push(
        finding({
          check: 'ovs.controller-disconnected',
          severity: 'warning',
          ...texts({
            title: m('controller-disconnected.title', { node, bridge: b.name, target: c.target }),
            explanation: m('controller-disconnected.explanation', { target: c.target, bridge: b.name, node }),
            likelyCause: m('controller-disconnected.cause', { target: c.target, node }),
            nextStep: m('controller-disconnected.next', { node }),
          }),
          evidence: [evidence(f.showOut, [b.line, c.line])],
        }),
      );
    }
  }
  return { findings: out, problems: out.length };
}

interface Tunnel {
  remote: string;
  line: string;
}

function tunnelsOf(f: NodeFacts): Tunnel[] {
  const t: Tunnel[] = [];
  for (const p of f.show.ports) {
    for (const i of p.interfaces) {
      if (i.type && TUNNEL_TYPES.has(i.type) && i.options.remote_ip && i.options.remote_ip !== 'flow') t.push({ remote: i.options.remote_ip, line: i.optionsLine ?? i.line });
    }
  }
  return t;
}

/** OVN forms tunnels between chassis whose transport zones overlap (none set = the default zone). */
function zonesOverlap(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return !a.length && !b.length;
  return a.some((z) => b.includes(z));
}

function meshChecks(facts: NodeFacts[]): Finding[] {
  const chassis = facts.filter((f) => f.config?.ovn && f.config.encapIps.length && f.config.line && f.configOut);
  if (chassis.length < 2) {
    return facts.some((f) => f.config?.ovn)
      ? [skippedSaying('ovs.tunnel-mesh', m('tunnel-mesh.skipped.title'), m('tunnel-mesh.skipped.reason', { nodes: chassis.map((c) => c.node).join(', ') || m('tunnel-mesh.skipped.none') }))]
      : [];
  }
  const missing: Array<{ from: NodeFacts; to: NodeFacts }> = [];
  for (const a of chassis) {
    const remotes = new Set(tunnelsOf(a).map((t) => t.remote));
    for (const b of chassis) {
      if (a === b || !zonesOverlap(a.config?.transportZones ?? [], b.config?.transportZones ?? [])) continue;
      if (!b.config?.encapIps.some((ip) => remotes.has(ip))) missing.push({ from: a, to: b });
    }
  }
  if (!missing.length) {
    return [
      finding({
        check: 'ovs.tunnel-mesh',
        severity: 'ok',
        ...texts({ title: m('tunnel-mesh.title', { nodes: chassis.map((c) => c.node).join(', ') }), explanation: m('tunnel-mesh.explanation', { count: chassis.length }) }),
        evidence: chassis.map((c) => evidence(c.showOut, tunnelsOf(c).map((t) => t.line))),
      }),
    ];
  }
  const out: Finding[] = [];
  const done = new Set<string>();
  const ipOf = (n: NodeFacts): string => n.config?.encapIps.join(',') ?? '?';
  // With three or more nodes, one node that every other node lacks a tunnel to is the culprit.
  if (chassis.length >= 3) {
    for (const b of chassis) {
      const froms = missing.filter((m) => m.to === b).map((m) => m.from);
      if (froms.length < chassis.length - 1) continue;
      for (const a of froms) done.add([a.node, b.node].sort().join('|'));
      out.push(
        finding({
          check: 'ovs.tunnel-missing',
          severity: 'critical',
          ...texts({
            title: m('tunnel-missing.to-node.title', { node: b.node, ip: ipOf(b) }),
            explanation: m('tunnel-missing.to-node.explanation', { froms: froms.map((a) => a.node).join(', '), node: b.node, ip: ipOf(b) }),
            likelyCause: m('tunnel-missing.to-node.cause', { node: b.node }),
            nextStep: m('tunnel-missing.to-node.next', { node: b.node }),
          }),
          evidence: [evidence(b.configOut as StepOutput, [b.config?.line as string]), ...froms.map((a) => evidence(a.showOut, tunnelsOf(a).map((t) => t.line))).filter((e) => e.lines.length)],
        }),
      );
    }
  }
  for (const { from, to } of missing) {
    const key = [from.node, to.node].sort().join('|');
    if (done.has(key)) continue;
    done.add(key);
    const back = missing.some((m) => m.from === to && m.to === from);
    const ev = (n: NodeFacts): Evidence[] => {
      const t = tunnelsOf(n).map((x) => x.line);
      return [evidence(n.configOut as StepOutput, [n.config?.line as string]), ...(t.length ? [evidence(n.showOut, t)] : [])];
    };
    out.push(
      finding({
        check: 'ovs.tunnel-missing',
        severity: 'critical',
        ...texts({
          title: back ? m('tunnel-missing.both.title', { from: from.node, to: to.node }) : m('tunnel-missing.one.title', { from: from.node, to: to.node, toIp: ipOf(to) }),
          explanation: m(back ? 'tunnel-missing.both.explanation' : 'tunnel-missing.one.explanation', { from: from.node, to: to.node, toIp: ipOf(to), ...(back ? { fromIp: ipOf(from) } : {}) }),
          likelyCause: m('tunnel-missing.cause', { why: back ? m('tunnel-missing.why.both') : m('tunnel-missing.why.one', { from: from.node, to: to.node }) }),
          nextStep: m('tunnel-missing.next', { from: from.node, to: to.node }),
        }),
        evidence: [...ev(from), ...ev(to)],
      }),
    );
  }
  return out;
}

export const analyze: Analyzer = (input: AnalyzerInput) => {
  const findings: Finding[] = [];
  const facts: NodeFacts[] = [];
  const byNode = (step: string): Map<string, StepOutput> => new Map(completed(input, step).map((o) => [o.node, o]));
  const shows = byNode('show');
  const ifaces = byNode('interfaces');
  const configs = byNode('config');

  for (const [node, showOut] of shows) {
    if (!ok(showOut)) {
      findings.push(
        finding({
          check: 'ovs.db-unreachable',
          severity: 'critical',
          ...texts({
            title: m('db-unreachable.title', { node }),
            explanation: m('db-unreachable.explanation', { node, exit: showOut.exitCode ?? '?' }),
            likelyCause: m('db-unreachable.cause', { node }),
            nextStep: m('db-unreachable.next', { node }),
          }),
          evidence: [evidence(showOut, errorLines(showOut))],
        }),
      );
      continue;
    }
    const interfacesOut = ifaces.get(node);
    const configOut = configs.get(node);
    facts.push({
      node,
      show: parseShow(showOut.stdout),
      showOut,
      interfaces: interfacesOut && ok(interfacesOut) ? parseInterfaces(interfacesOut.stdout) : null,
      interfacesOut: interfacesOut && ok(interfacesOut) ? interfacesOut : null,
      config: configOut && ok(configOut) ? parseConfig(configOut.stdout) : null,
      configOut: configOut && ok(configOut) ? configOut : null,
    });
  }

  for (const f of facts) {
    const { findings: nodeFindings, problems } = nodeChecks(f);
    findings.push(...nodeFindings);
    if (!f.config && configs.has(f.node)) findings.push(skippedSaying('ovs.provider-bridge-missing', m('provider-bridge-missing.skipped.title', { node: f.node }), m('provider-bridge-missing.skipped.reason')));
    if (problems === 0) {
      const nIf = f.interfaces?.length ?? f.show.ports.reduce((n, p) => n + p.interfaces.length, 0);
      findings.push(
        finding({
          check: 'ovs.node-healthy',
          severity: 'ok',
          ...texts({
            title: m('node-healthy.title', { node: f.node }),
            explanation: m('node-healthy.explanation', {
              bridges: f.show.bridges.map((b) => b.name).join(', '),
              count: nIf,
              ofport: f.interfaces ? m('node-healthy.ofport') : '',
              providers: f.config?.bridgeMappings.length ? m('node-healthy.providers', { bridges: f.config.bridgeMappings.map((x) => x.bridge).join(', ') }) : '',
            }),
          }),
          evidence: [evidence(f.showOut, f.show.bridges.map((b) => b.line))],
        }),
      );
    }
  }

  findings.push(...meshChecks(facts));
  if (!shows.size) findings.push(skippedSaying('ovs.node-healthy', m('node-healthy.skipped.title'), m('node-healthy.skipped.reason')));
  return findings;
};
