/**
 * k8s-pods: step output → facts. The steps print one `### namespace NS` section per namespace
 * (kubectl's JSON, or its error), and the log step one `### NS POD CONTAINER previous|current`
 * section per container it fetched. Every fact keeps the output line numbers that prove it.
 */
import { lines } from '../../engine/analyze-kit.js';
import { at, bool, items, keys, num, parseWithLines, str, type JNode } from './jsonlines.js';

export interface Section {
  /** Header fields after `### `. */
  head: string[];
  /** Line numbers (into the step's stdout) of the section's body. */
  from: number;
  to: number;
}

export function sections(text: string): { all: string[]; sections: Section[] } {
  const all = lines(text);
  const out: Section[] = [];
  all.forEach((l, i) => {
    if (!l.startsWith('### ')) return;
    const prev = out.at(-1);
    if (prev) prev.to = i;
    out.push({ head: l.slice(4).trim().split(/\s+/), from: i + 1, to: all.length });
  });
  return { all, sections: out };
}

/** A namespace section: kubectl's JSON list, or why there is none. */
export interface NamespaceList {
  namespace: string;
  list: JNode | null;
  /** Non-JSON lines kubectl printed (errors, warnings), with their line numbers. */
  messages: Array<{ line: number; text: string }>;
}

export function namespaceLists(text: string): { all: string[]; lists: NamespaceList[] } {
  const { all, sections: secs } = sections(text);
  const lists: NamespaceList[] = [];
  for (const s of secs) {
    if (s.head[0] !== 'namespace' || !s.head[1]) continue;
    const start = all.findIndex((l, i) => i >= s.from && i < s.to && l.startsWith('{'));
    const messages: NamespaceList['messages'] = [];
    for (let i = s.from; i < (start >= 0 ? start : s.to); i++) {
      const l = all[i] ?? '';
      if (l.trim()) messages.push({ line: i, text: l });
    }
    const list = start >= 0 ? parseWithLines(all.slice(start, s.to).join('\n'), start) : null;
    if (start >= 0 && !list) messages.push({ line: start, text: all[start] ?? '' });
    lists.push({ namespace: s.head[1], list, messages });
  }
  return { all, lists };
}

export interface ContainerFact {
  name: string;
  init: boolean;
  ready: boolean;
  restartCount: number;
  state: 'running' | 'waiting' | 'terminated' | 'unknown';
  reason?: string;
  message?: string;
  exitCode?: number;
  last?: { reason?: string; exitCode?: number; finishedAt?: string };
  image?: string;
  memoryLimit?: string;
  /** Output lines that show this container's state. */
  evidence: number[];
  /** Output line of the memory limit, when there is one. */
  limitLine?: number;
}

export interface PodFact {
  namespace: string;
  name: string;
  node?: string;
  phase: string;
  phaseReason?: string;
  phaseMessage?: string;
  ownerKind?: string;
  ready?: { status: string; reason?: string; message?: string; line: number };
  scheduled?: { status: string; reason?: string; message?: string; line: number };
  initContainers: ContainerFact[];
  containers: ContainerFact[];
  nameLine: number;
  phaseLine?: number;
}

function condition(pod: JNode, type: string): PodFact['ready'] {
  const c = items(at(pod, 'status', 'conditions')).find((x) => str(at(x, 'type')) === type);
  if (!c) return undefined;
  return { status: str(at(c, 'status')) ?? '', reason: str(at(c, 'reason')), message: str(at(c, 'message')), line: at(c, 'status')?.line ?? c.line };
}

