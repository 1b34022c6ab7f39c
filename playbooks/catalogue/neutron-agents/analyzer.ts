/**
 * neutron-agents: Neutron agents that are not alive or are disabled (`openstack network agent
 * list`, once, on one controller), with the tail of the OVN metadata agent's log on the compute
 * whose agent is down; a compute with a metadata agent but no ovn-controller agent has lost its
 * chassis. A cloud without Neutron in its catalog is an info fact, never ok and never a problem.
 *
 * ML2/OVN decides liveness when someone lists the agents (it bumps NB_Global.nb_cfg and compares
 * each chassis' answer, agent_down_time apart): an agent stopped a moment ago may still be listed
 * alive, which is why a down finding quotes the agent's own log beside the list.
 */
import type { Deployment, FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, StepOutput } from '../../engine/types.js';
import { chassisGone, isDataPlane, isEmptyLog, isMetadata, isOvnController, logTail, parseAgents, sameHost, whyFailed, type Agent } from './parse.js';

const LIST = 'agents';
const LOG = 'metadata-log';

const firstLine = (o: StepOutput): string => lines(allText(o)).find((l) => l.trim()) ?? '';

/** How an operator sees the metadata agent's process on each flavour (commands are not translated). */
function statusCommand(deployment: Deployment, host: string): string {
  if (deployment === 'kolla') return `ssh ${host} docker ps -a --filter name=neutron_ovn_metadata_agent; tail -n 50 /var/log/kolla/neutron/neutron-ovn-metadata-agent.log`;
  if (deployment === 'openstack-helm') return `kubectl -n openstack get pods -o wide -l application=neutron,component=ovn-metadata-agent --field-selector spec.nodeName=${host}; kubectl -n openstack logs <that pod> --tail 50`;
  return `ssh ${host} systemctl status neutron-ovn-metadata-agent; journalctl -u neutron-ovn-metadata-agent -n 50`;
}

function listFailure(out: StepOutput | undefined, any: StepOutput | undefined): Finding {
  const title = say('neutron-agents.list.skipped.title');
  if (!out) {
    const why = any ? say('neutron-agents.step.incomplete', { why: any.error ?? any.state }) : say('neutron-agents.step.not-run');
    const t = texts({ title, explanation: say('neutron-agents.list.not-run.explanation', { why }) });
    return { ...skipped('neutron.agent-list', t.title, t.explanation), text: t.text };
  }
  const line = firstLine(out);
  const why = whyFailed(allText(out));
  if (why === 'no-neutron') {
    // A fact read from the cloud (no Networking API in its catalog), not a check that failed.
    return finding({
      check: 'neutron.not-here',
      severity: 'info',
      ...texts({ title: say('neutron-agents.not-here.title'), explanation: say('neutron-agents.not-here.explanation', { node: out.node }) }),
      evidence: line ? [evidence(out, [line])] : [],
    });
  }
  const t = texts({
    title,
    explanation: say('neutron-agents.list.failed.explanation', { node: out.node, line: line || say('neutron-agents.exit-code', { code: out.exitCode ?? '?' }) }),
    ...(why !== 'other' ? { likelyCause: say(`neutron-agents.list.cause.${why}`) } : {}),
    nextStep: say('neutron-agents.list.next'),
  });
  const f = skipped('neutron.agent-list', t.title, t.explanation, line ? [evidence(out, [line])] : []);
  return { ...f, likelyCause: t.likelyCause, nextStep: t.nextStep, text: t.text };
}

/** The metadata agent log of a host: quoted lines, or why there are none. */
function logOf(host: string, logs: StepOutput[]): { why: FindingMessage; ev: Evidence[]; chassisGone: boolean } {
  const out = logs.find((o) => sameHost(host, o.node));
  if (!out) return { why: say('neutron-agents.log.none'), ev: [], chassisGone: false };
  if (out.state !== 'succeeded' && out.state !== 'failed') return { why: say('neutron-agents.log.unread', { why: out.error ?? out.state }), ev: [], chassisGone: false };
  if (isEmptyLog(out.stdout, out.stderr)) return { why: say('neutron-agents.log.empty'), ev: [], chassisGone: false };
  const gone = chassisGone(out.stdout);
  if (gone.length) return { why: say('neutron-agents.log.chassis-gone', { node: out.node }), ev: [evidence(out, gone.slice(-2))], chassisGone: true };
  return { why: say('neutron-agents.log.quoted', { node: out.node }), ev: [evidence(out, logTail(out.stdout))], chassisGone: false };
}

const kindOf = (a: Agent): 'metadata' | 'controller' | 'other' => (isMetadata(a) ? 'metadata' : isOvnController(a) ? 'controller' : 'other');

