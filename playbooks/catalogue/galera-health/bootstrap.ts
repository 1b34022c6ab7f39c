/**
 * No Primary component anywhere: which node to bootstrap from. Running non-Primary nodes know
 * their position (wsrep_last_committed); stopped nodes have it in grastate.dat (seqno, or -1 after
 * a crash, when only `--wsrep-recover` can tell) and the last node to leave cleanly says
 * safe_to_bootstrap: 1.
 */
import type { FindingMessage } from '../../../main/contract/types.js';
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { finding } from '../../engine/analyze-kit.js';
import type { AnalyzerInput, Evidence, Finding } from '../../engine/types.js';
import { bootstrapStopped, recoverPosition, sqlOn, startJoin } from './advice.js';
import { errorEvidence, grastateEvidence, num, row, STATUS, statusEvidence, type NodeFacts } from './facts.js';
import { clientError, hasClusterUuid, seqnoOf } from './parse.js';

interface Position {
  f: NodeFacts;
  running: boolean;
  /** Last committed seqno when known. */
  seqno: number | null;
  /** grastate.dat says safe_to_bootstrap: 1 (the last node to leave a cleanly stopped cluster). */
  safe: boolean;
  uuid: string | null;
  /** One sentence on what we know about this node's position. */
  said: FindingMessage;
}

function positionOf(f: NodeFacts, observed: boolean): Position {
  const g = f.grastate;
  if (f.kind === 'non-primary') {
    const lc = num(row(f, 'wsrep_last_committed'));
    const status = row(f, 'wsrep_cluster_status')?.value ?? 'not Primary';
    const said =
      lc !== null
        ? say('galera.position.running', { node: f.node, status, seqno: lc })
        : say('galera.position.running-unknown', { node: f.node, reason: f.statusError?.line ?? status });
    return { f, running: true, seqno: lc, safe: false, uuid: row(f, 'wsrep_cluster_state_uuid')?.value ?? null, said };
  }
  const down = say(observed ? 'galera.position.down' : 'galera.position.node', { node: f.node });
  if (!g) {
    const err = f.grastateOut ? clientError(f.grastateOut) : null;
    return { f, running: false, seqno: null, safe: false, uuid: null, said: say('galera.position.unreadable', { down, see: err ? say('galera.position.unreadable.see') : '' }) };
  }
  const seq = seqnoOf(g);
  const safe = g.safeToBootstrap?.value === '1' && hasClusterUuid(g);
  const uuid = hasClusterUuid(g) ? (g.uuid?.value ?? null) : null;
  if (seq !== null && seq >= 0)
    return { f, running: false, seqno: seq, safe, uuid, said: say('galera.position.clean', { down, seqno: seq, safe: safe ? say('galera.position.clean.safe') : '' }) };
  return {
    f,
    running: false,
    seqno: null,
    safe,
    uuid,
    said: say('galera.position.crashed', { down, maybe: observed ? '' : say('galera.position.crashed.maybe'), safe: safe ? say('galera.position.crashed.safe') : '' }),
  };
}

function evidenceOf(p: Position): Evidence[] {
  const f = p.f;
  if (p.running) return [...statusEvidence(f, ['wsrep_last_committed', 'wsrep_local_state_comment', 'wsrep_cluster_status', 'wsrep_ready']), ...errorEvidence(f, STATUS, f.statusError)];
  return [...errorEvidence(f, STATUS, f.statusError), ...grastateEvidence(f)];
}

/** Names joined the way each language joins them ("a, b and c"). */
const list = (names: string[]): { list: string[] } => ({ list: names });

