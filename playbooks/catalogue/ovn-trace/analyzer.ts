/**
 * ovn-trace: did OVN deliver the simulated packet, and if not, where and why was it dropped?
 * A drop by Neutron's default `neutron_pg_drop` ACL means no security group rule allows the
 * packet; the port groups of the two ports (`pg_<security group id>`) name the groups to fix.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, skipped } from '../../engine/analyze-kit.js';
import { shellQuote } from '../../engine/shell.js';
import type { Analyzer, Finding, StepOutput } from '../../engine/types.js';
import { dropsHere, headerLine, inCidr, isAclEval, parseNeutronNames, parseTraceOutput, value, type Acl, type Line, type NeutronNames, type Output, type PortGroup, type Stage, type TraceFacts } from './parse.js';

const STEP = 'trace';
/** Neutron's names for the groups and rules (real Neutron ACLs carry none): `openstack security group (rule) list`. */
const NAMES_STEP = 'security-groups';
/** A message of this analyzer's table (main/shared/finding-texts/ovn-trace.ts). */
const m = (id: string, params?: FindingMessage['params']): FindingMessage => say(`ovn-trace.${id}`, params);
/** Messages joined by `sep` and a space: the renderer joins a list with a space, so each item but the last carries the separator. */
const joined = (items: FindingMessage[], sep: string): FindingMessage[] => items.map((x, i) => (i < items.length - 1 ? m('list.sep', { item: x, sep }) : x));
const thenJoined = (items: FindingMessage[]): FindingMessage[] => items.map((x, i) => (i < items.length - 1 ? m('list.then', { item: x }) : x));
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
  /** Neutron's names, when the API answered (else the ids stand). */
  names: NeutronNames | null;
  namesOut: StepOutput | undefined;
}

const portLabel = (name: string | undefined, lsp: string | undefined, ip: string | undefined): string => `${name || lsp || '?'}${ip ? ` (${ip})` : ''}`;

/** `label` names the group with its id (explanations); `short` by name alone when it has one (titles: names first, UUIDs in the body). */
function sgOf(c: Ctx, pg: PortGroup | undefined, pgName: string): { id: string; label: FindingMessage; short: FindingMessage } {
  const id = pg?.externalIds['neutron:security_group_id'] ?? (pgName.startsWith('pg_') ? pgName.slice(3).replace(/_/g, '-') : '');
  // Neutron writes only the group id on its port groups; the name comes from Neutron's API.
  const name = pg?.externalIds['neutron:security_group_name'] ?? c.names?.groups.get(id)?.name;
  const label = id ? (name ? m('sg.named', { name, id }) : m('sg.id', { id })) : m('pg', { pg: pgName });
  return { id, label, short: name ? m('sg.short', { name }) : label };
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

function aclName(c: Ctx, s: Stage): string | null {
  for (const a of s.actions) {
    const m = /log\(name="([^"]*)"/.exec(a.text) ?? /ACL name=([^,]+),/.exec(a.text);
    if (m) return m[1] as string;
  }
  const rule = aclOf(c, s);
  return rule ? ruleLabel(c, rule) : null;
}

/** The ACL (from the port groups' lists) a stage evaluated: same direction and match. */
function aclOf(c: Ctx, s: Stage): Acl | undefined {
  const direction = s.name.startsWith('ls_out_') ? 'to-lport' : 'from-lport';
  const match = aclMatch(s);
  return c.f.portGroups.flatMap((g) => g.acls).find((a) => a.direction === direction && a.match === match);
}

/** An ACL's name, or for Neutron's unnamed ACLs its security group rule: `rule <id> (ingress tcp 22:22 from 0.0.0.0/0)`. */
function ruleLabel(c: Ctx, a: Acl): string | null {
  if (a.name) return a.name;
  if (!a.ruleId) return null;
  const r = c.names?.rules.get(a.ruleId);
  const what = r ? [r.direction, r.protocol ?? 'any', r.portRange, r.remoteGroup ? `from group ${c.names?.groups.get(r.remoteGroup)?.name ?? r.remoteGroup}` : r.ipRange ? `from ${r.ipRange}` : ''].filter(Boolean).join(' ') : '';
  return `rule ${a.ruleId}${what ? ` (${what})` : ''}`;
}

