/**
 * What the engine itself says about a step it could not check: no pod list, no pod on a node,
 * no node to run on, a node that did not answer (or answered for another). Never "ok": a step
 * that did not run proves nothing about the cluster.
 */
import type { NodeRole } from '../../main/contract/types.js';
import { finding } from './analyze-kit.js';
import type { ServiceProfile } from './profile.js';
import { shellQuote } from './shell.js';
import type { Finding, StepDef, StepOutput } from './types.js';

type Helm = NonNullable<ServiceProfile['helm']>;

/** openstack-helm: `kubectl get pods` answered on no target node, so no pod could be chosen. */
export function noPodList(step: StepDef, discovery: StepOutput[], namespace: string): Finding {
  return {
    ...finding({
      check: 'engine.could-not-check',
      severity: 'warning',
      title: `Could not check "${step.title.en}": the pod list is unavailable`,
      explanation: `The step runs in the ${step.service} pods, and \`kubectl get pods\` did not answer on any target node, so no pod could be chosen.`,
      evidence: discovery.map((x) => ({ node: x.node, step: x.step, lines: [x.error ?? x.stderr.trim().split('\n').at(-1) ?? `exit ${x.exitCode}`] })),
      likelyCause: 'kubectl has no access to the cluster from these nodes, or the API server is down.',
      nextStep: `kubectl get pods -n ${shellQuote(namespace)} -o wide`,
    }),
    status: 'SKIPPED',
    skippedReason: 'the pod list is unavailable',
  };
}

/** openstack-helm, an `each` step: the service has no pod on this node, so there is nothing to check there. */
/** The step's service has no pod on these nodes: one finding for them all, so a service missing everywhere is said once. */
export function noPodOn(step: StepDef, helm: Helm, nodes: Array<{ name: string }>): Finding {
  const names = nodes.map((n) => n.name).join(', ');
  return {
    ...finding({ check: 'engine.no-pod', severity: 'info', title: `No ${step.service} pod on ${names}`, explanation: `"${step.title.en}" was not run on ${names}: no pod with labels ${Object.entries(helm.selector).map(([k, v]) => `${k}=${v}`).join(',')} is scheduled there.` }),
    status: 'SKIPPED',
    skippedReason: `no ${step.service} pod on ${names}`,
  };
}

/** No target node (or no pod on one) for the step at all. */
export function nowhereToRun(step: StepDef, helm: Helm | null, roles: NodeRole[]): Finding {
  return {
    ...finding({ check: 'engine.could-not-check', severity: 'warning', title: `Could not check "${step.title.en}": no node to run it on`, explanation: helm ? `No ${step.service} pod runs on the target nodes.` : `No target node has one of the roles ${roles.join(', ')}.` }),
    status: 'SKIPPED',
    skippedReason: 'no node to run it on',
  };
}

/**
 * The step was not run (on `node`, or at all) because what it needs stays on another node: the
 * admin credentials, the Kolla database password, the kube-access node's kubectl.
 */
export function notOnNode(step: StepDef, why: string, nextStep: string, node?: string): Finding {
  const where = node ? ` on ${node}` : '';
  return {
    ...finding({
      check: 'engine.could-not-check',
      severity: 'warning',
      title: `Could not check "${step.title.en}"${where}: ${why}`,
      explanation: `"${step.title.en}" was not run${where}: ${why}. Secrets are read only on the node that holds them and never copied to another, so its health${where} is unknown.`,
      likelyCause: 'The cluster settings name a node for the credentials that this step cannot use here.',
      nextStep,
    }),
    status: 'SKIPPED',
    skippedReason: node ? `${node}: ${why}` : why,
  };
}

/** A `one` step that fell through: `missed` did not answer, `done` did. */
export function ranElsewhere(step: StepDef, missed: StepOutput, done: StepOutput): Finding {
  return finding({ check: 'engine.fallback', severity: 'info', title: `"${step.title.en}" ran on ${done.node} because ${missed.node} did not answer`, explanation: `${missed.node}: ${missed.error ?? missed.state}`, evidence: [{ node: missed.node, step: missed.step, lines: [missed.error ?? missed.state] }] });
}

/** The step never completed on this node (timeout, unreachable, dropped): its health there is unknown. */
export function couldNotCheck(step: StepDef, a: StepOutput, command: string): Finding {
  if (a.notChecked) {
    // It ran, but as a user that could not do what it needed (sudo refused, no root); or the
    // cluster's setup offers nothing to check here (settled: info, as a service the cluster does
    // not run; still not checked, never ok).
    return {
      ...finding({
        check: 'engine.could-not-check',
        severity: a.notChecked.settled ? 'info' : 'warning',
        title: `Could not check "${step.title.en}" on ${a.node}: ${a.notChecked.why}`,
        explanation: `${a.error ?? a.notChecked.why}. Nothing from this step on ${a.node} was analyzed, so its health there is unknown.`,
        evidence: [{ node: a.node, step: a.step, lines: [a.error ?? a.notChecked.why, ...a.stderr.split('\n').filter(Boolean).slice(-3)] }],
        likelyCause: a.notChecked.likelyCause ?? 'The step needs root on the node and the login user could not get it.',
        nextStep: a.notChecked.nextStep,
      }),
      status: 'SKIPPED',
      skippedReason: `${a.node}: ${a.notChecked.why}`,
    };
  }
  return {
    ...finding({
      check: 'engine.could-not-check',
      severity: 'warning',
      title: `Could not check "${step.title.en}" on ${a.node}: ${a.state === 'timeout' ? 'timed out' : a.state === 'error' ? 'unreachable' : a.state}`,
      explanation: `${a.error ?? `The step ended ${a.state}.`} Nothing from this step on ${a.node} was analyzed, so its health there is unknown.`,
      evidence: [{ node: a.node, step: a.step, lines: [a.error ?? a.state, ...a.stderr.split('\n').filter(Boolean).slice(-3)] }],
      likelyCause: a.state === 'timeout' ? 'The command hung (a stuck service, a DB that does not answer, a dead NFS mount).' : a.state === 'error' ? 'The node is down, sshd is not running, or the network path to it is broken.' : 'The connection dropped while the command ran.',
      nextStep: a.state === 'error' ? `ping ${a.node}; ssh ${a.node} true` : `Run the step's command by hand on ${a.node}: ${command}`,
    }),
    status: 'SKIPPED',
    skippedReason: `${a.node}: ${a.error ?? a.state}`,
  };
}
