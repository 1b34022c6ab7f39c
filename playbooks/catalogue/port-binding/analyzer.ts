/**
 * port-binding: instance ports Neutron could not bind. A server in ERROR whose fault says "Binding
 * failed for port …" (Nova unbinds the port when it gives up, so the fault is what names it), and
 * ports of instances that are not ACTIVE: binding_failed, unbound while their server is ACTIVE, or
 * DOWN on a bound host. Each is tied to its network's physical network and the bridge mappings
 * of every OVN chassis (other_config and external_ids: OVN 22.09+ writes the first, older Neutron
 * reads the second). ACTIVE servers on a Nova host with no chassis of that hostname are said too.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { parseChassis, parsePorts, sameHost, whyFailed, type Chassis, type NetworkShown, type PortShown, type PortsFacts, type Server } from './parse.js';

const PORTS = 'ports';
const CHASSIS = 'chassis';

const firstLine = (text: string): string => lines(text).find((l) => l.trim()) ?? '';

function listFailure(out: StepOutput | undefined, any: StepOutput | undefined, facts: PortsFacts | null): Finding {
  const title = say('port-binding.list.skipped.title');
  if (!out) {
    const why = any ? say('port-binding.step.incomplete', { why: any.error ?? any.state }) : say('port-binding.step.not-run');
    const t = texts({ title, explanation: say('port-binding.list.not-run.explanation', { why }) });
    return { ...skipped('port-binding.list', t.title, t.explanation), text: t.text };
  }
  // The error text: the section that failed, else whatever the step printed.
  const text = facts?.failed ? [facts.failed.body, out.stderr].filter(Boolean).join('\n') : allText(out);
  const line = firstLine(text);
  const why = whyFailed(text);
  if (why === 'not-here') {
    return finding({
      check: 'port-binding.not-here',
      severity: 'info',
      ...texts({ title: say('port-binding.not-here.title'), explanation: say('port-binding.not-here.explanation', { node: out.node }) }),
      evidence: line ? [evidence(out, [line])] : [],
    });
  }
  const t = texts({
    title,
    explanation: say('port-binding.list.failed.explanation', { node: out.node, line: line || say('port-binding.exit-code', { code: out.exitCode ?? '?' }) }),
    ...(why !== 'other' ? { likelyCause: say(`port-binding.list.cause.${why}`) } : {}),
    nextStep: say('port-binding.list.next'),
  });
  const f = skipped('port-binding.list', t.title, t.explanation, line ? [evidence(out, [line])] : []);
  return { ...f, likelyCause: t.likelyCause, nextStep: t.nextStep, text: t.text };
}

interface Ctx {
  facts: PortsFacts;
  out: StepOutput;
  chassis: Chassis[] | null;
  chassisOut: StepOutput | undefined;
}

const mappingList = (cs: Chassis[]): string => cs.map((c) => `${c.hostname || c.name}: ${c.mappings || '-'}`).join('; ');

/** What the port's network says about where it can be bound, with its evidence. */
function networkWhy(ctx: Ctx, net: NetworkShown | undefined): { net: string; where: FindingMessage; cause: FindingMessage; next: FindingMessage; ev: Evidence[] } {
  const netName = net ? net.name || net.id : '?';
  if (!net) return { net: netName, where: say('port-binding.net.unknown'), cause: say('port-binding.cause.unknown'), next: say('port-binding.next.log'), ev: [] };
  const netEv = [evidence(ctx.out, net.lines)];
  if (!net.physnet) {
    return { net: netName, where: say('port-binding.net.overlay', { net: netName, type: net.type || '?' }), cause: say('port-binding.cause.overlay'), next: say('port-binding.next.log'), ev: netEv };
  }
  if (!ctx.chassis || !ctx.chassisOut) {
    return { net: netName, where: say('port-binding.net.physnet.unread', { net: netName, type: net.type || '?', physnet: net.physnet }), cause: say('port-binding.cause.physnet.unread', { physnet: net.physnet }), next: say('port-binding.next.mappings', { physnet: net.physnet }), ev: netEv };
  }
  const mapping = ctx.chassis.filter((c) => c.physnets.includes(net.physnet));
  const chassisEv = evidence(ctx.chassisOut, ctx.chassis.flatMap((c) => c.lines).slice(0, 12));
  if (mapping.length === 0) {
    return {
      net: netName,
      where: say('port-binding.net.physnet.none', { net: netName, type: net.type || '?', physnet: net.physnet, mappings: mappingList(ctx.chassis) || say('port-binding.none') }),
      cause: say('port-binding.cause.physnet.none', { physnet: net.physnet, net: netName }),
      next: say('port-binding.next.mappings', { physnet: net.physnet }),
      ev: [...netEv, chassisEv],
    };
  }
  return {
    net: netName,
    where: say('port-binding.net.physnet.some', { net: netName, type: net.type || '?', physnet: net.physnet, hosts: mapping.map((c) => c.hostname || c.name).join(', ') }),
    cause: say('port-binding.cause.physnet.some', { physnet: net.physnet }),
    next: say('port-binding.next.log'),
    ev: [...netEv, chassisEv],
  };
}

