/**
 * The engine: bind parameters and pick nodes before anything runs; then plan each step's command
 * for the cluster's deployment, discover the pods (openstack-helm), run with bounded concurrency
 * through a CommandRunner, and analyze.
 * Pure apart from the runner: the core's runner goes over SSH and records every step in the case
 * log; tests can give it real outputs.
 */
import { kollaPasswordsDefaultPath, type Deployment, type NodeRole } from '../../main/contract/types.js';
import { finding } from './analyze-kit.js';
import { mapBounded } from './bounded.js';
import { couldNotCheck, noPodList, noPodOn, notOnNode, nowhereToRun, ranElsewhere } from './engine-findings.js';
import { credentialsNode } from './credentials.js';
import { checkParamValue, type LoadedPlaybook } from './loader.js';
import { discoverPods, podOn, type Discovery } from './pods.js';
import { credentialsOf, inService, namespacesOf, needsRoot, serviceLogs, services, withClient, type ClusterProfile, type PodRef, type ServiceProfile } from './profile.js';
import { renderRun, scriptArgs, type ParamValues } from './shell.js';
import { evaluateSignatures } from './log-signatures.js';
import type { AnalyzerInput, Finding, PlaybookDef, StepDef, StepOutput } from './types.js';

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
  /**
   * Where the command runs when that is not `node` itself: the kube-access node whose kubectl
   * reaches `node`'s pod. The output is still `node`'s.
   */
  via?: TargetNode;
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
  /** Every node of the cluster (credentials, passwords.yml or kubectl may be on a node the playbook does not target); default: the targets. */
  nodes?: TargetNode[];
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
  const planned = plan(o);
  const steps = planned.steps;
  const discovery = await discover(o, steps);
  const placed = place(steps, discovery, o.profile);
  const ran = await run(o, placed.jobs);
  const outputs = [...discovery.outputs, ...ran.outputs];
  const findings = [...planned.findings, ...placed.findings, ...ran.findings];
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

/** The named node of the cluster, or undefined. */
function nodeNamed(o: RunPlaybookOptions, name: string): TargetNode | undefined {
  return (o.nodes ?? o.targets).find((n) => n.name === name);
}

/**
 * Each step's nodes and command, from the playbook, the parameters and the cluster profile. The
 * nodes narrow where a secret stays on one node: a `client: openstack` step runs where the
 * credentials are (an openrc or clouds.yaml on a named node, the kube-access node's kubectl); a
 * kolla DB step only where passwords.yml is (the password never travels between nodes).
 */
function plan(o: RunPlaybookOptions): { steps: StepPlan[]; findings: Finding[] } {
  const { def } = o.playbook;
  const helm = o.profile.deployment === 'openstack-helm';
  const findings: Finding[] = [];
  const steps: StepPlan[] = [];
  for (const step of def.steps) {
    const roles = step.roles ?? def.roles;
    const command = (pod?: PodRef): string => {
      if (step.logs) return serviceLogs(o.profile, step.service, step.logs.tail, step.logs.previous, pod);
      if (step.script) return inService(o.profile, step.service, withClient(o.profile, step, step.script.text), pod, { name: step.script.file, values: scriptArgs(def.params.map((p) => p.name), o.params) });
      return inService(o.profile, step.service, withClient(o.profile, step, renderRun(step.run ?? '', o.params)), pod);
    };
    let nodes = o.targets.filter((n) => n.roles.some((r) => roles.includes(r)));
    if (step.client === 'openstack') {
      const credentials = credentialsOf(o.profile);
      const where = credentialsNode(credentials, o.profile.kubeAccessNode ?? null);
      if (where !== null) {
        const node = nodeNamed(o, where);
        const what = credentials.kind === 'helm-secret' ? `the kube-access node ${where}` : `${where}, where the admin credentials are,`;
        if (!node) {
          findings.push(notOnNode(step, `${what} is not a node of this cluster`, 'stackscope cluster list (its nodes), then stackscope cluster update CLUSTER naming one of them'));
          continue;
        }
        nodes = [node];
      }
    }
    const passwordsOn = o.profile.deployment === 'kolla' && step.service === 'database' && !step.logs ? (o.profile.kollaPasswords?.node ?? null) : null;
    if (passwordsOn !== null) {
      const elsewhere = nodes.filter((n) => n.name !== passwordsOn);
      nodes = nodes.filter((n) => n.name === passwordsOn);
      // ("password is in": words the redactor knows are no secret; "is on NODE" would read as one.)
      const why = `the database password is in ${o.profile.kollaPasswords?.path ?? kollaPasswordsDefaultPath} on ${passwordsOn}`;
      const next = `Run it where /etc/kolla/passwords.yml is: stackscope cluster update CLUSTER --kolla-passwords-node with a node that runs MariaDB and has the file (the password is never copied between nodes)`;
      if (!nodes.length) findings.push(notOnNode(step, `${why}, which is not one of the nodes it runs on (${elsewhere.map((n) => n.name).join(', ') || roles.join('/')})`, next));
      else if (step.on === 'each') for (const n of elsewhere) findings.push(notOnNode(step, why, next, n.name));
      if (!nodes.length) continue;
    }
    steps.push({ step, roles, nodes, helm: helm ? services[step.service].helm : null, command });
  }
  return { steps, findings };
}

