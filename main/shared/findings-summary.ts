/**
 * A case's findings as a person reads them after "check the whole cluster": one problem per
 * thing that is wrong (the same check and title from several runs is one problem with more
 * evidence), causes before symptoms (a finding that names what explains it sits under that
 * finding when it failed too), what could not be checked apart from what is wrong and from what
 * was checked and healthy. Pure: the CLI, the app and the report draw the same summary.
 */
import type { CaseFinding, FindingSeverity } from '../contract/types.js';

/** What the summary reads of a finding (a case's findings, or the report's). */
export interface SummaryFinding {
  id: number;
  runId: number;
  check: string;
  severity: FindingSeverity;
  status: CaseFinding['status'];
  title: string;
  playbook: string;
  latest: boolean;
  explainedBy: string[];
  skippedReason?: string | null;
  evidence: Array<{ node: string }>;
}

export interface SummaryProblem<F extends SummaryFinding = CaseFinding> {
  /** What the problem is called: the lead's title, or for a node no playbook could reach, that node and why. */
  title: string;
  /** The finding that leads: the worst, then the newest. */
  lead: F;
  /** More findings saying the same (same check and title from other runs, or the same node unreachable). */
  also: F[];
  severity: FindingSeverity;
  /** Nodes its evidence names, once each. */
  nodes: string[];
  /** Failures this one explains, worst first (flattened: a consequence of a consequence is listed here too). */
  consequences: Array<SummaryProblem<F>>;
}

export interface RuledOut {
  playbook: string;
  checks: Array<{ check: string; title: string; findingId: number }>;
}

export interface FindingsSummary<F extends SummaryFinding = CaseFinding> {
  /** Root causes and standalone problems, worst first; each with what it explains. */
  problems: Array<SummaryProblem<F>>;
  /** Checks that could not be made (a node unreachable, no pod, a refused login): never ok. */
  notChecked: Array<SummaryProblem<F>>;
  /** Checked and healthy, per playbook. */
  ruledOut: RuledOut[];
  /** Worth knowing, not wrong (a step ran on another node, a count). */
  info: F[];
  counts: { critical: number; warning: number; notChecked: number; ok: number };
}

const rank: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2, ok: 3 };

/** Does `check` match `ref` (`galera.bootstrap`, or `galera.*` for every check of that prefix)? */
export function checkMatches(ref: string, check: string): boolean {
  return ref.endsWith('.*') ? check.startsWith(ref.slice(0, -1)) : ref === check;
}

const nodesOf = (fs: SummaryFinding[]): string[] => [...new Set(fs.flatMap((f) => f.evidence.map((e) => e.node)).filter(Boolean))];

/** What the engine could not check on a node, said the same way by each playbook that tried. */
function unreachableKey(f: SummaryFinding): string | null {
  if (f.check !== 'engine.could-not-check') return null;
  const node = f.evidence[0]?.node;
  const why = /: (unreachable|timed out|interrupted|cancelled)$/.exec(f.title)?.[1];
  return node && why ? `node\u0000${node}\u0000${why}` : null;
}

/**
 * Steps that could not be checked for the same reason ("Could not check "Nova services" on
 * controller-1: sudo needs a password", the same on each node and for other steps): one problem
 * for the reason, naming the step when it is one, else how many, and every node.
 */
function sameReasonKey(f: SummaryFinding): string | null {
  const parts = reasonParts(f);
  return parts ? `why\u0000${parts.why}` : null;
}

/** `Could not check "STEP" on NODE: WHY` as its step part and its reason. */
function reasonParts(f: SummaryFinding): { step: string; why: string } | null {
  if (f.check !== 'engine.could-not-check') return null;
  const node = f.evidence[0]?.node ?? /^([^:]+): /.exec(f.skippedReason ?? '')?.[1];
  const at = node ? f.title.indexOf(` on ${node}: `) : -1;
  if (!node || at < 0) return null;
  return { step: f.title.slice(0, at), why: f.title.slice(at + ` on ${node}: `.length) };
}

