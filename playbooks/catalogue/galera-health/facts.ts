/** Step outputs → one fact sheet per database node. */
import { completed } from '../../engine/analyze-kit.js';
import type { AnalyzerInput, Evidence, StepOutput } from '../../engine/types.js';
import { clientError, newestGrastate, parseGrastate, parseRows, type ClientError, type Grastate, type Row } from './parse.js';

export const STATUS = 'wsrep-status';
export const GRASTATE = 'grastate';
export const APP = 'app-query';

/**
 * primary: answered and is in a Primary component. non-primary: answered, not Primary.
 * down: mysqld (or its container) is not running. standalone: mysqld runs without Galera.
 * unknown: no usable answer (not run, timed out, login refused, ...).
 */
export type NodeKind = 'primary' | 'non-primary' | 'down' | 'standalone' | 'unknown';

export interface NodeFacts {
  node: string;
  kind: NodeKind;
  status: StepOutput | null;
  rows: Map<string, Row>;
  /** Why the status query failed, when it did. */
  statusError: ClientError | null;
  app: StepOutput | null;
  appError: ClientError | null;
  grastateOut: StepOutput | null;
  grastate: Grastate | null;
  /** All grastate.dat files the step printed (several only in odd kubelet layouts). */
  grastates: Grastate[];
}

export function row(f: NodeFacts, name: string): Row | null {
  return f.rows.get(name) ?? null;
}

export function num(r: Row | null): number | null {
  if (!r) return null;
  const n = Number(r.value);
  return r.value !== '' && Number.isFinite(n) ? n : null;
}

/** Evidence from the status step: the given rows that exist, in output order. */
export function statusEvidence(f: NodeFacts, names: string[]): Evidence[] {
  if (!f.status) return [];
  const wanted = new Set(names.map((n) => row(f, n)?.line).filter((l): l is string => !!l));
  const out = f.status.stdout.split('\n').filter((l) => wanted.has(l));
  return out.length ? [{ node: f.node, step: STATUS, lines: [...new Set(out)] }] : [];
}

export function errorEvidence(f: NodeFacts, step: string, err: ClientError | null): Evidence[] {
  return err ? [{ node: f.node, step, lines: [err.line] }] : [];
}

export function grastateEvidence(f: NodeFacts): Evidence[] {
  if (f.grastate) return [{ node: f.node, step: GRASTATE, lines: f.grastate.lines }];
  const err = f.grastateOut ? clientError(f.grastateOut) : null;
  return err ? [{ node: f.node, step: GRASTATE, lines: [err.line] }] : [];
}

function latest(outs: StepOutput[], node: string): StepOutput | null {
  return outs.filter((o) => o.node === node).at(-1) ?? null;
}

/** The database nodes in input order, plus any node that produced output but is not listed. */
function nodeNames(input: AnalyzerInput): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  const add = (n: string): void => {
    if (!seen.has(n)) names.push(n);
    seen.add(n);
  };
  for (const n of input.nodes) if (n.roles.includes('controller')) add(n.name);
  for (const o of input.outputs) if ([STATUS, GRASTATE, APP].includes(o.step)) add(o.node);
  return names;
}

export function gatherFacts(input: AnalyzerInput): NodeFacts[] {
  const statusOuts = completed(input, STATUS);
  const appOuts = completed(input, APP);
  const graOuts = completed(input, GRASTATE);
  return nodeNames(input).map((node) => {
    const status = latest(statusOuts, node);
    const rows = status ? parseRows(status.stdout) : new Map<string, Row>();
    const statusError = status && !rows.has('wsrep_cluster_status') ? clientError(status) : null;
    const app = latest(appOuts, node);
    const grastateOut = latest(graOuts, node);
    const grastates = grastateOut ? parseGrastate(grastateOut.stdout) : [];
    const f: NodeFacts = {
      node,
      kind: 'unknown',
      status,
      rows,
      statusError,
      app,
      appError: app ? clientError(app) : null,
      grastateOut,
      grastate: newestGrastate(grastates),
      grastates,
    };
    f.kind = kindOf(f);
    return f;
  });
}

function kindOf(f: NodeFacts): NodeKind {
  const cs = row(f, 'wsrep_cluster_status');
  if (cs) return cs.value.toLowerCase() === 'primary' ? 'primary' : 'non-primary';
  // It answered, but without Galera status: wsrep_on=OFF or no provider loaded.
  if (f.rows.size > 0) return 'standalone';
  if (f.statusError?.kind === 'mysqld-down' || f.statusError?.kind === 'container-down') return 'down';
  if (f.statusError?.kind === 'not-ready') return 'non-primary';
  return 'unknown';
}

