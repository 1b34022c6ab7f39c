/**
 * galera-health: facts per node (facts.ts) → findings. Per node: mysqld up, Primary component,
 * local state, wsrep_ready / application queries, flow control. Across nodes: cluster size vs
 * expected_size, one cluster state UUID, and — when no node is Primary — where to bootstrap from
 * (bootstrap.ts).
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import type { FindingMessage } from '../../../main/contract/types.js';
import { finding, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, AnalyzerInput, Evidence, Finding } from '../../engine/types.js';
import { startJoin, whyDown } from './advice.js';
import { bootstrapFindings } from './bootstrap.js';
import { APP, errorEvidence, gatherFacts, grastateEvidence, num, row, STATUS, statusEvidence, type NodeFacts } from './facts.js';
import { seqnoOf } from './parse.js';

/** wsrep_flow_control_paused above this (fraction of time since the last FLUSH STATUS) is a warning. */
export const FLOW_CONTROL_WARN = 0.1;

/** Local states with their own explanation (galera.local-state.meaning.STATE). */
const explainedStates = ['donor/desynced', 'joining', 'waiting on sst', 'joined', 'initialized'];

/** A check that could not be made, its title and reason given as messages. */
function skippedSaying(check: string, title: FindingMessage, reason: FindingMessage, ev: Evidence[] = []): Finding {
  const t = texts({ title, explanation: reason });
  return { ...skipped(check, t.title, t.explanation, ev), text: t.text };
}

function expectedSize(input: AnalyzerInput): number {
  const v = Number(input.params.expected_size ?? 3);
  return Number.isInteger(v) && v >= 1 ? v : 3;
}

const names = (fs: NodeFacts[]): string => fs.map((f) => f.node).join(', ');

function downFinding(input: AnalyzerInput, f: NodeFacts, primaryExists: boolean): Finding {
  const container = f.statusError?.kind === 'container-down';
  const g = f.grastate;
  const seq = g ? seqnoOf(g) : null;
  const grastate = !g ? '' : seq !== null && seq >= 0 ? say('galera.mysqld-down.grastate.clean', { seqno: seq }) : say('galera.mysqld-down.grastate.crashed');
  const node = f.node;
  return finding({
    check: 'galera.mysqld-down',
    severity: 'critical',
    ...texts({
      title: say(container ? 'galera.mysqld-down.title.container' : 'galera.mysqld-down.title', { node }),
      explanation: say('galera.mysqld-down.explanation', {
        what: say(container ? 'galera.mysqld-down.what.container' : 'galera.mysqld-down.what', { node }),
        line: f.statusError?.line ?? '',
        grastate,
        others: say(primaryExists ? 'galera.mysqld-down.others.primary' : 'galera.mysqld-down.others.none'),
      }),
      likelyCause: say(container ? 'galera.mysqld-down.cause.container' : 'galera.mysqld-down.cause'),
      nextStep: say('galera.mysqld-down.next', {
        whyDown: whyDown(input.deployment, node),
        then: primaryExists ? say('galera.mysqld-down.next.rejoin', { startJoin: startJoin(input.deployment, node) }) : say('galera.mysqld-down.next.bootstrap'),
      }),
    }),
    evidence: [...errorEvidence(f, STATUS, f.statusError), ...grastateEvidence(f)],
    // Without a Primary component anywhere, restarting this node alone does not help: the bootstrap decision explains it.
    ...(primaryExists ? {} : { explainedBy: ['galera.bootstrap'] }),
  });
}

function unknownFinding(f: NodeFacts): Finding | null {
  if (!f.status) return null; // not run or did not complete: the engine reports it
  const err = f.statusError;
  const ev = errorEvidence(f, STATUS, err);
  const node = f.node;
  if (err?.kind === 'access-denied')
    return skippedSaying('galera.status', say('galera.status.denied.title', { node }), say('galera.status.denied.explanation', { line: err.line }), ev);
  if (err?.kind === 'no-client') return skippedSaying('galera.status', say('galera.status.no-client.title', { node }), say('galera.status.line', { line: err.line }), ev);
  return skippedSaying('galera.status', say('galera.status.failed.title', { node }), say('galera.status.failed.explanation', { line: err?.line ?? say('galera.status.no-wsrep') }), ev);
}

