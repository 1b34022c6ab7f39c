/**
 * The engine: bind parameters, pick nodes (and pods), resolve each step to the command for that
 * node's deployment, run them with bounded concurrency through a CommandRunner, then analyze.
 * Pure apart from the runner: the core's runner goes over SSH and records every step in the case
 * log; tests can give it real outputs.
 */
import type { Deployment, NodeRole } from '../../main/contract/types.js';
import { finding } from './analyze-kit.js';
import { mapBounded } from './bounded.js';
import { checkParamValue, type LoadedPlaybook } from './loader.js';
import { inService, OPENSTACK_NAMESPACE, podMatches, serviceLogs, services, type ClusterProfile, type PodRef } from './profile.js';
import { renderRun, scriptArgs, shellQuote, type ParamValues } from './shell.js';
import type { Finding, PlaybookDef, StepDef, StepOutput } from './types.js';

export class PlaybookInputError extends Error {}

export interface TargetNode {
  name: string;
  host: string;
  roles: NodeRole[];
}

export interface CommandJob {
  /** Playbook step id (or `discover-pods`). */
  step: string;
  node: TargetNode;
  command: string;
  timeoutSec: number;
}

/** Runs one command on one node and returns its (redacted, recorded) output. */
export interface CommandRunner {
  run(job: CommandJob, signal: AbortSignal): Promise<StepOutput>;
}

/** Raw `k=v` strings → typed values; every problem named at once. */
export function bindParams(def: PlaybookDef, raw: Record<string, string>): ParamValues {
  const problems: string[] = [];
  const known = new Set(def.params.map((p) => p.name));
  for (const k of Object.keys(raw)) if (!known.has(k)) problems.push(`unknown parameter "${k}" (${def.id} takes: ${[...known].join(', ') || 'none'})`);
  const values: ParamValues = {};
  for (const p of def.params) {
    const given = raw[p.name];
    if (given === undefined) {
      if (p.default !== undefined) values[p.name] = p.default;
      else if (p.required) problems.push(`missing required parameter "${p.name}": ${p.description.en}`);
      continue;
    }
    const problem = checkParamValue(p, given);
    if (problem) problems.push(`parameter "${p.name}": ${problem}`);
    else values[p.name] = p.type === 'integer' || p.type === 'port' ? Number(given) : given;
  }
  if (problems.length) throw new PlaybookInputError(problems.join('; '));
  return values;
}

/** Target nodes: those with one of the playbook's roles, or exactly the named ones. */
export function selectTargets<N extends TargetNode>(def: PlaybookDef, nodes: N[], names?: string[]): N[] {
  if (names?.length) {
    const unknown = names.filter((n) => !nodes.some((x) => x.name === n));
    if (unknown.length) throw new PlaybookInputError(`no node named ${unknown.join(', ')} in this cluster (nodes: ${nodes.map((n) => n.name).join(', ')})`);
    return nodes.filter((n) => names.includes(n.name));
  }
  const targets = nodes.filter((n) => n.roles.some((r) => def.roles.includes(r)));
  if (!targets.length) throw new PlaybookInputError(`${def.id} runs on ${def.roles.join('/')} nodes and this cluster has none`);
  return targets;
}

export function checkApplies(def: PlaybookDef, deployment: Deployment, allowMutating: boolean): void {
  if (!def.appliesTo.includes(deployment)) throw new PlaybookInputError(`${def.id} applies to ${def.appliesTo.join(', ')}; this cluster is ${deployment}`);
  const mutating = def.steps.filter((s) => s.mutating);
  if (mutating.length && !allowMutating) {
    throw new PlaybookInputError(`${def.id} has steps that change the cluster (${mutating.map((s) => s.id).join(', ')}); confirm with --allow-mutating`);
  }
}

