/**
 * ovn-trace: did OVN deliver the simulated packet, and if not, where and why was it dropped?
 * A drop by Neutron's default `neutron_pg_drop` ACL means no security group rule allows the
 * packet; the port groups of the two ports (`pg_<security group id>`) name the groups to fix.
 */
import { allText, completed, evidence, finding, lines, skipped } from '../../engine/analyze-kit.js';
import { shellQuote } from '../../engine/shell.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { dropsHere, headerLine, inCidr, isAclEval, parseTraceOutput, value, type Line, type Output, type PortGroup, type Stage, type TraceFacts } from './parse.js';

const STEP = 'trace';
/** Output types after which ovn-trace follows the packet into the next datapath. */
const TRANSIT = new Set(['patch', 'l3gateway', 'chassisredirect']);

function ev(out: StepOutput, picked: Array<Line | null | undefined>): ReturnType<typeof evidence> {
  const seen = new Set<number>();
  const sorted = picked.filter((l): l is Line => !!l && !seen.has(l.index) && (seen.add(l.index), true)).sort((a, b) => a.index - b.index);
  return evidence(out, sorted.map((l) => l.text));
}

interface Ctx {
  out: StepOutput;
  f: TraceFacts;
  /** "tcp/22", "udp/53", "icmp echo". */
  what: string;
  src: string;
  dst: string;
  dstIp: string;
}

const portLabel = (name: string | undefined, lsp: string | undefined, ip: string | undefined): string => `${name || lsp || '?'}${ip ? ` (${ip})` : ''}`;

/** `label` names the group with its id (explanations); `short` by name alone when it has one (titles: names first, UUIDs in the body). */
function sgOf(pg: PortGroup | undefined, pgName: string): { id: string; label: string; short: string } {
  const id = pg?.externalIds['neutron:security_group_id'] ?? (pgName.startsWith('pg_') ? pgName.slice(3).replace(/_/g, '-') : '');
  const name = pg?.externalIds['neutron:security_group_name'];
  const label = id ? `security group ${name ? `"${name}" (${id})` : id}` : `port group ${pgName}`;
  return { id, label, short: name ? `security group "${name}"` : label };
}

/** `outport == @pg_x && ip4 && tcp && tcp.dst == 22` → `ip4 && tcp && tcp.dst == 22` */
const ruleText = (match: string): string => match.replace(/^\(?(in|out)port == @\S+ && /, '');

/** The ACL's own match inside the stage match: `reg0[9] == 1 && (outport == @pg && ip)` → `outport == @pg && ip`. */
const aclMatch = (s: Stage): string => /\(((?:in|out)port == @.*)\)$/.exec(s.match)?.[1] ?? s.match;

/** The ACL stage that decided, for a drop at `drop` (the same stage, or the acl_eval before an acl_action). */
function decidingAcl(f: TraceFacts, drop: Stage): Stage | null {
  if (isAclEval(drop.name)) return drop;
  if (!/_acl/.test(drop.name)) return null;
  const before = f.stages.slice(0, f.stages.indexOf(drop)).reverse();
  return before.find((s) => s.pipeline === drop.pipeline && isAclEval(s.name)) ?? null;
}

function aclName(s: Stage): string | null {
  for (const a of s.actions) {
    const m = /log\(name="([^"]*)"/.exec(a.text) ?? /ACL name=([^,]+),/.exec(a.text);
    if (m) return m[1] as string;
  }
  return null;
}

function pipelinePort(s: Stage, which: 'inport' | 'outport'): string | undefined {
  return s.pipeline ? new RegExp(`${which}="([^"]*)"`).exec(s.pipeline.text)?.[1] : undefined;
}