function nonPrimaryFinding(f: NodeFacts, primaries: NodeFacts[], unseen: NodeFacts[]): Finding {
  const status = row(f, 'wsrep_cluster_status')?.value ?? 'not Primary';
  const elsewhere = primaries.length > 0;
  // Only the nodes that answered say there is no Primary component; one that did not may be it.
  const node = f.node;
  const rest = elsewhere
    ? say('galera.non-primary.elsewhere', { primaries: names(primaries), node })
    : unseen.length
      ? say('galera.non-primary.unseen', { unseen: names(unseen), node })
      : say('galera.non-primary.none');
  const notReady = f.appError?.kind === 'not-ready' ? [{ node: f.node, step: APP, lines: [f.appError.line] }] : [];
  return finding({
    check: 'galera.non-primary',
    severity: 'critical',
    ...texts({
      title: say('galera.non-primary.title', { node, status }),
      explanation: say('galera.non-primary.explanation', { node, status, rest }),
      likelyCause: elsewhere ? say('galera.non-primary.cause.elsewhere', { node }) : say('galera.non-primary.cause.none'),
      nextStep: elsewhere ? say('galera.non-primary.next.elsewhere', { node }) : say('galera.non-primary.next.none'),
    }),
    evidence: [...statusEvidence(f, ['wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_cluster_status', 'wsrep_connected', 'wsrep_ready']), ...errorEvidence(f, STATUS, f.statusError), ...notReady],
    ...(elsewhere ? {} : { explainedBy: ['galera.bootstrap'] }),
  });
}

/** Findings about one Primary node (problems only; passes are gathered by the caller). */
function primaryNodeFindings(f: NodeFacts): { problems: Finding[]; synced: boolean; ready: boolean; flowOk: boolean } {
  const problems: Finding[] = [];
  const state = row(f, 'wsrep_local_state_comment');
  const synced = state?.value === 'Synced';
  if (state && !synced) {
    const key = state.value.toLowerCase();
    const meaning = say(explainedStates.includes(key) ? `galera.local-state.meaning.${key}` : 'galera.local-state.meaning.other');
    const node = f.node;
    problems.push(
      finding({
        check: 'galera.local-state',
        severity: 'warning',
        ...texts({
          title: say('galera.local-state.title', { node, state: state.value }),
          explanation: say('galera.local-state.explanation', { node, state: state.value, meaning }),
          likelyCause: say(key.startsWith('donor') ? 'galera.local-state.cause.donor' : 'galera.local-state.cause.joining'),
          nextStep: say('galera.local-state.next', { node }),
        }),
        evidence: statusEvidence(f, ['wsrep_local_state_comment', 'wsrep_desync_count', 'wsrep_local_recv_queue', 'wsrep_cluster_status']),
      }),
    );
  }
  const readyRow = row(f, 'wsrep_ready');
  const appNotReady = f.appError?.kind === 'not-ready';
  const notReady = readyRow?.value.toUpperCase() === 'OFF' || appNotReady;
  // Claim readiness only from what was seen: wsrep_ready ON, or a table read that worked.
  const ready = !notReady && (readyRow?.value.toUpperCase() === 'ON' || (f.app?.state === 'succeeded' && !f.appError));
  if (notReady) {
    problems.push(
      finding({
        check: 'galera.not-ready',
        severity: 'critical',
        ...texts({
          title: say('galera.not-ready.title', { node: f.node }),
          explanation: say('galera.not-ready.explanation', { node: f.node }),
          likelyCause: say('galera.not-ready.cause'),
          nextStep: say('galera.not-ready.next', { node: f.node }),
        }),
        evidence: [...statusEvidence(f, ['wsrep_local_state_comment', 'wsrep_ready']), ...(appNotReady ? errorEvidence(f, APP, f.appError) : [])],
      }),
    );
  }
  const paused = num(row(f, 'wsrep_flow_control_paused'));
  const flowOk = paused !== null && paused <= FLOW_CONTROL_WARN;
  if (paused !== null && !flowOk)
    problems.push(
      finding({
        check: 'galera.flow-control',
        severity: 'warning',
        ...texts({
          title: say('galera.flow-control.title', { percent: Math.round((paused ?? 0) * 100), node: f.node }),
          explanation: say('galera.flow-control.explanation', { paused: String(paused), node: f.node, limit: FLOW_CONTROL_WARN }),
          likelyCause: say('galera.flow-control.cause'),
          nextStep: say('galera.flow-control.next'),
        }),
        evidence: statusEvidence(f, ['wsrep_local_recv_queue_avg', 'wsrep_local_send_queue_avg', 'wsrep_flow_control_paused', 'wsrep_flow_control_sent', 'wsrep_flow_control_recv']),
      }),
    );
  return { problems, synced, ready, flowOk };
}