/** openstack-helm: where the pods run, when a step runs in one (pods.ts): from the kube-access node when the cluster names one. */
async function discover(o: RunPlaybookOptions, steps: StepPlan[]): Promise<Discovery> {
  if (!steps.some((s) => s.helm)) return { pods: [], outputs: [] };
  const access = o.profile.kubeAccessNode;
  const via = access ? nodeNamed(o, access) : undefined;
  if (access && !via) {
    const missing = `the kube-access node ${access} is not a node of this cluster`;
    return { pods: null, outputs: [{ step: 'discover-pods', node: access, state: 'error', exitCode: null, stdout: '', stderr: '', error: missing, command: '' }] };
  }
  return discoverPods(o.targets, namespacesOf(o.profile), o.runner, o.signal, via);
}

interface Job {
  step: StepDef;
  /** Candidates in order: `each` has one; `one` falls through to the next when a node does not answer. */
  candidates: Array<{ node: TargetNode; command: string; via?: TargetNode }>;
}

/** Steps onto nodes (and pods): the jobs to run, and a SKIPPED finding for what has nowhere to run. */
function place(steps: StepPlan[], discovery: Discovery, profile: ClusterProfile): { jobs: Job[]; findings: Finding[] } {
  const namespace = profile.namespace;
  const namespaces = namespacesOf(profile);
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
      const pod = helm ? podOn(discovery.pods ?? [], helm, namespaces, node) : undefined;
      if (!helm || pod) candidates.push({ node, command: command(pod), ...(helm && discovery.via ? { via: discovery.via } : {}) });
      else podless.push(node);
    }
    // A node without a pod of a service placed on some nodes (not every one) is not there: nothing owed, nothing said.
    // Where it runs nowhere, or it is an agent of every node, the missing pod is said.
    if (helm && step.on === 'each' && podless.length && (services[step.service].everyNode || !candidates.length)) findings.push(noPodOn(step, helm, podless));
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
      const out = await o.runner.run({ step: job.step.id, node: c.node, command: c.command, timeoutSec: job.step.timeoutSec, root: needsRoot(o.profile, job.step), ...(c.via ? { via: c.via } : {}) }, o.signal);
      attempts.push(out);
      outputs.push(out);
      if (completeStates.has(out.state) || out.state === 'cancelled' || out.notChecked?.settled) break;
    }
    const done = attempts.find((a) => completeStates.has(a.state));
    for (const a of attempts.filter((x) => !completeStates.has(x.state) && x.state !== 'cancelled')) {
      if (done) {
        findings.push(ranElsewhere(job.step, a, done));
        continue;
      }
      // Not checked either way; a settled answer (nothing here to check with this cluster's setup) still completes the run.
      if (!a.notChecked?.settled) complete = false;
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

/**
 * The playbook's analyzer over the step outputs, then its log signatures (log-signatures.ts); if
 * either throws, a finding says so and the outputs stay.
 */
function analyze(o: RunPlaybookOptions, outputs: StepOutput[]): Finding[] {
  return analyzeOutputs(o.playbook, { params: o.params, deployment: o.profile.deployment, nodes: o.targets.map((t) => ({ name: t.name, roles: t.roles, host: t.host })), outputs });
}

/** What a playbook makes of its outputs: its analyzer's findings and its log signatures' (the fixture tests use it too). */
export function analyzeOutputs(playbook: Pick<LoadedPlaybook, 'def' | 'analyze'>, input: AnalyzerInput): Finding[] {
  const findings = analyzerFindings(playbook, input);
  if (!playbook.def.logSignatures?.length) return findings;
  try {
    return [...findings, ...evaluateSignatures(playbook.def, input)];
  } catch (err) {
    return [
      ...findings,
      finding({
        check: 'engine.signatures-failed',
        severity: 'warning',
        title: `The log signatures of ${playbook.def.id} could not be evaluated; the raw outputs are kept`,
        explanation: `${(err as Error).message}. Every step's output is in the case log; read them directly.`,
        nextStep: 'Open the run and read the step outputs; report the failure with the run attached.',
      }),
    ];
  }
}

function analyzerFindings(playbook: Pick<LoadedPlaybook, 'def' | 'analyze'>, input: AnalyzerInput): Finding[] {
  try {
    return playbook.analyze(input);
  } catch (err) {
    return [
      finding({
        check: 'engine.analyzer-failed',
        severity: 'warning',
        title: `The ${playbook.def.id} analyzer failed; the raw outputs are kept`,
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