function dropped(c: Ctx): Finding {
  const { f, out } = c;
  // Where the trace stops, and the stage that dropped (the same, or the ACL stage that set the drop bit before it).
  const end = f.stages.at(-1) as Stage;
  const last = dropsHere(end) ? end : ([...f.stages].reverse().find(dropsHere) ?? end);
  const acl = decidingAcl(f, end) ?? decidingAcl(f, last);
  const flow = headerLine(f, 'flow');
  const stageLines = (s: Stage): Line[] => [s.line, ...s.actions.filter((a) => /drop|verdict=|log\(|reg8\[1[78]\] = 1|reject|\*\*\*/.test(a.text))];
  const pick: Array<Line | null | undefined> = [flow, last.pipeline, ...stageLines(last), end.line, ...(acl && acl !== last ? stageLines(acl) : [])];
  const where = `stage ${end.name} (table ${end.table})`;
  if (acl) {
    const pgName = /@([A-Za-z0-9_.-]+)/.exec(acl.match)?.[1] ?? '';
    const name = aclName(acl);
    const toPort = acl.name.startsWith('ls_out_');
    const port = (toPort ? value(f, 'destination_port_name') || value(f, 'destination_lsp') : value(f, 'source_port_name') || value(f, 'source_lsp')) || pipelinePort(acl, toPort ? 'outport' : 'inport');
    const role = toPort ? 'destination' : 'source';
    const dir = toPort ? 'ingress' : 'egress';
    const groups = f.portGroups.filter((g) => g.members.includes(role) && g.name !== 'neutron_pg_drop');
    const rules = groups.flatMap((g) => g.acls.filter((a) => a.direction === (toPort ? 'to-lport' : 'from-lport')));
    const described = groups.map((g) => {
      const sg = sgOf(g, g.name);
      const own = g.acls.filter((a) => a.direction === (toPort ? 'to-lport' : 'from-lport'));
      return `${sg.label}: ${own.length ? own.map((a) => `${ruleText(a.match)}${a.name ? ` [${a.name}]` : ''}`).join('; ') : `no ${dir} rules`}`;
    });
    pick.push(...groups.map((g) => g.line), ...rules.map((a) => a.line));
    const sgIds = groups.map((g) => sgOf(g, g.name).id).filter(Boolean);
    const portRef = (toPort ? value(f, 'destination_lsp') : value(f, 'source_lsp')) ?? port;
    const portWord = portRef ? shellQuote(portRef) : '<port>';
    const sgNames = groups.map((g) => sgOf(g, g.name).short);
    if (pgName === 'neutron_pg_drop') {
      return finding({
        check: 'ovn-trace.security-group-drop',
        severity: 'critical',
        title: `${c.what} from ${c.src} to ${c.dst} is dropped by Neutron's default drop: no ${dir} rule ${sgNames.length ? `in ${sgNames.join(', ')} ` : ''}on ${port ?? `the ${role} port`} allows it`,
        explanation:
          `ovn-trace stops the packet in ${where}${acl === end ? ' at' : `; ${acl.name} (table ${acl.table}) matched`} Neutron's default drop ACL \`${aclMatch(acl)}\`${name ? ` (${name})` : ''}: ` +
          `the ${dir} direction of ${port ?? `the ${role} port`} only passes what a security group rule allows, and none matches ${c.what} ${toPort ? `from ${value(f, 'source_ip') ?? 'the source'}` : `to ${c.dstIp}`}. ` +
          (groups.length ? `Its ${dir} rules: ${described.join(' | ')}.` : f.sgSection ? `The port is in no security group with ${dir} rules.` : 'The port groups were not listed, so its rules are not shown here.'),
        evidence: [ev(out, pick)],
        likelyCause: `The ${dir} rule for ${c.what} was deleted from the security group, or the port was given a security group that never had it.`,
        nextStep: sgIds.length
          ? `openstack security group rule list --${dir} ${sgIds[0]}; if ${c.what} should pass: openstack security group rule create --${dir} ${c.what.startsWith('icmp') ? '--protocol icmp' : `--protocol ${c.what.split('/')[0]} --dst-port ${c.what.split('/')[1]}`} ${sgIds[0]}`
          : `openstack port show ${portWord} -c security_group_ids, then openstack security group rule list --${dir} <group>`,
      });
    }
    const sg = sgOf(f.portGroups.find((g) => g.name === pgName), pgName);
    return finding({
      check: 'ovn-trace.acl-drop',
      severity: 'critical',
      title: `${c.what} from ${c.src} to ${c.dst} is dropped by ACL ${name ?? `\`${aclMatch(acl)}\``} (${sg.short})`,
      explanation: `ovn-trace stops the packet in ${where} at the ACL \`${aclMatch(acl)}\`${name ? ` named ${name}` : ''} of ${sg.label}, an explicit drop or reject on ${port ?? `the ${role} port`} (${dir}).`,
      evidence: [ev(out, pick)],
      likelyCause: 'An ACL that drops or rejects this traffic was added to the port group, by Neutron (network log, FWaaS) or by hand.',
      nextStep: `ovn-nbctl --type=port-group acl-list ${shellQuote(pgName)}`,
    });
  }
  const flowFix = `ovn-trace ${shellQuote(value(f, 'source_switch') ?? '')} ${shellQuote(value(f, 'flow') ?? '')}`;
  if (/port_sec/.test(last.name)) {
    const out_ = last.name.startsWith('ls_out_');
    const lsp = out_ ? value(f, 'destination_lsp') : value(f, 'source_lsp');
    return finding({
      check: 'ovn-trace.port-security',
      severity: 'critical',
      title: `${c.what} from ${c.src} to ${c.dst} is dropped by port security of the ${out_ ? 'destination' : 'source'} port (${last.name})`,
      explanation: out_
        ? `The destination port's port_security does not list ${c.dstIp} (${where}): OVN only delivers to a port the addresses it owns.`
        : `The source port's port_security does not allow eth.src ${value(f, 'source_mac') ?? '?'} / ip ${value(f, 'source_ip') ?? '?'} (${where}): OVN drops anything the VM sends from another MAC or IP.`,
      evidence: [ev(out, pick)],
      likelyCause: "The VM uses an address that is not in the port's fixed IPs or allowed address pairs (a VIP, a second IP, a bridged guest).",
      nextStep: `openstack port show ${lsp ? shellQuote(lsp) : '<port>'} -c fixed_ips -c allowed_address_pairs -c mac_address${lsp ? `; ovn-nbctl lsp-get-port-security ${shellQuote(lsp)}` : ''}`,
    });
  }
  const why: Array<[RegExp, string, string, string]> = [
    [/l2_lkup|l2_unknown/, 'ovn-trace.unknown-mac', `the switch knows no port with destination MAC ${value(f, 'eth_dst') ?? '?'}`, 'The destination port was deleted or its MAC changed.'],
    [/ip_routing/, 'ovn-trace.no-route', `the router has no route to ${c.dstIp}`, 'The router has no interface on the destination network and no default route (external gateway).'],
    [/admission/, 'ovn-trace.router-mac', 'the router port does not accept the destination MAC', 'eth.dst is not the MAC of the router port on this network.'],
  ];
  const hit = why.find(([re]) => re.test(last.name));
  return finding({
    check: hit?.[1] ?? 'ovn-trace.dropped',
    severity: 'critical',
    title: `${c.what} from ${c.src} to ${c.dst} is dropped in ${last.name}`,
    explanation: `ovn-trace stops the packet in ${where}${hit ? `: ${hit[2]}` : ''}. Nothing is delivered.`,
    evidence: [ev(out, pick)],
    likelyCause: hit?.[3] ?? 'A logical flow in that stage drops the packet; the stage name says which feature (ACL, port security, routing, load balancing).',
    nextStep: `${flowFix}; ovn-sbctl lflow-list ${shellQuote(value(f, 'source_switch') ?? '')} | grep ${last.name}`,
  });
}