function containerFact(s: JNode, spec: JNode | undefined, init: boolean): ContainerFact {
  const name = str(at(s, 'name')) ?? '?';
  const stateKind = keys(at(s, 'state'))[0];
  const state = stateKind === 'running' || stateKind === 'waiting' || stateKind === 'terminated' ? stateKind : 'unknown';
  const st = at(s, 'state', state);
  const lt = at(s, 'lastState', 'terminated');
  const specC = items(spec).find((c) => str(at(c, 'name')) === name);
  const limit = at(specC, 'resources', 'limits', 'memory');
  const ev = [at(s, 'name'), at(s, 'ready'), at(s, 'restartCount'), at(st, 'reason'), at(st, 'message'), at(st, 'exitCode'), at(lt, 'reason'), at(lt, 'exitCode'), at(lt, 'finishedAt')]
    .filter((n): n is JNode => n !== undefined)
    .map((n) => n.line);
  return {
    name,
    init,
    ready: bool(at(s, 'ready')) ?? false,
    restartCount: num(at(s, 'restartCount')) ?? 0,
    state,
    reason: str(at(st, 'reason')),
    message: str(at(st, 'message')),
    exitCode: num(at(st, 'exitCode')),
    last: lt ? { reason: str(at(lt, 'reason')), exitCode: num(at(lt, 'exitCode')), finishedAt: str(at(lt, 'finishedAt')) } : undefined,
    image: str(at(s, 'image')),
    memoryLimit: str(limit) ?? (num(limit) !== undefined ? String(num(limit)) : undefined),
    evidence: ev,
    limitLine: limit?.line,
  };
}

export function podFacts(nl: NamespaceList): PodFact[] {
  const list = nl.list;
  // `kubectl get pods -o json` prints a List; one named pod prints the Pod itself.
  const pods = str(at(list, 'kind')) === 'Pod' && list ? [list] : items(at(list, 'items'));
  return pods.map((p) => ({
    namespace: str(at(p, 'metadata', 'namespace')) ?? nl.namespace,
    name: str(at(p, 'metadata', 'name')) ?? '?',
    node: str(at(p, 'spec', 'nodeName')),
    phase: str(at(p, 'status', 'phase')) ?? 'Unknown',
    phaseReason: str(at(p, 'status', 'reason')),
    phaseMessage: str(at(p, 'status', 'message')),
    ownerKind: str(at(p, 'metadata', 'ownerReferences', 0, 'kind')),
    ready: condition(p, 'Ready'),
    scheduled: condition(p, 'PodScheduled'),
    initContainers: items(at(p, 'status', 'initContainerStatuses')).map((s) => containerFact(s, at(p, 'spec', 'initContainers'), true)),
    containers: items(at(p, 'status', 'containerStatuses')).map((s) => containerFact(s, at(p, 'spec', 'containers'), false)),
    nameLine: at(p, 'metadata', 'name')?.line ?? p.line,
    phaseLine: at(p, 'status', 'phase')?.line,
  }));
}

export interface EventFact {
  namespace: string;
  objectKind: string;
  objectName: string;
  reason: string;
  message: string;
  count: number;
  last?: string;
  /** reason and message lines. */
  evidence: number[];
}

export function eventFacts(nl: NamespaceList): EventFact[] {
  return items(at(nl.list, 'items')).map((e) => {
    const msg = at(e, 'message') ?? at(e, 'note');
    const reason = at(e, 'reason');
    return {
      namespace: nl.namespace,
      objectKind: str(at(e, 'involvedObject', 'kind')) ?? str(at(e, 'regarding', 'kind')) ?? '?',
      objectName: str(at(e, 'involvedObject', 'name')) ?? str(at(e, 'regarding', 'name')) ?? '?',
      reason: str(reason) ?? '',
      message: str(msg) ?? '',
      count: num(at(e, 'count')) ?? num(at(e, 'series', 'count')) ?? 1,
      last: str(at(e, 'lastTimestamp')) ?? str(at(e, 'eventTime')),
      evidence: [reason?.line, msg?.line].filter((n): n is number => n !== undefined).sort((a, b) => a - b),
    };
  });
}

/** One container log the crash-logs step fetched. */
export interface LogFact {
  namespace: string;
  pod: string;
  container: string;
  which: 'previous' | 'current';
  /** Line numbers of the log body in the step's stdout. */
  from: number;
  to: number;
}

export function logFacts(text: string): { all: string[]; logs: LogFact[] } {
  const { all, sections: secs } = sections(text);
  const logs = secs
    .flatMap((s): LogFact[] => {
      const [namespace, pod, container, which] = s.head;
      if (s.head.length !== 4 || !namespace || !pod || !container || (which !== 'previous' && which !== 'current')) return [];
      return [{ namespace, pod, container, which, from: s.from, to: s.to }];
    });
  return { all, logs };
}