/** Evidence from the names step: the lines naming these groups and rules. */
function nameLines(c: Ctx, groupIds: string[], ruleIds: string[]): ReturnType<typeof evidence>[] {
  if (!c.names || !c.namesOut) return [];
  const picked = [...groupIds.map((id) => c.names?.groups.get(id)?.line), ...ruleIds.map((id) => c.names?.rules.get(id)?.line)].filter((l): l is Line => !!l);
  const byIndex = new Map(picked.map((l) => [l.index, l]));
  const out = [...byIndex.values()].sort((a, b) => a.index - b.index).flatMap((l) => {
    // The "ID" line and, for a group, its "Name" line right after it.
    const all = lines(c.namesOut?.stdout ?? '');
    const next = all[l.index + 1];
    return next !== undefined && /^\s*"Name": /.test(next) ? [l.text, next] : [l.text];
  });
  return out.length ? [evidence(c.namesOut, out)] : [];
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
  const where = m('where', { stage: end.name, table: end.table });
  const packet = { what: c.what, src: c.src, dst: c.dst };
  if (acl) {
    const pgName = /@([A-Za-z0-9_.-]+)/.exec(acl.match)?.[1] ?? '';
    const name = aclName(c, acl);
    const toPort = acl.name.startsWith('ls_out_');
    const port = (toPort ? value(f, 'destination_port_name') || value(f, 'destination_lsp') : value(f, 'source_port_name') || value(f, 'source_lsp')) || pipelinePort(acl, toPort ? 'outport' : 'inport');
    const role = toPort ? 'destination' : 'source';
    const portText = port ?? m(`port.${role}`);
    const dir = toPort ? 'ingress' : 'egress';
    const groups = f.portGroups.filter((g) => g.members.includes(role) && g.name !== 'neutron_pg_drop');
    const rules = groups.flatMap((g) => g.acls.filter((a) => a.direction === (toPort ? 'to-lport' : 'from-lport')));
    const described = groups.map((g) => {
      const own = g.acls.filter((a) => a.direction === (toPort ? 'to-lport' : 'from-lport'));
      return m('sg-rules', { group: sgOf(c, g, g.name).label, rules: own.length ? own.map((a) => `${ruleText(a.match)}${a.name ? ` [${a.name}]` : a.ruleId ? ` [rule ${a.ruleId}]` : ''}`).join('; ') : m('sg-rules.none', { dir }) });
    });
    pick.push(...groups.map((g) => g.line), ...rules.map((a) => a.line));
    const sgIds = groups.map((g) => sgOf(c, g, g.name).id).filter(Boolean);
    const named = nameLines(c, sgIds, rules.map((a) => a.ruleId).filter((x): x is string => !!x));
    const portRef = (toPort ? value(f, 'destination_lsp') : value(f, 'source_lsp')) ?? port;
    const portWord = portRef ? shellQuote(portRef) : '<port>';
    const sgNames = groups.map((g) => sgOf(c, g, g.name).short);
    if (pgName === 'neutron_pg_drop') {
      const srcIp = value(f, 'source_ip');
      const said = {
        where,
        match: aclMatch(acl),
        name: name ? ` (${name})` : '',
        dir,
        port: portText,
        what: c.what,
        peer: toPort ? (srcIp !== undefined ? m('peer.from', { ip: srcIp }) : m('peer.from-source')) : m('peer.to', { ip: c.dstIp }),
        rules: groups.length ? m('security-group-drop.rules', { dir, groups: joined(described, ' |') }) : f.sgSection ? m('security-group-drop.no-groups', { dir }) : m('security-group-drop.unlisted'),
      };
      const sgId = sgIds[0] ?? '';
      return finding({
        check: 'ovn-trace.security-group-drop',
        severity: 'critical',
        ...texts({
          title: m('security-group-drop.title', { ...packet, dir, in: sgNames.length ? m('security-group-drop.in', { groups: joined(sgNames, ',') }) : '', port: portText }),
          explanation: acl === end ? m('security-group-drop.explanation.at', said) : m('security-group-drop.explanation.matched', { ...said, acl: acl.name, aclTable: acl.table }),
          likelyCause: m('security-group-drop.cause', { dir, what: c.what }),
          nextStep: sgIds.length
            ? m('security-group-drop.next', { dir, sg: sgId, what: c.what, proto: c.what.startsWith('icmp') ? '--protocol icmp' : `--protocol ${c.what.split('/')[0]} --dst-port ${c.what.split('/')[1]}` })
            : m('security-group-drop.next.port', { port: portWord, dir }),
        }),
        evidence: [ev(out, pick), ...named],
      });
    }
    const sg = sgOf(c, f.portGroups.find((g) => g.name === pgName), pgName);
    return finding({
      check: 'ovn-trace.acl-drop',
      severity: 'critical',
      ...texts({
        title: m('acl-drop.title', { ...packet, acl: name ?? `\`${aclMatch(acl)}\``, sg: sg.short }),
        explanation: m('acl-drop.explanation', { where, match: aclMatch(acl), named: name ? m('acl-drop.named', { name }) : '', sg: sg.label, port: portText, dir }),
        likelyCause: m('acl-drop.cause'),
        nextStep: m('acl-drop.next', { pg: shellQuote(pgName) }),
      }),
      evidence: [ev(out, pick)],
    });
  }
  const flowFix = `ovn-trace ${shellQuote(value(f, 'source_switch') ?? '')} ${shellQuote(value(f, 'flow') ?? '')}`;
  if (/port_sec/.test(last.name)) {
    const out_ = last.name.startsWith('ls_out_');
    const lsp = out_ ? value(f, 'destination_lsp') : value(f, 'source_lsp');
    return finding({
      check: 'ovn-trace.port-security',
      severity: 'critical',
      ...texts({
        title: m(out_ ? 'port-security.title.destination' : 'port-security.title.source', { ...packet, stage: last.name }),
        explanation: out_
          ? m('port-security.explanation.destination', { ip: c.dstIp, where })
          : m('port-security.explanation.source', { mac: value(f, 'source_mac') ?? '?', ip: value(f, 'source_ip') ?? '?', where }),
        likelyCause: m('port-security.cause'),
        nextStep: m('port-security.next', { port: lsp ? shellQuote(lsp) : '<port>', more: lsp ? `; ovn-nbctl lsp-get-port-security ${shellQuote(lsp)}` : '' }),
      }),
      evidence: [ev(out, pick)],
    });
  }
  // The stage names the reason: [stage, check and message suffix, the reason's parameters].
  const why: Array<[RegExp, string, FindingMessage['params']]> = [
    [/l2_lkup|l2_unknown/, 'unknown-mac', { mac: value(f, 'eth_dst') ?? '?' }],
    [/ip_routing/, 'no-route', { ip: c.dstIp }],
    [/admission/, 'router-mac', {}],
  ];
  const hit = why.find(([re]) => re.test(last.name));
  return finding({
    check: hit ? `ovn-trace.${hit[1]}` : 'ovn-trace.dropped',
    severity: 'critical',
    ...texts({
      title: m('dropped.title', { ...packet, stage: last.name }),
      explanation: hit ? m('dropped.explanation.why', { where, reason: m(`dropped.reason.${hit[1]}`, hit[2]) }) : m('dropped.explanation', { where }),
      likelyCause: m(hit ? `dropped.cause.${hit[1]}` : 'dropped.cause'),
      nextStep: m('dropped.next', { fix: flowFix, switch: shellQuote(value(f, 'source_switch') ?? ''), stage: last.name }),
    }),
    evidence: [ev(out, pick)],
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
    const acl = aclOf(c, s);
    const sg = sgOf(c, f.portGroups.find((g) => g.name === pg), pg).label;
    if (acl && !acl.name && acl.ruleId) return m('allowed.neutron-rule', { id: acl.ruleId, rule: ruleText(aclMatch(s)), sg });
    const name = aclName(c, s);
    return name ? m('allowed.acl', { name, sg }) : m('allowed.rule', { rule: ruleText(aclMatch(s)), sg });
  });
  const allowedAcls = allowed.map((s) => aclOf(c, s)).filter((a): a is Acl => !!a);
  const allowLines = [...allowed.flatMap((s) => [s.line, ...s.actions.filter((a) => /log\(/.test(a.text))]), ...allowedAcls.map((a) => a.ruleLine)];
  const allowGroups = allowed.map((s) => sgOf(c, undefined, /@([A-Za-z0-9_.-]+)/.exec(s.match)?.[1] ?? '').id).filter(Boolean);
  const named = nameLines(c, allowGroups, allowedAcls.map((a) => a.ruleId).filter((x): x is string => !!x));
  const packet = { what: c.what, src: c.src, dst: c.dst };
  const toDst = terminal.find((o) => is(o, dstName, dstLsp));
  if (toDst) {
    return finding({
      check: 'ovn-trace.delivered',
      severity: 'ok',
      ...texts({
        title: m('delivered.title', packet),
        explanation: m('delivered.explanation', { port: toDst.port, allowed: allowText.length ? m('delivered.allowed', { list: thenJoined(allowText) }) : '' }),
      }),
      evidence: [ev(out, [flow, ...allowLines, toDst.line]), ...named],
    });
  }
  const outside = terminal.filter((o) => ['localnet', 'external', 'vtep', 'l2gateway'].includes(o.type));
  if (outside.length && !terminal.some((o) => o.type === '')) {
    const o = outside[0] as Output;
    return finding({
      check: 'ovn-trace.leaves-ovn',
      severity: 'ok',
      ...texts({
        title: m('leaves-ovn.title', { what: c.what, src: c.src, ip: c.dstIp, port: o.port, type: o.type }),
        explanation: m('leaves-ovn.explanation', {
          type: o.type,
          port: o.port,
          allowed: allowText.length ? m('leaves-ovn.allowed', { list: thenJoined(allowText) }) : '',
          arp: f.arpLine ? m('leaves-ovn.arp') : '',
        }),
      }),
      evidence: [ev(out, [flow, ...allowLines, f.arpLine, o.line]), ...named],
    });
  }
  if (terminal.every((o) => is(o, srcName, srcLsp))) {
    const kind = f.rejectLine ? 'rejected' : 'bounced';
    return finding({
      check: `ovn-trace.${kind}`,
      severity: f.rejectLine ? 'critical' : 'warning',
      ...texts({ title: m('answered.title', packet), explanation: m(`${kind}.explanation`), likelyCause: m(`${kind}.cause`), nextStep: m('answered.next') }),
      evidence: [ev(out, [flow, f.rejectLine, ...terminal.map((o) => o.line)])],
    });
  }
  const other = terminal[0] as Output;
  return finding({
    check: 'ovn-trace.delivered-elsewhere',
    severity: 'warning',
    ...texts({
      title: m('delivered-elsewhere.title', { what: c.what, src: c.src, ip: c.dstIp, port: other.port, expected: dstName || dstLsp || m('delivered-elsewhere.expected') }),
      explanation: m('delivered-elsewhere.explanation', {
        // `type` is the OVN port type, quoted as ovn-trace prints it.
        outputs: terminal.map((o) => `${o.port} (type "${o.type}")`).join(', '),
        owner: dstLsp ? m('delivered-elsewhere.owner', { ip: c.dstIp, port: dstName || dstLsp }) : m('delivered-elsewhere.owner.none', { ip: c.dstIp }),
      }),
      likelyCause: m('delivered-elsewhere.cause'),
      nextStep: m('delivered-elsewhere.next', { ip: shellQuote(c.dstIp) }),
    }),
    evidence: [ev(out, [flow, headerLine(f, 'destination_lsp'), ...terminal.map((o) => o.line)])],
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
      ...texts({
        title: m('source-not-found.title', { src: JSON.stringify(src) }),
        explanation: m('source-not-found.explanation'),
        likelyCause: m('source-not-found.cause'),
        nextStep: m('source-not-found.next'),
      }),
      evidence: [ev(out, [srcLine, error])],
    });
  }
  if (e.startsWith('source is ambiguous')) {
    return finding({
      check: 'ovn-trace.source-ambiguous',
      severity: 'warning',
      ...texts({
        title: m('source-ambiguous.title', { src: JSON.stringify(src) }),
        explanation: m('source-ambiguous.explanation'),
        likelyCause: m('source-ambiguous.cause'),
        nextStep: m('source-ambiguous.next'),
      }),
      evidence: [ev(out, [srcLine, ...(f.header.get('source_candidate') ?? []), error])],
    });
  }
  if (e.includes('no router port')) {
    return finding({
      check: 'ovn-trace.no-path',
      severity: 'critical',
      ...texts({
        title: m('no-path.title', { dst: value(f, 'destination_ip') ?? m('no-path.destination'), src: value(f, 'source_port_name') || value(f, 'source_lsp') || src }),
        explanation: m('no-path.explanation', { error: e }),
        likelyCause: m('no-path.cause'),
        nextStep: m('no-path.next', { ip: shellQuote(value(f, 'destination_ip') ?? '') }),
      }),
      evidence: [ev(out, [srcLine, headerLine(f, 'source_switch'), headerLine(f, 'destination_ip'), error])],
    });
  }
  const nb = e.startsWith('cannot read');
  return finding({
    check: nb ? 'ovn-trace.nb-unreachable' : 'ovn-trace.input',
    severity: 'warning',
    ...texts({
      title: m('input.title', { error: e }),
      explanation: m('input.explanation', { error: e }),
      likelyCause: m(nb ? 'input.cause.nb' : 'input.cause'),
      nextStep: m(nb ? 'input.next.nb' : 'input.next'),
    }),
    evidence: [ev(out, [headerLine(f, 'nb_db'), srcLine, error]), ...(out.stderr.trim() ? [evidence(out, lines(out.stderr).slice(-3))] : [])],
  });
}