function bindingFindings(ctx: Ctx): Finding[] {
  const found: Finding[] = [];
  const { facts, out } = ctx;
  const said = new Set<string>();
  // Servers Nova gave up on: their fault names the port.
  for (const s of facts.serverShows) {
    if (!s.faultPort) continue;
    const port = facts.portShows.get(s.faultPort);
    const why = networkWhy(ctx, port ? facts.networks.get(port.networkId) : undefined);
    said.add(s.faultPort);
    found.push(
      finding({
        check: 'port-binding.binding-failed',
        severity: 'critical',
        ...texts({
          title: say('port-binding.server-error.title', { server: s.name || s.id, port: port?.name || s.faultPort, net: why.net }),
          explanation: say('port-binding.server-error.explanation', { server: s.name || s.id, fault: s.fault, port: port?.name ? `${port.name} (${s.faultPort})` : s.faultPort, where: why.where }),
          likelyCause: why.cause,
          nextStep: say('port-binding.server-error.next', { fix: why.next, port: s.faultPort }),
        }),
        evidence: [evidence(out, s.lines), ...(port ? [evidence(out, port.lines)] : []), ...why.ev],
      }),
    );
  }
  const serverOf = (p: PortShown): Server | undefined => (p.deviceId ? facts.servers.find((s) => s.id === p.deviceId) : undefined);
  for (const p of facts.portShows.values()) {
    if (said.has(p.id)) continue;
    const server = serverOf(p);
    const active = server?.status === 'ACTIVE';
    const who = { port: p.name || p.id, server: server ? server.name || server.id : p.deviceId || '?', host: p.hostId || server?.host || '?' };
    if (p.vifType === 'binding_failed') {
      const why = networkWhy(ctx, facts.networks.get(p.networkId));
      found.push(
        finding({
          check: 'port-binding.binding-failed',
          severity: 'critical',
          ...texts({
            title: say('port-binding.failed.title', { ...who, net: why.net }),
            explanation: say('port-binding.failed.explanation', { ...who, where: why.where, active: active ? say('port-binding.active') : '' }),
            likelyCause: why.cause,
            nextStep: say('port-binding.failed.next', { fix: why.next, port: p.id }),
          }),
          evidence: [evidence(out, p.lines), ...(server ? [evidence(out, server.lines)] : []), ...why.ev],
        }),
      );
    } else if ((p.vifType === 'unbound' || !p.hostId) && active) {
      found.push(
        finding({
          check: 'port-binding.unbound',
          severity: 'critical',
          ...texts({
            title: say('port-binding.unbound.title', who),
            explanation: say('port-binding.unbound.explanation', { ...who, host: server?.host || '?' }),
            likelyCause: say('port-binding.unbound.cause'),
            nextStep: say('port-binding.unbound.next', { port: p.id, host: server?.host || '<host>' }),
          }),
          evidence: [evidence(out, p.lines), ...(server ? [evidence(out, server.lines)] : [])],
        }),
      );
    } else if (p.status === 'DOWN' && active) {
      found.push(
        finding({
          check: 'port-binding.port-down',
          severity: 'warning',
          ...texts({
            title: say('port-binding.down.title', who),
            explanation: say('port-binding.down.explanation', who),
            likelyCause: say('port-binding.down.cause', { host: who.host }),
            nextStep: say('port-binding.down.next', { host: who.host, port: p.id }),
          }),
          evidence: [evidence(out, p.lines), ...(server ? [evidence(out, server.lines)] : [])],
        }),
      );
    }
  }
  return found;
}