function verdict(c: Ctx): Finding {
  const { f, out } = c;
  const flow = headerLine(f, 'flow');
  const terminal = f.outputs.filter((o) => !TRANSIT.has(o.type));
  if (!terminal.length) return dropped(c);
  const dstName = value(f, 'destination_port_name');
  const dstLsp = value(f, 'destination_lsp');
  const srcName = value(f, 'source_port_name');
  const srcLsp = value(f, 'source_lsp');
  const is = (o: Output, name: string | undefined, lsp: string | undefined): boolean => (!!name && o.port === name) || (!!lsp && (o.port === lsp || (o.port.length >= 6 && lsp.startsWith(o.port))));
  const allowed = f.stages.filter((s) => isAclEval(s.name) && /@pg_/.test(s.match));
  const allowText = allowed.map((s) => {
    const pg = /@([A-Za-z0-9_.-]+)/.exec(s.match)?.[1] ?? '';
    const name = aclName(s);
    return `${name ? `ACL ${name}` : `rule \`${ruleText(aclMatch(s))}\``} of ${sgOf(f.portGroups.find((g) => g.name === pg), pg).label}`;
  });
  const allowLines = allowed.flatMap((s) => [s.line, ...s.actions.filter((a) => /log\(/.test(a.text))]);
  const toDst = terminal.find((o) => is(o, dstName, dstLsp));
  if (toDst) {
    return finding({
      check: 'ovn-trace.delivered',
      severity: 'ok',
      title: `${c.what} from ${c.src} to ${c.dst} is delivered`,
      explanation: `ovn-trace follows the packet to ${toDst.port}${allowText.length ? `; allowed by ${allowText.join(', then ')}` : ''}. OVN's logical flows let it through, so if the connection still fails look at the VM (firewall, service listening) or the chassis (ovn-controller, tunnels).`,
      evidence: [ev(out, [flow, ...allowLines, toDst.line])],
    });
  }
  const outside = terminal.filter((o) => ['localnet', 'external', 'vtep', 'l2gateway'].includes(o.type));
  if (outside.length && !terminal.some((o) => o.type === '')) {
    const o = outside[0] as Output;
    return finding({
      check: 'ovn-trace.leaves-ovn',
      severity: 'ok',
      title: `${c.what} from ${c.src} to ${c.dstIp} leaves OVN through ${o.port} (${o.type})`,
      explanation:
        `ovn-trace follows the packet out of the cloud through the ${o.type} port ${o.port}${allowText.length ? `, allowed by ${allowText.join(', then ')}` : ''}.` +
        (f.arpLine ? ' The router has no MAC binding for the next hop yet, so the trace shows the ARP request it sends first; whether the upstream gateway answers is outside OVN.' : '') +
        ' What happens beyond is the physical network.',
      evidence: [ev(out, [flow, ...allowLines, f.arpLine, o.line])],
    });
  }
  if (terminal.every((o) => is(o, srcName, srcLsp))) {
    return finding({
      check: f.rejectLine ? 'ovn-trace.rejected' : 'ovn-trace.bounced',
      severity: f.rejectLine ? 'critical' : 'warning',
      title: `${c.what} from ${c.src} to ${c.dst} is answered back to the source instead of delivered`,
      explanation: f.rejectLine ? 'An ACL with action reject turns the packet into a TCP reset / ICMP unreachable sent back to the source.' : 'OVN sends a reply back to the source port (an ICMP error such as TTL exceeded or unreachable, or the router answering itself) and nothing reaches the destination.',
      evidence: [ev(out, [flow, f.rejectLine, ...terminal.map((o) => o.line)])],
      likelyCause: f.rejectLine ? 'A reject ACL on one of the port groups.' : 'The destination IP is the router itself, or the router cannot forward it.',
      nextStep: `ovn-nbctl --type=port-group acl-list <port group>; ovn-nbctl lr-route-list <router>`,
    });
  }
  const other = terminal[0] as Output;
  return finding({
    check: 'ovn-trace.delivered-elsewhere',
    severity: 'warning',
    title: `${c.what} from ${c.src} to ${c.dstIp} ends at ${other.port}, not at ${dstName || dstLsp || 'the expected port'}`,
    explanation: `ovn-trace delivers the packet to ${terminal.map((o) => `${o.port} (type "${o.type}")`).join(', ')}. ${dstLsp ? `The port that owns ${c.dstIp} is ${dstName || dstLsp}.` : `No OVN port owns ${c.dstIp}.`}`,
    evidence: [ev(out, [flow, headerLine(f, 'destination_lsp'), ...terminal.map((o) => o.line)])],
    likelyCause: 'Two ports claim the same IP or MAC, or the destination IP belongs to another network than expected.',
    nextStep: `ovn-nbctl find Logical_Switch_Port 'addresses{>=}"…"'; openstack port list --fixed-ip ip-address=${shellQuote(c.dstIp)}`,
  });
}