export const analyze: Analyzer = (input) => {
  const out = completed(input, STEP)[0];
  if (!out) {
    const t = texts({ title: m('verdict.skipped.title'), explanation: m('verdict.skipped.reason') });
    return [{ ...skipped('ovn-trace.verdict', t.title, t.explanation), text: t.text }];
  }
  const f = parseTraceOutput(out.stdout);
  const error = headerLine(f, 'error');
  if (error) return [inputProblem(out, f, error)];
  if (!f.stages.length) {
    const tail = lines(allText(out)).filter((l) => l.trim()).slice(-4);
    return [
      finding({
        check: 'ovn-trace.failed',
        severity: 'warning',
        ...texts({
          title: m(f.traceSection ? 'failed.title.empty' : 'failed.title.before'),
          explanation: m('failed.explanation', { exit: out.exitCode ?? '?' }),
          likelyCause: m('failed.cause'),
          nextStep: m('failed.next'),
        }),
        evidence: [evidence(out, tail)],
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
    names: null,
    namesOut: undefined,
  };
  // Neutron's names where its API answered; a failed or absent step leaves the ids (never a finding of its own).
  const namesOut = completed(input, NAMES_STEP).find((o) => o.exitCode === 0);
  if (namesOut) {
    c.names = parseNeutronNames(namesOut.stdout);
    c.namesOut = c.names ? namesOut : undefined;
  }
  const v = verdict(c);
  // A destination inside the source subnet that no port owns: the VM is gone or the IP is wrong.
  const onSubnet = (f.header.get('router_port') ?? []).find((l) => (/networks=(.*)$/.exec(l.text)?.[1] ?? '').split(/[ ,]+/).some((n) => n.includes('/') && inCidr(dstIp, n)));
  if (value(f, 'destination_lsp') || !onSubnet) return [v];
  const unknown = finding({
    check: 'ovn-trace.destination-unknown',
    severity: 'warning',
    ...texts({
      title: m('destination-unknown.title', { ip: dstIp, src: c.src }),
      explanation: m('destination-unknown.explanation', { ip: dstIp, routerPort: /^router_port=(\S+)/.exec(onSubnet.text)?.[1] ?? '', arp: f.arpLine ? m('destination-unknown.arp') : '' }),
      likelyCause: m('destination-unknown.cause'),
      nextStep: m('destination-unknown.next', { ip: shellQuote(dstIp) }),
    }),
    evidence: [ev(out, [headerLine(f, 'destination_ip'), onSubnet, headerLine(f, 'path'), f.arpLine])],
  });
  // The trace then only shows the ARP flood: that is this finding, not a delivery.
  return v.severity === 'critical' ? [v, unknown] : [unknown];
};