const listed = (xs: string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** A node that did not answer any playbook is one problem named after the node, not after the first step that tried. */
function titleOf(key: string, fs: SummaryFinding[], nodes: string[]): string {
  const lead = fs[0] as SummaryFinding;
  const [kind, node, why] = key.split('\u0000');
  if (kind === 'why') {
    // A reason key is `why\0REASON`: its second part is the reason, not a node.
    const reason = node ?? '';
    const steps = [...new Set(fs.map((f) => reasonParts(f)?.step))];
    const where = [...nodes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    return `${steps.length === 1 ? steps[0] : `Could not check ${steps.length} steps`} on ${listed(where)}: ${reason}`;
  }
  if (kind !== 'node' || !node) return lead.title;
  const reason = lead.skippedReason?.startsWith(`${node}: `) ? lead.skippedReason.slice(node.length + 2) : (why ?? '');
  // The connection error names the node itself ("compute-1 (root@10.0.0.5:22): connection refused…").
  const what = reason.startsWith(`${node} `) ? reason : `${node}: ${reason}`;
  return why === 'unreachable' ? `Could not reach ${what}` : `Could not check ${what}`;
}

function group<F extends SummaryFinding>(findings: F[], key: (f: F) => string): Array<SummaryProblem<F>> {
  const byKey = new Map<string, F[]>();
  for (const f of findings) byKey.set(key(f), [...(byKey.get(key(f)) ?? []), f]);
  return [...byKey].map(([k, fs]) => {
    const [lead, ...also] = [...fs].sort((a, b) => rank[a.severity] - rank[b.severity] || b.runId - a.runId || a.id - b.id) as [F, ...F[]];
    const nodes = nodesOf(fs);
    return { title: titleOf(k, [lead, ...also], nodes), lead, also, severity: lead.severity, nodes, consequences: [] };
  });
}

/** The worst severity of a problem and what it explains: a warning that causes a critical failure ranks with criticals. */
const chainRank = (p: SummaryProblem<SummaryFinding>): number => Math.min(rank[p.severity], ...p.consequences.map(chainRank));
const byWorst = (a: SummaryProblem<SummaryFinding>, b: SummaryProblem<SummaryFinding>): number => chainRank(a) - chainRank(b) || rank[a.severity] - rank[b.severity] || b.consequences.length - a.consequences.length || a.lead.id - b.lead.id;

/**
 * The summary of a case's latest findings (older runs of a playbook are stale: a newer run of it
 * says how things are now).
 */
export function summarizeFindings<F extends SummaryFinding>(all: F[]): FindingsSummary<F> {
  const latest = all.filter((f) => f.latest);
  const failed = latest.filter((f) => f.status === 'FAILED' && (f.severity === 'critical' || f.severity === 'warning'));
  const skipped = latest.filter((f) => f.status === 'SKIPPED');
  const problems = group(failed, (f) => `${f.check}\u0000${f.title}`);
  const notChecked = group(skipped, (f) => unreachableKey(f) ?? sameReasonKey(f) ?? `${f.check}\u0000${f.title}`);

  // Causes before symptoms: a problem whose lead names a failed check sits under the root of that check's chain.
  const explainer = (p: SummaryProblem<F>): SummaryProblem<F> | undefined =>
    problems.find((q) => q !== p && p.lead.explainedBy.some((ref) => [q.lead, ...q.also].some((f) => checkMatches(ref, f.check))));
  const rootOf = (p: SummaryProblem<F>): SummaryProblem<F> => {
    const path = [p];
    for (let next = explainer(p); next; next = explainer(path.at(-1) as SummaryProblem<F>)) {
      const loop = path.indexOf(next);
      // Findings that explain each other: the worst (then the first) of the loop leads it, whichever member asks.
      if (loop >= 0) return path.slice(loop).sort((a, b) => rank[a.severity] - rank[b.severity] || a.lead.id - b.lead.id)[0] as SummaryProblem<F>;
      path.push(next);
    }
    return path.at(-1) as SummaryProblem<F>;
  };
  const roots: Array<SummaryProblem<F>> = [];
  for (const p of problems) {
    const root = rootOf(p);
    if (root === p) roots.push(p);
    else root.consequences.push(p);
  }
  for (const r of roots) r.consequences.sort(byWorst);

  const ruled = new Map<string, RuledOut>();
  for (const f of latest.filter((x) => x.status === 'OK')) {
    const entry = ruled.get(f.playbook) ?? { playbook: f.playbook, checks: [] };
    entry.checks.push({ check: f.check, title: f.title, findingId: f.id });
    ruled.set(f.playbook, entry);
  }
  return {
    problems: roots.sort(byWorst),
    notChecked: notChecked.sort(byWorst),
    ruledOut: [...ruled.values()].sort((a, b) => a.playbook.localeCompare(b.playbook)),
    info: latest.filter((f) => f.status === 'INFO'),
    counts: {
      critical: problems.filter((p) => p.severity === 'critical').length,
      warning: problems.filter((p) => p.severity === 'warning').length,
      notChecked: notChecked.length,
      ok: latest.filter((f) => f.status === 'OK').length,
    },
  };
}

/** A piece of a finding's text: plain words, or a reference to another check ("follow the galera.bootstrap finding"). */
export type TextPart = { text: string } | { text: string; check: string };

const REF = /\b(?:the )?([a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*[a-z0-9]) finding\b/g;

/** Split a text at its references to other checks, so they can be shown as links. */
export function findingRefs(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(REF)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ text: m[0], check: m[1] ?? '' });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** The finding a reference points to: the latest failed one of that check, else any latest one. */
export function referencedFinding<F extends Pick<SummaryFinding, 'check' | 'latest' | 'status'>>(check: string, findings: F[]): F | undefined {
  const of = findings.filter((f) => f.latest && f.check === check);
  return of.find((f) => f.status === 'FAILED') ?? of[0];
}

/** A text with its check references written as the referenced finding's title (for text exports and the terminal). */
export function withRefTitles(text: string, findings: Array<Pick<SummaryFinding, 'check' | 'latest' | 'status' | 'title'>>): string {
  return findingRefs(text)
    .map((p) => {
      if (!('check' in p)) return p.text;
      const f = referencedFinding(p.check, findings);
      return f ? `the finding “${f.title}”` : p.text;
    })
    .join('');
}