function ok(check: string, title: FindingMessage, explanation: FindingMessage, evidence: Evidence[]): Finding {
  const t = texts({ title, explanation });
  return finding({ check, severity: 'ok', title: t.title, explanation: t.explanation, text: t.text, evidence });
}

function sizeFindings(input: AnalyzerInput, facts: NodeFacts[], primaries: NodeFacts[]): Finding[] {
  const expected = expectedSize(input);
  const bySize = new Map<number, NodeFacts[]>();
  for (const f of primaries) {
    const n = num(row(f, 'wsrep_cluster_size'));
    if (n !== null) bySize.set(n, [...(bySize.get(n) ?? []), f]);
  }
  const out: Finding[] = [];
  for (const [size, fs] of bySize) {
    const ev = fs.flatMap((f) => statusEvidence(f, ['wsrep_incoming_addresses', 'wsrep_cluster_size']));
    if (size === expected) {
      out.push(ok('galera.cluster-size', say('galera.cluster-size.ok.title', { expected }), say('galera.cluster-size.ok.explanation', { size, nodes: names(fs) }), ev));
      continue;
    }
    const missing = facts.filter((f) => f.kind !== 'primary');
    const low = size < expected;
    out.push(
      finding({
        check: 'galera.cluster-size',
        severity: low && size * 2 <= expected ? 'critical' : 'warning',
        ...texts({
          title: low
            ? say('galera.cluster-size.low.title', { size, expected, missing: missing.length ? say('galera.cluster-size.low.missing', { nodes: names(missing) }) : '' })
            : say('galera.cluster-size.high.title', { size, expected }),
          explanation: low
            ? say('galera.cluster-size.low.explanation', {
                size,
                nodes: names(fs),
                expected,
                margin:
                  size * 2 <= expected
                    ? say('galera.cluster-size.low.margin.none')
                    : say(Math.ceil(size / 2) === 1 ? 'galera.cluster-size.low.margin.one' : 'galera.cluster-size.low.margin.many', { count: Math.ceil(size / 2) }),
              })
            : say('galera.cluster-size.high.explanation', { size, nodes: names(fs), expected }),
          likelyCause: say(low ? 'galera.cluster-size.low.cause' : 'galera.cluster-size.high.cause'),
          nextStep: say(low ? 'galera.cluster-size.low.next' : 'galera.cluster-size.high.next'),
        }),
        evidence: ev,
      }),
    );
  }
  if (!bySize.size && primaries.length) out.push(skippedSaying('galera.cluster-size', say('galera.cluster-size.skipped.title'), say('galera.cluster-size.skipped.no-size')));
  return out;
}