function agentFindings(agents: Agent[], out: StepOutput, logs: StepOutput[], deployment: Deployment): Finding[] {
  const found: Finding[] = [];
  for (const a of agents) {
    const who = say('neutron-agents.who', { type: a.type || a.binary, host: a.host });
    const kind = kindOf(a);
    if (!a.alive) {
      const log = kind === 'metadata' ? logOf(a.host, logs) : { why: '', ev: [], chassisGone: false };
      found.push(
        finding({
          check: 'neutron.agent-down',
          severity: isDataPlane(a) && a.adminUp ? 'critical' : 'warning',
          ...texts({
            title: say('neutron-agents.down.title', { who, disabled: a.adminUp ? '' : say('neutron-agents.down.title.disabled') }),
            explanation: say('neutron-agents.down.explanation', { who, binary: a.binary || '?', effect: say(`neutron-agents.down.effect.${kind}`, { host: a.host }), log: log.why }),
            likelyCause: say(log.chassisGone ? 'neutron-agents.down.cause.chassis-gone' : `neutron-agents.down.cause.${kind}`, { host: a.host }),
            nextStep: log.chassisGone ? say('neutron-agents.down.next.controller', { host: a.host }) : kind === 'metadata' ? say('neutron-agents.down.next.metadata', { host: a.host, status: statusCommand(deployment, a.host) }) : say(`neutron-agents.down.next.${kind}`, { host: a.host }),
          }),
          evidence: [evidence(out, a.lines), ...log.ev],
        }),
      );
    } else if (!a.adminUp) {
      found.push(
        finding({
          check: 'neutron.agent-disabled',
          severity: 'warning',
          ...texts({
            title: say('neutron-agents.disabled.title', { who }),
            explanation: say('neutron-agents.disabled.explanation', { who }),
            likelyCause: say('neutron-agents.disabled.cause'),
            nextStep: say('neutron-agents.disabled.next', { id: a.id }),
          }),
          evidence: [evidence(out, a.lines)],
        }),
      );
    }
  }
  // A metadata agent registers on its compute's OVN chassis (Chassis_Private): listed without an
  // ovn-controller agent of the same host, that chassis is gone from the southbound database.
  const hosts = [...new Set(agents.filter(isMetadata).map((a) => a.host))];
  for (const host of hosts) {
    if (agents.some((a) => isOvnController(a) && a.host === host)) continue;
    const meta = agents.filter((a) => isMetadata(a) && a.host === host);
    found.push(
      finding({
        check: 'neutron.chassis-missing',
        severity: 'critical',
        ...texts({
          title: say('neutron-agents.no-controller.title', { host }),
          explanation: say('neutron-agents.no-controller.explanation', { host }),
          likelyCause: say('neutron-agents.no-controller.cause', { host }),
          nextStep: say('neutron-agents.no-controller.next', { host }),
        }),
        evidence: [evidence(out, meta.flatMap((a) => a.lines))],
      }),
    );
  }
  return found;
}

/** Computes whose metadata agent writes a log here but which Neutron lists no agent for. */
function unlisted(agents: Agent[], out: StepOutput, logs: StepOutput[]): Finding[] {
  const found: Finding[] = [];
  for (const log of logs) {
    if ((log.state !== 'succeeded' && log.state !== 'failed') || isEmptyLog(log.stdout, log.stderr)) continue;
    if (agents.some((a) => sameHost(a.host, log.node))) continue;
    const hosts = [...new Set(agents.map((a) => a.host))];
    found.push(
      finding({
        check: 'neutron.agent-missing',
        severity: 'critical',
        ...texts({
          title: say('neutron-agents.missing.title', { node: log.node }),
          explanation: say('neutron-agents.missing.explanation', { node: log.node, hosts: hosts.join(', ') || say('neutron-agents.none') }),
          likelyCause: say('neutron-agents.missing.cause', { node: log.node }),
          nextStep: say('neutron-agents.missing.next', { node: log.node }),
        }),
        evidence: [evidence(out, agents.flatMap((a) => a.lines.filter((l) => /"Host"/.test(l))).slice(0, 10)), evidence(log, logTail(log.stdout, 3))].filter((e) => e.lines.length > 0),
      }),
    );
  }
  return found;
}

export const analyze: Analyzer = (input) => {
  const listOut = outputsOf(input, LIST).find((o) => o.state === 'succeeded' || o.state === 'failed');
  const agents = listOut && listOut.state === 'succeeded' ? parseAgents(listOut.stdout) : null;
  const logs = outputsOf(input, LOG);
  if (!agents || !listOut) return [listFailure(listOut, outputsOf(input, LIST)[0])];
  const found = [...agentFindings(agents, listOut, logs, input.deployment), ...unlisted(agents, listOut, logs)];
  if (agents.length === 0) {
    found.push(
      finding({
        check: 'neutron.no-agents',
        severity: 'warning',
        ...texts({ title: say('neutron-agents.none.title'), explanation: say('neutron-agents.none.explanation'), likelyCause: say('neutron-agents.none.cause'), nextStep: say('neutron-agents.none.next') }),
        evidence: [evidence(listOut, lines(listOut.stdout).slice(0, 2))],
      }),
    );
  }
  if (found.length === 0) {
    const hosts = new Set(agents.map((a) => a.host)).size;
    found.push(
      finding({
        check: 'neutron.agents',
        severity: 'ok',
        ...texts({ title: say('neutron-agents.ok.title', { count: agents.length }), explanation: say('neutron-agents.ok.explanation', { count: agents.length, hosts, types: [...new Set(agents.map((a) => a.type))].join(', ') }) }),
        evidence: [evidence(listOut, agents.flatMap((a) => a.lines.filter((l) => /"(Agent Type|Host|Alive)"/.test(l))).slice(0, 24))],
      }),
    );
  }
  return found;
};
