/**
 * The engine: bind parameters and pick nodes before anything runs; then plan each step's command
 * for the cluster's deployment, discover the pods (openstack-helm), run with bounded concurrency
 * through a CommandRunner, and analyze.
 * Pure apart from the runner: the core's runner goes over SSH and records every step in the case
 * log; tests can give it real outputs.
 */
import type { Deployment, NodeRole } from '../../main/contract/types.js';
import { finding } from './analyze-kit.js';
import { mapBounded } from './bounded.js';
import { couldNotCheck, noPodList, noPodOn, nowhereToRun, ranElsewhere } from './engine-findings.js';
import { checkParamValue, type LoadedPlaybook } from './loader.js';
import { discoverPods, podOn, type Discovery } from './pods.js';
import { inService, needsRoot, serviceLogs, services, type ClusterProfile, type PodRef, type ServiceProfile } from './profile.js';
import { renderRun, scriptArgs, type ParamValues } from './shell.js';
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
  /** The command needs root on the host (profile.ts needsRoot): the runner decides how (sudo or not). */
  root: boolean;
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

/**
 * Plan what runs where, discover the pods (openstack-helm), run, analyze. The engine never
 * throws for a node: what could not be checked becomes a SKIPPED finding with its reason.
 */
export async function runPlaybook(o: RunPlaybookOptions): Promise<PlaybookOutcome> {
  const steps = plan(o);
  const discovery = await discover(o, steps);
  const placed = place(steps, discovery, o.profile.namespace);
  const ran = await run(o, placed.jobs);
  const outputs = [...discovery.outputs, ...ran.outputs];
  const findings = [...placed.findings, ...ran.findings];
  if (o.signal.aborted) return { outputs, findings, complete: false };
  findings.push(...analyze(o, inPlanOrder(o, ran.outputs)));
  return { outputs, findings: sortFindings(findings), complete: discovery.pods !== null && ran.complete };
}

/** One step of the playbook: the target nodes it runs on and its command for a node (and pod). */
interface StepPlan {
  step: StepDef;
  roles: NodeRole[];
  nodes: TargetNode[];
  /** openstack-helm: the service's pods, which discovery must find on the nodes. */
  helm: ServiceProfile['helm'];
  command(pod?: PodRef): string;
}

/** Each step's nodes and command, from the playbook, the parameters and the cluster profile. */
function plan(o: RunPlaybookOptions): StepPlan[] {
  const { def } = o.playbook;
  const helm = o.profile.deployment === 'openstack-helm';
  return def.steps.map((step) => {
    const roles = step.roles ?? def.roles;
    const command = (pod?: PodRef): string => {
      if (step.logs) return serviceLogs(o.profile, step.service, step.logs.tail, step.logs.previous, pod);
      if (step.script) return inService(o.profile, step.service, step.script.text, pod, { name: step.script.file, values: scriptArgs(def.params.map((p) => p.name), o.params) });
      return inService(o.profile, step.service, renderRun(step.run ?? '', o.params), pod);
    };
    return { step, roles, nodes: o.targets.filter((n) => n.roles.some((r) => roles.includes(r))), helm: helm ? services[step.service].helm : null, command };
  });
}

/** openstack-helm: where the pods run, when a step runs in one (pods.ts). */
async function discover(o: RunPlaybookOptions, steps: StepPlan[]): Promise<Discovery> {
  return steps.some((s) => s.helm) ? discoverPods(o.targets, o.profile.namespace, o.runner, o.signal) : { pods: [], outputs: [] };
}

interface Job {
  step: StepDef;
  /** Candidates in order: `each` has one; `one` falls through to the next when a node does not answer. */
  candidates: Array<{ node: TargetNode; command: string }>;
}