/** `kubectl get pods -o json` → the pods the profile can address. */
export function parsePods(json: string): PodRef[] {
  const doc = JSON.parse(json) as { items?: Array<Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  return (doc.items ?? []).map((p) => {
    const statuses = (p.status?.containerStatuses ?? []) as Array<{ ready?: boolean }>;
    return {
      namespace: String(p.metadata?.namespace ?? ''),
      name: String(p.metadata?.name ?? ''),
      labels: (p.metadata?.labels ?? {}) as Record<string, string>,
      hostIP: String(p.status?.hostIP ?? ''),
      nodeName: String(p.spec?.nodeName ?? ''),
      ready: statuses.length > 0 && statuses.every((s) => s.ready === true),
      containers: ((p.spec?.containers ?? []) as Array<{ name: string }>).map((c) => c.name),
    };
  });
}

export const DISCOVER_STEP = 'discover-pods';

export interface RunPlaybookOptions {
  playbook: LoadedPlaybook;
  profile: ClusterProfile;
  targets: TargetNode[];
  params: ParamValues;
  runner: CommandRunner;
  concurrency: number;
  signal: AbortSignal;
}

export interface PlaybookOutcome {
  outputs: StepOutput[];
  findings: Finding[];
  /** Every (step, node) got a complete output (whatever its exit code). */
  complete: boolean;
}

const completeStates = new Set(['succeeded', 'failed']);

interface Job {
  step: StepDef;
  /** Candidates in order: `each` has one; `one` falls through to the next when a node does not answer. */
  candidates: Array<{ node: TargetNode; command: string }>;
}

export async function runPlaybook(o: RunPlaybookOptions): Promise<PlaybookOutcome> {
  const { def } = o.playbook;
  const outputs: StepOutput[] = [];
  const findings: Finding[] = [];
  const helm = o.profile.deployment === 'openstack-helm';

  // openstack-helm: learn where the pods run, once, from the first node that answers.
  let pods: PodRef[] | null = null;
  const needPods = helm && def.steps.some((s) => services[s.service].helm);
  if (needPods) {
    const order = [...o.targets].sort((a, b) => Number(b.roles.includes('controller')) - Number(a.roles.includes('controller')));
    for (const node of order) {
      if (o.signal.aborted) break;
      const out = await o.runner.run({ step: DISCOVER_STEP, node, command: `kubectl get pods -n ${shellQuote(OPENSTACK_NAMESPACE)} -o json`, timeoutSec: 30 }, o.signal);
      outputs.push(out);
      if (out.state !== 'succeeded') continue;
      try {
        pods = parsePods(out.stdout);
        break;
      } catch {
        continue;
      }
    }
  }

  const jobs: Job[] = [];
  for (const step of def.steps) {
    const roles = step.roles ?? def.roles;
    const nodes = o.targets.filter((n) => n.roles.some((r) => roles.includes(r)));
    const helmSvc = helm ? services[step.service].helm : null;
    const command = (pod?: PodRef): string => {
      if (step.logs) return serviceLogs(o.profile, step.service, step.logs.tail, step.logs.previous, pod);
      if (step.script) return inService(o.profile, step.service, step.script.text, pod, { name: step.script.file, values: scriptArgs(def.params.map((p) => p.name), o.params) });
      return inService(o.profile, step.service, renderRun(step.run ?? '', o.params), pod);
    };
    const candidates: Job['candidates'] = [];
    const podless: TargetNode[] = [];
    for (const node of nodes) {
      if (!helmSvc) {
        candidates.push({ node, command: command() });
        continue;
      }
      const onNode = (pods ?? []).filter((p) => podMatches(p, helmSvc) && (p.hostIP === node.host || p.nodeName === node.name));
      const pod = onNode.find((p) => p.ready) ?? onNode[0];
      if (pod) candidates.push({ node, command: command(pod) });
      else podless.push(node);
    }
    if (helmSvc && pods === null) {
      findings.push({
        ...finding({
          check: 'engine.could-not-check',
          severity: 'warning',
          title: `Could not check "${step.title.en}": the pod list is unavailable`,
          explanation: `The step runs in the ${step.service} pods, and \`kubectl get pods\` did not answer on any target node, so no pod could be chosen.`,
          evidence: outputs.filter((x) => x.step === DISCOVER_STEP).map((x) => ({ node: x.node, step: x.step, lines: [x.error ?? x.stderr.trim().split('\n').at(-1) ?? `exit ${x.exitCode}`] })),
          likelyCause: 'kubectl has no access to the cluster from these nodes, or the API server is down.',
          nextStep: 'kubectl get pods -n openstack -o wide',
        }),
        status: 'SKIPPED',
        skippedReason: 'the pod list is unavailable',
      });
      continue;
    }
    if (helmSvc && step.on === 'each') {
      for (const node of podless) {
        findings.push({
          ...finding({ check: 'engine.no-pod', severity: 'info', title: `No ${step.service} pod on ${node.name}`, explanation: `"${step.title.en}" was not run on ${node.name}: no pod with labels ${Object.entries(helmSvc.selector).map(([k, v]) => `${k}=${v}`).join(',')} is scheduled there.` }),
          status: 'SKIPPED',
          skippedReason: `no ${step.service} pod on ${node.name}`,
        });
      }
    }
    if (!candidates.length) {
      if (!(helmSvc && step.on === 'each' && podless.length)) {
        findings.push({
          ...finding({ check: 'engine.could-not-check', severity: 'warning', title: `Could not check "${step.title.en}": no node to run it on`, explanation: helmSvc ? `No ${step.service} pod runs on the target nodes.` : `No target node has one of the roles ${roles.join(', ')}.` }),
          status: 'SKIPPED',
          skippedReason: 'no node to run it on',
        });
      }
      continue;
    }
    if (step.on === 'one') jobs.push({ step, candidates });
    else for (const c of candidates) jobs.push({ step, candidates: [c] });
  }

  let complete = !(needPods && pods === null);
  await mapBounded(jobs, o.concurrency, async (job) => {
    const attempts: StepOutput[] = [];
    for (const c of job.candidates) {
      if (o.signal.aborted && attempts.length) break;
      const out = await o.runner.run({ step: job.step.id, node: c.node, command: c.command, timeoutSec: job.step.timeoutSec }, o.signal);
      attempts.push(out);
      outputs.push(out);
      if (completeStates.has(out.state) || out.state === 'cancelled') break;
    }
    const done = attempts.find((a) => completeStates.has(a.state));
    for (const a of attempts) {
      if (completeStates.has(a.state) || a.state === 'cancelled') continue;
      if (done) {
        findings.push(finding({ check: 'engine.fallback', severity: 'info', title: `"${job.step.title.en}" ran on ${done.node} because ${a.node} did not answer`, explanation: `${a.node}: ${a.error ?? a.state}`, evidence: [{ node: a.node, step: a.step, lines: [a.error ?? a.state] }] }));
        continue;
      }
      complete = false;
      findings.push({
        ...finding({
          check: 'engine.could-not-check',
          severity: 'warning',
          title: `Could not check "${job.step.title.en}" on ${a.node}: ${a.state === 'timeout' ? 'timed out' : a.state === 'error' ? 'unreachable' : a.state}`,
          explanation: `${a.error ?? `The step ended ${a.state}.`} Nothing from this step on ${a.node} was analyzed, so its health there is unknown.`,
          evidence: [{ node: a.node, step: a.step, lines: [a.error ?? a.state, ...a.stderr.split('\n').filter(Boolean).slice(-3)] }],
          likelyCause: a.state === 'timeout' ? 'The command hung (a stuck service, a DB that does not answer, a dead NFS mount).' : a.state === 'error' ? 'The node is down, sshd is not running, or the network path to it is broken.' : 'The connection dropped while the command ran.',
          nextStep: a.state === 'error' ? `ping ${a.node}; ssh ${a.node} true` : `Run the step's command by hand on ${a.node}: ${job.candidates.find((c) => c.node.name === a.node)?.command ?? ''}`,
        }),
        status: 'SKIPPED',
        skippedReason: `${a.node}: ${a.error ?? a.state}`,
      });
    }
  });
  if (o.signal.aborted) return { outputs, findings, complete: false };

  try {
    const analyzed = o.playbook.analyze({ params: o.params, deployment: o.profile.deployment, nodes: o.targets.map((t) => ({ name: t.name, roles: t.roles, host: t.host })), outputs: outputs.filter((x) => x.step !== DISCOVER_STEP) });
    findings.push(...analyzed);
  } catch (err) {
    findings.push(
      finding({
        check: 'engine.analyzer-failed',
        severity: 'warning',
        title: `The ${def.id} analyzer failed; the raw outputs are kept`,
        explanation: `${(err as Error).message}. Every step's output is in the case log; read them directly.`,
        nextStep: 'Open the run and read the step outputs; report the analyzer failure with the run attached.',
      }),
    );
  }
  return { outputs, findings: sortFindings(findings), complete };
}

const rank = { critical: 0, warning: 1, info: 2, ok: 3 } as const;

/** Worst first; stable within a severity. */
export function sortFindings<F extends Pick<Finding, 'severity'>>(findings: F[]): F[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i).map((x) => x.f);
}