function inputProblem(out: StepOutput, f: TraceFacts, error: Line): Finding {
  const src = value(f, 'source') ?? '';
  const srcLine = headerLine(f, 'source');
  const e = error.text.slice('error='.length);
  if (e.startsWith('source port not found')) {
    return finding({
      check: 'ovn-trace.source-not-found',
      severity: 'warning',
      title: `Source ${JSON.stringify(src)} is not a port in OVN`,
      explanation: 'No logical switch port in the OVN northbound database has this name or UUID, Neutron port name (neutron:port_name), instance UUID (neutron:device_id) or IP address, so nothing was traced.',
      evidence: [ev(out, [srcLine, error])],
      likelyCause: 'A typo or a VM name instead of its port or IP; if Neutron does list the port, Neutron and OVN are out of sync.',
      nextStep: `openstack port list --server <vm> (or --fixed-ip ip-address=<ip>); if Neutron has a port OVN lacks: neutron-ovn-db-sync-util --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini --ovn-neutron_sync_mode log`,
    });
  }
  if (e.startsWith('source is ambiguous')) {
    return finding({
      check: 'ovn-trace.source-ambiguous',
      severity: 'warning',
      title: `Source ${JSON.stringify(src)} matches several ports`,
      explanation: 'More than one port matches (the same IP on different tenant networks, or an instance with several ports); nothing was traced.',
      evidence: [ev(out, [srcLine, ...(f.header.get('source_candidate') ?? []), error])],
      likelyCause: 'Overlapping tenant IP ranges or a multi-homed instance.',
      nextStep: 'Run again with source= one of the port UUIDs listed.',
    });
  }
  if (e.includes('no router port')) {
    return finding({
      check: 'ovn-trace.no-path',
      severity: 'critical',
      title: `${value(f, 'destination_ip') ?? 'The destination'} is unreachable from ${value(f, 'source_port_name') || value(f, 'source_lsp') || src}: its network has no router`,
      explanation: `${e}. No port on the source network owns the destination IP and no router port exists to forward it.`,
      evidence: [ev(out, [srcLine, headerLine(f, 'source_switch'), headerLine(f, 'destination_ip'), error])],
      likelyCause: 'The subnet is not attached to a router, or the destination IP is wrong.',
      nextStep: `openstack router add subnet <router> <subnet>, or check the IP: openstack port list --fixed-ip ip-address=${shellQuote(value(f, 'destination_ip') ?? '')}`,
    });
  }
  return finding({
    check: e.startsWith('cannot read') ? 'ovn-trace.nb-unreachable' : 'ovn-trace.input',
    severity: 'warning',
    title: `The trace could not be set up: ${e}`,
    explanation: `The step stopped before running ovn-trace: ${e}.`,
    evidence: [ev(out, [headerLine(f, 'nb_db'), srcLine, error]), ...(out.stderr.trim() ? [evidence(out, lines(out.stderr).slice(-3))] : [])],
    likelyCause: e.startsWith('cannot read') ? 'The OVN northbound database does not answer from this node (raft without a leader, wrong remote, TLS).' : 'The parameters do not fit the port found.',
    nextStep: e.startsWith('cannot read') ? 'ovn-appctl -t ${OVN_RUNDIR:-/var/run/ovn}/ovnnb_db.ctl cluster/status OVN_Northbound' : 'Check the parameters against: openstack port show <port>',
  });
}

