/**
 * How k8s-pods says things: the message pieces its findings share (main/shared/finding-texts/k8s-pods.ts
 * holds the English and Korean texts).
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { skipped } from '../../engine/analyze-kit.js';
import type { Evidence, Finding } from '../../engine/types.js';
import type { Explainer } from './explain.js';
import type { ContainerFact, PodFact } from './parse.js';

export const where = (pod: PodFact): FindingMessage =>
  pod.node ? say('k8s-pods.where.node', { pod: `${pod.namespace}/${pod.name}`, node: pod.node }) : say('k8s-pods.where', { pod: `${pod.namespace}/${pod.name}` });

export const lastExit = (c: ContainerFact): FindingMessage =>
  c.last
    ? say('k8s-pods.last-exit', { reason: c.last.reason ?? 'terminated', code: c.last.exitCode ?? '?', at: c.last.finishedAt ? say('k8s-pods.last-exit.at', { time: c.last.finishedAt }) : '' })
    : say('k8s-pods.last-exit.none');

export const times = (n: number): FindingMessage => say(n === 1 ? 'k8s-pods.times.one' : 'k8s-pods.times', { count: n });
export const theNode = (pod: PodFact): FindingMessage | string => pod.node ?? say('k8s-pods.the-node');

/** A pod as a title names it: with the node it runs on, since kubectl answers on another node than the pod's (the evidence's node is where kubectl ran). */
export const podLabel = (pod: PodFact): FindingMessage | string => (pod.node ? say('k8s-pods.pod-on-node', { pod: pod.name, node: pod.node }) : pod.name);
export const causeOf = (ex: Explainer): FindingMessage => say(`k8s-pods.explain.${ex.id}.cause`);
export const nextOf = (ex: Explainer, ns: string, pod: string): FindingMessage => say(`k8s-pods.explain.${ex.id}.next`, { ns, pod });

/** Messages joined with "; ", as the English always was. */
export const semicolons = (ms: FindingMessage[]): FindingMessage | string => ms.reduce<FindingMessage | string>((a, b) => (a === '' ? b : say('k8s-pods.join.semicolon', { a, b })), '');

/** A check that could not be made, its title and reason given as messages. */
export function skippedSaying(check: string, title: FindingMessage, reason: FindingMessage, ev: Evidence[] = []): Finding {
  const t = texts({ title, explanation: reason });
  return { ...skipped(check, t.title, t.explanation, ev), text: t.text };
}