/** Steps onto nodes (and pods): the jobs to run, and a SKIPPED finding for what has nowhere to run. */
function place(steps: StepPlan[], discovery: Discovery, namespace: string): { jobs: Job[]; findings: Finding[] } {
  const jobs: Job[] = [];
  const findings: Finding[] = [];
  for (const { step, roles, nodes, helm, command } of steps) {
    if (helm && discovery.pods === null) {
      findings.push(noPodList(step, discovery.outputs, namespace));
      continue;
    }
    const candidates: Job['candidates'] = [];
    const podless: TargetNode[] = [];
    for (const node of nodes) {
      const pod = helm ? podOn(discovery.pods ?? [], helm, namespace, node) : undefined;
      if (!helm || pod) candidates.push({ node, command: command(pod) });
      else podless.push(node);
    }
    if (helm && step.on === 'each') findings.push(...podless.map((node) => noPodOn(step, helm, node)));
    if (!candidates.length) {
      if (!(helm && step.on === 'each' && podless.length)) findings.push(nowhereToRun(step, helm, roles));
      continue;
    }
    if (step.on === 'one') jobs.push({ step, candidates });
    else for (const c of candidates) jobs.push({ step, candidates: [c] });
  }
  return { jobs, findings };
}

const completeStates = new Set(['succeeded', 'failed']);

/**
 * Every job, at most `concurrency` at once. A `one` job tries its candidates in turn until one
 * answers; a node that never answered becomes a "could not check" finding, unless another did.
 */
async function run(o: RunPlaybookOptions, jobs: Job[]): Promise<{ outputs: StepOutput[]; findings: Finding[]; complete: boolean }> {
  const outputs: StepOutput[] = [];
  const findings: Finding[] = [];
  let complete = true;
  await mapBounded(jobs, o.concurrency, async (job) => {
    const attempts: StepOutput[] = [];
    for (const c of job.candidates) {
      if (o.signal.aborted && attempts.length) break;
      const out = await o.runner.run({ step: job.step.id, node: c.node, command: c.command, timeoutSec: job.step.timeoutSec, root: needsRoot(o.profile, job.step) }, o.signal);
      attempts.push(out);
      outputs.push(out);
      if (completeStates.has(out.state) || out.state === 'cancelled') break;
    }
    const done = attempts.find((a) => completeStates.has(a.state));
    for (const a of attempts.filter((x) => !completeStates.has(x.state) && x.state !== 'cancelled')) {
      if (done) {
        findings.push(ranElsewhere(job.step, a, done));
        continue;
      }
      complete = false;
      findings.push(couldNotCheck(job.step, a, job.candidates.find((c) => c.node.name === a.node)?.command ?? ''));
    }
  });
  return { outputs, findings, complete };
}

/**
 * Outputs in the playbook's order (step, then target node), not in the order they finished: an
 * analyzer that reports per output then gives its findings in the same order every run (a
 * report's "top problems" must not depend on which node answered first). Attempts of one job
 * on one node keep their order (the sort is stable).
 */
function inPlanOrder(o: RunPlaybookOptions, outputs: StepOutput[]): StepOutput[] {
  const stepAt = new Map(o.playbook.def.steps.map((s, i) => [s.id, i]));
  const nodeAt = new Map(o.targets.map((n, i) => [n.name, i]));
  const rankOf = (x: StepOutput): [number, number] => [stepAt.get(x.step) ?? stepAt.size, nodeAt.get(x.node) ?? nodeAt.size];
  return [...outputs].sort((a, b) => {
    const [sa, na] = rankOf(a);
    const [sb, nb] = rankOf(b);
    return sa - sb || na - nb;
  });
}

/** The playbook's analyzer over the step outputs; if it throws, a finding says so and the outputs stay. */
function analyze(o: RunPlaybookOptions, outputs: StepOutput[]): Finding[] {
  try {
    return o.playbook.analyze({ params: o.params, deployment: o.profile.deployment, nodes: o.targets.map((t) => ({ name: t.name, roles: t.roles, host: t.host })), outputs });
  } catch (err) {
    return [
      finding({
        check: 'engine.analyzer-failed',
        severity: 'warning',
        title: `The ${o.playbook.def.id} analyzer failed; the raw outputs are kept`,
        explanation: `${(err as Error).message}. Every step's output is in the case log; read them directly.`,
        nextStep: 'Open the run and read the step outputs; report the analyzer failure with the run attached.',
      }),
    ];
  }
}

const rank = { critical: 0, warning: 1, info: 2, ok: 3 } as const;

/** Worst first; stable within a severity. */
export function sortFindings<F extends Pick<Finding, 'severity'>>(findings: F[]): F[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i).map((x) => x.f);
}