export const analyze: Analyzer = (input) => {
  const out = completed(input, STEP)[0];
  if (!out) return [skipped('ovn-trace.verdict', 'Packet trace not made', 'The trace step did not complete on any controller, so no verdict on the packet can be given.')];
  const f = parseTraceOutput(out.stdout);
  const error = headerLine(f, 'error');
  if (error) return [inputProblem(out, f, error)];
  if (!f.stages.length) {
    const tail = lines(allText(out)).filter((l) => l.trim()).slice(-4);
    return [
      finding({
        check: 'ovn-trace.failed',
        severity: 'warning',
        title: f.traceSection ? 'ovn-trace ran but printed no trace' : 'The trace step failed before ovn-trace ran',
        explanation: `Exit code ${out.exitCode ?? '?'}; the last lines say what went wrong. No verdict on the packet can be given.`,
        evidence: [evidence(out, tail)],
        likelyCause: 'ovn-nbctl/ovn-trace missing in the ovn-northd container, or the southbound database does not answer.',
        nextStep: 'ovn-sbctl --no-leader-only show; ovn-trace --help',
      }),
    ];
  }
  const proto = String(input.params.protocol ?? value(f, 'protocol') ?? 'tcp');
  const port = String(input.params.destination_port ?? value(f, 'destination_port') ?? '');
  const dstIp = value(f, 'destination_ip') ?? String(input.params.destination_ip ?? '');
  const c: Ctx = {
    out,
    f,
    what: proto === 'icmp' ? 'icmp echo' : `${proto}/${port}`,
    src: portLabel(value(f, 'source_port_name'), value(f, 'source_lsp'), value(f, 'source_ip')),
    dst: value(f, 'destination_lsp') ? portLabel(value(f, 'destination_port_name'), value(f, 'destination_lsp'), dstIp) : dstIp,
    dstIp,
  };
  const v = verdict(c);
  // A destination inside the source subnet that no port owns: the VM is gone or the IP is wrong.
  const onSubnet = (f.header.get('router_port') ?? []).find((l) => (/networks=(.*)$/.exec(l.text)?.[1] ?? '').split(/[ ,]+/).some((n) => n.includes('/') && inCidr(dstIp, n)));
  if (value(f, 'destination_lsp') || !onSubnet) return [v];
  const unknown = finding({
    check: 'ovn-trace.destination-unknown',
    severity: 'warning',
    title: `No port owns ${dstIp}, although it is on the network of ${c.src}`,
    explanation:
      `${dstIp} lies in the subnet of router port ${/^router_port=(\S+)/.exec(onSubnet.text)?.[1] ?? ''} on the source network, but no logical switch port has that address, ` +
      `so the packet goes to the router${f.arpLine ? ', which can only broadcast an ARP request for it that no OVN port answers' : ''}.`,
    evidence: [ev(out, [headerLine(f, 'destination_ip'), onSubnet, headerLine(f, 'path'), f.arpLine])],
    likelyCause: 'The destination VM or port was deleted, or the IP is mistyped.',
    nextStep: `openstack port list --fixed-ip ip-address=${shellQuote(dstIp)}`,
  });
  // The trace then only shows the ARP flood: that is this finding, not a delivery.
  return v.severity === 'critical' ? [v, unknown] : [unknown];
};
