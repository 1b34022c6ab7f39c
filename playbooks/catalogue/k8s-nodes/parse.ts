/**
 * k8s-nodes: step output → facts. nodes.sh prints four sections (`== nodes`, `== pvc`,
 * `== provisioning-failed`, `== failed-pods`), each kubectl's `-o json` List, or its refusal.
 * The JSON is read with the line every value starts on (k8s-pods/jsonlines.ts), so a finding
 * quotes kubectl's own `"status": "False"` line.
 */
import { lines } from '../../engine/analyze-kit.js';
import { at, bool, items, keys, parseWithLines, str, num, type JNode } from '../k8s-pods/jsonlines.js';

export type SectionName = 'nodes' | 'pvc' | 'provisioning-failed' | 'failed-pods';

export interface Listing {
  /** The List, or null when the section holds no JSON (kubectl refused: `messages` says why). */
  json: JNode | null;
  /** The section's lines outside the JSON (kubectl's warnings and errors). */
  messages: string[];
}

export interface Parsed {
  all: string[];
  sections: Partial<Record<SectionName, Listing>>;
}

const names: SectionName[] = ['nodes', 'pvc', 'provisioning-failed', 'failed-pods'];

export function parseOutput(stdout: string): Parsed {
  const all = lines(stdout);
  const sections: Parsed['sections'] = {};
  const heads = all.map((l, i) => ({ l, i })).filter((x) => x.l.startsWith('== '));
  heads.forEach((h, k) => {
    const name = h.l.slice(3).trim() as SectionName;
    if (!names.includes(name)) return;
    const from = h.i + 1;
    const to = heads[k + 1]?.i ?? all.length;
    const body = all.slice(from, to);
    const open = body.findIndex((l) => l.startsWith('{'));
    const close = body.map((l) => l.startsWith('}')).lastIndexOf(true);
    let json: JNode | null = null;
    if (open >= 0 && close >= open) json = parseWithLines(body.slice(open, close + 1).join('\n'), from + open);
    const messages = json ? [...body.slice(0, open), ...body.slice(close + 1)] : body;
    sections[name] = { json, messages: messages.filter((l) => l.trim()) };
  });
  return { all, sections };
}

/** The output line a value starts on (verbatim), when known. */
export const lineOf = (p: Parsed, n: JNode | undefined): string | undefined => (n ? p.all[n.line] : undefined);

export interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  /** Output lines: the type's and the status's (and the reason's and message's when present). */
  lines: string[];
}

export interface NodeFact {
  name: string;
  nameLine: string;
  labels: Map<string, { value: string; line: string }>;
  labelsLine: string;
  internalIP: string | undefined;
  unschedulable: { value: boolean; line: string } | null;
  conditions: Condition[];
}

export function nodeFacts(p: Parsed): NodeFact[] | null {
  const j = p.sections.nodes?.json;
  if (!j) return null;
  return items(at(j, 'items')).map((n) => {
    const meta = at(n, 'metadata');
    const nameNode = at(meta, 'name');
    const labelsNode = at(meta, 'labels');
    const labels = new Map<string, { value: string; line: string }>();
    for (const k of keys(labelsNode)) {
      const v = at(labelsNode, k);
      labels.set(k, { value: str(v) ?? '', line: lineOf(p, v) ?? '' });
    }
    const unsched = at(n, 'spec', 'unschedulable');
    const ip = items(at(n, 'status', 'addresses')).find((a) => str(at(a, 'type')) === 'InternalIP');
    const conditions = items(at(n, 'status', 'conditions')).map((c) => {
      const picked = ['type', 'status', 'reason', 'message'].map((k) => lineOf(p, at(c, k))).filter((l): l is string => l !== undefined);
      return { type: str(at(c, 'type')) ?? '', status: str(at(c, 'status')) ?? '', reason: str(at(c, 'reason')) ?? '', message: str(at(c, 'message')) ?? '', lines: picked };
    });
    return {
      name: str(nameNode) ?? '',
      nameLine: lineOf(p, nameNode) ?? '',
      labels,
      labelsLine: lineOf(p, labelsNode) ?? '',
      internalIP: str(at(ip, 'address')),
      unschedulable: bool(unsched) !== undefined ? { value: bool(unsched) as boolean, line: lineOf(p, unsched) ?? '' } : null,
      conditions,
    };
  });
}

export interface PvcFact {
  namespace: string;
  name: string;
  phase: string;
  storageClass: string;
  lines: string[];
}

export function pvcFacts(p: Parsed): PvcFact[] | null {
  const j = p.sections.pvc?.json;
  if (!j) return null;
  return items(at(j, 'items')).map((c) => {
    const nameNode = at(c, 'metadata', 'name');
    const phaseNode = at(c, 'status', 'phase');
    const scNode = at(c, 'spec', 'storageClassName');
    return {
      namespace: str(at(c, 'metadata', 'namespace')) ?? '',
      name: str(nameNode) ?? '',
      phase: str(phaseNode) ?? '',
      storageClass: str(scNode) ?? '',
      lines: [nameNode, scNode, phaseNode].map((x) => lineOf(p, x)).filter((l): l is string => l !== undefined),
    };
  });
}

export interface EventFact {
  namespace: string;
  objectKind: string;
  objectName: string;
  message: string;
  count: number;
  lines: string[];
}

export function provisioningEvents(p: Parsed): EventFact[] | null {
  const j = p.sections['provisioning-failed']?.json;
  if (!j) return null;
  return items(at(j, 'items')).map((e) => {
    const msg = at(e, 'message');
    const obj = at(e, 'involvedObject');
    return {
      namespace: str(at(obj, 'namespace')) ?? str(at(e, 'metadata', 'namespace')) ?? '',
      objectKind: str(at(obj, 'kind')) ?? '',
      objectName: str(at(obj, 'name')) ?? '',
      message: str(msg) ?? '',
      count: num(at(e, 'count')) ?? 1,
      lines: [at(e, 'reason'), msg].map((x) => lineOf(p, x)).filter((l): l is string => l !== undefined),
    };
  });
}

export interface FailedPod {
  namespace: string;
  name: string;
  node: string;
  reason: string;
  message: string;
  lines: string[];
}

export function failedPods(p: Parsed): FailedPod[] | null {
  const j = p.sections['failed-pods']?.json;
  if (!j) return null;
  // -o json of a field-selected list: still filter on the phase (a kubectl that ignored the selector).
  return items(at(j, 'items'))
    .filter((x) => str(at(x, 'status', 'phase')) === 'Failed')
    .map((x) => {
      const nameNode = at(x, 'metadata', 'name');
      const reason = at(x, 'status', 'reason');
      const msg = at(x, 'status', 'message');
      return {
        namespace: str(at(x, 'metadata', 'namespace')) ?? '',
        name: str(nameNode) ?? '',
        node: str(at(x, 'spec', 'nodeName')) ?? '',
        reason: str(reason) ?? '',
        message: str(msg) ?? '',
        lines: [nameNode, reason, msg].map((n) => lineOf(p, n)).filter((l): l is string => l !== undefined),
      };
    });
}