function uuidFindings(facts: NodeFacts[]): Finding[] {
  const byUuid = new Map<string, NodeFacts[]>();
  for (const f of facts) {
    const u = row(f, 'wsrep_cluster_state_uuid')?.value;
    if (u && !/^0{8}-/.test(u)) byUuid.set(u, [...(byUuid.get(u) ?? []), f]);
  }
  const reporting = [...byUuid.values()].flat();
  const ev = reporting.flatMap((f) => statusEvidence(f, ['wsrep_cluster_state_uuid', 'wsrep_cluster_status']));
  if (byUuid.size > 1)
    return [
      finding({
        check: 'galera.state-uuid',
        severity: 'critical',
        ...texts({
          title: say('galera.state-uuid.split.title', { groups: [...byUuid.values()].map(names).join(' vs ') }),
          explanation: say('galera.state-uuid.split.explanation', { pairs: [...byUuid].map(([u, fs]) => `${names(fs)}: ${u}`).join('; ') }),
          likelyCause: say('galera.state-uuid.split.cause'),
          nextStep: say('galera.state-uuid.split.next'),
        }),
        evidence: ev,
      }),
    ];
  if (reporting.length > 1)
    return [ok('galera.state-uuid', say('galera.state-uuid.ok.title', { count: reporting.length }), say('galera.state-uuid.ok.explanation', { uuid: [...byUuid.keys()][0] ?? '', nodes: names(reporting) }), ev)];
  return [];
}

export const analyze: Analyzer = (input) => {
  const facts = gatherFacts(input);
  const primaries = facts.filter((f) => f.kind === 'primary');
  const unseen = facts.filter((f) => f.kind === 'unknown');
  const findings: Finding[] = [];
  const passed = { synced: [] as NodeFacts[], ready: [] as NodeFacts[], flow: [] as NodeFacts[] };

  for (const f of facts) {
    if (f.kind === 'down') findings.push(downFinding(input, f, primaries.length > 0));
    else if (f.kind === 'non-primary') findings.push(nonPrimaryFinding(f, primaries, unseen));
    else if (f.kind === 'standalone')
      findings.push(
        finding({
          check: 'galera.wsrep-off',
          severity: 'warning',
          ...texts({
            title: say('galera.wsrep-off.title', { node: f.node }),
            explanation: say('galera.wsrep-off.explanation', { node: f.node }),
            likelyCause: say('galera.wsrep-off.cause'),
            nextStep: say('galera.wsrep-off.next', { node: f.node }),
          }),
          evidence: statusEvidence(f, ['wsrep_on', 'wsrep_cluster_address', 'wsrep_ready']),
        }),
      );
    else if (f.kind === 'primary') {
      const r = primaryNodeFindings(f);
      findings.push(...r.problems);
      if (r.synced) passed.synced.push(f);
      if (r.ready) passed.ready.push(f);
      if (r.flowOk) passed.flow.push(f);
    } else {
      const u = unknownFinding(f);
      if (u) findings.push(u);
    }
  }

  if (primaries.length) {
    const one = (fs: NodeFacts[]): string => (fs.length === 1 ? 'one' : 'many');
    findings.push(ok('galera.primary', say(`galera.primary.title.${one(primaries)}`, { nodes: names(primaries) }), say('galera.primary.explanation'), primaries.flatMap((f) => statusEvidence(f, ['wsrep_cluster_status']))));
    if (passed.synced.length)
      findings.push(ok('galera.local-state', say('galera.synced.title', { nodes: names(passed.synced) }), say('galera.synced.explanation'), passed.synced.flatMap((f) => statusEvidence(f, ['wsrep_local_state_comment']))));
    if (passed.ready.length)
      findings.push(
        ok(
          'galera.ready',
          say(`galera.ready.title.${one(passed.ready)}`, { nodes: names(passed.ready) }),
          say('galera.ready.explanation'),
          passed.ready.flatMap((f) => statusEvidence(f, ['wsrep_ready'])),
        ),
      );
    if (passed.flow.length)
      findings.push(
        ok('galera.flow-control', say('galera.flow-ok.title', { nodes: names(passed.flow) }), say('galera.flow-ok.explanation', { limit: FLOW_CONTROL_WARN }), passed.flow.flatMap((f) => statusEvidence(f, ['wsrep_flow_control_paused']))),
      );
    findings.push(...sizeFindings(input, facts, primaries));
  } else if (facts.some((f) => f.kind !== 'unknown')) {
    // Only a node that answered can say there is no Primary component (one that did not may be it).
    findings.push(skippedSaying('galera.cluster-size', say('galera.cluster-size.skipped.title'), say('galera.cluster-size.skipped.no-primary')));
  }
  findings.push(...uuidFindings(facts));
  findings.push(...bootstrapFindings(input, facts));
  return findings;
};
