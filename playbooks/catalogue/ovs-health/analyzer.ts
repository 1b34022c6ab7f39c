/**
 * ovs-health: per node, the OVS database answers, br-int (and each mapped provider bridge) exists,
 * no interface is in error or without an OpenFlow port, no port sits on the dead VLAN 4095, the
 * bridges' OpenFlow controllers are connected; across nodes, every OVN chassis has a tunnel to
 * every other one.
 */
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

function vmRef(ifc: InterfaceFact | undefined): string {
  if (!ifc) return '';
  const ids = ifc.externalIds;
  const parts = [
    ids['iface-id'] ? `Neutron port ${ids['iface-id']}` : '',
    ids['vm-uuid'] || ids['vm-id'] ? `instance ${ids['vm-uuid'] ?? ids['vm-id']}` : '',
    ids['attached-mac'] ? `MAC ${ids['attached-mac']}` : '',
  ].filter(Boolean);
  return parts.length ? ` It belongs to ${parts.join(', ')}.` : '';
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
        title: `${node}: integration bridge ${intBr} does not exist`,
        explanation: `Open vSwitch on ${node} has no bridge ${intBr}${bridgeNames.size ? ` (only ${[...bridgeNames].join(', ')})` : ' (no bridges at all)'}. Every VM port and tunnel is plugged into ${intBr}; without it no instance on this node has a network and Nova cannot plug new ones.`,
        evidence: [evidence(f.showOut, [...lines(f.showOut.stdout).slice(0, 1), ...bridgeLines]), ...(f.config?.line && f.configOut ? [evidence(f.configOut, [f.config.line])] : [])],
        likelyCause: `The bridge was deleted (by hand, a cleanup script such as neutron-ovs-cleanup, or a reinstall) and ovn-controller / neutron-openvswitch-agent is not running to recreate it.`,
        nextStep: `Check the agent on ${node} (OVN: \`ovn-appctl -t ovn-controller connection-status\`; ML2/OVS: \`systemctl status neutron-openvswitch-agent\`); restarting it recreates ${intBr}. Then re-run this playbook.`,
      }),
    );
  }

  for (const { physnet, bridge } of f.config?.bridgeMappings ?? []) {
    if (bridgeNames.has(bridge)) continue;
    out.push(
      finding({
        check: 'ovs.provider-bridge-missing',
        severity: 'warning',
        title: `${node}: provider bridge ${bridge} (${physnet}) does not exist`,
        explanation: `${node} maps provider network ${physnet} to bridge ${bridge} (ovn-bridge-mappings) but OVS has no such bridge. Ports on ${physnet} networks (provider VLAN/flat networks, router gateways scheduled here) have no way out.`,
        evidence: [...(f.configOut && f.config?.line ? [evidence(f.configOut, [f.config.line])] : []), evidence(f.showOut, [...lines(f.showOut.stdout).slice(0, 1), ...bridgeLines])],
        likelyCause: `The bridge was never created on this node (deployment step skipped) or was deleted; or ovn-bridge-mappings names a bridge this node should not have.`,
        nextStep: `Confirm the intended mapping (\`ovs-vsctl get Open_vSwitch . external_ids:ovn-bridge-mappings\`); create the bridge with its NIC the way your deployment tool does (e.g. \`ovs-vsctl add-br ${bridge}\` + \`ovs-vsctl add-port ${bridge} <nic>\`, mutating) or remove the mapping.`,
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
      const ofport = rec?.ofport === -1 ? ' OVS gave it no OpenFlow port (ofport -1), so no flow can send traffic to it.' : '';
      out.push(
        finding({
          check: 'ovs.interface-error',
          severity: 'warning',
          title: `${node}: interface ${ifc.name} on ${port.bridge ?? 'a bridge'} is in error${noDevice ? ' (device does not exist)' : ''}`,
          explanation: `OVS reports \`${error}\` for ${ifc.name} on ${node}.${ofport}${vmRef(rec)}`,
          evidence: [
            evidence(f.showOut, [port.line, ...(port.tagLine ? [port.tagLine] : []), ifc.line, ...(ifc.errorLine ? [ifc.errorLine] : [])]),
            ...recordEvidence(f, rec, ['name', 'error', 'ofport', 'external_ids']),
          ],
          likelyCause: noDevice
            ? `A stale port: the VM was deleted or migrated away and its tap device is gone, but the OVS port stayed (nova-compute / os-vif did not unplug it, e.g. the compute service was down or crashed at delete time). Less often the VM still exists and its tap vanished (libvirt domain stopped uncleanly).`
            : `OVS could not set up the interface; the error text says why (wrong type or options, missing kernel module, DPDK device not bound).`,
          nextStep: noDevice
            ? `Read-only first: \`ovs-vsctl list Interface ${ifc.name}\`${rec?.externalIds['iface-id'] ? `, \`openstack port show ${rec.externalIds['iface-id']}\`` : ''}${rec?.externalIds['vm-uuid'] ? `, \`openstack server show ${rec.externalIds['vm-uuid']}\`` : ''}. If the VM is gone or lives elsewhere, remove the stale port (mutating): \`ovs-vsctl del-port ${port.bridge ?? 'br-int'} ${ifc.name}\`; if the VM should be here, hard-reboot it so Nova re-plugs the tap.`
            : `\`ovs-vsctl list Interface ${ifc.name}\` and the ovs-vswitchd log on ${node} for the full reason.`,
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
        title: `${node}: interface ${rec.name} has no OpenFlow port (ofport -1)`,
        explanation: `OVS could not attach ${rec.name} to its bridge on ${node}, so traffic to and from it is dropped.${vmRef(rec)}`,
        evidence: recordEvidence(f, rec, ['name', 'type', 'ofport', 'external_ids']),
        likelyCause: `The backing device is missing or could not be opened (a deleted VM's tap, a DPDK port that failed to initialise).`,
        nextStep: `\`ovs-vsctl list Interface ${rec.name}\` and the ovs-vswitchd log on ${node}; remove the port if it is stale (\`ovs-vsctl del-port ${rec.name}\`, mutating).`,
      }),
    );
  }

  for (const port of show.ports.filter((p) => p.tag === 4095)) {
    const rec = recByName.get(port.interfaces[0]?.name ?? port.name);
    out.push(
      finding({
        check: 'ovs.dead-vlan',
        severity: 'warning',
        title: `${node}: port ${port.name} is on the dead VLAN 4095`,
        explanation: `Port ${port.name} on ${port.bridge ?? 'its bridge'} is tagged 4095, the VLAN neutron-openvswitch-agent uses to park ports it could not bind; all its traffic is dropped.${vmRef(rec)}`,
        evidence: [evidence(f.showOut, [port.line, ...(port.tagLine ? [port.tagLine] : [])]), ...recordEvidence(f, rec, ['name', 'external_ids'])],
        likelyCause: `The agent could not bind the port: port binding failed (no bridge_mappings for the network's physnet on this host, unknown network type), the agent lost the Neutron server / RabbitMQ when the port was plugged, or the port was deleted in Neutron but not on the host.`,
        nextStep: `\`openstack port show ${rec?.externalIds['iface-id'] ?? '<port id>'} -c binding_host_id -c binding_vif_type -c status\` (binding_failed?) and the neutron-openvswitch-agent log on ${node}; once the cause is fixed, restarting the agent re-binds the port.`,
      }),
    );
  }

  for (const b of show.bridges) {
    for (const c of b.controllers.filter((c) => !c.connected && !/^p(tcp|ssl|unix):/.test(c.target))) {
      out.push(
        finding({
          check: 'ovs.controller-disconnected',
          severity: 'warning',
          title: `${node}: bridge ${b.name} is not connected to its OpenFlow controller ${c.target}`,
          explanation: `\`ovs-vsctl show\` lists controller ${c.target} for ${b.name} on ${node} without \`is_connected: true\`; nothing is programming this bridge's flows right now (existing flows stay, new ports get none).`,
          evidence: [evidence(f.showOut, [b.line, c.line])],
          likelyCause: `neutron-openvswitch-agent (the controller behind ${c.target}) is down or restarting on ${node}.`,
          nextStep: `Check the agent on ${node}: \`systemctl status neutron-openvswitch-agent\` / its pod or container, and its log.`,
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
      ? [skipped('ovs.tunnel-mesh', 'Tunnel mesh between nodes', `Fewer than two OVN nodes with a known ovn-encap-ip were read (${chassis.map((c) => c.node).join(', ') || 'none'}); there is no pair to compare.`)]
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
        title: `Tunnel mesh complete between ${chassis.map((c) => c.node).join(', ')}`,
        explanation: `Each of the ${chassis.length} OVN nodes read has a tunnel port to every other one's encap IP.`,
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
          title: `No node has a tunnel to ${b.node} (${ipOf(b)})`,
          explanation: `None of ${froms.map((a) => a.node).join(', ')} has a geneve/vxlan port to ${b.node}'s encap IP ${ipOf(b)}. VMs on ${b.node} are cut off from the overlay.`,
          evidence: [evidence(b.configOut as StepOutput, [b.config?.line as string]), ...froms.map((a) => evidence(a.showOut, tunnelsOf(a).map((t) => t.line))).filter((e) => e.lines.length)],
          likelyCause: `${b.node} is not registered as a chassis in the southbound database: its ovn-controller is stopped, crashing or cannot reach the SB (or its ovn-encap-ip changed). Every other ovn-controller then removes its tunnel to it.`,
          nextStep: `On ${b.node}: \`ovn-appctl -t ovn-controller connection-status\` and the ovn-controller log; on a controller: \`ovn-sbctl show\` (is ${b.node} listed?). The ovn-health playbook checks both.`,
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
        title: back ? `No tunnel between ${from.node} and ${to.node} in either direction` : `${from.node} has no tunnel to ${to.node} (${ipOf(to)})`,
        explanation: back
          ? `Neither ${from.node} (${ipOf(from)}) nor ${to.node} (${ipOf(to)}) has a geneve/vxlan port to the other. Overlay traffic between VMs (and routers) on these two nodes cannot flow.`
          : `${from.node} has no tunnel port with remote_ip ${ipOf(to)} although ${to.node} has one back. VMs on ${from.node} cannot reach VMs on ${to.node} over the overlay.`,
        evidence: [...ev(from), ...ev(to)],
        likelyCause: `ovn-controller creates a tunnel to every chassis it sees in the southbound database. A missing tunnel means ${back ? `one of them is not registered as a chassis (its ovn-controller stopped or cannot reach the SB) — a node with no tunnels at all is the usual suspect` : `${from.node}'s ovn-controller does not see ${to.node}'s chassis or its encap IP (stale SB data, ovn-controller on ${from.node} disconnected)`}.`,
        nextStep: `Run the ovn-health playbook (chassis list and ovn-controller connection), or \`ovn-sbctl show\` on a controller and \`ovn-appctl -t ovn-controller connection-status\` on ${from.node} and ${to.node}.`,
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
          title: `${node}: the Open vSwitch database does not answer`,
          explanation: `\`ovs-vsctl show\` failed on ${node} (exit ${showOut.exitCode ?? '?'}). Without ovsdb-server neither ovs-vswitchd nor the network agent can change anything on this node; the other OVS checks were skipped for it.`,
          evidence: [evidence(showOut, errorLines(showOut))],
          likelyCause: `ovsdb-server is not running on ${node} (crashed, or its pod/container is restarting), or the tool is looking at the wrong socket.`,
          nextStep: `On ${node}: \`systemctl status ovsdb-server openvswitch-switch\` (packages), \`docker ps -a | grep openvswitch\` (kolla) or \`kubectl -n openstack get pods -o wide | grep openvswitch\` (openstack-helm), and the ovsdb-server log.`,
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
    if (!f.config && configs.has(f.node)) findings.push(skipped('ovs.provider-bridge-missing', `${f.node}: provider bridges`, `The node's OVN settings (ovn-bridge-mappings) could not be read, so which provider bridges it should have is unknown.`));
    if (problems === 0) {
      const nIf = f.interfaces?.length ?? f.show.ports.reduce((n, p) => n + p.interfaces.length, 0);
      findings.push(
        finding({
          check: 'ovs.node-healthy',
          severity: 'ok',
          title: `${f.node}: Open vSwitch looks healthy`,
          explanation: `Bridges ${f.show.bridges.map((b) => b.name).join(', ')}; ${nIf} interfaces, none in error${f.interfaces ? ' and all with an OpenFlow port' : ''}; no port on the dead VLAN 4095${f.config?.bridgeMappings.length ? `; provider bridges ${f.config.bridgeMappings.map((m) => m.bridge).join(', ')} present` : ''}.`,
          evidence: [evidence(f.showOut, f.show.bridges.map((b) => b.line))],
        }),
      );
    }
  }

  findings.push(...meshChecks(facts));
  if (!shows.size) findings.push(skipped('ovs.node-healthy', 'Open vSwitch state', 'No node returned `ovs-vsctl show` output; nothing could be checked.'));
  return findings;
};