/** The bootstrap finding, when no node is in a Primary component (none otherwise). */
export function bootstrapFindings(input: AnalyzerInput, facts: NodeFacts[]): Finding[] {
  if (facts.some((f) => f.kind === 'primary')) return [];
  const flavour = input.deployment;
  const relevant = facts.filter((f) => f.kind === 'down' || f.kind === 'non-primary');
  const observed = relevant.length > 0;
  // Nothing answered: plan from grastate.dat alone, if we have it ("if the cluster is down").
  const considered = observed ? relevant : facts.filter((f) => f.grastate && f.kind === 'unknown');
  if (!considered.length) return [];
  const unseen = observed ? facts.filter((f) => f.kind === 'unknown') : [];
  const positions = considered.map((f) => positionOf(f, observed));

  const known = positions.filter((p) => p.seqno !== null).sort((a, b) => (b.seqno ?? 0) - (a.seqno ?? 0) || Number(b.running) - Number(a.running) || Number(b.safe) - Number(a.safe));
  const safe = positions.find((p) => p.safe);
  const best = known[0];
  const chosen = safe && (!best || safe.seqno === null || (best.seqno ?? 0) <= safe.seqno) ? safe : best;
  const unknownPos = positions.filter((p) => p !== chosen && p.seqno === null && !p.running).map((p) => p.f.node);
  const runningUnknown = positions.filter((p) => p !== chosen && p.seqno === null && p.running).map((p) => p.f.node);
  const uuids = new Set(positions.map((p) => p.uuid).filter((u): u is string => !!u));

  const why: FindingMessage[] = positions.map((p) => p.said);
  const crashed = positions.some((p) => p.f.grastate && seqnoOf(p.f.grastate) === -1);
  let title: FindingMessage;
  let next: FindingMessage;
  if (chosen) {
    const node = chosen.f.node;
    title = say(observed ? 'galera.bootstrap.title.chosen' : 'galera.bootstrap.title.plan.chosen', { node });
    if (chosen.safe) why.push(say('galera.bootstrap.why.safe', { node }));
    else if (chosen.running && unknownPos.length) why.push(say('galera.bootstrap.why.longest', { node, others: list(unknownPos), crashed: crashed ? say('galera.bootstrap.why.longest.crashed') : '' }));
    else why.push(say('galera.bootstrap.why.highest', { node, seqno: chosen.seqno ?? '?' }));
    if (!chosen.running && unknownPos.length && !chosen.safe) why.push(say('galera.bootstrap.why.ahead', { nodes: list(unknownPos) }));
    const others = positions.filter((p) => p !== chosen);
    const rejoin = others.filter((p) => !p.running).map((p) => startJoin(flavour, p.f.node));
    const start = chosen.running
      ? say('galera.bootstrap.next.running', {
          command: sqlOn(flavour, node, "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'"),
          node,
          others: others.some((p) => p.running) ? say('galera.bootstrap.next.running.others') : '',
        })
      : say('galera.bootstrap.next.stopped', { command: bootstrapStopped(flavour, node, chosen.f.grastate?.path ?? null) });
    const check = !chosen.safe && unknownPos.length ? say('galera.bootstrap.next.check', { nodes: list(unknownPos), how: recoverPosition(flavour, unknownPos) }) : '';
    next = say('galera.bootstrap.next.chosen', { check, start, rejoin: rejoin.length ? say('galera.bootstrap.next.rejoin', { commands: rejoin.join('; ') }) : '' });
  } else {
    const all = positions.map((p) => p.f.node);
    title = say(observed ? 'galera.bootstrap.title.recover' : 'galera.bootstrap.title.plan.recover', { nodes: list(all) });
    why.push(say('galera.bootstrap.why.none-known'));
    next = say('galera.bootstrap.next.recover', { nodes: list(all), how: recoverPosition(flavour, all), command: bootstrapStopped(flavour, '<that node>', null) });
  }
  if (runningUnknown.length) why.push(say('galera.bootstrap.why.running-unknown', { nodes: list(runningUnknown) }));
  if (uuids.size > 1) why.push(say('galera.bootstrap.why.uuids', { uuids: [...uuids].join(', ') }));
  if (unseen.length) why.push(say('galera.bootstrap.why.unseen', { nodes: list(unseen.map((f) => f.node)) }));

  // A conclusion about the cluster is drawn only from the nodes that answered: one that did not may be Primary.
  const answered = facts.filter((f) => f.kind !== 'unknown').map((f) => f.node);
  if (observed && unseen.length) {
    title = say('galera.bootstrap.title.unseen', { answered: list(answered), unseen: list(unseen.map((f) => f.node)) });
    next = say(answered.length === 1 ? 'galera.bootstrap.next.unseen.one' : 'galera.bootstrap.next.unseen.many', { unseen: list(unseen.map((f) => f.node)), answered: list(answered), next });
  }
  const lead = observed ? (unseen.length ? say('galera.bootstrap.lead.answered', { answered: list(answered) }) : say('galera.bootstrap.lead.all')) : say('galera.bootstrap.lead.plan');
  return [
    finding({
      check: 'galera.bootstrap',
      severity: observed ? 'critical' : 'info',
      ...texts({
        title,
        explanation: say('galera.bootstrap.explanation', { lead, why }),
        likelyCause: say(positions.every((p) => !p.running) ? 'galera.bootstrap.cause.all-stopped' : 'galera.bootstrap.cause.majority'),
        nextStep: next,
      }),
      evidence: positions.flatMap(evidenceOf),
    }),
  ];
}