/** ACTIVE servers whose Nova host has no OVN chassis of that hostname: no port can be (re)bound there. */
function hostFindings(ctx: Ctx): Finding[] {
  const { chassis, chassisOut, facts, out } = ctx;
  if (!chassis || !chassisOut || chassis.length === 0) return [];
  const byHost = new Map<string, Server[]>();
  for (const s of facts.servers) if (s.status === 'ACTIVE' && s.host) byHost.set(s.host, [...(byHost.get(s.host) ?? []), s]);
  const found: Finding[] = [];
  for (const [host, servers] of byHost) {
    if (chassis.some((c) => sameHost(host, c.hostname || c.name))) continue;
    found.push(
      finding({
        check: 'port-binding.host-without-chassis',
        severity: 'warning',
        ...texts({
          title: say('port-binding.no-chassis.title', { host, count: servers.length }),
          explanation: say('port-binding.no-chassis.explanation', { host, servers: servers.map((s) => s.name || s.id).join(', '), chassis: chassis.map((c) => c.hostname || c.name).join(', ') }),
          likelyCause: say('port-binding.no-chassis.cause', { host }),
          nextStep: say('port-binding.no-chassis.next', { host }),
        }),
        evidence: [evidence(out, servers.flatMap((s) => s.lines.filter((l) => /"(Name|Host)"/.test(l))).slice(0, 10)), evidence(chassisOut, chassis.flatMap((c) => c.lines.filter((l) => /^(name|hostname)\s*:/.test(l))))],
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const out = outputsOf(input, PORTS).find((o) => o.state === 'succeeded' || o.state === 'failed');
  const facts = out ? parsePorts(out.stdout) : null;
  if (!out || !facts || out.state !== 'succeeded' || facts.failed || !lines(out.stdout).includes('== port list')) return [listFailure(out, outputsOf(input, PORTS)[0], facts)];
  const chassisOut = outputsOf(input, CHASSIS).find((o) => o.state === 'succeeded');
  const chassis = chassisOut ? parseChassis(chassisOut.stdout) : null;
  const ctx: Ctx = { facts, out, chassis, chassisOut };
  const found = [...bindingFindings(ctx), ...hostFindings(ctx)];
  if (!chassis) {
    const c = outputsOf(input, CHASSIS)[0];
    const line = c ? firstLine(allText(c)) : '';
    const t = texts({ title: say('port-binding.chassis.skipped.title'), explanation: say('port-binding.chassis.skipped.explanation', { why: line || (c ? c.error ?? c.state : say('port-binding.step.not-run')) }) });
    found.push({ ...skipped('port-binding.chassis', t.title, t.explanation, c && line ? [evidence(c, [line])] : []), text: t.text });
  }
  if (!found.some((f) => f.severity === 'critical' || f.severity === 'warning')) {
    const active = facts.ports.filter((p) => p.status === 'ACTIVE').length;
    const servers = facts.servers.filter((s) => s.status === 'ACTIVE').length;
    found.push(
      finding({
        check: 'port-binding.ports',
        severity: 'ok',
        ...texts({
          title: say('port-binding.ok.title', { active, count: facts.ports.length }),
          explanation: say(chassis ? 'port-binding.ok.explanation' : 'port-binding.ok.explanation.no-chassis', { active, count: facts.ports.length, servers, chassis: chassis?.length ?? 0 }),
        }),
        evidence: [evidence(out, facts.servers.flatMap((s) => s.lines.filter((l) => /"(Status|Host)"/.test(l))).slice(0, 20))].filter((e) => e.lines.length > 0),
      }),
    );
  }
  return found;
};
