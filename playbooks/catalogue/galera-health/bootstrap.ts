/**
 * No Primary component anywhere: which node to bootstrap from. Running non-Primary nodes know
 * their position (wsrep_last_committed); stopped nodes have it in grastate.dat (seqno, or -1 after
 * a crash, when only `--wsrep-recover` can tell) and the last node to leave cleanly says
 * safe_to_bootstrap: 1.
 */
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
  said: string;
}

function positionOf(f: NodeFacts, observed: boolean): Position {
  const g = f.grastate;
  if (f.kind === 'non-primary') {
    const lc = num(row(f, 'wsrep_last_committed'));
    const status = row(f, 'wsrep_cluster_status')?.value ?? 'not Primary';
    const said =
      lc !== null
        ? `${f.node} is running but ${status}; its last committed seqno is ${lc} (wsrep_last_committed).`
        : `${f.node} is running but refuses queries (${f.statusError?.line ?? status}); its position is unknown.`;
    return { f, running: true, seqno: lc, safe: false, uuid: row(f, 'wsrep_cluster_state_uuid')?.value ?? null, said };
  }
  const down = observed ? `mysqld is not running on ${f.node};` : `${f.node}:`;
  if (!g) {
    const err = f.grastateOut ? clientError(f.grastateOut) : null;
    return { f, running: false, seqno: null, safe: false, uuid: null, said: `${down} its grastate.dat could not be read${err ? ' (see the evidence)' : ''}, so its position is unknown.` };
  }
  const seq = seqnoOf(g);
  const safe = g.safeToBootstrap?.value === '1' && hasClusterUuid(g);
  const uuid = hasClusterUuid(g) ? (g.uuid?.value ?? null) : null;
  if (seq !== null && seq >= 0)
    return { f, running: false, seqno: seq, safe, uuid, said: `${down} grastate.dat says it stopped cleanly at seqno ${seq}${safe ? ' and is safe_to_bootstrap: 1' : ''}.` };
  return {
    f,
    running: false,
    seqno: null,
    safe,
    uuid,
    said: `${down} grastate.dat says seqno -1: it crashed or was killed${observed ? '' : ' (or is still running)'}, so its last position is only known after --wsrep-recover${safe ? ', though it is marked safe_to_bootstrap: 1' : ''}.`,
  };
}

function evidenceOf(p: Position): Evidence[] {
  const f = p.f;
  if (p.running) return [...statusEvidence(f, ['wsrep_last_committed', 'wsrep_local_state_comment', 'wsrep_cluster_status', 'wsrep_ready']), ...errorEvidence(f, STATUS, f.statusError)];
  return [...errorEvidence(f, STATUS, f.statusError), ...grastateEvidence(f)];
}

const list = (names: string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`);

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

  const why: string[] = positions.map((p) => p.said);
  const crashed = positions.some((p) => p.f.grastate && seqnoOf(p.f.grastate) === -1);
  let title: string;
  let next: string;
  if (chosen) {
    title = `No Primary component: bootstrap from ${chosen.f.node}`;
    if (chosen.safe) why.push(`${chosen.f.node} has safe_to_bootstrap: 1: it was the last node to leave a cleanly stopped cluster, so it has every committed transaction.`);
    else if (chosen.running && unknownPos.length)
      why.push(
        `${chosen.f.node} stayed in the cluster longest: if ${list(unknownPos)} failed while ${chosen.f.node} was still with them (a crash or kill${crashed ? ', as seqno -1 says' : ''}), it received every transaction they committed. Only if ${chosen.f.node} had been cut off before they failed could one of them be ahead; recovering their positions settles that.`,
      );
    else why.push(`${chosen.f.node} has the highest known position (seqno ${chosen.seqno ?? '?'}).`);
    if (!chosen.running && unknownPos.length && !chosen.safe) why.push(`${list(unknownPos)} may be further ahead: recover their positions before bootstrapping.`);
    const others = positions.filter((p) => p !== chosen);
    const rejoin = others.filter((p) => !p.running).map((p) => startJoin(flavour, p.f.node));
    const start = chosen.running
      ? `${sqlOn(flavour, chosen.f.node, "SET GLOBAL wsrep_provider_options='pc.bootstrap=YES'")} (${chosen.f.node} becomes Primary without a restart${others.some((p) => p.running) ? '; the other running nodes rejoin it by themselves' : ''})`
      : bootstrapStopped(flavour, chosen.f.node, chosen.f.grastate?.path ?? null);
    const check = !chosen.safe && unknownPos.length ? `Before that, to be certain, recover the positions of ${list(unknownPos)}: ${recoverPosition(flavour, unknownPos)}. ` : '';
    next = `${check}${start}.${rejoin.length ? ` Then start the stopped nodes one at a time: ${rejoin.join('; ')}.` : ''}`;
  } else {
    const all = positions.map((p) => p.f.node);
    title = `No Primary component: recover the last position on ${list(all)} to choose the bootstrap node`;
    why.push('No node has a known position or safe_to_bootstrap: 1, so the most advanced node can only be found with --wsrep-recover.');
    next = `Recover the positions of ${list(all)}: ${recoverPosition(flavour, all)}. Bootstrap from the node with the highest recovered seqno: ${bootstrapStopped(flavour, '<that node>', null)}. Then start the other nodes one at a time.`;
  }
  if (runningUnknown.length) why.push(`${list(runningUnknown)} did not report a position; read wsrep_last_committed there before choosing.`);
  if (uuids.size > 1) why.push(`Careful: the nodes report different cluster UUIDs (${[...uuids].join(', ')}); seqnos are only comparable within one UUID.`);
  if (unseen.length)
    why.push(`${list(unseen.map((f) => f.node))} could not be checked: make sure no Primary component is running there before bootstrapping, or you create a second cluster (split brain).`);

  // A conclusion about the cluster is drawn only from the nodes that answered: one that did not may be Primary.
  const answered = facts.filter((f) => f.kind !== 'unknown').map((f) => f.node);
  if (observed && unseen.length) {
    title = `No Primary component on ${list(answered)}; ${list(unseen.map((f) => f.node))} could not be checked`;
    next = `First reach ${list(unseen.map((f) => f.node))}: if a Primary component runs there, ${list(answered)} ${answered.length === 1 ? 'is' : 'are'} cut off from it and must not be bootstrapped (fix the network, restart them to rejoin). Only if it is down too: ${next}`;
  }
  return [
    finding({
      check: 'galera.bootstrap',
      severity: observed ? 'critical' : 'info',
      title: observed ? title : `If the cluster is down: ${title.replace(/^No Primary component: /, '')}`,
      explanation: `${
        observed
          ? unseen.length
            ? `None of the database nodes that answered (${list(answered)}) is in a Primary component, so they refuse application queries.`
            : 'No database node is in a Primary component, so the cluster refuses all application queries until one node is bootstrapped.'
          : 'The wsrep status was not observed on any node, so this is only the plan for a fully stopped cluster, read from grastate.dat.'
      } ${why.join(' ')}`,
      evidence: positions.flatMap(evidenceOf),
      likelyCause: positions.every((p) => !p.running)
        ? 'The whole cluster stopped: power loss, all hosts rebooted, or every mysqld was killed or crashed.'
        : 'More than half of the nodes failed or were cut off at once, so the remaining ones cannot form a quorum and stop serving to avoid split brain.',
      nextStep: next,
    }),
  ];
}
